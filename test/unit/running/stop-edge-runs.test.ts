import { describe, expect, it } from 'vitest';
import type { Part } from '../../../shared/running/run-walk-boundaries';
import { findRunsBesideStops } from '../../../shared/running/stop-edge-runs';
import { gaussian, mulberry32 } from './synthetic';

const LEVELS = { walk: 1.4, run: 2.1 };

/**
 * Cumulative distance (length = seconds + 1) of `segments` of [seconds, speed], each change of
 * speed blurred over `blur` seconds as smoothing GPS positions blurs it, plus white error; and the
 * blurred pace of each second.
 */
function distance(segments: Array<[number, number]>, blur: number, errorM: number, seed = 1): { d: Float64Array; pace: Float64Array } {
  const speed: number[] = [];
  for (const [seconds, v] of segments) for (let i = 0; i < seconds; i++) speed.push(v);
  const blurred = speed.map((_, i) => {
    const from = Math.max(0, i - blur);
    const to = Math.min(speed.length - 1, i + blur);
    let sum = 0;
    for (let j = from; j <= to; j++) sum += speed[j]!;
    return sum / (to - from + 1);
  });
  const rng = mulberry32(seed);
  const out = new Float64Array(speed.length + 1);
  for (let i = 0; i < speed.length; i++) out[i + 1] = out[i]! + blurred[i]!;
  for (let i = 0; i <= speed.length; i++) out[i] = out[i]! + errorM * gaussian(rng);
  return { d: out, pace: Float64Array.from(blurred) };
}

/** A 22 s run into a light between two walks. */
const RUN_INTO_LIGHT = distance(
  [
    [100, 1.4],
    [22, 2.1],
    [40, 0],
    [100, 1.4],
  ],
  6,
  0.5,
);

/** As the per-second labelling reads a stop between two walks: walking right up to where standing shows. */
function walkStopWalk(stopStart: number, stopEnd: number, end: number): Part[] {
  return [
    { kind: 'walk', start: 0, end: stopStart },
    { kind: 'stand', start: stopStart, end: stopEnd },
    { kind: 'walk', start: stopEnd, end },
  ];
}

describe('findRunsBesideStops', () => {
  it('a 22 s run between a walk and a light, its pace blurred into both: split off the walk', () => {
    const { d, pace } = RUN_INTO_LIGHT;
    const parts = walkStopWalk(126, 160, 262);
    const out = findRunsBesideStops(parts, d, pace, LEVELS, 10);
    expect(out.map((p) => p.kind)).toEqual(['walk', 'run', 'stand', 'walk']);
    expect(Math.abs(out[1]!.start - 100)).toBeLessThanOrEqual(6);
    // The parts still tile the session.
    for (let k = 1; k < out.length; k++) expect(out[k]!.start).toBe(out[k - 1]!.end);
  });

  it('more distance before a light than a walk covers, but no second at running pace: left alone', () => {
    const { d, pace } = RUN_INTO_LIGHT;
    const parts = walkStopWalk(126, 160, 262);
    const slow = pace.map((v) => Math.min(v, 1.7));
    expect(findRunsBesideStops(parts, d, slow, LEVELS, 10).map((p) => p.kind)).toEqual(['walk', 'stand', 'walk']);
  });

  it('the same after a light (stop → run → walk)', () => {
    const { d, pace } = distance(
      [
        [100, 1.4],
        [40, 0],
        [22, 2.1],
        [100, 1.4],
      ],
      6,
      0.5,
    );
    const parts = walkStopWalk(104, 136, 262);
    const out = findRunsBesideStops(parts, d, pace, LEVELS, 10);
    expect(out.map((p) => p.kind)).toEqual(['walk', 'stand', 'run', 'walk']);
    expect(Math.abs(out[2]!.end - 162)).toBeLessThanOrEqual(6);
  });

  it('a walk into a light and out of it, with GPS error: left alone', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { d, pace } = distance(
        [
          [100, 1.4],
          [40, 0],
          [100, 1.4],
        ],
        6,
        3,
        seed,
      );
      const parts = walkStopWalk(104, 136, 240);
      expect(findRunsBesideStops(parts, d, pace, LEVELS, 10).map((p) => p.kind), `seed ${seed}`).toEqual(['walk', 'stand', 'walk']);
    }
  });

  it('a run beside a stop is not looked at again, and a walk too short to hold a walk and a run stays whole', () => {
    const { d, pace } = distance(
      [
        [60, 2.1],
        [30, 0],
        [15, 1.4],
      ],
      3,
      0,
    );
    const parts: Part[] = [
      { kind: 'run', start: 0, end: 62 },
      { kind: 'stand', start: 62, end: 90 },
      { kind: 'walk', start: 90, end: 105 },
    ];
    expect(findRunsBesideStops(parts, d, pace, LEVELS, 10)).toEqual(parts);
  });
});
