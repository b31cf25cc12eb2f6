import type { Part } from './run-walk-boundaries';

/**
 * A short run beside a stop at a light (walk → run → stop, or stop → run → walk), decided as a
 * whole on the cumulative distance rather than second by second.
 *
 * Smoothing GPS positions blurs the sharp slowing into a stop (and the start out of it) over ten
 * seconds or more, so a run of 20–25 s next to a light never shows its pace in any one second:
 * the per-second labelling (run-walk-detection.ts) reads it as walking into the stop. What the
 * blur does not change is how far the person got: the distance at the stop is pinned by many
 * fixes, and the walk before it by a minute or more of them. So over the stretch from the walk to
 * the middle of the stop, two shapes of the cumulative distance are compared, each a continuous
 * chain of straight lines ending flat (the stop):
 * - A, walk then stop: one slope, then flat;
 * - B, walk, run, then stop: a walking slope, a running slope for at least `minLength` seconds,
 *   then flat.
 * B is taken when its running slope is at running pace (at or above the halfway point between the
 * session's two levels), its walking slope at walking pace, and it fits the distance better than A
 * by more than `MIN_GAIN` square metres a second of the stretch — the extra line must explain more
 * than GPS error (a few metres, correlated over tens of seconds) could.
 * Only for speed from smoothed GPS positions: a device's own distance changes sharply at a stop.
 */

/** How far before the stop the walk is read (seconds): enough for its slope to be known well. */
const REACH_SECONDS = 75;
/** How far into the stop the flat line is read, at most (seconds). */
const STOP_REACH_SECONDS = 20;
/** The longest run beside a stop looked for here (seconds); longer ones the labelling finds. */
const MAX_RUN_SECONDS = 45;
/** The stop's flat line may start this far either side of where standing was first seen (the smoothing's lag). */
const STOP_SLACK_SECONDS = 10;
/** The least improvement in fit, square metres per second of the stretch, for B to be taken. */
export const MIN_GAIN = 1.5;

export interface StopEdgeFit {
  /** Where the run starts, seconds from the stretch's start. */
  runStart: number;
  /** Where the flat line starts. */
  stopStart: number;
  walkPace: number;
  runPace: number;
  /** Mean squared error of A and B over the stretch (m²). */
  errorA: number;
  errorB: number;
}

/**
 * Fits A and B (see the top of this file) to `y[0 … n−1]`, a cumulative distance that rises and
 * ends flat, with the flat line starting in [`stopFrom`, `stopTo`]. Null when the stretch is too
 * short to hold a walk and a run.
 */
export function fitStopEdge(y: Float64Array, stopFrom: number, stopTo: number, minLength: number): StopEdgeFit | null {
  const n = y.length;
  let bestA = Infinity;
  let best: StopEdgeFit | null = null;
  for (let k = Math.max(stopFrom, 2 * minLength); k <= Math.min(stopTo, n - 3); k++) {
    const a = solve(y, k, null);
    if (a !== null && a.sse < bestA) bestA = a.sse;
    for (let c = Math.max(minLength, k - MAX_RUN_SECONDS); c <= k - minLength; c++) {
      const b = solve(y, k, c);
      if (b === null || (best !== null && b.sse >= best.errorB * n)) continue;
      best = { runStart: c, stopStart: k, walkPace: b.walk, runPace: b.run, errorA: 0, errorB: b.sse / n };
    }
  }
  if (best === null || !Number.isFinite(bestA)) return null;
  best.errorA = bestA / n;
  return best;
}

/**
 * Least squares of y(t) = h + r·min(t − k, 0) + (w − r)·min(t − c, 0) (B), or h + w·min(t − k, 0)
 * when c is null (A), by the normal equations.
 */
