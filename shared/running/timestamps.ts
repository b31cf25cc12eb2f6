/**
 * Times in a watch file cannot all be believed. A GPS receiver that never got a fix stamps its
 * default date (December 13, 1901 is −2³¹ seconds of Unix time; FIT devices count from power-on and
 * write dates in the first years after 1989); one corrupt record can read 2085; a clock set wrong
 * puts a run in the future. This module decides, for a sequence of times in file order, which to keep,
 * what was wrong with the rest, and when the file must be refused because no time can be trusted.
 *
 * - A time before 2000-01-01 is impossible: no GPS watch file format (GPX 2002, TCX 2007, FIT 2008)
 *   existed earlier, so such a time is a clock that was never set.
 * - A time more than `FUTURE_TOLERANCE_MS` after now is impossible.
 * - The possible times fall into clusters separated by more than `MAX_JUMP_MS`. The largest cluster
 *   is the activity when it holds at least `MAIN_SHARE` of the timed points; the rest is left out and
 *   named. Otherwise the file is refused: Runback cannot tell when it was run.
 * - Within that part, a point that goes back in time is left out (the track stays in order).
 */

export const EARLIEST_VALID_MS = Date.UTC(2000, 0, 1);
export const FUTURE_TOLERANCE_MS = 15 * 60_000;
export const MAX_JUMP_MS = 6 * 3_600_000;
const MAIN_SHARE = 0.9;

export type TimeRepair =
  | { kind: 'too-early'; count: number; firstMs: number }
  | { kind: 'future'; count: number; firstMs: number }
  | { kind: 'apart'; count: number; firstMs: number }
  | { kind: 'backwards'; count: number };

export type TimeRefusal =
  /** Every time is before 2000; `sameMs` when every point carries the one same time. */
  | { kind: 'too-early'; firstMs: number; sameMs: number | null }
  | { kind: 'future'; firstMs: number }
  /** The track's times jump by more than MAX_JUMP_MS and no part holds most of it. */
  | { kind: 'jump'; fromMs: number; toMs: number };

/** Codes in `TimeCheck.leftOut`. */
export const LEFT_OUT = { tooEarly: 1, future: 2, apart: 3, backwards: 4 } as const;

export interface TimeCheck {
  /** keep[i] = 1 when point i's time is kept (points without a time are 0). */
  keep: Uint8Array;
  /** Why point i was left out: 0 kept or no time, else one of LEFT_OUT. */
  leftOut: Uint8Array;
  kept: number;
  repairs: TimeRepair[];
  refusal: TimeRefusal | null;
}

/** `times[i]` is epoch milliseconds, NaN for a point without a time. */
export function checkTimes(times: ArrayLike<number>, nowMs: number): TimeCheck {
  const n = times.length;
  const keep = new Uint8Array(n);
  const leftOut = new Uint8Array(n);
  const latest = nowMs + FUTURE_TOLERANCE_MS;
  const possible: number[] = [];
  let early = 0;
  let firstEarly = NaN;
  let lastEarly = NaN;
  let future = 0;
  let firstFuture = NaN;
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    if (!Number.isFinite(t)) continue;
    if (t < EARLIEST_VALID_MS) {
      leftOut[i] = LEFT_OUT.tooEarly;
      if (early === 0) firstEarly = t;
      lastEarly = t;
      early++;
    } else if (t > latest) {
      leftOut[i] = LEFT_OUT.future;
      if (future === 0) firstFuture = t;
      future++;
    } else possible.push(i);
  }
  if (possible.length === 0) {
    if (early === 0 && future === 0) return { keep, leftOut, kept: 0, repairs: [], refusal: null };
    const refusal: TimeRefusal = early >= future ? { kind: 'too-early', firstMs: firstEarly, sameMs: sameTime(times, early, firstEarly, lastEarly) } : { kind: 'future', firstMs: firstFuture };
    return { keep, leftOut, kept: 0, repairs: [], refusal };
  }

  // Clusters of times (in time order) separated by more than MAX_JUMP_MS; the largest is the activity.
  const byTime = [...possible].sort((a, b) => times[a]! - times[b]!);
  const clusters: Array<{ from: number; to: number }> = [{ from: 0, to: 1 }];
  for (let k = 1; k < byTime.length; k++) {
    if (times[byTime[k]!]! - times[byTime[k - 1]!]! > MAX_JUMP_MS) clusters.push({ from: k, to: k + 1 });
    else clusters[clusters.length - 1]!.to = k + 1;
  }
  let main = clusters[0]!;
  for (const c of clusters) if (c.to - c.from > main.to - main.from) main = c;
  const timed = possible.length + early + future;
  if (main.to - main.from < MAIN_SHARE * timed) {
    const next = clusters[1]!;
    return { keep, leftOut, kept: 0, repairs: [], refusal: { kind: 'jump', fromMs: times[byTime[next.from - 1]!]!, toMs: times[byTime[next.from]!]! } };
  }
  const inMain = new Uint8Array(n);
  for (let k = main.from; k < main.to; k++) inMain[byTime[k]!] = 1;

  const repairs: TimeRepair[] = [];
  if (early > 0) repairs.push({ kind: 'too-early', count: early, firstMs: firstEarly });
  if (future > 0) repairs.push({ kind: 'future', count: future, firstMs: firstFuture });
  const apart = possible.filter((i) => !inMain[i]);
  for (const i of apart) leftOut[i] = LEFT_OUT.apart;
  if (apart.length > 0) repairs.push({ kind: 'apart', count: apart.length, firstMs: times[apart[0]!]! });
  let last = -Infinity;
  let backwards = 0;
  let kept = 0;
  for (const i of possible) {
    if (!inMain[i]) continue;
    const t = times[i]!;
    if (t < last) {
      leftOut[i] = LEFT_OUT.backwards;
      backwards++;
      continue;
    }
    last = t;
    keep[i] = 1;
    kept++;
  }
  if (backwards > 0) repairs.push({ kind: 'backwards', count: backwards });
  return { keep, leftOut, kept, repairs, refusal: null };
}

function sameTime(times: ArrayLike<number>, count: number, first: number, last: number): number | null {
  if (count < 2 || first !== last) return count === 1 ? first : null;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (Number.isFinite(t) && t < EARLIEST_VALID_MS && t !== first) return null;
  }
  return first;
}

/** True for a single time (a session start, a TCX Id) that can be a real moment of a run. */
export function isPossibleTime(ms: number | undefined, nowMs: number): ms is number {
  return ms !== undefined && Number.isFinite(ms) && ms >= EARLIEST_VALID_MS && ms <= nowMs + FUTURE_TOLERANCE_MS;
}
