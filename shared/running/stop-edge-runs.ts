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
 * B is taken (its best fit, found without regard to pace) when
 * - its running slope is faster than its own walking slope by at least the square root of the
 *   ratio of the session's two levels (halfway between them on a ratio scale). A ratio, and to the
 *   walk right beside it, because the two lines share the same street and the same GPS: a smoothed
 *   track cuts corners and reads short by a share of the pace, so both slopes read low together
 *   (a run of 2.15 m/s beside a light read 1.67 after a 1.34 walk, under the halfway 1.78 of the
 *   session's levels but 1.25 times its walk);
 * - its walking slope is at walking pace (under the halfway point of the session's levels);
 * - it fits the distance better than A by at least `MIN_GAIN` square metres a second of the
 *   stretch: the extra line must explain more than GPS error (a few metres, correlated over tens
 *   of seconds) could;
 * - and its pace shows running: at its fastest second, the speed that follows turns
 *   (turn-following-speed.ts) reaches `SHOWS_RUNNING` (5 %) beyond the halfway point between the
 *   session's levels. The distance alone cannot tell: on the development seeds, walks into a light
 *   whose distance read ~10 m long fitted B as well as the true short runs did.
 * On the development seeds, the short runs the labelling missed gained 2.0–2.8 and peaked at
 * 1.06–1.13 times the halfway point; walks into a light that passed the first three tests (nine in
 * 8,000 sessions) peaked at 0.87–1.03 times it.
 * These figures were set on development seeds (5001–5400, 7001–7400), never the held-out ones.
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
const MIN_GAIN = 1.5;
/** The fastest second of the run, on the pace that follows turns, must reach this share of the halfway point between the levels. */
const SHOWS_RUNNING = 1.05;

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
  const sums = new PrefixSums(y);
  let bestA = Infinity;
  let best: StopEdgeFit | null = null;
  for (let k = Math.max(stopFrom, 2 * minLength); k <= Math.min(stopTo, n - 3); k++) {
    const a = sums.fit(k, null);
    if (a !== null && a.sse < bestA) bestA = a.sse;
    for (let c = Math.max(minLength, k - MAX_RUN_SECONDS); c <= k - minLength; c++) {
      const b = sums.fit(k, c);
      if (b === null || (best !== null && b.sse >= best.errorB * n)) continue;
      best = { runStart: c, stopStart: k, walkPace: b.walk, runPace: b.run, errorA: 0, errorB: b.sse / n };
    }
  }
  if (best === null || !Number.isFinite(bestA)) return null;
  best.errorA = bestA / n;
  return best;
}

/**
 * Least squares of y(t) = h + r·u + (w − r)·v with u = min(t − k, 0) and v = min(t − c, 0) (B), or
 * h + w·u when c is null (A), by the normal equations; every sum they need comes in constant time
 * from running sums of 1, t, t², y and t·y (u and v are linear in t before k and c, zero after).
 */
class PrefixSums {
  private readonly n: number;
  private readonly s0: Float64Array;
  private readonly s1: Float64Array;
  private readonly s2: Float64Array;
  private readonly sy: Float64Array;
  private readonly sty: Float64Array;
  private readonly syy: number;
  /** The normal equations, filled afresh for each fit (3 wide). */
  private readonly xtx = new Float64Array(9);
  private readonly xty = new Float64Array(3);

  constructor(y: Float64Array) {
    const n = y.length;
    this.n = n;
    this.s0 = new Float64Array(n + 1);
    this.s1 = new Float64Array(n + 1);
    this.s2 = new Float64Array(n + 1);
    this.sy = new Float64Array(n + 1);
    this.sty = new Float64Array(n + 1);
    let syy = 0;
    // Relative to the first value: small numbers, no loss of precision.
    const y0 = y[0]!;
    for (let t = 0; t < n; t++) {
      const v = y[t]! - y0;
      this.s0[t + 1] = this.s0[t]! + 1;
      this.s1[t + 1] = this.s1[t]! + t;
      this.s2[t + 1] = this.s2[t]! + t * t;
      this.sy[t + 1] = this.sy[t]! + v;
      this.sty[t + 1] = this.sty[t]! + t * v;
      syy += v * v;
    }
    this.syy = syy;
  }

  /** Σ over t < p of (t − a)(t − b), of (t − a), and of (t − a)·y. */
  private cross(p: number, a: number, b: number): number {
    return this.s2[p]! - (a + b) * this.s1[p]! + a * b * this.s0[p]!;
  }
  private linear(p: number, a: number): number {
    return this.s1[p]! - a * this.s0[p]!;
  }
  private withY(p: number, a: number): number {
    return this.sty[p]! - a * this.sy[p]!;
  }

  fit(k: number, c: number | null): { sse: number; walk: number; run: number } | null {
    const m = c === null ? 2 : 3;
    const { xtx, xty } = this;
    xtx[0] = this.n;
    xtx[1] = xtx[3] = this.linear(k, k);
    xtx[4] = this.cross(k, k, k);
    xty[0] = this.sy[this.n]!;
    xty[1] = this.withY(k, k);
    if (c !== null) {
      // v is zero from c on, and c < k: every product with v runs over t < c.
      xtx[2] = xtx[6] = this.linear(c, c);
      xtx[5] = xtx[7] = this.cross(c, k, c);
      xtx[8] = this.cross(c, c, c);
      xty[2] = this.withY(c, c);
    }
    const y0 = xty[0]!;
    const y1 = xty[1]!;
    const y2 = xty[2]!;
    const beta = solveSmall(xtx, xty, m);
    if (beta === null) return null;
    const explained = beta[0]! * y0 + beta[1]! * y1 + (m === 3 ? beta[2]! * y2 : 0);
    const run = beta[1]!;
    return { sse: Math.max(0, this.syy - explained), run, walk: c === null ? run : run + beta[2]! };
  }
}

/** Gaussian elimination on an m×m system (m ≤ 3) stored 3 wide, in place (the solution in `x`). Null when singular. */
function solveSmall(A: Float64Array, x: Float64Array, m: number): Float64Array | null {
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
 * top of this file). `distanceAt[i]` is the cumulative distance at second i, `pace[i]` the speed
 * that follows turns, `levels` the session's walking and running levels (m/s). Parts are returned anew.
 */
export function findRunsBesideStops(parts: readonly Part[], distanceAt: Float64Array, pace: Float64Array, levels: { walk: number; run: number }, minLength: number): Part[] {
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
      const p = new Float64Array(hi - lo);
      for (let t = lo; t <= hi; t++) y[t - lo] = distanceAt[t]!;
      for (let t = lo; t < hi; t++) p[t - lo] = pace[t]!;
      const at = decide(y, p, stop.start - lo, minLength, levels);
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
      const p = new Float64Array(hi - lo);
      for (let t = lo; t <= hi; t++) y[hi - t] = distanceAt[hi]! - distanceAt[t]!;
      for (let t = lo; t < hi; t++) p[hi - 1 - t] = pace[t]!;
      const at = decide(y, p, hi - stop.end, minLength, levels);
      if (at !== null && after.end - (hi - at) >= minLength) {
        out.splice(k + 1, 0, { kind: 'run', start: stop.end, end: hi - at });
        after.start = hi - at;
      }
    }
  }
  return out;
}

/** Where the run starts (index into y, whose seconds' pace is `p`), or null when A holds. */
function decide(y: Float64Array, p: Float64Array, stopAt: number, minLength: number, levels: { walk: number; run: number }): number | null {
  const f = fitStopEdge(y, stopAt - STOP_SLACK_SECONDS, stopAt + STOP_SLACK_SECONDS, minLength);
  if (f === null) return null;
  const middle = (levels.walk + levels.run) / 2;
  let fastest = 0;
  for (let i = f.runStart; i < f.stopStart && i < p.length; i++) fastest = Math.max(fastest, p[i]!);
  const clear = f.walkPace > 0 && f.walkPace < middle && f.runPace / f.walkPace >= Math.sqrt(levels.run / levels.walk) && f.errorA - f.errorB >= MIN_GAIN && fastest >= SHOWS_RUNNING * middle;
  return clear ? f.runStart : null;
}
