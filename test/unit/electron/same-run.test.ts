import { describe, expect, it } from 'vitest';
import { sameRun } from '../../../electron/api/handlers/run-import-preview';

// One run in other bytes is found by what the device recorded: start, elapsed time, distance.
// The figures are the fēnix 2 run: its FIT (the watch's own 9,008 m) and its GPX export (smoothed
// positions, 8,824 m — the smoother leaves out a position jump at the start the watch counted).
const fit = { ms: Date.parse('2015-08-15T14:45:08Z'), durationS: 2832, distanceM: 9008.22 };
const gpx = { ms: Date.parse('2015-08-15T14:45:08Z'), durationS: 2833, distanceM: 8823.6 };

describe('two recordings of one run', () => {
  it('a FIT and its GPX export are one run although their distances are measured differently (2 % apart)', () => {
    expect(sameRun(fit, gpx)).toBe(true);
    expect(sameRun(gpx, fit)).toBe(true);
  });

  it('a phone started a minute after the watch and stopped a minute later is the same run', () => {
    expect(sameRun(fit, { ms: fit.ms + 60_000, durationS: fit.durationS + 60, distanceM: fit.distanceM * 0.97 })).toBe(true);
  });

  it('a run starting three minutes apart, lasting half as long, or covering a tenth more is another run', () => {
    expect(sameRun(fit, { ...fit, ms: fit.ms + 180_000 })).toBe(false);
    expect(sameRun(fit, { ...fit, durationS: fit.durationS / 2 })).toBe(false);
    expect(sameRun(fit, { ...fit, distanceM: fit.distanceM * 1.1 })).toBe(false);
  });

  it('short runs: 50 m and two minutes of slack, not a share of almost nothing', () => {
    const short = { ms: fit.ms, durationS: 57, distanceM: 160 };
    expect(sameRun(short, { ...short, durationS: 70, distanceM: 200 })).toBe(true);
    expect(sameRun(short, { ...short, distanceM: 240 })).toBe(false);
  });
});
