/**
 * The published figures research context shows (researchContext.ts) and the running metrics place a
 * patient against (metrics.ts). In a module of their own, so neither of those imports the other.
 */
export const ASTEROID_CUMULATIVE_KM_BAND = [28.6, 46.1] as const;
export const ASTEROID_WEEKS = 12;
export const ASTEROID_SPEED_BAND_KMH = [10.5, 11.7] as const;
/** Belavý 2017: loading most associated with disc hydration ≈ 2 m/s (≈7.2 km/h, our conversion). */
export const BELAVY_BEST_LOADING_MPS = 2;
