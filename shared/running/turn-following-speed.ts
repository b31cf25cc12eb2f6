/**
 * Speed that keeps its pace through turns (see track-smoothing.ts for the track it refines).
 *
 * The position smoother's model lets velocity change equally in every direction, with one small
 * process noise: enough to measure distance to within a few per cent, but at a street corner it
 * rounds the turn over 10–15 m, and the speed read off the rounded path drops by a third for
 * 10–15 s — as deep and as long as a short walk inside a slow jog. People change pace slowly and
 * direction quickly, so here the velocity's change along the way it already goes (`ALONG_NOISE`,
 * speeding up, slowing down) is kept small while its change across it (`ACROSS_NOISE`, turning) is
 * free. The way it goes at each fix is taken from the position smoother's own velocity, so this is
 * still a linear Kalman filter and RTS smoother (constant velocity, now with a 4×4 covariance),
 * run only on the fixes the position smoother took (its jump test decides), and its speed is the
 * length of the smoothed velocity. Linear in the number of fixes.
 */

/** Acceleration noise along the way of travel (m²/s³): how quickly a person changes pace. */
export const ALONG_NOISE = 0.07;
/** Acceleration noise across it (m²/s³): how quickly a person turns. */
export const ACROSS_NOISE = 0.5;
/** Under this speed (m/s) the way of travel is not known and both noises are the along one. */
const HEADING_MIN_MPS = 0.5;

type M4 = Float64Array;

function mul(a: M4, b: M4, out: M4 = new Float64Array(16)): M4 {
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[i * 4 + k]! * b[k * 4 + j]!;
      out[i * 4 + j] = s;
    }
  }
  return out;
}

/*
 * F (constant velocity over dt: x += dt·vx, y += dt·vy) is the identity but for two entries, so
 * F·P and P·Fᵀ are written out: each entry is the same sum of the same products, in the same order,
 * as the full 4×4 products, less the terms that multiply by one of F's zeros (exact zeros, which
 * leave a sum as it was; the results are the same to the bit). The full products were most of this
 * file's time on every import.
 */

/** F·P into `out`: rows x and y gain dt times rows vx and vy. */
function timesF(p: M4, dt: number, out: M4): M4 {
  for (let c = 0; c < 4; c++) {
    out[c] = p[c]! + dt * p[8 + c]!;
    out[4 + c] = p[4 + c]! + dt * p[12 + c]!;
    out[8 + c] = p[8 + c]!;
    out[12 + c] = p[12 + c]!;
  }
  return out;
}

/** P·Fᵀ into `out`, P being the 16 numbers of `p` from `at`: columns x and y gain dt times columns vx and vy. */
function timesTransposeF(p: Float64Array, dt: number, out: M4, at = 0): M4 {
  for (let r = 0; r < 16; r += 4) {
    out[r] = p[at + r]! + dt * p[at + r + 2]!;
    out[r + 1] = p[at + r + 1]! + dt * p[at + r + 3]!;
    out[r + 2] = p[at + r + 2]!;
    out[r + 3] = p[at + r + 3]!;
  }
  return out;
}

/**
 * Q, the process noise over dt for the acceleration density [[a00, a01], [a01, a11]], added to `P`:
 * each 2×2 block is the density times dt³/3 (position), dt²/2 (position–velocity) or dt (velocity).
 */
function addProcessNoise(P: M4, a00: number, a01: number, a11: number, dt: number, d2: number, d3: number): void {
  for (let p = 0; p < 2; p++) {
    for (let q = 0; q < 2; q++) {
      const k = p !== q ? a01 : p === 0 ? a00 : a11;
      P[p * 4 + q] = P[p * 4 + q]! + k * d3;
      P[p * 4 + q + 2] = P[p * 4 + q + 2]! + k * d2;
      P[(p + 2) * 4 + q] = P[(p + 2) * 4 + q]! + k * d2;
      P[(p + 2) * 4 + q + 2] = P[(p + 2) * 4 + q + 2]! + k * dt;
    }
  }
}

/** Inverse of the 16 numbers of `a` from `at`, by Gauss–Jordan with partial pivoting, into `inv` (`m` is scratch); null when singular. */
function inverse(a: Float64Array, at: number, m: M4, inv: M4): M4 | null {
  for (let k = 0; k < 16; k++) m[k] = a[at + k]!;
  inv.fill(0);
  for (let i = 0; i < 4; i++) inv[i * 5] = 1;
  for (let c = 0; c < 4; c++) {
    let p = c;
    for (let r = c + 1; r < 4; r++) if (Math.abs(m[r * 4 + c]!) > Math.abs(m[p * 4 + c]!)) p = r;
    const pivot = m[p * 4 + c]!;
    if (!(Math.abs(pivot) > 1e-12)) return null;
    if (p !== c) {
      for (let j = 0; j < 4; j++) {
        [m[p * 4 + j], m[c * 4 + j]] = [m[c * 4 + j]!, m[p * 4 + j]!];
        [inv[p * 4 + j], inv[c * 4 + j]] = [inv[c * 4 + j]!, inv[p * 4 + j]!];
      }
    }
    for (let j = 0; j < 4; j++) {
      m[c * 4 + j] = m[c * 4 + j]! / pivot;
      inv[c * 4 + j] = inv[c * 4 + j]! / pivot;
    }
    for (let r = 0; r < 4; r++) {
      if (r === c) continue;
      const f = m[r * 4 + c]!;
      if (f === 0) continue;
      for (let j = 0; j < 4; j++) {
        m[r * 4 + j] = m[r * 4 + j]! - f * m[c * 4 + j]!;
        inv[r * 4 + j] = inv[r * 4 + j]! - f * inv[c * 4 + j]!;
      }
    }
  }
  return inv;
}

