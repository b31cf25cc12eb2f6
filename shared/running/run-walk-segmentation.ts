import { z } from 'zod';
import { detectRunWalk, type Detection } from './run-walk-detection';
import { perSecondSeries, type PerSecondSeries, type SeriesContext, type SpeedSample } from './run-walk-series';
import { describeIntervals, summariseIntervals, type IntervalKind, type RunWalkSummary } from './run-walk-summary';

export { describeIntervals, describeRunWalk, summariseIntervals, type IntervalKind, type IntervalLike, type RunWalkSummary } from './run-walk-summary';
export type { SpeedSample, Pause } from './run-walk-series';

/**
 * Splits a recorded session into run and walk intervals.
 *
 * 1. A per-second series on active time (pauses cut out): speed from the cumulative distance (the
 *    device's own, or GPS positions after smoothing — see track-smoothing.ts) or the device speed;
 *    cadence when the file has it (run-walk-series.ts).
 * 2. Each second is classed as running or walking by the person's own two levels, or a fixed line
 *    as the fallback (run-walk-detection.ts); the method that decided is returned.
 * 3. Flickers shorter than `minIntervalSeconds` are merged into their neighbours, shortest first.
 * 4. Each remaining boundary is placed exactly where the level changed, on the unsmoothed values
 *    clipped to the two levels (smoothing finds a change a little late; clipping keeps a stop at a
 *    light next to a boundary from pulling it).
 *
 * Standing still counts as walking: it is recovery between run intervals. The intervals never
 * overlap, stay within the activity, and add up to at most its duration. Pure and deterministic.
 */

/**
 * Detection settings. These are CLINIC POLICY, not evidence: no source we have gives a speed that
 * separates running from walking for people returning from back pain. The fixed thresholds are
 * only the fallback for a session that moved at one pace throughout; they sit either side of about
 * 2 m/s (7.2 km/h), where fast walking meets slow running (clinical.md notes the same figure). The
 * cadence thresholds sit between a brisk walk (~120 steps a minute) and a slow jog (~150). The
 * smoothing width and minimum interval were chosen on synthetic sessions with GPS-like error (see
 * the tests), not taken from any source.
 */
export const runWalkDetectionSettingsSchema = z
  .strictObject({
    /** Fallback: walking becomes running at or above this smoothed speed (2.2 m/s = 7.9 km/h). */
    runAboveMps: z.number().positive().max(10).default(2.2),
    /** Fallback: running becomes walking below this smoothed speed (1.9 m/s = 6.8 km/h). */
    walkBelowMps: z.number().positive().max(10).default(1.9),
    /** Fallback with cadence: walking becomes running at or above this many steps a minute. */
    cadenceRunAboveSpm: z.number().positive().max(300).default(145),
    /** Fallback with cadence: running becomes walking below this many steps a minute. */
    cadenceWalkBelowSpm: z.number().positive().max(300).default(135),
    /** Width of the rolling mean, seconds (odd; an even value is widened by one). */
    smoothingSeconds: z.number().int().min(1).max(61).default(7),
    /** Intervals shorter than this are flickers and are merged into their neighbours. */
    minIntervalSeconds: z.number().int().min(1).max(600).default(10),
    /** The description rounds typical run and walk lengths to this many seconds. */
    describeRoundingSeconds: z.number().int().min(1).max(60).default(5),
    /** A gap between speed-only samples longer than this reads as standing still. */
    maxSpeedGapSeconds: z.number().positive().max(600).default(10),
  })
  .refine((s) => s.walkBelowMps <= s.runAboveMps, {
    message: 'walkBelowMps must not be above runAboveMps',
    path: ['walkBelowMps'],
  })
  .refine((s) => s.cadenceWalkBelowSpm <= s.cadenceRunAboveSpm, {
    message: 'cadenceWalkBelowSpm must not be above cadenceRunAboveSpm',
    path: ['cadenceWalkBelowSpm'],
  });
export type RunWalkDetectionSettings = z.output<typeof runWalkDetectionSettingsSchema>;
export type RunWalkDetectionSettingsInput = z.input<typeof runWalkDetectionSettingsSchema>;

export interface RunWalkInterval {
  kind: IntervalKind;
  /** Whole seconds of active time from the start; intervals tile [0, active length]. */
  startSecond: number;
  endSecond: number;
  distanceMeters: number;
}

export interface RunWalkSegmentation {
  intervals: RunWalkInterval[];
  summary: RunWalkSummary;
  /** "8 × (1:00 run / 1:30 walk)", "continuous run 28:10", "walk 30:00". */
  description: string;
  /** Which method decided, and the levels it used; null when nothing was recorded. */
  detection: Detection | null;
}

export function segmentRunWalk(samples: readonly SpeedSample[], settingsInput: RunWalkDetectionSettingsInput = {}, context: SeriesContext = {}): RunWalkSegmentation {
  const settings = runWalkDetectionSettingsSchema.parse(settingsInput);
  return segmentSeries(perSecondSeries(samples, settings.maxSpeedGapSeconds, context), settings);
}

