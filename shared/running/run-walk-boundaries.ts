import type { IntervalKind } from './run-walk-summary';

/**
 * Where exactly each change between running and walking happened. Classing each second finds the
 * intervals but places their ends only roughly (smoothing blurs a change over several seconds), so
 * each boundary is placed afresh by a least-squares fit over its two neighbours — which fit depends
 * on where the values came from:
 *
 * - 'lines', for speed from distance we smoothed out of GPS positions (track-smoothing.ts). Its
 *   errors last: a cut corner or a lost fix reads short for tens of seconds, and the smoother
 *   blurs every change over several seconds. The **cumulative** distance is a chain of straight
 *   lines, one slope an interval, and a continuous two-piece line (a "kink") is fitted over as
 *   much of both intervals as is steady — up to `REACH_SECONDS` each side, less `MARGIN_SECONDS`
 *   at their far ends, and cut short where a side's pace changes (`steadyEnd`). Using whole
 *   intervals averages the position error down: with 3 m GPS error and fixes 1–5 s apart the
 *   distance at any one moment is a few metres off, but the two lines are known well (on the test
 *   generator's slow jog, 94 % of boundaries within 5 s against 84 % for the change in mean);
 * - 'means', for what a device recorded itself (a watch's distance, speed or cadence), which
 *   changes sharply where the person changed: the classic change in mean — the split with the
 *   largest n₁·n₂/(n₁+n₂)·(mean₁ − mean₂)² over half of each neighbour, at most
 *   `MEAN_REACH_SECONDS` each side — which puts a sharp step exactly where it is.
 *
 * Either way the value before a change must lie on its side of the halfway point between the two
 * kinds' levels and the value after on the other: a walk–run boundary splits walking from running,
 * not a slower stretch of a run from a faster one. Irregular fixes are handled by time: the values
 * are read at every whole second, linear between fixes.
 *
 * Standing still (a stop at a light) is its own level here, so the distance's flat stretch is a line
 * of its own and neither bends the walking line it sits in nor blurs the run it interrupts. Only for
 * the fit: standing is walking (recovery) in the result.
 *
 * Linear in the session's length: each second lies in the windows of at most two boundaries, and
 * each candidate place is scored in constant time from running sums.
 */

export type PartKind = IntervalKind | 'stand';
/** The level of each kind of part, in the values' unit (m/s or steps a minute). */
export type Levels = Record<PartKind, number>;
/** How boundaries are placed (see the top of this file). */
export type BoundaryFit = 'lines' | 'means';

/** How far each side of a boundary the kink's lines are fitted, at most (seconds). */
const REACH_SECONDS = 120;
/** Seconds left out at a part's far end, where its other boundary blurs it (at most a quarter of the part). */
const MARGIN_SECONDS = 5;
/** A side's pace may drift by this share of the two levels' gap before its line is cut short. */
const STEADY_SHARE = 0.35;
const MIN_SIDE_SECONDS = 15;
/** How far each side the means are taken for a change in mean, at most (seconds). */
const MEAN_REACH_SECONDS = 60;

export interface Part {
  kind: PartKind;
  start: number;
  end: number;
}

const RANK: Record<PartKind, number> = { stand: 0, walk: 1, run: 2 };

/**
 * Splits walking intervals where the person stood still for at least `minLength` seconds in a row
 * (`standing[i]` = 1). A bit of walking shorter than `minLength` beside a stop joins the stop.
 */
