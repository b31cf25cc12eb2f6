import { describe, expect, it } from 'vitest';
import { checkPlausibility } from '../../../shared/running/plausibility';
import { perSecondSeries } from '../../../shared/running/run-walk-series';
import { segmentRunWalk } from '../../../shared/running/run-walk-segmentation';
import { detectionText } from '../../../shared/running/import-messages';
import { fitTwoModes } from '../../../shared/running/two-modes';
import { mulberry32, gaussian, runWalkPhases, syntheticTrack } from './synthetic';

describe('fitTwoModes', () => {
  it('finds a walk and a slow jog that a fixed 7.9 km/h line would call both walking', () => {
    const rng = mulberry32(3);
    const values = [...Array.from({ length: 600 }, () => 5 / 3.6 + 0.08 * gaussian(rng)), ...Array.from({ length: 400 }, () => 7.6 / 3.6 + 0.08 * gaussian(rng))];
    const m = fitTwoModes(values)!;
    expect(m.low).toBeCloseTo(5 / 3.6, 1);
    expect(m.high).toBeCloseTo(7.6 / 3.6, 1);
    expect(m.weightLow).toBeCloseTo(0.6, 1);
    expect(m.split).toBeGreaterThan(m.low);
    expect(m.split).toBeLessThan(m.high);
    expect(m.separation).toBeGreaterThan(5);
  });

  it('one pace: the two "modes" are not separated', () => {
    const rng = mulberry32(4);
    const m = fitTwoModes(Array.from({ length: 1000 }, () => 3 + 0.15 * gaussian(rng)));
    expect(m === null || m.separation < 2).toBe(true);
  });
});

describe('the method that decided', () => {
  const slowJog = runWalkPhases(6, { seconds: 180, speed: 7.6 / 3.6 }, { seconds: 120, speed: 5 / 3.6 });

  it('a slow jogger: found by the session\'s own two paces, where the fixed line sees one long walk', () => {
    const samples = syntheticTrack(slowJog, { seed: 5, gpsSdM: 1 }).map(({ t, distance }) => ({ t, distance }));
    const seg = segmentRunWalk(samples);
    expect(seg.detection?.method).toBe('speed-modes');
    expect(seg.description).toBe('6 × (3:00 run / 2:00 walk)');
    expect(detectionText(seg.detection!, { distanceUnit: 'km', locale: 'en-US', timeZone: 'UTC' })).toMatch(/^Run and walk told apart by this session's own two paces \(5\.\d km\/h and 7\.\d km\/h\)\.$/);
    expect(detectionText(seg.detection!, { distanceUnit: 'mi', locale: 'en-US', timeZone: 'UTC' })).toMatch(/\(3\.\d mph and 4\.\d mph\)/);
  });

  it('with cadence: the step rates decide (running ~165 a minute, walking ~115), even at the same speed', () => {
    // Jogging and walking both at 1.8 m/s: speed cannot tell them apart, steps can.
    const samples = runWalkPhases(5, { seconds: 90, speed: 1.8 }, { seconds: 90, speed: 1.8 }).flatMap((p, k) =>
      Array.from({ length: p.seconds }, (_, i) => ({ t: k * 90 + i, speed: 1.8, cadence: p.kind === 'run' ? 166 : 114 })),
    );
    const seg = segmentRunWalk(samples);
    expect(seg.detection?.method).toBe('cadence-modes');
    expect(seg.summary.repeats).toBe(5);
    expect(detectionText(seg.detection!, { distanceUnit: 'km', locale: 'en-US', timeZone: 'UTC' })).toMatch(/^Run and walk told apart by this session's own two step rates \(11\d and 16\d steps a minute\)\.$/);
  });

  it('one pace throughout: the fixed line decides, and says so', () => {
    const seg = segmentRunWalk(syntheticTrack([{ kind: 'run', seconds: 1200, speed: 3 }], { seed: 1 }));
    expect(seg.detection?.method).toBe('speed-threshold');
    expect(detectionText(seg.detection!, { distanceUnit: 'km', locale: 'en-US', timeZone: 'UTC' })).toBe("One pace throughout: told apart by the clinic's fixed speed (running from 7.9 km/h).");
  });
});

describe('checkPlausibility', () => {
  const series = (speed: number, seconds: number) => perSecondSeries(Array.from({ length: seconds + 1 }, (_, t) => ({ t, distance: t * speed })), 10);

  it('a car trip (median 28 km/h) is not on foot; neither is a run with 5 minutes at 40 km/h', () => {
    expect(checkPlausibility({ sport: 'running', distanceMeters: 14_000, durationSeconds: 1800 }, series(28 / 3.6, 1800)).verdict).toBe('not-on-foot');
    const mixed = perSecondSeries(
      Array.from({ length: 2401 }, (_, t) => ({ t, distance: t <= 2100 ? t * 2.5 : 2100 * 2.5 + (t - 2100) * 11 })),
      10,
    );
    const p = checkPlausibility({ sport: 'running', distanceMeters: 8550, durationSeconds: 2400 }, mixed);
    expect(p).toMatchObject({ verdict: 'not-on-foot' });
    expect(p.fastStretchSeconds).toBeGreaterThan(250);
  });

  it('a sprint finish (30 s at 25 km/h) is a run', () => {
    const s = perSecondSeries(Array.from({ length: 1801 }, (_, t) => ({ t, distance: t <= 1770 ? t * 3 : 1770 * 3 + (t - 1770) * 7 })), 10);
    expect(checkPlausibility({ sport: 'running', distanceMeters: 5520, durationSeconds: 1800 }, s).verdict).toBe('ok');
  });

  it('short (under 3 minutes or 200 m) or slow (a "run" under 3 km/h) asks for confirmation; a slow walk does not', () => {
    expect(checkPlausibility({ sport: 'running', distanceMeters: 158, durationSeconds: 57 }, series(2.8, 57))).toMatchObject({ verdict: 'confirm', concerns: ['short'] });
    expect(checkPlausibility({ sport: 'running', distanceMeters: 1000, durationSeconds: 1800 }, series(0.55, 1800))).toMatchObject({ verdict: 'confirm', concerns: ['slow'] });
    expect(checkPlausibility({ sport: 'walking', distanceMeters: 1000, durationSeconds: 1800 }, series(0.55, 1800)).verdict).toBe('ok');
    expect(checkPlausibility({ sport: 'running', distanceMeters: 5000, durationSeconds: 1800 }, series(2.8, 1800)).verdict).toBe('ok');
  });
});
