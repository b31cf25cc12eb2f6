import { EARTH_RADIUS_M } from './geo';
import { turnFollowingSpeed } from './turn-following-speed';

/**
 * Distance from GPS positions that carry noise. Summing straight lines between raw fixes counts the
 * noise as distance: with an ordinary 1.5 m error per 1-second fix a walk at 1.4 m/s reads ~60–80 %
 * too long, because every fix wobbles sideways as well as forward. Here the track is smoothed first,
 * then measured.
 *
 * The smoother is a Kalman filter with a constant-velocity model, run forward and then backward
 * (Rauch–Tung–Striebel), on a local flat projection of each segment:
 * - measurement noise: estimated from the track itself (how far each fix sits from the line through
 *   its neighbours, robustly: median absolute deviation), between 1 m and 15 m;
 * - process noise: `ACCELERATION_NOISE` (m²/s³), how much a person's velocity can change; chosen on
 *   the test generator's tracks (test/unit/running/realistic-track.ts: 1.5 m and 3 m error, 1–5 s
 *   sampling, corners, stops) as the value that keeps the distance within 1–2 % in every case —
 *   lower values cut corners, higher ones let noise back in;
 * - outliers (a 30–40 m multipath jump): a fix further from the prediction than `GATE` (squared
 *   Mahalanobis distance, 2 degrees of freedom; 16 ≈ a 1-in-3,000 chance for a genuine fix) and
 *   than `MIN_JUMP_M` is left out. A jump lasts a few seconds; when `REACQUIRE_FIXES` fixes in a
 *   row (or `REACQUIRE_SECONDS`) disagree, the track really changed course or speed — a runner
 *   stopping at a light while the filter still expects running, a turn at speed — and the filter
 *   goes back to the last fix it believed, is told the change began there, and takes the fixes it
 *   left out meanwhile that lie on the way to the new one (a jump just before the change stays
 *   out). Without going back, a stop right after running is smoothed into a detour: the filter runs
 *   on past the light, and the distance grows by tens of metres where the runner stood still;
 * - standing still: a step taken while the smoothed speed is under `STILL_MPS` adds no distance
 *   (otherwise a minute at a traffic light adds the wander of the position error).
 *
 * Everything is linear in the number of points, in typed arrays, so a 200,000-point track smooths
 * in a few tens of megabytes.
 */

export const ACCELERATION_NOISE = 0.07;
export const GATE = 16;
export const STILL_MPS = 0.4;
/**
 * A fix is only a jump when it is also this far off: a corner taken between two fixes 5 s apart
 * can miss the straight-line prediction by 10 m without anything being wrong with the fix.
 */
const MIN_JUMP_M = 20;
/** After this many fixes in a row (or seconds) left out, the track has really moved: it is followed again. */
const REACQUIRE_FIXES = 4;
const REACQUIRE_SECONDS = 10;
const MIN_SIGMA_M = 1;
const MAX_SIGMA_M = 15;
/** Used when the track has too few closely spaced fixes to estimate its own noise. */
const DEFAULT_SIGMA_M = 2;

export interface TrackPoint {
  /** Seconds (any origin), non-decreasing within a segment. */
  t: number;
  lat: number;
  lon: number;
}

export interface SmoothedTrack {
  /** Cumulative metres along the smoothed path at each input point (segments joined without a gap). */
  distance: Float64Array;
  /** Smoothed speed at each point, m/s. */
  speed: Float64Array;
  /** Speed that keeps its pace through turns (turn-following-speed.ts), m/s. */
  turnSpeed: Float64Array;
  /** How many fixes were left out as jumps. */
  outliers: number;
  /** The position error the smoother assumed (per axis, metres), averaged over segments by points. */
  sigmaM: number;
}

/**
 * Smooths each segment on its own (a GPX `trkseg` ends where recording stopped: no distance is
 * counted across a break) and returns cumulative distances for every point in order.
 */
