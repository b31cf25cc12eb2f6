import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseActivityFile } from '../../../electron/activities';
import { realisticTrack, toGpx, type RealisticOptions } from '../../unit/running/realistic-track';
import { runWalkPhases, type Phase } from '../../unit/running/synthetic';

/**
 * How right the import is on tracks as the world makes them (realistic-track.ts: street corners,
 * stops at lights, multipath jumps, GPS error of 1.5 m and 3 m, fixes every second or every 1–5 s),
 * through the whole path a GPX file takes: streamed, times checked, smoothed, measured, segmented.
 *
 * For each row, over its seeds: the largest distance error; whether every interval was found (the
 * run/walk sequence exactly as true); and the share of boundaries within 5 s of the truth. The
 * targets (issue #11), for every row: distance within 3 %; every interval found; ≥ 90 % of
 * boundaries within 5 s.
 *
 * The share within 5 s is taken over the sessions where every interval was found (elsewhere the
 * boundaries do not pair up with the true ones).
 *
 * Two sets of seeds, both printed: the detection's figures (run-walk-detection.ts,
 * run-walk-boundaries.ts) were chosen on seeds 1–60 and 1001–1060, of which the first few are
 * run here ('tuning'); seeds 3001–3060 were first run after every figure was fixed ('held out'),
 * so they say how the import does on tracks it was not fitted to. The stop ramps and the shortest
 * stop (run-walk-detection.ts) were added later against the misses the held-out rows had shown
 * (a short run beside a light): they were worked out and checked on a third set, seeds 5001–5400
 * of the rows with fixes every 1–5 s ('development', not run here; 18 misses in 2,000 sessions
 * before, 10 after), and the held-out seeds were run once afterwards. Later still, GPS smoothing
 * stopped letting a multipath jump's last fix in (track-smoothing.ts), found on a further
 * development range, seeds 7001–7400 of the slow jog/walk rows (4 misses in 800 sessions before, 2
 * after; seeds 5001–5400 unchanged in all 16 rows); the held-out seeds were run once afterwards,
 * with nothing changed since, and gave the same figures as before. Then a short run beside a light
 * (walk → run → stop, stop → run → walk) came to be decided on the stretch as a whole
 * (stop-edge-runs.ts), worked out on the development seeds only: misses on 5001–5400 (all 16 rows)
 * went from 3 to 2 and on 7001–7400 (the four slow jog/walk rows) from 3 to 1, no row losing a
 * session it had found; the held-out seeds, run once afterwards, found every interval in every
 * row (slow jog/walk, 3 m, fixes every 1–5 s: 60/60, was 59/60).
 */
const SESSIONS: Record<string, Phase[]> = {
  '30/90': runWalkPhases(10, { seconds: 30, speed: 2.8 }, { seconds: 90, speed: 1.4 }),
  '60/90': runWalkPhases(8, { seconds: 60, speed: 2.8 }, { seconds: 90, speed: 1.4 }),
  '120/60': runWalkPhases(8, { seconds: 120, speed: 2.7 }, { seconds: 60, speed: 1.35 }),
  // A slow jog at 7.6 km/h beside a 5 km/h walk: both under a fixed 7.9 km/h "running" line.
  'slow jog/walk': runWalkPhases(6, { seconds: 180, speed: 7.6 / 3.6 }, { seconds: 120, speed: 5 / 3.6 }),
};

interface Row {
  session: string;
  noiseM: number;
  irregular: boolean;
  cadence?: boolean;
}

const ROWS: Row[] = [];
for (const session of Object.keys(SESSIONS)) {
  for (const noiseM of [1.5, 3]) for (const irregular of [false, true]) ROWS.push({ session, noiseM, irregular });
}
// The same hardest tracks with cadence, which decides where the file has it.
ROWS.push({ session: 'slow jog/walk', noiseM: 3, irregular: true, cadence: true });
ROWS.push({ session: '30/90', noiseM: 3, irregular: true, cadence: true });

const SEED_SETS = {
  tuning: [1, 2, 3, 4, 5, 6, 7, 8],
  'held out': Array.from({ length: 60 }, (_, i) => 3001 + i),
};
const TARGET = { distance: 0.03, within5: 0.9 };

interface Figures {
  worstDistance: number;
  found: number;
  seeds: number;
  within5: number;
  median: number;
  methods: Set<string>;
}

