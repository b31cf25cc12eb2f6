import { z } from 'zod';
import { joinStops, placeBoundaries, splitAtStops } from './run-walk-boundaries';
import { detectRunWalk, type Detection } from './run-walk-detection';
import { findRunsBesideStops } from './stop-edge-runs';
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
 * 4. Walking intervals are split where the person stood still, and every boundary is placed
 *    exactly where the level changed, on the unsmoothed values (run-walk-boundaries.ts; smoothing
 *    finds a change a little late); stops are walking again afterwards.
 * 5. From smoothed GPS positions, a first or last interval shorter than twice `minIntervalSeconds`
 *    that is not a stop and does not border one joins its neighbour (see `mergeShortEdges`).
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

/** Where the samples' distance came from: our smoothing of GPS positions, or the device itself. */
export type DistanceSource = 'gps-positions' | 'device';

export function segmentRunWalk(samples: readonly SpeedSample[], settingsInput: RunWalkDetectionSettingsInput = {}, context: SeriesContext = {}, source: DistanceSource = 'device'): RunWalkSegmentation {
  const settings = runWalkDetectionSettingsSchema.parse(settingsInput);
  return segmentSeries(perSecondSeries(samples, settings.maxSpeedGapSeconds, context), settings, source);
}

/** Segmentation of an already built per-second series (the import builds it once for several checks). */
export function segmentSeries(series: PerSecondSeries | null, settings: RunWalkDetectionSettings, source: DistanceSource = 'device'): RunWalkSegmentation {
  const classified = series === null ? null : detectRunWalk(series, settings);
  if (series === null || classified === null) {
    return { intervals: [], summary: summariseIntervals([]), description: describeIntervals([], settings), detection: null };
  }
  const merged = mergeFlickers(toSpans(classified.labels), settings.minIntervalSeconds);
  // Speed from distance we smoothed out of GPS positions errs for tens of seconds at a time; a
  // device's own records (and cadence) change sharply (see run-walk-boundaries.ts).
  const fit = source === 'gps-positions' && classified.detection.unit === 'mps' ? 'lines' : 'means';
  const split = splitAtStops(merged, classified.standing, settings.minIntervalSeconds);
  // A short run beside a light is decided on the distance over the whole stretch (stop-edge-runs.ts).
  const levels = { walk: classified.detection.walkLevel, run: classified.detection.runLevel };
  const withEdges = fit === 'lines' ? findRunsBesideStops(split, series.distanceAt, classified.values, levels, settings.minIntervalSeconds) : split;
  const parts = placeBoundaries(withEdges, classified.values, settings.minIntervalSeconds, classified.levels, fit);
  const joined = joinStops(parts);
  const spans = fit === 'lines' ? mergeShortEdges(joined, classified.standing, 2 * settings.minIntervalSeconds, MIN_EDGE_STOP_SECONDS, { values: classified.values, walk: classified.detection.walkLevel, run: classified.detection.runLevel }) : joined;
  const intervals = spans.map((s) => ({
    kind: s.kind,
    startSecond: s.start,
    endSecond: s.end,
    distanceMeters: round2(series.distanceAt[s.end]! - series.distanceAt[s.start]!),
  }));
  return { intervals, summary: summariseIntervals(intervals), description: describeIntervals(intervals, settings), detection: classified.detection };
}

/** A stop as `mergeShortEdges` counts one: the shortest stop run-walk-detection.ts labels. */
const MIN_EDGE_STOP_SECONDS = 5;

interface Span {
  kind: IntervalKind;
  start: number;
  end: number;
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

/**
 * At the very start and end of a recording, speed we smoothed from GPS positions rests on fixes
 * from one side only and reads noisier than anywhere else (a device's own records do not): a first
 * or last interval shorter than `min` is the start-up or wind-down of its neighbour, not an
 * interval of its own — unless either of them holds a stop (at least `stopSeconds` standing in a
 * row, as `splitAtStops` counts one), which no noise imitates: a short run from the start to the
 * first light is a run.
 */
function mergeShortEdges(spans: Span[], standing: Uint8Array, min: number, stopSeconds: number, clear: { values: Float64Array; walk: number; run: number } | null): Span[] {
  const out = spans.map((s) => ({ ...s }));
  const runAtItsLevel = (s: Span) => {
    if (clear === null || s.kind !== 'run') return false;
    let sum = 0;
    for (let i = s.start; i < s.end; i++) sum += clear.values[i]!;
    return sum / Math.max(1, s.end - s.start) >= clear.run;
  };
  const holdsStop = (s: Span) => {
    let row = 0;
    for (let i = s.start; i < s.end; i++) {
      row = standing[i] === 1 ? row + 1 : 0;
      if (row >= stopSeconds) return true;
    }
    return false;
  };
  const short = (s: Span, next: Span) => s.end - s.start < min && !holdsStop(s) && !holdsStop(next) && !runAtItsLevel(s);
  if (out.length >= 2 && short(out[0]!, out[1]!)) {
    out[1]!.start = out[0]!.start;
    out.shift();
  }
  if (out.length >= 2 && short(out[out.length - 1]!, out[out.length - 2]!)) {
    out[out.length - 2]!.end = out[out.length - 1]!.end;
    out.pop();
  }
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
