import { gaussian, mulberry32, type Phase } from './synthetic';

/**
 * Run-walk sessions as a phone or watch records them, with the truth known:
 * - a path through streets: straight stretches of 60–260 m joined by rounded corners (60 % city
 *   corners of 90° with a 6–12 m radius, the rest gentle bends);
 * - the person's speed wobbles (±4 % from one interval to the next, ±3 % within one) and changes
 *   over about two seconds, not instantly;
 * - stops at traffic lights (`lights`): 15–60 s standing, at least 20 s into and before the end of
 *   an interval of a minute or more; standing counts as walking in the truth;
 * - every fix carries white error of `noiseM` metres RMS horizontally (what a receiver calls its
 *   accuracy: √2 × the per-axis standard deviation), on top of a slow wander of 1 m (correlation
 *   0.99 per second);
 * - multipath jumps: every 2–6 minutes the fixes sit 30–40 m off for 1–4 seconds;
 * - fixes every second, or irregularly every 1–5 s (`irregular`, "smart recording");
 * - cadence in steps a minute when asked: ~165 running, ~115 walking, 0 standing, ±3 per fix.
 * Deterministic for a seed (mulberry32).
 */

export interface RealisticOptions {
  seed: number;
  /** RMS horizontal error of each fix, metres (1.5 and 3 in the accuracy table). */
  noiseM: number;
  irregular?: boolean;
  lights?: number;
  jumps?: boolean;
  cadence?: boolean;
  /** Slow wander, metres (default 1). */
  wanderM?: number;
}

export interface RealisticFix {
  t: number;
  lat: number;
  lon: number;
  /** Steps a minute. */
  cadence?: number;
}

export interface RealisticTrack {
  fixes: RealisticFix[];
  truth: {
    distanceM: number;
    durationS: number;
    /** Run and walk intervals (standing merged into walking), as the detector should find them. */
    intervals: Array<{ kind: 'run' | 'walk'; start: number; end: number }>;
  };
}

const M_PER_DEG_LAT = 111_320;
const LAT0 = 47.37;
const LON0 = 8.54;

export function realisticTrack(phasesIn: readonly Phase[], o: RealisticOptions): RealisticTrack {
  const rng = mulberry32(o.seed);
  const phases: Array<Phase & { standing?: boolean }> = phasesIn.map((p) => ({ ...p }));
  for (let k = 0; k < (o.lights ?? 0); k++) {
    const i = Math.floor(rng() * phases.length);
    const p = phases[i]!;
    if (p.seconds < 60 || p.speed === 0) continue;
    const at = 20 + Math.floor(rng() * (p.seconds - 40));
    const stand = 15 + Math.floor(rng() * 46);
    phases.splice(i, 1, { ...p, seconds: at }, { kind: 'walk', seconds: stand, speed: 0, standing: true }, { ...p, seconds: p.seconds - at });
  }

  // The true speed each second, then its cumulative distance.
  const planned: number[] = [];
  const stepCadence: number[] = [];
  for (const p of phases) {
    const wobble = 1 + 0.04 * gaussian(rng);
    for (let i = 0; i < p.seconds; i++) {
      planned.push(p.speed * wobble * (1 + 0.03 * Math.sin(i / 7 + p.seconds)));
      stepCadence.push(p.speed === 0 ? 0 : p.kind === 'run' ? 165 : 115);
    }
  }
  const total = planned.length;
  const speed = planned.map((v, i) => (planned[Math.max(0, i - 1)]! + v) / 2);
  const along = [0];
  for (let i = 0; i < total; i++) along.push(along[i]! + speed[i]!);
  const path = streetPath(rng, along[total]! + 50);

  const times = [0];
  while (times[times.length - 1]! < total) times.push(Math.min(total, times[times.length - 1]! + (o.irregular ? 1 + Math.floor(rng() * 5) : 1)));
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);
  const perAxis = o.noiseM / Math.SQRT2;
  const wander = o.wanderM ?? 1;
  const phi = 0.99;
  let wx = gaussian(rng) * wander;
  let wy = gaussian(rng) * wander;
  let wanderT = 0;
  let jumpAt = 60 + rng() * 120;
  let jumpFor = 2;
  let jx = 0;
  let jy = 0;
  const fixes = times.map((t) => {
    for (; wanderT < t; wanderT++) {
      wx = phi * wx + wander * Math.sqrt(1 - phi * phi) * gaussian(rng);
      wy = phi * wy + wander * Math.sqrt(1 - phi * phi) * gaussian(rng);
    }
    const p = path(along[t]!);
    let x = p.x + wx + perAxis * gaussian(rng);
    let y = p.y + wy + perAxis * gaussian(rng);
    if (o.jumps !== false) {
      while (jumpAt + jumpFor < t) {
        jumpAt += 120 + rng() * 240;
        jumpFor = 1 + rng() * 3;
        const angle = rng() * 2 * Math.PI;
        const r = 30 + rng() * 10;
        jx = Math.cos(angle) * r;
        jy = Math.sin(angle) * r;
      }
      if (t >= jumpAt && t < jumpAt + jumpFor) {
        x += jx;
        y += jy;
      }
    }
    const fix: RealisticFix = { t, lat: LAT0 + y / M_PER_DEG_LAT, lon: LON0 + x / mPerDegLon };
    if (o.cadence) {
      const c = stepCadence[Math.min(t, total - 1)]!;
      fix.cadence = c === 0 ? 0 : Math.max(0, c + 3 * gaussian(rng));
    }
    return fix;
  });

  const intervals: RealisticTrack['truth']['intervals'] = [];
  let at = 0;
  for (const p of phases) {
    const last = intervals[intervals.length - 1];
    if (last !== undefined && last.kind === p.kind) last.end = at + p.seconds;
    else intervals.push({ kind: p.kind, start: at, end: at + p.seconds });
    at += p.seconds;
  }
  return { fixes, truth: { distanceM: along[total]!, durationS: total, intervals } };
}