function measure(row: Row, seeds: readonly number[]): Figures {
  let worstDistance = 0;
  let found = 0;
  const boundaryErrors: number[] = [];
  const methods = new Set<string>();
  for (const seed of seeds) {
    const options: RealisticOptions = { seed: seed * 7919 + row.noiseM * 10, noiseM: row.noiseM, irregular: row.irregular, lights: 3, jumps: true, cadence: row.cadence === true };
    const track = realisticTrack(SESSIONS[row.session]!, options);
    const [r] = parseActivityFile('generated.gpx', strToU8(toGpx(track, '2026-05-04T07:30:00Z')), { nowMs: Date.parse('2026-11-30T12:00:00Z') });
    expect(r?.ok, r && !r.ok ? r.reason.message : '').toBe(true);
    if (!r?.ok) continue;
    const error = r.activity.distanceMeters / track.truth.distanceM - 1;
    if (Math.abs(error) > Math.abs(worstDistance)) worstDistance = error;
    const seg = r.analysis.segmentation!;
    methods.add(seg.detection!.method);
    const kinds = seg.intervals.map((i) => i.kind).join(' ');
    if (kinds === track.truth.intervals.map((i) => i.kind).join(' ')) {
      found++;
      seg.intervals.slice(0, -1).forEach((iv, i) => boundaryErrors.push(Math.abs(iv.endSecond - track.truth.intervals[i]!.end)));
    }
  }
  return {
    worstDistance,
    found,
    seeds: seeds.length,
    within5: boundaryErrors.filter((e) => e <= 5).length / Math.max(1, boundaryErrors.length),
    median: [...boundaryErrors].sort((a, b) => a - b)[Math.floor(boundaryErrors.length / 2)] ?? NaN,
    methods,
  };
}

describe('accuracy on realistic tracks (distance, intervals, boundaries)', () => {
  const results: string[] = [];

  for (const row of ROWS) {
    const name = `${row.session}, ${row.noiseM} m error, ${row.irregular ? 'fixes every 1–5 s' : 'fixes every second'}${row.cadence ? ', with cadence' : ''}`;
    it(name, () => {
      for (const [set, seeds] of Object.entries(SEED_SETS)) {
        const f = measure(row, seeds);
        results.push(
          `| ${name.padEnd(62)} | ${set.padEnd(8)} | ${(f.worstDistance * 100).toFixed(2).padStart(6)} % | ${`${f.found}/${f.seeds}`.padStart(5)} | ${(f.within5 * 100).toFixed(1).padStart(5)} % | ${String(f.median).padStart(3)} s | ${[...f.methods].join(', ')}`,
        );
        expect(Math.abs(f.worstDistance), `${set}: distance`).toBeLessThanOrEqual(TARGET.distance);
        expect(f.found, `${set}: every interval found`).toBe(f.seeds);
        expect(f.within5, `${set}: boundaries within 5 s`).toBeGreaterThanOrEqual(TARGET.within5);
      }
    });
  }

  it('street corners inside a slow jog, a short run after a light or before one at the start or beside one mid-session, a jump ending in a walk (development seeds)', () => {
    for (const [session, noiseM, seed] of [
      // A 10–15 s dip at a 90° corner was read as a walk until the speed followed turns.
      ['slow jog/walk', 3, 5339],
      ['slow jog/walk', 3, 5269],
      // A multipath jump's last fix let into the track (track-smoothing.ts): a 15 s "run" inside a walk.
      ['slow jog/walk', 3, 7099],
      ['slow jog/walk', 3, 7209],
      // A 20 s run from the start to a light, merged into the stop as start-up noise before.
      ['60/90', 3, 5267],
      // A ~20 s run between a light and a walk (the stop ramps).
      ['60/90', 3, 5287],
      // A 21–24 s run into a light, or out of one into a walk, whose pace the smoothing blurred
      // into the stop: decided on the distance over the whole stretch (stop-edge-runs.ts).
      ['slow jog/walk', 3, 7161],
      ['slow jog/walk', 3, 7354],
      ['slow jog/walk', 1.5, 5250],
    ] as const) {
      const track = realisticTrack(SESSIONS[session]!, { seed: seed * 7919 + noiseM * 10, noiseM, irregular: true, lights: 3, jumps: true });
      const [r] = parseActivityFile('generated.gpx', strToU8(toGpx(track, '2026-05-04T07:30:00Z')), { nowMs: Date.parse('2026-11-30T12:00:00Z') });
      expect(r?.ok && r.analysis.segmentation!.intervals.map((i) => i.kind).join(' ')).toBe(track.truth.intervals.map((i) => i.kind).join(' '));
    }
  });

  it('prints the table', () => {
    expect(results).toHaveLength(ROWS.length * Object.keys(SEED_SETS).length);
    console.log(
      [
        `Accuracy over ${SEED_SETS.tuning.length} tuning and ${SEED_SETS['held out'].length} held-out seeds a row (each with 3 stops at lights and multipath jumps):`,
        `| ${'row'.padEnd(62)} | seeds    | distance (worst) | found | ≤ 5 s | median | method`,
        ...results,
      ].join('\n'),
    );
  });
});