export function splitAtStops(spans: readonly Part[], standing: Uint8Array, minLength: number): Part[] {
  const out: Part[] = [];
  for (const span of spans) {
    if (span.kind !== 'walk') {
      out.push({ ...span });
      continue;
    }
    const pieces: Part[] = [];
    let i = span.start;
    while (i < span.end) {
      let j = i;
      while (j < span.end && standing[j] === standing[i]) j++;
      const kind: PartKind = standing[i] === 1 && j - i >= minLength ? 'stand' : 'walk';
      const last = pieces[pieces.length - 1];
      if (last !== undefined && last.kind === kind) last.end = j;
      else pieces.push({ kind, start: i, end: j });
      i = j;
    }
    // Short walking bits beside a stop (slowing down, a step or two) belong to the stop.
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k]!;
      if (p.kind !== 'walk' || p.end - p.start >= minLength) continue;
      const before = pieces[k - 1];
      const after = pieces[k + 1];
      if (before?.kind === 'stand') {
        before.end = p.end;
        if (after?.kind === 'stand') {
          before.end = after.end;
          pieces.splice(k, 2);
        } else pieces.splice(k, 1);
        k--;
      } else if (after?.kind === 'stand') {
        after.start = p.start;
        pieces.splice(k, 1);
        k--;
      }
    }
    out.push(...pieces);
  }
  return out;
}

/** Standing goes back to walking, and neighbours of one kind become one interval. */
export function joinStops(parts: readonly Part[]): Array<{ kind: IntervalKind; start: number; end: number }> {
  const out: Array<{ kind: IntervalKind; start: number; end: number }> = [];
  for (const p of parts) {
    const kind: IntervalKind = p.kind === 'run' ? 'run' : 'walk';
    const last = out[out.length - 1];
    if (last !== undefined && last.kind === kind) last.end = p.end;
    else out.push({ kind, start: p.start, end: p.end });
  }
  return out;
}

/**
 * Places every boundary between `parts` (changed in place, left to right) on `values`, one per
 * second, with `fit` (see the top of this file). Where no place
 * qualifies, the boundary stays where classing put it. No part becomes shorter than `minLength`
 * (or than it was).
 */
export function placeBoundaries(parts: Part[], values: Float64Array, minLength: number, levels: Levels, fit: BoundaryFit): Part[] {
  const cumulative = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) cumulative[i + 1] = cumulative[i]! + values[i]!;
  for (let k = 1; k < parts.length; k++) {
    const a = parts[k - 1]!;
    const b = parts[k]!;
    const at = b.start;
    const rising = RANK[b.kind] > RANK[a.kind];
    const middle = (levels[a.kind] + levels[b.kind]) / 2;
    // Never closer than `minLength` to a neighbour's far end.
    const earliest = a.start + Math.min(minLength, at - a.start);
    const latest = b.end - Math.min(minLength, b.end - at);
    let best: number | null = null;
    if (fit === 'lines') {
      const gap = Math.abs(levels[b.kind] - levels[a.kind]);
      const lo = steadyEnd(cumulative, at - MARGIN_SECONDS, Math.max(a.start + margin(a), at - REACH_SECONDS), gap);
      const hi = steadyEnd(cumulative, at + MARGIN_SECONDS, Math.min(b.end - margin(b), at + REACH_SECONDS), gap);
      best = bestKink(cumulative, lo, hi, Math.max(lo + 2, earliest), Math.min(hi - 2, latest), rising, middle);
    } else {
      const lo = Math.max(a.start + Math.floor((at - a.start) / 2), at - MEAN_REACH_SECONDS);
      const hi = Math.min(b.end - Math.floor((b.end - at) / 2), at + MEAN_REACH_SECONDS);
      best = bestMeanChange(cumulative, lo, hi, Math.max(lo + 1, earliest), Math.min(hi - 1, latest), rising, middle);
    }
    if (best !== null) {
      a.end = best;
      b.start = best;
    }
  }
  return parts;
}

/**
 * How far from a boundary one side's line may reach: from `near` (just off the boundary) towards
 * `far`, halved while the half further out moves at a pace more than STEADY_SHARE of `gap` away
 * from the half nearer in (a run that slows a minute in is two lines, not one). At least
 * MIN_SIDE_SECONDS.
 */
