import type { Sport } from './sport';
import { rollingMean, rollingMedian3, type PerSecondSeries } from './run-walk-series';

/**
 * Is this a run (or a walk) at all, and does it look like one a person meant to log?
 * - Beyond running: a median moving speed over `RIDE_MEDIAN_MPS` (20 km/h), or a stretch of
 *   `RIDE_STRETCH_SECONDS` or more over `RIDE_STRETCH_MPS` (30 km/h), is a ride or a drive — a
 *   person on foot sprints at 30 km/h for a few seconds at most.
 * - Implausibly short (under `SHORT_SECONDS` or `SHORT_METERS`: a watch started by accident) or, for
 *   a run, slow (under `SLOW_MPS` on average: the watch left running) asks the person importing it
 *   to confirm.
 * These limits are CLINIC POLICY, not evidence: chosen so that no session of the run-walk ladder
 * trips them, and a car trip or a forgotten watch does.
 */
export const RIDE_MEDIAN_MPS = 20 / 3.6;
export const RIDE_STRETCH_MPS = 30 / 3.6;
export const RIDE_STRETCH_SECONDS = 30;
export const SHORT_SECONDS = 180;
export const SHORT_METERS = 200;
export const SLOW_MPS = 3 / 3.6;
const MOVING_MPS = 0.5;

export type PlausibilityConcern = 'short' | 'slow';

export interface Plausibility {
  /** 'not-on-foot': refuse as a ride or a drive; 'confirm': ask before importing. */
  verdict: 'ok' | 'not-on-foot' | 'confirm';
  concerns: PlausibilityConcern[];
  /** Median speed of the moving seconds (m/s); null without a speed series. */
  medianMovingMps: number | null;
  /** Longest stretch over RIDE_STRETCH_MPS, seconds. */
  fastStretchSeconds: number;
}

export function checkPlausibility(activity: { sport: Sport; distanceMeters: number; durationSeconds: number }, series: PerSecondSeries | null): Plausibility {
  let medianMovingMps: number | null = null;
  let fastStretchSeconds = 0;
  if (series !== null && series.speed.length > 0) {
    const speed = rollingMean(rollingMedian3(series.speed), 7);
    const moving: number[] = [];
    let run = 0;
    for (let i = 0; i < speed.length; i++) {
      const v = speed[i]!;
      if (v >= MOVING_MPS) moving.push(v);
      run = v > RIDE_STRETCH_MPS ? run + 1 : 0;
      fastStretchSeconds = Math.max(fastStretchSeconds, run);
    }
    if (moving.length > 0) {
      moving.sort((a, b) => a - b);
      medianMovingMps = moving[Math.floor(moving.length / 2)]!;
    }
  }
  if ((medianMovingMps !== null && medianMovingMps > RIDE_MEDIAN_MPS) || fastStretchSeconds >= RIDE_STRETCH_SECONDS) {
    return { verdict: 'not-on-foot', concerns: [], medianMovingMps, fastStretchSeconds };
  }
  const concerns: PlausibilityConcern[] = [];
  if (activity.durationSeconds < SHORT_SECONDS || activity.distanceMeters < SHORT_METERS) concerns.push('short');
  else if (activity.sport !== 'walking' && activity.distanceMeters / activity.durationSeconds < SLOW_MPS) concerns.push('slow');
  return { verdict: concerns.length > 0 ? 'confirm' : 'ok', concerns, medianMovingMps, fastStretchSeconds };
}