/**
 * Smoothed speed at every fix. `used[i]` says whether fix i was taken by the position smoother;
 * `hx`, `hy` give the way of travel at each fix (the position smoother's velocity); `r` is the
 * position error's variance per axis. State order: x, y, vx, vy.
 */
export function turnFollowingSpeed(xs: Float64Array, ys: Float64Array, ts: Float64Array, used: Uint8Array, hx: Float64Array, hy: Float64Array, r: number, along = ALONG_NOISE, across = ACROSS_NOISE): Float64Array {
  const n = ts.length;
  const mean = new Float64Array(n * 4);
  const filtered = new Float64Array(n * 16);
  const predicted = new Float64Array(n * 16);
  const x = new Float64Array([xs[0]!, ys[0]!, hx[0]!, hy[0]!]);
  let P: M4 = new Float64Array([r, 0, 0, 0, 0, r, 0, 0, 0, 0, 9, 0, 0, 0, 0, 9]);
  // Scratch reused at every fix (a 200,000-fix track would otherwise allocate millions of arrays).
  let spare: M4 = new Float64Array(16);
  const FP = new Float64Array(16);
  const K = new Float64Array(8);
  predicted.set(P, 0);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const dt = Math.max(0, ts[i]! - ts[i - 1]!);
      x[0] = x[0]! + dt * x[2]!;
      x[1] = x[1]! + dt * x[3]!;
      // The acceleration's spectral density: `along` on the way of travel, `across` sideways, taken
      // halfway between the two fixes.
      const vx = (hx[i - 1]! + hx[i]!) / 2;
      const vy = (hy[i - 1]! + hy[i]!) / 2;
      const v = Math.hypot(vx, vy);
      let a00 = along;
      let a01 = 0;
      let a11 = along;
      if (v >= HEADING_MIN_MPS) {
        const ux = vx / v;
        const uy = vy / v;
        a00 = along * ux * ux + across * uy * uy;
        a01 = (along - across) * ux * uy;
        a11 = along * uy * uy + across * ux * ux;
      }
      const d3 = (dt * dt * dt) / 3;
      const d2 = (dt * dt) / 2;
      // P ← F·P·Fᵀ + Q.
      timesTransposeF(timesF(P, dt, FP), dt, spare);
      [P, spare] = [spare, P];
      addProcessNoise(P, a00, a01, a11, dt, d2, d3);
      predicted.set(P, i * 16);
      if (used[i] === 1) {
        // Measurement of x and y: S = P[0:2,0:2] + r·I, gain K = P[:,0:2]·S⁻¹.
        const s00 = P[0]! + r;
        const s01 = P[1]!;
        const s11 = P[5]! + r;
        const det = s00 * s11 - s01 * s01;
        const i00 = s11 / det;
        const i01 = -s01 / det;
        const i11 = s00 / det;
        const ex = xs[i]! - x[0]!;
        const ey = ys[i]! - x[1]!;
        for (let k = 0; k < 4; k++) {
          const p0 = P[k * 4]!;
          const p1 = P[k * 4 + 1]!;
          K[k * 2] = p0 * i00 + p1 * i01;
          K[k * 2 + 1] = p0 * i01 + p1 * i11;
        }
        for (let k = 0; k < 4; k++) x[k] = x[k]! + K[k * 2]! * ex + K[k * 2 + 1]! * ey;
        const next = spare;
        for (let a = 0; a < 4; a++) {
          for (let b = 0; b < 4; b++) next[a * 4 + b] = P[a * 4 + b]! - K[a * 2]! * P[b]! - K[a * 2 + 1]! * P[4 + b]!;
        }
        // Kept symmetric against rounding.
        for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) next[a * 4 + b] = next[b * 4 + a] = (next[a * 4 + b]! + next[b * 4 + a]!) / 2;
        [P, spare] = [next, P];
      }
    }
    mean.set(x, i * 4);
    filtered.set(P, i * 16);
  }
  const smooth = Float64Array.from(mean);
  const speed = new Float64Array(n);
  const scratch = new Float64Array(16);
  const inv = new Float64Array(16);
  const PfFt = new Float64Array(16);
  const C = new Float64Array(16);
  const pred = new Float64Array(4);
  const diff = new Float64Array(4);
  speed[n - 1] = Math.hypot(smooth[(n - 1) * 4 + 2]!, smooth[(n - 1) * 4 + 3]!);
  for (let i = n - 2; i >= 0; i--) {
    const dt = Math.max(0, ts[i + 1]! - ts[i]!);
    if (inverse(predicted, (i + 1) * 16, scratch, inv) !== null) {
      mul(timesTransposeF(filtered, dt, PfFt, i * 16), inv, C);
      const m = i * 4;
      pred[0] = mean[m]! + dt * mean[m + 2]!;
      pred[1] = mean[m + 1]! + dt * mean[m + 3]!;
      pred[2] = mean[m + 2]!;
      pred[3] = mean[m + 3]!;
      for (let k = 0; k < 4; k++) diff[k] = smooth[(i + 1) * 4 + k]! - pred[k]!;
      for (let a = 0; a < 4; a++) {
        let s = mean[m + a]!;
        for (let b = 0; b < 4; b++) s += C[a * 4 + b]! * diff[b]!;
        smooth[i * 4 + a] = s;
      }
    }
    speed[i] = Math.hypot(smooth[i * 4 + 2]!, smooth[i * 4 + 3]!);
  }
  return speed;
}