/** Segmentation of an already built per-second series (the import builds it once for several checks). */
export function segmentSeries(series: PerSecondSeries | null, settings: RunWalkDetectionSettings): RunWalkSegmentation {
  const classified = series === null ? null : detectRunWalk(series, settings);
  if (series === null || classified === null) {
    return { intervals: [], summary: summariseIntervals([]), description: describeIntervals([], settings), detection: null };
  }
  const merged = mergeFlickers(toSpans(classified.labels), settings.minIntervalSeconds);
  const spans = refineBoundaries(merged, classified.levelled, REFINE_REACH_SECONDS, settings.minIntervalSeconds);
  const intervals = spans.map((s) => ({
    kind: s.kind,
    startSecond: s.start,
    endSecond: s.end,
    distanceMeters: round2(series.distanceAt[s.end]! - series.distanceAt[s.start]!),
  }));
  return { intervals, summary: summariseIntervals(intervals), description: describeIntervals(intervals, settings), detection: classified.detection };
}

/** How far from a found boundary its exact place is looked for (and the steady levels measured). */
const REFINE_REACH_SECONDS = 60;

interface Span {
  kind: IntervalKind;
  start: number;
  end: number;
}

/**
 * Smoothing blurs a change over several seconds and classing confirms it late, so each boundary is
 * placed afresh: within `reach` seconds of where it was found, at the split that best separates two
 * steady levels (the least-squares change point: the largest n₁·n₂/(n₁+n₂)·(mean₁ − mean₂)², earliest
 * on a tie). Boundaries are placed left to right and never leave an interval shorter than `minLength`.
 */
function refineBoundaries(spans: Span[], values: Float64Array, reach: number, minLength: number): Span[] {
  const prefix = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i]! + values[i]!;
  const sum = (a: number, b: number) => prefix[b]! - prefix[a]!;
  for (let k = 1; k < spans.length; k++) {
    const prev = spans[k - 1]!;
    const cur = spans[k]!;
    const b = cur.start;
    // The two steady levels are measured from the middle of each neighbour (at most `reach` away).
    const lo = Math.max(prev.start + Math.floor((b - prev.start) / 2), b - reach);
    const hi = Math.min(cur.end - Math.floor((cur.end - b) / 2), b + reach);
    const first = Math.max(lo + 1, prev.start + Math.min(minLength, b - prev.start));
    const last = Math.min(hi - 1, cur.end - Math.min(minLength, cur.end - b));
    let best = b;
    let bestScore = -Infinity;
    for (let c = first; c <= last; c++) {
      const n1 = c - lo;
      const n2 = hi - c;
      if (n1 <= 0 || n2 <= 0) continue;
      const m1 = sum(lo, c) / n1;
      const m2 = sum(c, hi) / n2;
      // Only a split in the right direction: faster after a change to running.
      if (cur.kind === 'run' ? m2 <= m1 : m2 >= m1) continue;
      const score = ((n1 * n2) / (n1 + n2)) * (m1 - m2) ** 2;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    prev.end = best;
    cur.start = best;
  }
  return spans;
}

function toSpans(labels: readonly IntervalKind[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < labels.length; i++) {
    const last = spans[spans.length - 1];
    if (last !== undefined && last.kind === labels[i]) last.end = i + 1;
    else spans.push({ kind: labels[i]!, start: i, end: i + 1 });
  }
  return spans;
}

/**
 * Merges intervals shorter than `min` into their neighbours, the shortest first: for each length
 * L = 1 … min−1 in turn, one left-to-right pass turns every interval of length ≤ L into its
 * neighbours' kind. Linear per pass; afterwards every interval is at least `min` long unless the
 * whole session is a single interval.
 */
function mergeFlickers(spans: readonly Span[], min: number): Span[] {
  let list = spans.map((s) => ({ ...s }));
  const len = (s: Span) => s.end - s.start;
  for (let limit = 1; limit < min && list.length > 1; limit++) {
    const out: Span[] = [];
    for (const span of list) {
      out.push({ ...span });
      const n = out.length;
      if (n === 2 && len(out[0]!) <= limit) {
        // A short first interval joins the one after it.
        out[1]!.start = out[0]!.start;
        out.splice(0, 1);
      } else if (n >= 3 && len(out[n - 2]!) <= limit) {
        // A short interval between two others: all three become one of the outer kind.
        out[n - 3]!.end = out[n - 1]!.end;
        out.splice(n - 2, 2);
      }
    }
    const n = out.length;
    if (n >= 2 && len(out[n - 1]!) <= limit) {
      // A short last interval joins the one before it.
      out[n - 2]!.end = out[n - 1]!.end;
      out.pop();
    }
    list = out;
  }
  return list;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
