import { describe, expect, it } from 'vitest';
import { pathLengthMeters } from '../../../shared/running/geo';
import { smoothTrack } from '../../../shared/running/track-smoothing';
import { realisticTrack } from './realistic-track';
import { gaussian, mulberry32, runWalkPhases } from './synthetic';

const M_PER_DEG_LAT = 111_320;

/** Points along a line north at `speed` m/s, one a second, optionally shifted by `offset(t)` metres east. */
function line(seconds: number, speed: number, offset: (t: number) => number = () => 0) {
  return Array.from({ length: seconds + 1 }, (_, t) => ({ t, lat: 47 + (t * speed) / M_PER_DEG_LAT, lon: 8 + offset(t) / (M_PER_DEG_LAT * Math.cos((47 * Math.PI) / 180)) }));
}

describe('smoothTrack', () => {
  it('a clean straight track keeps its length', () => {
    const points = line(600, 2.5);
    expect(smoothTrack([points]).distance.at(-1)! / pathLengthMeters(points)).toBeCloseTo(1, 3);
  });

  it('leaves out a 35 m multipath jump that raw summing counts twice', () => {
    const points = line(600, 2.5, (t) => (t >= 300 && t < 303 ? 35 : 0));
    expect(pathLengthMeters(points)).toBeGreaterThan(1560);
    const s = smoothTrack([points]);
    expect(s.outliers).toBe(3);
    expect(s.distance.at(-1)! / 1500 - 1).toBeLessThan(0.01);
  });

  it('standing at a light adds no distance, however the position wanders', () => {
    const still = Array.from({ length: 121 }, (_, t) => ({ t, lat: 47 + Math.sin(t * 1.7) * 2 / M_PER_DEG_LAT, lon: 8 + Math.cos(t * 2.3) * 2 / M_PER_DEG_LAT }));
    expect(pathLengthMeters(still)).toBeGreaterThan(200);
    expect(smoothTrack([still]).distance.at(-1)).toBeLessThan(5);
  });

  /** 60 s north at 3 m/s, standing with fixes at `still` (and `jump` 38 m east), 60 s north again. */
  function stopAtLight(still: number[], jump: Array<{ t: number; east: number }> = []) {
    const at = (t: number, north: number, east = 0) => ({ t, lat: 47 + north / M_PER_DEG_LAT, lon: 8 + east / (M_PER_DEG_LAT * Math.cos((47 * Math.PI) / 180)) });
    return [
      ...Array.from({ length: 61 }, (_, t) => at(t, 3 * t)),
      ...jump.map((j) => at(j.t, 180, j.east)),
      ...still.map((t) => at(t, 180)),
      ...Array.from({ length: 61 }, (_, k) => at(90 + k, 180 + 3 * k)),
    ];
  }

  it('a stop at a light right after running, fixes 7 s apart while standing: no detour past the light', () => {
    // The filter still expects 3 m/s when the first standing fix comes 21 m "behind": it is left out
    // as a jump, and until the change is recognised the track would run on past the light (36 m more).
    const points = stopAtLight([67, 74, 81, 88]);
    const s = smoothTrack([points]);
    expect(s.distance.at(-1)! / 360 - 1).toBeLessThan(0.01);
    expect(s.speed[points.findIndex((p) => p.t === 74)]).toBeLessThan(0.5);
    expect(s.outliers).toBe(0);
  });

  it('a multipath jump just before that stop stays out; the standing fixes are taken', () => {
    const s = smoothTrack([stopAtLight([71, 75, 80, 85], [{ t: 65, east: 38 }, { t: 66, east: 37 }])]);
    expect(s.outliers).toBe(2);
    expect(s.distance.at(-1)! / 360 - 1).toBeLessThan(0.01);
  });

  it('a multipath jump whose fixes come a second apart after a gap stays out to its last fix', () => {
    // Walking north at 1.4 m/s with a fix every 4–5 s; then four fixes a second apart sit 25 m east.
    // Each second left out widens the prediction, and the jump's last fix once passed the gate: the
    // track was pulled out to it, the true fix after it was left out instead, and the walk read as
    // a 15 s run at 2–4 m/s (and 40 m too long).
    const at = (t: number, east = 0) => ({ t, lat: 47 + (1.4 * t) / M_PER_DEG_LAT, lon: 8 + (east + 0.8 * Math.sin(t * 1.3)) / (M_PER_DEG_LAT * Math.cos((47 * Math.PI) / 180)) });
    const times = [0, 4, 9, 13, 18, 22, 27, 31, 36, 40, 45, 49, 54, 58, 63, 67, 72, 76, 81, 85, 90, 94, 99];
    const points = [...times.map((t) => at(t)), ...[104, 105, 106, 107].map((t) => at(t, 25)), ...[108, 111, 115, 120, 124, 129, 133, 138, 142, 147, 151, 156, 160].map((t) => at(t))];
    const s = smoothTrack([points]);
    expect(s.outliers).toBe(4);
    expect(s.distance.at(-1)! / (1.4 * 160) - 1).toBeLessThan(0.02);
    expect(Math.max(...s.turnSpeed)).toBeLessThan(1.7);
  });

  it('a track that really changes course at speed (a ride) is followed, not thrown away as jumps', () => {
    // 10 m/s east, then north: the first fixes after the turn miss the prediction by far.
    const pts = Array.from({ length: 121 }, (_, t) => {
      const east = Math.min(t, 60) * 10;
      const north = Math.max(0, t - 60) * 10;
      return { t, lat: 47 + north / M_PER_DEG_LAT, lon: 8 + east / (M_PER_DEG_LAT * Math.cos((47 * Math.PI) / 180)) };
    });
    const s = smoothTrack([pts]);
    expect(s.distance.at(-1)! / 1200).toBeGreaterThan(0.97);
    expect(s.distance.at(-1)! / 1200).toBeLessThan(1.01);
  });

  it('no distance across a segment break; both segments measured', () => {
    const a = line(100, 2);
    const b = line(100, 2).map((p) => ({ ...p, t: p.t + 500, lat: p.lat + 1000 / M_PER_DEG_LAT }));
    expect(smoothTrack([a, b]).distance.at(-1)).toBeCloseTo(400, -1);
  });

  it('noisy realistic tracks: raw length 50–250 % too long, smoothed within 3 %, for 1.5 m and 3 m error', () => {
    const phases = runWalkPhases(10, { seconds: 30, speed: 2.8 }, { seconds: 90, speed: 1.4 });
    for (const noiseM of [1.5, 3]) {
      for (let seed = 1; seed <= 3; seed++) {
        const track = realisticTrack(phases, { seed, noiseM, lights: 2 });
        const raw = pathLengthMeters(track.fixes) / track.truth.distanceM - 1;
        expect(raw).toBeGreaterThan(0.5);
        const smoothed = smoothTrack([track.fixes]).distance.at(-1)! / track.truth.distanceM - 1;
        expect(Math.abs(smoothed)).toBeLessThan(0.03);
      }
    }
  });

  it('a street corner at a slow jog: the turn-following speed keeps its pace where the smoothed path cuts the corner', () => {
    // 2.1 m/s east, a 90° turn north on an 8 m radius, north again; fixes every 3 s with 2 m error per axis.
    const rng = mulberry32(11);
    const arc = (Math.PI / 2) * 8;
    const at = (s: number) => (s < 100 ? { x: s, y: 0 } : s < 100 + arc ? { x: 100 + 8 * Math.sin((s - 100) / 8), y: 8 - 8 * Math.cos((s - 100) / 8) } : { x: 108, y: 8 + s - 100 - arc });
    const points = Array.from({ length: 41 }, (_, k) => {
      const p = at(2.1 * 3 * k);
      return { t: 3 * k, lat: 47 + (p.y + 2 * gaussian(rng)) / M_PER_DEG_LAT, lon: 8 + (p.x + 2 * gaussian(rng)) / (M_PER_DEG_LAT * Math.cos((47 * Math.PI) / 180)) };
    });
    const s = smoothTrack([points]);
    // Around the corner (reached at 48 s): the lowest of each speed between 36 s and 66 s.
    const around = points.map((p, i) => i).filter((i) => points[i]!.t >= 36 && points[i]!.t <= 66);
    const lowest = (v: Float64Array) => Math.min(...around.map((i) => v[i]!));
    const pathSpeed = new Float64Array(points.length);
    for (let i = 1; i < points.length; i++) pathSpeed[i] = (s.distance[i]! - s.distance[i - 1]!) / 3;
    expect(lowest(pathSpeed)).toBeLessThan(1.85);
    expect(lowest(s.turnSpeed)).toBeGreaterThan(Math.max(1.85, lowest(pathSpeed)));
    expect(Math.max(...around.map((i) => s.turnSpeed[i]!))).toBeLessThan(2.4);
  });

  it('linear in the number of points: 200,000 fixes in typed arrays', () => {
    const points = line(200_000, 2.5, (t) => Math.sin(t) * 1.5);
    const s = smoothTrack([points]);
    expect(s.distance).toHaveLength(200_001);
    expect(s.turnSpeed).toHaveLength(200_001);
    expect(s.distance.at(-1)! / 500_000 - 1).toBeLessThan(0.01);
  });
});