function solve(y: Float64Array, k: number, c: number | null): { sse: number; walk: number; run: number } | null {
  const m = c === null ? 2 : 3;
  const xtx = new Float64Array(9);
  const xty = new Float64Array(3);
  const row = new Float64Array(3);
  for (let t = 0; t < y.length; t++) {
    row[0] = 1;
    row[1] = Math.min(t - k, 0);
    if (c !== null) row[2] = Math.min(t - c, 0);
    for (let i = 0; i < m; i++) {
      xty[i] = xty[i]! + row[i]! * y[t]!;
      for (let j = 0; j < m; j++) xtx[i * 3 + j] = xtx[i * 3 + j]! + row[i]! * row[j]!;
    }
  }
  const beta = solveSymmetric(xtx, xty, m);
  if (beta === null) return null;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const fit = beta[0]! + beta[1]! * Math.min(t - k, 0) + (c === null ? 0 : beta[2]! * Math.min(t - c, 0));
    sse += (y[t]! - fit) ** 2;
  }
  const run = beta[1]!;
  return { sse, run, walk: c === null ? run : run + beta[2]! };
}

/** Gaussian elimination on an m×m system (m ≤ 3) stored 3 wide. Null when singular. */
function solveSymmetric(a: Float64Array, b: Float64Array, m: number): Float64Array | null {
  const A = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    const p = A[i * 3 + i]!;
    if (Math.abs(p) < 1e-9) return null;
    for (let r = i + 1; r < m; r++) {
      const f = A[r * 3 + i]! / p;
      for (let j = i; j < m; j++) A[r * 3 + j] = A[r * 3 + j]! - f * A[i * 3 + j]!;
      x[r] = x[r]! - f * x[i]!;
    }
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < m; j++) s -= A[i * 3 + j]! * x[j]!;
    x[i] = s / A[i * 3 + i]!;
  }
  return x;
}

/**
 * Splits off a short run from each walking part beside a stop where the distance says so (see the
 * top of this file). `distanceAt[i]` is the cumulative distance at second i; `middle` the halfway
 * point between the session's walking and running levels (m/s). Parts are returned anew.
 */
export function findRunsBesideStops(parts: readonly Part[], distanceAt: Float64Array, levels: { walk: number; run: number }, minLength: number): Part[] {
  const out: Part[] = parts.map((p) => ({ ...p }));
  for (let k = 0; k < out.length; k++) {
    const stop = out[k]!;
    if (stop.kind !== 'stand') continue;
    const stopReach = Math.min(STOP_REACH_SECONDS, Math.floor((stop.end - stop.start) / 2));
    const before = out[k - 1];
    if (before?.kind === 'walk') {
      const lo = Math.max(before.start, stop.start - REACH_SECONDS);
      const hi = stop.start + stopReach;
      const y = new Float64Array(hi - lo + 1);
      for (let t = lo; t <= hi; t++) y[t - lo] = distanceAt[t]!;
      const at = decide(y, stop.start - lo, minLength, levels);
      if (at !== null && lo + at - before.start >= minLength) {
        out.splice(k, 0, { kind: 'run', start: lo + at, end: stop.start });
        before.end = lo + at;
        k++;
      }
    }
    const after = out[k + 1];
    if (after?.kind === 'walk') {
      // The same shape with time running backwards from the walk towards the stop.
      const hi = Math.min(after.end, stop.end + REACH_SECONDS);
      const lo = stop.end - stopReach;
      const y = new Float64Array(hi - lo + 1);
      for (let t = lo; t <= hi; t++) y[hi - t] = distanceAt[hi]! - distanceAt[t]!;
      const at = decide(y, hi - stop.end, minLength, levels);
      if (at !== null && after.end - (hi - at) >= minLength) {
        out.splice(k + 1, 0, { kind: 'run', start: stop.end, end: hi - at });
        after.start = hi - at;
      }
    }
  }
  return out;
}

/** Where the run starts (index into y), or null when A holds. */
function decide(y: Float64Array, stopAt: number, minLength: number, levels: { walk: number; run: number }): number | null {
  const f = fitStopEdge(y, stopAt - STOP_SLACK_SECONDS, stopAt + STOP_SLACK_SECONDS, minLength);
  if (f === null) return null;
  const clear = f.walkPace > 0 && f.walkPace < (levels.walk + levels.run) / 2 && f.runPace / f.walkPace >= Math.sqrt(levels.run / levels.walk) && f.errorA - f.errorB >= MIN_GAIN;
  return clear ? f.runStart : null;
}
