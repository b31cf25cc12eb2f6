import { describe, expect, it } from 'vitest';
import { badTimes, DEFAULT_MESSAGE_STYLE, timeRepaired } from '../../../shared/running/import-messages';
import { checkTimes, EARLIEST_VALID_MS, LEFT_OUT } from '../../../shared/running/timestamps';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const RUN = Date.parse('2026-05-04T07:30:00Z');
const GPS_DEFAULT = Date.parse('1901-12-13T20:45:52Z'); // −2³¹ s of Unix time
const seconds = (n: number, from = RUN) => Array.from({ length: n }, (_, i) => from + i * 1000);

describe('checkTimes', () => {
  it('a clean track: everything kept, nothing to say', () => {
    const c = checkTimes(seconds(100), NOW);
    expect(c).toMatchObject({ kept: 100, repairs: [], refusal: null });
  });

  it('every point stamped 1901 (a GPS default): refused, naming the date, with no duration worked out from it', () => {
    const c = checkTimes(Array(300).fill(GPS_DEFAULT), NOW);
    expect(c.refusal).toEqual({ kind: 'too-early', firstMs: GPS_DEFAULT, sameMs: GPS_DEFAULT });
    expect(badTimes(c.refusal!, DEFAULT_MESSAGE_STYLE).message).toBe(
      "This file's times cannot be right: every point is stamped Dec 13, 1901, before any GPS watch file existed — the watch's clock was not set. Runback cannot tell when it was run: enter it by hand.",
    );
  });

  it('a watch whose clock counts from power-on (FIT dates just after 1989): refused', () => {
    const c = checkTimes(seconds(60, Date.parse('1990-07-18T06:44:24Z')), NOW);
    expect(c.refusal).toMatchObject({ kind: 'too-early', sameMs: null });
    expect(badTimes(c.refusal!, DEFAULT_MESSAGE_STYLE).message).toContain('its times start on Jul 18, 1990');
  });

  it('a run dated in the future: refused', () => {
    const c = checkTimes(seconds(60, Date.parse('2031-03-03T08:00:00Z')), NOW);
    expect(badTimes(c.refusal!, DEFAULT_MESSAGE_STYLE).message).toBe(
      "This file's times cannot be right: it says it was recorded on Mar 3, 2031, which is in the future — the watch's clock was set wrong. Enter the run by hand.",
    );
  });

  it('one garbage time among good ones (a record stamped 2085): left out and named, the rest kept', () => {
    const times = seconds(473);
    times[472] = Date.parse('2085-12-21T16:46:58Z');
    const c = checkTimes(times, NOW);
    expect(c.refusal).toBeNull();
    expect(c.kept).toBe(472);
    expect(c.leftOut[472]).toBe(LEFT_OUT.future);
    expect(c.repairs.map((r) => timeRepaired(r, 'track record', DEFAULT_MESSAGE_STYLE))).toEqual(['1 track record had times in the future (Dec 21, 2085) and was left out.']);
  });

  it('a few points stamped days apart are left out; a track split in two by a jump of days is refused', () => {
    const times = seconds(100);
    times[50] = RUN + 3 * 86_400_000;
    times[51] = RUN + 3 * 86_400_000 + 1000;
    const repaired = checkTimes(times, NOW);
    expect(repaired.kept).toBe(98);
    expect(repaired.repairs[0]).toMatchObject({ kind: 'apart', count: 2 });

    const split = [...seconds(50), ...seconds(50, RUN + 3 * 86_400_000)];
    const refused = checkTimes(split, NOW);
    expect(refused.refusal).toMatchObject({ kind: 'jump' });
    expect(badTimes(refused.refusal!, DEFAULT_MESSAGE_STYLE).message).toContain('its clock jumps from May 4, 2026 to May 7, 2026 in the middle');
  });

  it('points that go back in time are left out, in order', () => {
    const times = seconds(10);
    times[5] = RUN;
    const c = checkTimes(times, NOW);
    expect(c.kept).toBe(9);
    expect(c.leftOut[5]).toBe(LEFT_OUT.backwards);
  });

  it('points without a time are neither kept nor counted as wrong', () => {
    const c = checkTimes([NaN, ...seconds(5), NaN], NOW);
    expect(c).toMatchObject({ kept: 5, repairs: [], refusal: null });
    expect(EARLIEST_VALID_MS).toBe(Date.UTC(2000, 0, 1));
  });

  it('dates are written in the clinic time zone and locale', () => {
    const late = Date.parse('2026-05-05T03:30:00Z'); // the evening of May 4 in Chicago
    const c = checkTimes(seconds(10, late + 5 * 365 * 86_400_000), NOW);
    expect(badTimes(c.refusal!, { distanceUnit: 'mi', locale: 'en-US', timeZone: 'America/Chicago' }).message).toContain('May 3, 2031');
  });
});
