import { describe, expect, it } from 'vitest';
import { parseActivityFile } from '../../../electron/activities';
import { segmentRunWalk } from '../../../shared/running/run-walk-segmentation';
import { runWalkPhases, syntheticTrack, type Phase } from '../../unit/running/synthetic';
import { encodeFitActivity } from './fit-encode';
import { expectActivity } from './helpers';

/**
 * A one-hour FIT file (3,601 one-second records with position, distance, speed and heart rate),
 * written with the SDK's Encoder, must be parsed and segmented in well under 200 ms.
 */

const START = new Date('2024-06-01T06:00:00Z');
// 5 min warm-up walk, 20 × (1:30 run / 1:00 walk) = 50 min, 5 min cool-down: exactly one hour.
const PHASES: Phase[] = [{ kind: 'walk', seconds: 300, speed: 1.5 }, ...runWalkPhases(20, { seconds: 90, speed: 2.9 }, { seconds: 60, speed: 1.4 })];
PHASES[PHASES.length - 1] = { kind: 'walk', seconds: 360, speed: 1.4 };

describe('performance', () => {
  const samples = syntheticTrack(PHASES, { seed: 2024 });
  const fit = encodeFitActivity({ start: START, samples, heartRate: (i) => 110 + Math.round(30 * Math.sin(i / 60)) });

  function parseAndSegment() {
    const [r] = parseActivityFile('hour.fit', fit);
    const a = expectActivity(r);
    return { a, seg: segmentRunWalk(a.samples) };
  }

  it('a one-hour FIT file: parsed and segmented in under 200 ms (after one warm-up)', () => {
    expect(samples).toHaveLength(3601);
    parseAndSegment(); // warm-up: module initialisation and JIT
    const runs: number[] = [];
    let last: ReturnType<typeof parseAndSegment> | undefined;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      last = parseAndSegment();
      runs.push(performance.now() - t0);
    }
    const best = Math.min(...runs);
    const median = [...runs].sort((x, y) => x - y)[2]!;
    console.info(`one-hour FIT (${fit.length} bytes, 3601 records): parse + segment best ${best.toFixed(1)} ms, median ${median.toFixed(1)} ms`);
    expect(median).toBeLessThan(200);
    expect(last!.a.samples).toHaveLength(3601);
    expect(last!.a.durationSeconds).toBe(3600);
    expect(last!.seg.description).toBe('20 × (1:30 run / 1:00 walk)');
    expect(last!.seg.summary.repeats).toBe(20);
  });
});
