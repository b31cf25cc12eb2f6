import { describe, expect, it } from 'vitest';
import { joinStops, placeBoundaries, splitAtStops, type Levels, type Part } from '../../../shared/running/run-walk-boundaries';
import { gaussian, mulberry32 } from './synthetic';

const LEVELS: Levels = { stand: 0, walk: 1.4, run: 2.1 };

/** Per-second speed: `segments` of [seconds, speed], plus `error(t)`. */
function speeds(segments: Array<[number, number]>, error: (t: number) => number = () => 0): Float64Array {
  const out: number[] = [];
  for (const [seconds, speed] of segments) for (let i = 0; i < seconds; i++) out.push(Math.max(0, speed + error(out.length)));
  return Float64Array.from(out);
}

const walkRun = (at: number): Part[] => [
  { kind: 'walk', start: 0, end: at },
  { kind: 'run', start: at, end: 240 },
];

describe('placeBoundaries', () => {
  it("'lines' (distance smoothed from GPS, errors lasting tens of seconds): the two lines through the distance meet at the change", () => {
    // A slow 0.25 m/s wobble with a 40 s period on both sides: any one moment is off, the lines are not.
    const values = speeds(
      [
        [120, 1.4],
        [120, 2.1],
      ],
      (t) => 0.25 * Math.sin((2 * Math.PI * t) / 40 + 1),
    );
    for (const start of [108, 114, 126, 131]) {
      const [walk, run] = placeBoundaries(walkRun(start), values, 10, LEVELS, 'lines');
      expect(Math.abs(walk!.end - 120), `from ${start}`).toBeLessThanOrEqual(2);
      expect(run!.start).toBe(walk!.end);
    }
  });

  it("'means' (a device's own records, errors independent second to second): the change in mean", () => {
    const rng = mulberry32(7);
    const values = speeds(
      [
        [120, 1.4],
        [120, 2.1],
      ],
      () => 0.3 * gaussian(rng),
    );
    const [walk] = placeBoundaries(walkRun(110), values, 10, LEVELS, 'means');
    expect(Math.abs(walk!.end - 120)).toBeLessThanOrEqual(2);
  });

  it('a run that slows a minute in: the boundary still splits walking from running, not fast running from slow', () => {
    // Walking, then running at 2.7 m/s and a minute later at 2.0 (both above the halfway point,
    // 1.75). One line through the whole run would bend the fit towards the slowing; the run's line
    // stops where its pace changes.
    const values = speeds([
      [60, 1.4],
      [60, 2.7],
      [120, 2.0],
    ]);
    for (const fit of ['lines', 'means'] as const) {
      for (const start of [52, 56, 64, 68]) {
        const [walk] = placeBoundaries(walkRun(start), values, 10, LEVELS, fit);
        expect(walk!.end, `${fit} from ${start}`).toBe(60);
      }
    }
  });

  it('a stop is a level of its own: the run it interrupts keeps its own boundaries', () => {
    const values = speeds([
      [100, 2.1],
      [20, 0],
      [100, 2.1],
    ]);
    for (const fit of ['lines', 'means'] as const) {
      const parts: Part[] = [
        { kind: 'run', start: 0, end: 96 },
        { kind: 'stand', start: 96, end: 125 },
        { kind: 'run', start: 125, end: 220 },
      ];
      placeBoundaries(parts, values, 10, LEVELS, fit);
      expect(parts.map((p) => [p.start, p.end])).toEqual([
        [0, 100],
        [100, 120],
        [120, 220],
      ]);
    }
  });

  it('never makes a part shorter than the shortest interval', () => {
    const values = speeds([
      [5, 1.4],
      [115, 2.1],
    ]);
    for (const fit of ['lines', 'means'] as const) {
      const parts = placeBoundaries(
        [
          { kind: 'walk', start: 0, end: 12 },
          { kind: 'run', start: 12, end: 120 },
        ],
        values,
        10,
        LEVELS,
        fit,
      );
      expect(parts[0]!.end).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('stops inside walking', () => {
  it('a walk with 20 s of standing splits into walk, stand, walk; a 5 s pause does not; both join again', () => {
    const standing = new Uint8Array(200);
    for (let i = 50; i < 70; i++) standing[i] = 1;
    for (let i = 120; i < 125; i++) standing[i] = 1;
    // 4 s of slowing down before the stop belong to it.
    const parts = splitAtStops([{ kind: 'walk', start: 0, end: 46 + 0 }, { kind: 'run', start: 46, end: 48 }, { kind: 'walk', start: 48, end: 200 }], standing, 10);
    expect(parts.map((p) => `${p.kind} ${p.start}-${p.end}`)).toEqual(['walk 0-46', 'run 46-48', 'stand 48-70', 'walk 70-200']);
    expect(joinStops(parts).map((p) => `${p.kind} ${p.start}-${p.end}`)).toEqual(['walk 0-46', 'run 46-48', 'walk 48-200']);
  });
});