export function smoothTrack(segments: ReadonlyArray<ReadonlyArray<TrackPoint>>): SmoothedTrack {
  const total = segments.reduce((n, s) => n + s.length, 0);
  const distance = new Float64Array(total);
  const speed = new Float64Array(total);
  const turnSpeed = new Float64Array(total);
  let offset = 0;
  let carried = 0;
  let outliers = 0;
  let sigmaSum = 0;
  for (const seg of segments) {
    if (seg.length === 0) continue;
    const r = smoothSegment(seg);
    for (let i = 0; i < seg.length; i++) {
      distance[offset + i] = carried + r.distance[i]!;
      speed[offset + i] = r.speed[i]!;
      turnSpeed[offset + i] = r.turnSpeed[i]!;
    }
    carried += r.distance[seg.length - 1]!;
    outliers += r.outliers;
    sigmaSum += r.sigmaM * seg.length;
    offset += seg.length;
  }
  return { distance, speed, turnSpeed, outliers, sigmaM: total > 0 ? sigmaSum / total : 0 };
}

function smoothSegment(points: ReadonlyArray<TrackPoint>): SmoothedTrack {
  const n = points.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const ts = new Float64Array(n);
  const lat0 = points[0]!.lat;
  const lon0 = points[0]!.lon;
  const rad = Math.PI / 180;
  const cosLat = Math.cos(lat0 * rad);
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    ts[i] = p.t;
    // Longitude differences are unwrapped across the antimeridian.
    let dLon = p.lon - lon0;
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    xs[i] = dLon * rad * EARTH_RADIUS_M * cosLat;
    ys[i] = (p.lat - lat0) * rad * EARTH_RADIUS_M;
  }
  const estimated = estimateNoise(xs, ys, ts);
  const sigma = Number.isFinite(estimated) ? Math.min(MAX_SIGMA_M, Math.max(MIN_SIGMA_M, estimated)) : DEFAULT_SIGMA_M;
  const smoothed = rtsSmooth(xs, ys, ts, sigma * sigma, ACCELERATION_NOISE);

  const distance = new Float64Array(n);
  const speed = new Float64Array(n);
  for (let i = 0; i < n; i++) speed[i] = Math.hypot(smoothed.vx[i]!, smoothed.vy[i]!);
  for (let i = 1; i < n; i++) {
    const step = Math.hypot(smoothed.x[i]! - smoothed.x[i - 1]!, smoothed.y[i]! - smoothed.y[i - 1]!);
    const moving = (speed[i]! + speed[i - 1]!) / 2 >= STILL_MPS;
    distance[i] = distance[i - 1]! + (moving ? step : 0);
  }
  const turnSpeed = n > 1 ? turnFollowingSpeed(xs, ys, ts, smoothed.used, smoothed.vx, smoothed.vy, sigma * sigma) : Float64Array.from(speed);
  return { distance, speed, turnSpeed, outliers: smoothed.outliers, sigmaM: sigma };
}

/**
 * The position error per axis: each fix against the straight line through its two neighbours, for
 * neighbours at most 3 s away (further apart, the path's own curvature would count as error). The
 * residual of white noise σ is σ·√(1 + a² + b²) for interpolation weights a, b; the median
 * absolute value over 0.6745 is σ for normal errors and ignores the occasional jump.
 */
export function estimateNoise(xs: Float64Array, ys: Float64Array, ts: Float64Array): number {
  const values: number[] = [];
  for (let i = 1; i + 1 < ts.length; i++) {
    const d1 = ts[i]! - ts[i - 1]!;
    const d2 = ts[i + 1]! - ts[i]!;
    if (!(d1 > 0 && d2 > 0 && d1 <= 3 && d2 <= 3)) continue;
    const a = d2 / (d1 + d2);
    const b = d1 / (d1 + d2);
    const scale = Math.sqrt(1 + a * a + b * b);
    values.push(Math.abs(xs[i]! - (a * xs[i - 1]! + b * xs[i + 1]!)) / scale, Math.abs(ys[i]! - (a * ys[i - 1]! + b * ys[i + 1]!)) / scale);
  }
  if (values.length < 40) return NaN;
  values.sort((p, q) => p - q);
  return values[Math.floor(values.length / 2)]! / 0.6745;
}

