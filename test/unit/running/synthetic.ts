/**
 * Synthetic run-walk sessions with known interval boundaries, for the segmentation tests.
 * Deterministic: a seeded PRNG (mulberry32) drives all the noise.
 */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal from two uniforms (Box–Muller). */
export function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export interface Phase {
  kind: 'run' | 'walk';
  seconds: number;
  /** m/s */
  speed: number;
}

export function runWalkPhases(repeats: number, run: { seconds: number; speed: number }, walk: { seconds: number; speed: number }): Phase[] {
  const phases: Phase[] = [];
  for (let i = 0; i < repeats; i++) phases.push({ kind: 'run', ...run }, { kind: 'walk', ...walk });
  return phases;
}

/** Seconds from the start at which each phase ends. */
export function boundaries(phases: readonly Phase[]): number[] {
  let t = 0;
  return phases.map((p) => (t += p.seconds));
}

export interface SyntheticSample {
  t: number;
  distance: number;
  speed: number;
  lat: number;
  lon: number;
}

const M_PER_DEG_LAT = 111_320;

/**
 * One sample a second. The true path runs east from (lat0, lon0); the recorded position carries a
 * GPS-like error — a slowly wandering offset (AR(1), stationary sd `gpsSdM` metres, correlation
 * 0.98 per second), which is how receiver error behaves, unlike white noise. `distance` is the
 * haversine sum over the noisy positions (what a GPX import computes); `speed` is the true speed
 * plus white noise (what a watch reports).
 */
export function syntheticTrack(phases: readonly Phase[], opts: { seed: number; gpsSdM?: number; phi?: number; speedSd?: number; lat0?: number; lon0?: number }): SyntheticSample[] {
  const rng = mulberry32(opts.seed);
  const sd = opts.gpsSdM ?? 3;
  const speedSd = opts.speedSd ?? 0.15;
  const lat0 = opts.lat0 ?? 47.3769;
  const lon0 = opts.lon0 ?? 8.5417;
  const phi = opts.phi ?? 0.98;
  const innov = sd * Math.sqrt(1 - phi * phi);
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  const speedAt: number[] = [];
  for (const p of phases) for (let i = 0; i < p.seconds; i++) speedAt.push(p.speed);
  const total = speedAt.length;
  let east = 0;
  let nE = gaussian(rng) * sd;
  let nN = gaussian(rng) * sd;
  let cumulative = 0;
  let prev: { lat: number; lon: number } | undefined;
  const out: SyntheticSample[] = [];
  for (let t = 0; t <= total; t++) {
    if (t > 0) {
      east += speedAt[t - 1]!;
      nE = phi * nE + innov * gaussian(rng);
      nN = phi * nN + innov * gaussian(rng);
    }
    const lat = lat0 + nN / M_PER_DEG_LAT;
    const lon = lon0 + (east + nE) / mPerDegLon;
    if (prev !== undefined) cumulative += haversine(prev.lat, prev.lon, lat, lon);
    prev = { lat, lon };
    const trueSpeed = speedAt[Math.min(t, total - 1)] ?? 0;
    out.push({ t, distance: cumulative, speed: Math.max(0, trueSpeed + speedSd * gaussian(rng)), lat, lon });
  }
  return out;
}

/** Independent of the code under test on purpose (same formula, written again). */
function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}