/** Position (metres east, north) at a distance along a street-like path. */
function streetPath(rng: () => number, lengthM: number): (s: number) => { x: number; y: number } {
  const xs = [0];
  const ys = [0];
  let heading = rng() * 2 * Math.PI;
  let length = 0;
  const step = (d: number) => {
    xs.push(xs[xs.length - 1]! + Math.cos(heading) * d);
    ys.push(ys[ys.length - 1]! + Math.sin(heading) * d);
    length += d;
  };
  while (length < lengthM) {
    const straight = 60 + rng() * 200;
    for (let s = 0; s < straight; s++) step(1);
    const corner = rng() < 0.6;
    const angle = corner ? ((rng() < 0.5 ? 1 : -1) * Math.PI) / 2 : ((rng() - 0.5) * Math.PI) / 3;
    const radius = corner ? 6 + rng() * 6 : 40 + rng() * 60;
    const arc = Math.abs(angle) * radius;
    const n = Math.max(1, Math.round(arc));
    for (let k = 0; k < n; k++) {
      heading += angle / n;
      step(arc / n);
    }
  }
  const cum = [0];
  for (let i = 1; i < xs.length; i++) cum.push(cum[i - 1]! + Math.hypot(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!));
  return (s: number) => {
    let lo = 0;
    let hi = cum.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! <= s) lo = mid;
      else hi = mid;
    }
    const f = (s - cum[lo]!) / Math.max(1e-9, cum[hi]! - cum[lo]!);
    return { x: xs[lo]! + f * (xs[hi]! - xs[lo]!), y: ys[lo]! + f * (ys[hi]! - ys[lo]!) };
  };
}

/** The track as a GPX 1.1 file, cadence as Garmin writes it (strides a minute). */
export function toGpx(track: RealisticTrack, startIso: string, type = 'running'): string {
  const start = Date.parse(startIso);
  const points = track.fixes.map((f) => {
    const cad = f.cadence === undefined ? '' : `<extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>${Math.round(f.cadence / 2)}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>`;
    return `<trkpt lat="${f.lat.toFixed(7)}" lon="${f.lon.toFixed(7)}"><time>${new Date(start + f.t * 1000).toISOString()}</time>${cad}</trkpt>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Generated" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<trk><type>${type}</type><trkseg>${points.join('\n')}</trkseg></trk></gpx>`;
}