function steadyEnd(y: Float64Array, near: number, far: number, gap: number): number {
  let end = far;
  while (Math.abs(end - near) >= 2 * MIN_SIDE_SECONDS) {
    const mid = Math.round((near + end) / 2);
    const pace = (p: number, q: number) => (y[Math.max(p, q)]! - y[Math.min(p, q)]!) / Math.abs(q - p);
    if (Math.abs(pace(near, mid) - pace(mid, end)) <= STEADY_SHARE * gap) break;
    end = mid;
  }
  return end;
}

function margin(p: Part): number {
  return Math.min(MARGIN_SECONDS, Math.floor((p.end - p.start) / 4));
}

/**
 * The kink place c in [first, last] whose continuous two-piece line fits y(t), t = lo … hi, with the
 * least squared error; when `rising` the slope before c must be at most `middle` and the slope
 * after at least `middle` (the other way round otherwise). Null when no place qualifies.
 */
function bestKink(y: Float64Array, lo: number, hi: number, first: number, last: number, rising: boolean, middle: number): number | null {
  const w = hi - lo;
  // Running sums over t' = t − lo and y' = y(t) − y(lo) (small numbers, no loss of precision).
  const s0 = new Float64Array(w + 2);
  const s1 = new Float64Array(w + 2);
  const s2 = new Float64Array(w + 2);
  const sy = new Float64Array(w + 2);
  const sty = new Float64Array(w + 2);
  let syy = 0;
  const y0 = y[lo]!;
  for (let k = 0; k <= w; k++) {
    const v = y[lo + k]! - y0;
    s0[k + 1] = s0[k]! + 1;
    s1[k + 1] = s1[k]! + k;
    s2[k + 1] = s2[k]! + k * k;
    sy[k + 1] = sy[k]! + v;
    sty[k + 1] = sty[k]! + k * v;
    syy += v * v;
  }
  const n = w + 1;
  const total = sy[w + 1]!;
  let best: number | null = null;
  let bestCost = Infinity;
  for (let c = first; c <= last; c++) {
    const m = c - lo;
    // Left: t' < m with u = t' − m ≤ 0; right: t' ≥ m with v = t' − m ≥ 0.
    const nL = s0[m]!;
    const uSum = s1[m]! - nL * m;
    const uu = s2[m]! - 2 * m * s1[m]! + nL * m * m;
    const uy = sty[m]! - m * sy[m]!;
    const nR = n - nL;
    const r1 = s1[n]! - s1[m]!;
    const vSum = r1 - nR * m;
    const vv = s2[n]! - s2[m]! - 2 * m * r1 + nR * m * m;
    const vy = sty[n]! - sty[m]! - m * (total - sy[m]!);
    if (!(uu > 0 && vv > 0)) continue;
    const denom = n - (uSum * uSum) / uu - (vSum * vSum) / vv;
    if (!(denom > 0)) continue;
    const a = (total - (uSum * uy) / uu - (vSum * vy) / vv) / denom;
    const before = (uy - a * uSum) / uu;
    const after = (vy - a * vSum) / vv;
    if (rising ? before > middle || after < middle : before < middle || after > middle) continue;
    const cost = syy - (a * total + before * uy + after * vy);
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      best = c;
    }
  }
  return best;
}

/**
 * The change in mean over [lo, hi]: the place c in [first, last] with the largest
 * n₁·n₂/(n₁+n₂)·(mean₁ − mean₂)², the means on either side lying on their sides of `middle`
 * (below before and above after when `rising`). Null when no place qualifies.
 */
function bestMeanChange(y: Float64Array, lo: number, hi: number, first: number, last: number, rising: boolean, middle: number): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  for (let c = first; c <= last; c++) {
    const n1 = c - lo;
    const n2 = hi - c;
    if (n1 <= 0 || n2 <= 0) continue;
    const before = (y[c]! - y[lo]!) / n1;
    const after = (y[hi]! - y[c]!) / n2;
    if (rising ? before > middle || after < middle : before < middle || after > middle) continue;
    const score = ((n1 * n2) / (n1 + n2)) * (before - after) ** 2;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

