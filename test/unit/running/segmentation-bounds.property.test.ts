import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportedActivity } from '../../../shared/running/activity';
import { analyseActivity } from '../../../shared/running/analysis';
import { segmentRunWalk, type RunWalkInterval, type SpeedSample } from '../../../shared/running/run-walk-segmentation';
import { smoothTrack } from '../../../shared/running/track-smoothing';
import { realisticTrack } from './realistic-track';
import type { Phase } from './synthetic';

/**
 * Whatever the track: intervals never overlap, never reach past the activity, and run + walk never
 * adds up to more than its duration — also when the watch was paused (time passes without samples)
 * and its timer says less than the recording spans.
 */

function expectBounded(intervals: readonly RunWalkInterval[], durationSeconds: number) {
  let end = 0;
  let total = 0;
  for (const iv of intervals) {
    expect(iv.startSecond).toBeGreaterThanOrEqual(end);
    expect(iv.endSecond).toBeGreaterThan(iv.startSecond);
    expect(iv.endSecond).toBeLessThanOrEqual(durationSeconds);
    expect(iv.endSecond - iv.startSecond).toBeLessThanOrEqual(durationSeconds);
    expect(iv.distanceMeters).toBeGreaterThanOrEqual(0);
    end = iv.endSecond;
    total += iv.endSecond - iv.startSecond;
  }
  expect(total).toBeLessThanOrEqual(durationSeconds);
}

const phaseArb: fc.Arbitrary<Phase> = fc.record({
  kind: fc.constantFrom('run' as const, 'walk' as const),
  seconds: fc.integer({ min: 5, max: 300 }),
  speed: fc.double({ min: 0, max: 4, noNaN: true }),
});

describe('segmentation bounds on realistic tracks', () => {
  it('through the import analysis: pauses cut out, never past the timer, no overlaps', () => {
    fc.assert(
      fc.property(
        fc.array(phaseArb, { minLength: 1, maxLength: 10 }),
        fc.record({ seed: fc.integer({ min: 1, max: 1e6 }), noiseM: fc.constantFrom(0, 1.5, 3, 8), irregular: fc.boolean(), lights: fc.integer({ min: 0, max: 3 }) }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), seconds: fc.integer({ min: 5, max: 600 }) }), { maxLength: 3 }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (phases, options, pauseSpecs, timerShare) => {
          const track = realisticTrack(phases, options);
          // Pauses: the clock jumps ahead with no fixes in between.
          let fixes = track.fixes.map((f) => ({ ...f }));
          for (const p of pauseSpecs) {
            const at = fixes[Math.floor(p.at * (fixes.length - 1))]!.t;
            fixes = fixes.map((f) => (f.t > at ? { ...f, t: f.t + p.seconds } : f));
          }
          const smoothed = smoothTrack([fixes]);
          const samples = fixes.map((f, i) => ({ t: f.t, lat: f.lat, lon: f.lon, distance: smoothed.distance[i]! }));
          const elapsed = samples[samples.length - 1]!.t;
          const paused = pauseSpecs.reduce((s, p) => s + p.seconds, 0);
          // The timer: anything from well under the recorded time to a little over it.
          const duration = Math.max(0, (elapsed - paused) * timerShare);
          const activity: ImportedActivity = {
            sourceName: 'x.gpx',
            format: 'gpx',
            sport: 'running',
            startedAt: '2026-05-04T07:30:00.000Z',
            distanceMeters: smoothed.distance[samples.length - 1]!,
            durationSeconds: duration,
            elapsedSeconds: elapsed,
            samples,
            contentHash: '0'.repeat(64),
            distanceSource: 'positions',
          };
          const { segmentation } = analyseActivity(activity);
          if (segmentation !== null) expectBounded(segmentation.intervals, duration);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('on any samples, with any pauses and timer', () => {
    const sampleArb = fc.array(fc.record({ dt: fc.double({ min: 0.1, max: 90, noNaN: true }), v: fc.double({ min: 0, max: 12, noNaN: true }), cadence: fc.option(fc.integer({ min: 0, max: 220 }), { nil: undefined }) }), {
      minLength: 1,
      maxLength: 300,
    });
    fc.assert(
      fc.property(
        sampleArb,
        fc.boolean(),
        fc.array(fc.record({ start: fc.double({ min: 0, max: 5000, noNaN: true }), length: fc.double({ min: 0, max: 900, noNaN: true }) }), { maxLength: 4 }),
        fc.double({ min: 0, max: 6000, noNaN: true }),
        (steps, withDistance, pauses, duration) => {
          let t = 0;
          let d = 0;
          const samples: SpeedSample[] = [{ t: 0, ...(withDistance ? { distance: 0 } : { speed: steps[0]!.v }) }];
          for (const s of steps) {
            t += s.dt;
            d += s.dt * s.v;
            samples.push({ t, ...(withDistance ? { distance: d } : { speed: s.v }), ...(s.cadence === undefined ? {} : { cadence: s.cadence }) });
          }
          const seg = segmentRunWalk(samples, {}, { pauses: pauses.map((p) => ({ start: p.start, end: p.start + p.length })), durationSeconds: duration });
          expectBounded(seg.intervals, duration);
        },
      ),
      { numRuns: 300 },
    );
  });
});