/** Whether fix (x, y) at t lies within MIN_JUMP_M of the straight way from (x0, y0) at t0 to (x1, y1) at t1. */
function nearTheWay(x: number, y: number, t: number, x0: number, y0: number, t0: number, x1: number, y1: number, t1: number): boolean {
  const f = t1 > t0 ? (t - t0) / (t1 - t0) : 0;
  return Math.hypot(x - (x0 + f * (x1 - x0)), y - (y0 + f * (y1 - y0))) <= MIN_JUMP_M;
}

/** Whether fixes i and k lie within MIN_JUMP_M of each other. */
function withinJump(xs: Float64Array, ys: Float64Array, i: number, k: number): boolean {
  return Math.hypot(xs[i]! - xs[k]!, ys[i]! - ys[k]!) <= MIN_JUMP_M;
}

interface Smoothed {
  x: Float64Array;
  y: Float64Array;
  vx: Float64Array;
  vy: Float64Array;
  /** 1 where the fix was taken, 0 where it was left out as a jump. */
  used: Uint8Array;
  outliers: number;
}

/**
 * Forward Kalman filter and RTS backward pass. Both axes share one model and one noise level, so
 * they share one 2×2 covariance (three numbers) per step; only the means differ.
 */
function rtsSmooth(xs: Float64Array, ys: Float64Array, ts: Float64Array, r: number, q: number): Smoothed {
  const n = ts.length;
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const fvx = new Float64Array(n);
  const fvy = new Float64Array(n);
  // Filtered covariance [pp, pv; pv, vv] at i, and the predicted one at i (before its update).
  const fpp = new Float64Array(n);
  const fpv = new Float64Array(n);
  const fvv = new Float64Array(n);
  const ppp = new Float64Array(n);
  const ppv = new Float64Array(n);
  const pvv = new Float64Array(n);
  const used = new Uint8Array(n);
  used[0] = 1;
  let x = xs[0]!;
  let y = ys[0]!;
  let vx = 0;
  let vy = 0;
  // Starting speed unknown: a variance of (3 m/s)² covers walking to running.
  let cpp = r;
  let cpv = 0;
  let cvv = 9;
  let outliers = 0;
  let lastAccepted = ts[0]!;
  // The fixes left out since the last accepted one (at most REACQUIRE_FIXES of them).
  const left: number[] = [];
  // After a change of course is recognised, the fixes left out just before it are looked at again:
  // from `replayFrom` to `replayTo`, `retake[k − replayFrom]` says whether fix k is taken (no jump
  // test) or stays left out; the model is told of the change at `replayFrom`.
  let replayFrom = -1;
  let replayTo = -1;
  let retake: boolean[] = [];
  let replayMiss = 0;
  let replaySince = 1;
  fx[0] = x;
  fy[0] = y;
  fpp[0] = ppp[0] = cpp;
  fpv[0] = ppv[0] = cpv;
  fvv[0] = pvv[0] = cvv;
  for (let i = 1; i < n; i++) {
    const dt = Math.max(0, ts[i]! - ts[i - 1]!);
    x += vx * dt;
    y += vy * dt;
    const npp = cpp + 2 * dt * cpv + dt * dt * cvv + (q * dt * dt * dt) / 3;
    const npv = cpv + dt * cvv + (q * dt * dt) / 2;
    const nvv = cvv + q * dt;
    cpp = npp;
    cpv = npv;
    cvv = nvv;
    const ex = xs[i]! - x;
    const ey = ys[i]! - y;
    const miss2 = ex * ex + ey * ey;
    const replaying = i >= replayFrom && i <= replayTo;
    const far = miss2 > MIN_JUMP_M * MIN_JUMP_M;
    // A fix as far off as the fixes just left out, and beside the last of them, is the same jump
    // going on: the seconds it has lasted widen the prediction, but must not let its last fix in
    // (taken, it pulls the track out to the jump and the next true fix is left out in its place).
    const sameJump = left.length > 0 && far && withinJump(xs, ys, i, left[left.length - 1]!);
    const jump = !replaying && far && (miss2 / (cpp + r) > GATE || sameJump);
    const changed = jump && (left.length >= REACQUIRE_FIXES || ts[i]! - lastAccepted > REACQUIRE_SECONDS);
    if (changed && left.length > 0) {
      // Fix after fix disagrees with the prediction: not a jump but a real change of course or speed
      // (a stop at a light after running, a turn at speed, a ride), which began after the last
      // accepted fix. Go back there and tell the model so; of the fixes left out meanwhile, those on
      // the way from the last accepted fix to this one were the track and are taken, the others (a
      // multipath jump just before the change) stay out. Each fix is looked at again at most once,
      // so the pass stays linear.
      const back = left[0]! - 1;
      retake = [...left.map((k) => nearTheWay(xs[k]!, ys[k]!, ts[k]!, fx[back]!, fy[back]!, ts[back]!, xs[i]!, ys[i]!, ts[i]!)), true];
      outliers -= left.length;
      replayFrom = left[0]!;
      replayTo = i;
      replayMiss = miss2 / 2;
      replaySince = Math.max(1, ts[i]! - lastAccepted);
      x = fx[back]!;
      y = fy[back]!;
      vx = fvx[back]!;
      vy = fvy[back]!;
      cpp = fpp[back]!;
      cpv = fpv[back]!;
      cvv = fvv[back]!;
      left.length = 0;
      i = back;
      continue;
    }
    const skip = replaying && !retake[i - replayFrom]!;
    if (changed || i === replayFrom) {
      // The model is told the state may have moved as far as the disagreeing fix says, and follows it.
      const miss = i === replayFrom ? replayMiss : miss2 / 2;
      const since = i === replayFrom ? replaySince : Math.max(1, ts[i]! - lastAccepted);
      cpp += miss;
      cvv += miss / (since * since);
    }
    ppp[i] = cpp;
    ppv[i] = cpv;
    pvv[i] = cvv;
    const s = cpp + r;
    if (!skip && (!jump || (!sameJump && miss2 / s <= GATE))) {
      const kp = cpp / s;
      const kv = cpv / s;
      x += kp * ex;
      y += kp * ey;
      vx += kv * ex;
      vy += kv * ey;
      const upp = (1 - kp) * cpp;
      const upv = (1 - kp) * cpv;
      const uvv = cvv - kv * cpv;
      cpp = upp;
      cpv = upv;
      cvv = uvv;
      left.length = 0;
      lastAccepted = ts[i]!;
      used[i] = 1;
    } else {
      used[i] = 0;
      outliers++;
      if (!skip) left.push(i);
    }
    fx[i] = x;
    fy[i] = y;
    fvx[i] = vx;
    fvy[i] = vy;
    fpp[i] = cpp;
    fpv[i] = cpv;
    fvv[i] = cvv;
  }
  const sx = Float64Array.from(fx);
  const sy = Float64Array.from(fy);
  const svx = Float64Array.from(fvx);
  const svy = Float64Array.from(fvy);
  for (let i = n - 2; i >= 0; i--) {
    const dt = Math.max(0, ts[i + 1]! - ts[i]!);
    // Gain C = P_filtered · Fᵀ · P_predicted(i+1)⁻¹.
    const m00 = fpp[i]! + dt * fpv[i]!;
    const m01 = fpv[i]!;
    const m10 = fpv[i]! + dt * fvv[i]!;
    const m11 = fvv[i]!;
    const a = ppp[i + 1]!;
    const b = ppv[i + 1]!;
    const d = pvv[i + 1]!;
    const det = a * d - b * b;
    if (!(det > 0)) continue;
    const i00 = d / det;
    const i01 = -b / det;
    const i11 = a / det;
    const c00 = m00 * i00 + m01 * i01;
    const c01 = m00 * i01 + m01 * i11;
    const c10 = m10 * i00 + m11 * i01;
    const c11 = m10 * i01 + m11 * i11;
    const dx = sx[i + 1]! - (fx[i]! + dt * fvx[i]!);
    const dvx = svx[i + 1]! - fvx[i]!;
    const dy = sy[i + 1]! - (fy[i]! + dt * fvy[i]!);
    const dvy = svy[i + 1]! - fvy[i]!;
    sx[i] = fx[i]! + c00 * dx + c01 * dvx;
    svx[i] = fvx[i]! + c10 * dx + c11 * dvx;
    sy[i] = fy[i]! + c00 * dy + c01 * dvy;
    svy[i] = fvy[i]! + c10 * dy + c11 * dvy;
  }
  return { x: sx, y: sy, vx: svx, vy: svy, used, outliers };
}
