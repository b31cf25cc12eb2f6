import { describe, expect, it } from 'vitest';
import { parseActivityFile } from '../../../electron/activities';
import { segmentRunWalk } from '../../../shared/running/run-walk-segmentation';
import { runWalkPhases, syntheticTrack, type Phase } from '../../unit/running/synthetic';
import { encodeFitActivity } from './fit-encode';
import { expectActivity } from './helpers';

/**
 * A one-hour FIT file (3,601 one-second records with position, distance, speed and heart rate),
 * written with the SDK's Encoder, parses and segments into exactly what was recorded. How long that
 * takes is measured by `runback bench`, never asserted here: a busy machine must not fail the suite.
 */

const START = new Date('2024-06-01T06:00:00Z');
// 5 min warm-up walk, 20 × (1:30 run / 1:00 walk) = 50 min, 5 min cool-down: exactly one hour.
const PHASES: Phase[] = [{ kind: 'walk', seconds: 300, speed: 1.5 }, ...runWalkPhases(20, { seconds: 90, speed: 2.9 }, { seconds: 60, speed: 1.4 })];
PHASES[PHASES.length - 1] = { kind: 'walk', seconds: 360, speed: 1.4 };

describe('a one-hour FIT file', () => {
  const samples = syntheticTrack(PHASES, { seed: 2024 });
  const fit = encodeFitActivity({ start: START, samples, heartRate: (i) => 110 + Math.round(30 * Math.sin(i / 60)) });

  it('parses every record and finds the 20 intervals', () => {
    expect(samples).toHaveLength(3601);
    const [r] = parseActivityFile('hour.fit', fit);
    const a = expectActivity(r);
    const seg = segmentRunWalk(a.samples);
    expect(a.samples).toHaveLength(3601);
    expect(a.durationSeconds).toBe(3600);
    expect(seg.description).toBe('20 × (1:30 run / 1:00 walk)');
    expect(seg.summary.repeats).toBe(20);
  });

  it('twice the hour costs about twice the work: every sample is read a bounded number of times, counted', () => {
    const twoHours: Phase[] = [{ kind: 'walk', seconds: 300, speed: 1.5 }, ...runWalkPhases(44, { seconds: 90, speed: 2.9 }, { seconds: 60, speed: 1.4 })];
    twoHours[twoHours.length - 1] = { kind: 'walk', seconds: 360, speed: 1.4 };
    const long = syntheticTrack(twoHours, { seed: 2024 });
    expect(long).toHaveLength(7201);
    /** Parses a file and segments its samples, counting every read of a sample's fields (no clock involved). */
    const work = (bytes: Uint8Array) => {
      const a = expectActivity(parseActivityFile('run.fit', bytes)[0]);
      let reads = 0;
      const counted = a.samples.map((sample) => new Proxy(sample, { get: (target, key, receiver) => (reads++, Reflect.get(target, key, receiver)) }));
      const seg = segmentRunWalk(counted);
      return { samples: a.samples.length, reads, repeats: seg.summary.repeats };
    };
    const hour = work(fit);
    const double = work(encodeFitActivity({ start: START, samples: long, heartRate: (i) => 110 + Math.round(30 * Math.sin(i / 60)) }));
    expect(hour.repeats).toBe(20);
    expect(double.repeats).toBe(44);
    expect(double.samples).toBe(2 * hour.samples - 1);
    // Linear work reads each sample a fixed number of times: twice the samples, about twice the reads.
    expect(double.reads / hour.reads).toBeGreaterThan(1.8);
    expect(double.reads / hour.reads).toBeLessThan(2.5);
  });
});

