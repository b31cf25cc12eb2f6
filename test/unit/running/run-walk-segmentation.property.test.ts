import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIntervals, segmentRunWalk, type RunWalkDetectionSettingsInput, type SpeedSample } from '../../../shared/running/run-walk-segmentation';

/** Sessions of up to ~40 min: random steps in time (fractional, with pauses) and speed. */
const stepArb = fc.record({
  dt: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.2, max: 40, noNaN: true })),
  speed: fc.oneof(fc.double({ min: 0, max: 6, noNaN: true }), fc.constantFrom(0, 1.4, 2.8)),
});

function build(steps: ReadonlyArray<{ dt: number; speed: number }>, withDistance: boolean): SpeedSample[] {
  let t = 0;
  let d = 0;
  const out: SpeedSample[] = [withDistance ? { t: 0, distance: 0 } : { t: 0, speed: steps[0]?.speed ?? 0 }];
  for (const s of steps) {
    t += s.dt;
    d += s.dt * s.speed;
    out.push(withDistance ? { t, distance: d } : { t, speed: s.speed });
  }
  return out;
}

const settingsArb: fc.Arbitrary<RunWalkDetectionSettingsInput> = fc.record(
  {
    smoothingSeconds: fc.integer({ min: 1, max: 15 }),
    minIntervalSeconds: fc.integer({ min: 1, max: 40 }),
    runAboveMps: fc.double({ min: 1.6, max: 3, noNaN: true }),
  },
  { requiredKeys: [] },
).map((s) => (s.runAboveMps === undefined ? s : { ...s, walkBelowMps: s.runAboveMps - 0.3 }));

describe('segmentRunWalk properties', () => {
  it('intervals tile the session without gaps or overlaps; run + walk = total; kinds alternate; none shorter than the minimum', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 400 }), fc.boolean(), settingsArb, (steps, withDistance, settings) => {
        const samples = build(steps, withDistance);
        const seg = segmentRunWalk(samples, settings);
        const total = Math.round(samples[samples.length - 1]!.t);
        if (total === 0) {
          expect(seg.intervals).toEqual([]);
          return;
        }
        expect(seg.intervals[0]!.startSecond).toBe(0);
        expect(seg.intervals.at(-1)!.endSecond).toBe(total);
        seg.intervals.forEach((iv, i) => {
          expect(iv.endSecond).toBeGreaterThan(iv.startSecond);
          expect(Number.isInteger(iv.startSecond) && Number.isInteger(iv.endSecond)).toBe(true);
          expect(iv.distanceMeters).toBeGreaterThanOrEqual(0);
          const next = seg.intervals[i + 1];
          if (next) {
            expect(next.startSecond).toBe(iv.endSecond);
            expect(next.kind).not.toBe(iv.kind);
          }
          if (seg.intervals.length > 1) expect(iv.endSecond - iv.startSecond).toBeGreaterThanOrEqual(settings.minIntervalSeconds ?? 10);
        });
        expect(seg.summary.runSeconds + seg.summary.walkSeconds).toBe(total);
        expect(seg.summary.repeats).toBe(seg.intervals.filter((i) => i.kind === 'run').length);
        expect(typeof seg.description).toBe('string');
        expect(seg.description).not.toMatch(/NaN|undefined|Infinity/);
      }),
      { numRuns: 300 },
    );
  });

  it('deterministic, and the input is left untouched', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 200 }), fc.boolean(), settingsArb, (steps, withDistance, settings) => {
        const samples = build(steps, withDistance);
        const copy = structuredClone(samples);
        const a = segmentRunWalk(samples, settings);
        const b = segmentRunWalk(structuredClone(samples), settings);
        expect(b).toEqual(a);
        expect(samples).toEqual(copy);
      }),
      { numRuns: 150 },
    );
  });

  it('interval distances add up to the distance covered', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 200 }), (steps) => {
        const samples = build(steps, true);
        const seg = segmentRunWalk(samples);
        const covered = samples[samples.length - 1]!.distance!;
        const sum = seg.intervals.reduce((s, i) => s + i.distanceMeters, 0);
        // Each interval is rounded to the centimetre; the grid ends at the rounded last second.
        const lastT = samples[samples.length - 1]!.t;
        const tail = Math.abs(lastT - Math.round(lastT)) * 6;
        expect(Math.abs(sum - covered)).toBeLessThanOrEqual(0.01 * seg.intervals.length + tail + 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it('describeIntervals never throws and names the repeats it counts', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.constantFrom('run' as const, 'walk' as const), seconds: fc.integer({ min: 1, max: 3600 }) }), { maxLength: 40 }), (intervals) => {
        const text = describeIntervals(intervals);
        const runs = intervals.filter((i) => i.kind === 'run').length;
        if (/^\d+ ×/.test(text) || /^\d+ runs/.test(text)) expect(text.startsWith(`${runs} `)).toBe(true);
        expect(text).not.toMatch(/NaN|undefined/);
      }),
    );
  });
});
