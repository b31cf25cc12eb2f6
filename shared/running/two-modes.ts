/**
 * The two levels a run-walk session moves at — a walking pace and a running pace, or a walking and a
 * running step rate — found from the session itself: a mixture of two normal distributions fitted
 * by expectation–maximisation. A person who jogs at 7.6 km/h and walks at 5 km/h has two clear
 * modes there, even though both sit under a fixed "running starts at 8 km/h" line.
 */

export interface TwoModes {
  low: number;
  high: number;
  sdLow: number;
  sdHigh: number;
  /** Share of the values in the low mode (0–1). */
  weightLow: number;
  /** Where the two weighted densities meet, between the modes. */
  split: number;
  /** Ashman's D: √2·|high − low| / √(sdLow² + sdHigh²); above 2 the mixture is clearly bimodal. */
  separation: number;
}

const ITERATIONS = 200;
const MAX_VALUES = 6000;
/** Share of the highest values left out before fitting (see fitTwoModes). */
const TRIM_SHARE = 0.01;
/** A mode narrower than this (in the values' unit) is treated as this wide, so EM cannot collapse onto one value. */
const MIN_SD_FRACTION = 0.02;

/**
 * Fits two modes to `values` (order does not matter; the array is not changed). Null when there
 * are too few values or EM collapses into one mode. The caller decides whether the fit is clear
 * enough (separation, weights, plausible levels) to be used.
 */
export function fitTwoModes(values: ArrayLike<number>, minCount = 30): TwoModes | null {
  const v: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) v.push(values[i]!);
  if (v.length < minCount) return null;
  v.sort((a, b) => a - b);
  // A few seconds of GPS glitch (a jump read as a sprint) would widen a mode and pull EM off the two
  // levels: the top TRIM_SHARE is left out. Only the top: a glitch reads fast, never slow, and the
  // lowest values are the slowest walking of what may be the smaller mode (the fēnix 2 run's few
  // short walks step at a median 112 a minute); cutting them lifted its walk level from 127 to 131.
  // A long session: evenly spaced quantiles stand for the whole (EM is linear in the values it sees).
  const kept = v.length - (v.length >= 100 ? Math.floor(v.length * TRIM_SHARE) : 0);
  const count = Math.min(kept, MAX_VALUES);
  const step = kept / count;
  for (let k = 0; k < count; k++) v[k] = v[Math.floor(k * step)]!;
  v.length = count;
  const n = v.length;
  const spread = v[n - 1]! - v[0]!;
  if (!(spread > 0)) return null;
  const floor = Math.max(1e-6, MIN_SD_FRACTION * (Math.abs(v[Math.floor(n / 2)]!) || spread));
  let m1 = v[Math.floor(n * 0.2)]!;
  let m2 = v[Math.floor(n * 0.8)]!;
  if (!(m2 > m1)) {
    m1 = v[0]!;
    m2 = v[n - 1]!;
  }
  let s1 = Math.max(floor, (m2 - m1) / 4);
  let s2 = s1;
  let w1 = 0.5;
  for (let it = 0; it < ITERATIONS; it++) {
    let n1 = 0;
    let a1 = 0;
    let a2 = 0;
    let b1 = 0;
    let b2 = 0;
    for (const x of v) {
      const p1 = (w1 / s1) * Math.exp(-0.5 * ((x - m1) / s1) ** 2);
      const p2 = ((1 - w1) / s2) * Math.exp(-0.5 * ((x - m2) / s2) ** 2);
      // Far out in both tails both densities underflow: the nearer mode takes the value.
      const r = p1 + p2 > 0 ? p1 / (p1 + p2) : Math.abs(x - m1) <= Math.abs(x - m2) ? 1 : 0;
      n1 += r;
      a1 += r * x;
      a2 += (1 - r) * x;
      b1 += r * x * x;
      b2 += (1 - r) * x * x;
    }
    const n2 = n - n1;
    if (n1 < 1 || n2 < 1) return null;
    const nm1 = a1 / n1;
    const nm2 = a2 / n2;
    s1 = Math.max(floor, Math.sqrt(Math.max(0, b1 / n1 - nm1 * nm1)));
    s2 = Math.max(floor, Math.sqrt(Math.max(0, b2 / n2 - nm2 * nm2)));
    const moved = Math.abs(nm1 - m1) + Math.abs(nm2 - m2);
    m1 = nm1;
    m2 = nm2;
    w1 = n1 / n;
    if (moved < 1e-6 * (1 + Math.abs(m2))) break;
  }
  if (!(m2 > m1)) return null;
  return { low: m1, high: m2, sdLow: s1, sdHigh: s2, weightLow: w1, split: meetingPoint(m1, s1, w1, m2, s2), separation: (Math.SQRT2 * (m2 - m1)) / Math.sqrt(s1 * s1 + s2 * s2) };
}

/** Between the modes, where w₁·N(m₁, s₁) = w₂·N(m₂, s₂) (log densities compared; bisection). */
function meetingPoint(m1: number, s1: number, w1: number, m2: number, s2: number): number {
  const diff = (x: number) => Math.log(w1 / s1) - 0.5 * ((x - m1) / s1) ** 2 - (Math.log((1 - w1) / s2) - 0.5 * ((x - m2) / s2) ** 2);
  let lo = m1;
  let hi = m2;
  if (diff(lo) * diff(hi) > 0) return (m1 + m2) / 2;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (diff(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
