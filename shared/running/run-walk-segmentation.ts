import { z } from 'zod';
import { formatDuration } from '../units/duration';

/**
 * Splits a recorded session into run and walk intervals from its speed over time.
 *
 * 1. A per-second speed series is built on a 1 s grid from 0 to the last sample: from the
 *    cumulative distance when the samples have it (linear between samples, so a paused watch or a
 *    GPS gap reads as standing still), else from the device's speed.
 * 2. GPS noise is smoothed: a 3 s rolling median takes out single-second spikes (a GPS jump), then
 *    a centred rolling mean over `smoothingSeconds` evens out the wander of the position error.
 * 3. Each second is classed with hysteresis: walking turns into running when the smoothed speed
 *    reaches `runAboveMps`, running turns into walking when it drops below `walkBelowMps`; in
 *    between the current state holds.
 * 4. Flickers shorter than `minIntervalSeconds` are merged into their neighbours, shortest first.
 * 5. Each remaining boundary is placed exactly where the pace changed, on the unsmoothed speeds
 *    (smoothing and hysteresis both find a change a little late).
 *
 * Standing still (a paused watch, a traffic light) is counted as walking: it is recovery between
 * run intervals. Everything is pure and deterministic: the same samples give the same intervals.
 */

/**
 * Detection settings. These are CLINIC POLICY, not evidence: no source we have gives a speed that
 * separates running from walking for people returning from back pain. The defaults sit either side
 * of about 2 m/s (7.2 km/h), where fast walking meets slow running (clinical.md notes the same
 * figure), with a gap between them so GPS noise near one speed does not flip the state back and
 * forth; a clinic may change them. The smoothing width and minimum interval were chosen on
 * synthetic sessions with GPS-like error (see the tests), not taken from any source.
 */
export const runWalkDetectionSettingsSchema = z
  .strictObject({
    /** Walking becomes running at or above this smoothed speed (2.2 m/s = 7.9 km/h). */
    runAboveMps: z.number().positive().max(10).default(2.2),
    /** Running becomes walking below this smoothed speed (1.9 m/s = 6.8 km/h). */
    walkBelowMps: z.number().positive().max(10).default(1.9),
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
  });
export type RunWalkDetectionSettings = z.output<typeof runWalkDetectionSettingsSchema>;
export type RunWalkDetectionSettingsInput = z.input<typeof runWalkDetectionSettingsSchema>;

export type IntervalKind = 'run' | 'walk';

export interface RunWalkInterval {
  kind: IntervalKind;
  /** Whole seconds from the start of the session; intervals tile [0, session length]. */
  startSecond: number;
  endSecond: number;
  distanceMeters: number;
}

export interface RunWalkSummary {
  runSeconds: number;
  walkSeconds: number;
  runDistanceMeters: number;
  walkDistanceMeters: number;
  /** Distance run ÷ time running, m/s; null when nothing was run. */
  runningOnlySpeed: number | null;
  /** Number of run intervals. */
  repeats: number;
  /** Median run interval, seconds (unrounded); null when nothing was run. */
  typicalRunSeconds: number | null;
  /**
   * Median walk break between two runs, seconds (unrounded). Warm-up and cool-down walks are left
   * out; when there are no breaks between runs, null.
   */
  typicalWalkSeconds: number | null;
}

export interface RunWalkSegmentation {
  intervals: RunWalkInterval[];
  summary: RunWalkSummary;
  /** "8 × (1:00 run / 1:30 walk)", "continuous run 28:10", "walk 30:00". */
  description: string;
}

/** What segmentation needs from a sample: time, and cumulative distance or speed. */
export interface SpeedSample {
  t: number;
  distance?: number;
  speed?: number;
}

export function segmentRunWalk(samples: readonly SpeedSample[], settingsInput: RunWalkDetectionSettingsInput = {}): RunWalkSegmentation {
  const settings = runWalkDetectionSettingsSchema.parse(settingsInput);
  const series = perSecondSeries(samples, settings.maxSpeedGapSeconds);
  if (series === null || series.speed.length === 0) {
    return { intervals: [], summary: summariseIntervals([]), description: describeIntervals([], settings) };
  }
  const smooth = rollingMean(rollingMedian(series.speed, 3), settings.smoothingSeconds | 1);
  const labels = classify(smooth, settings.runAboveMps, settings.walkBelowMps);
  const merged = mergeFlickers(toSpans(labels), settings.minIntervalSeconds);
  const spans = refineBoundaries(merged, series.speed, REFINE_REACH_SECONDS, settings.minIntervalSeconds);
  const intervals = spans.map((s) => ({
    kind: s.kind,
    startSecond: s.start,
    endSecond: s.end,
    distanceMeters: round2(series.distanceAt[s.end]! - series.distanceAt[s.start]!),
  }));
  return { intervals, summary: summariseIntervals(intervals), description: describeIntervals(intervals, settings) };
}

/** How far from a found boundary its exact place is looked for (and the steady speeds measured). */
const REFINE_REACH_SECONDS = 60;

interface PerSecond {
  /** speed[i]: metres covered in second [i, i+1). */
  speed: Float64Array;
  /** distanceAt[i]: cumulative metres at second i (length = speed.length + 1). */
  distanceAt: Float64Array;
}

/** Builds the 1 s grid. Returns null when the samples carry neither distance nor speed. */
function perSecondSeries(samples: readonly SpeedSample[], maxSpeedGap: number): PerSecond | null {
  const pts = samples.filter((s) => Number.isFinite(s.t) && s.t >= 0).sort((a, b) => a.t - b.t);
  if (pts.length === 0) return null;
  const total = Math.round(pts[pts.length - 1]!.t);
  const withDistance = pts.filter((p) => p.distance !== undefined && Number.isFinite(p.distance));
  const withSpeed = pts.filter((p) => p.speed !== undefined && Number.isFinite(p.speed));
  const speed = new Float64Array(total);
  const distanceAt = new Float64Array(total + 1);

  if (withDistance.length >= 2 && withDistance.length >= withSpeed.length / 2) {
    // Cumulative distance, made non-decreasing, sampled at every whole second.
    const ts: number[] = [];
    const ds: number[] = [];
    let maxD = 0;
    for (const p of withDistance) {
      maxD = Math.max(maxD, p.distance!);
      if (ts.length > 0 && p.t <= ts[ts.length - 1]!) {
        ds[ds.length - 1] = maxD; // same or earlier time: keep the latest reading
        continue;
      }
      ts.push(p.t);
      ds.push(maxD);
    }
    const last = ts.length - 1;
    let j = 0;
    for (let i = 0; i <= total; i++) {
      if (i <= ts[0]!) distanceAt[i] = ds[0]!;
      else if (i >= ts[last]!) distanceAt[i] = ds[last]!;
      else {
        while (ts[j + 1]! <= i) j++;
        const t0 = ts[j]!;
        const d0 = ds[j]!;
        distanceAt[i] = d0 + ((ds[j + 1]! - d0) * (i - t0)) / (ts[j + 1]! - t0);
      }
    }
    for (let i = 0; i < total; i++) speed[i] = distanceAt[i + 1]! - distanceAt[i]!;
    return { speed, distanceAt };
  }

  if (withSpeed.length >= 1) {
    // Device speed at the middle of each second, linear between samples; a long gap is a stop.
    let j = 0;
    for (let i = 0; i < total; i++) {
      const x = i + 0.5;
      while (j < withSpeed.length - 1 && withSpeed[j + 1]!.t <= x) j++;
      const a = withSpeed[j]!;
      const b = withSpeed[j + 1];
      let v: number;
      if (x <= a.t) v = j === 0 && a.t - x <= maxSpeedGap ? a.speed! : 0;
      else if (b === undefined) v = x - a.t <= maxSpeedGap ? a.speed! : 0;
      else if (b.t - a.t > maxSpeedGap) v = 0;
      else v = a.speed! + ((b.speed! - a.speed!) * (x - a.t)) / (b.t - a.t);
      speed[i] = Math.max(0, v);
      distanceAt[i + 1] = distanceAt[i]! + speed[i]!;
    }
    return { speed, distanceAt };
  }
  return null;
}

/** Centred rolling mean; the window shrinks at the ends. */
function rollingMean(values: Float64Array, window: number): Float64Array {
  const half = Math.floor(window / 2);
  const out = new Float64Array(values.length);
  const prefix = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i]! + values[i]!;
  for (let i = 0; i < values.length; i++) {
    const lo = Math.max(0, i - half);
    const hi = Math.min(values.length, i + half + 1);
    out[i] = (prefix[hi]! - prefix[lo]!) / (hi - lo);
  }
  return out;
}

/** Centred rolling median; the window shrinks at the ends. */
function rollingMedian(values: Float64Array, window: number): Float64Array {
  const half = Math.floor(window / 2);
  const out = new Float64Array(values.length);
  const buf: number[] = [];
  for (let i = 0; i < values.length; i++) {
    buf.length = 0;
    const lo = Math.max(0, i - half);
    const hi = Math.min(values.length - 1, i + half);
    for (let k = lo; k <= hi; k++) buf.push(values[k]!);
    buf.sort((a, b) => a - b);
    const n = buf.length;
    out[i] = n % 2 === 1 ? buf[(n - 1) / 2]! : (buf[n / 2 - 1]! + buf[n / 2]!) / 2;
  }
  return out;
}

function classify(speed: Float64Array, runAbove: number, walkBelow: number): IntervalKind[] {
  const labels: IntervalKind[] = new Array<IntervalKind>(speed.length);
  let state: IntervalKind = speed[0]! >= runAbove ? 'run' : 'walk';
  for (let i = 0; i < speed.length; i++) {
    const v = speed[i]!;
    if (state === 'walk' && v >= runAbove) state = 'run';
    else if (state === 'run' && v < walkBelow) state = 'walk';
    labels[i] = state;
  }
  return labels;
}

/**
 * Smoothing blurs a change of pace over several seconds and hysteresis confirms it late, so each
 * boundary is placed afresh on the unsmoothed per-second speeds: within `reach` seconds of where it
 * was found, at the split that best separates two steady speeds (the least-squares change point:
 * the largest n₁·n₂/(n₁+n₂)·(mean₁ − mean₂)², earliest on a tie). Boundaries are placed left to
 * right and never leave an interval shorter than `minLength`.
 */
function refineBoundaries(spans: Span[], speed: Float64Array, reach: number, minLength: number): Span[] {
  const prefix = new Float64Array(speed.length + 1);
  for (let i = 0; i < speed.length; i++) prefix[i + 1] = prefix[i]! + speed[i]!;
  const sum = (a: number, b: number) => prefix[b]! - prefix[a]!;
  for (let k = 1; k < spans.length; k++) {
    const prev = spans[k - 1]!;
    const cur = spans[k]!;
    const b = cur.start;
    // The two steady speeds are measured from the middle of each neighbour (at most `reach` away).
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

/** Anything with a kind and a length: detected intervals or a manually entered session. */
export type IntervalLike = { kind: IntervalKind } & ({ seconds: number; distanceMeters?: number } | { startSecond: number; endSecond: number; distanceMeters?: number });

function secondsOf(i: IntervalLike): number {
  return 'seconds' in i ? i.seconds : i.endSecond - i.startSecond;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** Index of the first and last run interval (-1, -1 when there is none). */
function runBounds(intervals: readonly IntervalLike[]): [number, number] {
  let firstRun = -1;
  let lastRun = -1;
  intervals.forEach((iv, i) => {
    if (iv.kind === 'run') {
      if (firstRun < 0) firstRun = i;
      lastRun = i;
    }
  });
  return [firstRun, lastRun];
}

export function summariseIntervals(intervals: readonly IntervalLike[]): RunWalkSummary {
  let runSeconds = 0;
  let walkSeconds = 0;
  let runDistanceMeters = 0;
  let walkDistanceMeters = 0;
  const runs: number[] = [];
  const breaks: number[] = [];
  const [firstRun, lastRun] = runBounds(intervals);
  intervals.forEach((iv, i) => {
    const sec = secondsOf(iv);
    const dist = iv.distanceMeters ?? 0;
    if (iv.kind === 'run') {
      runSeconds += sec;
      runDistanceMeters += dist;
      runs.push(sec);
    } else {
      walkSeconds += sec;
      walkDistanceMeters += dist;
      if (i > firstRun && i < lastRun) breaks.push(sec);
    }
  });
  return {
    runSeconds,
    walkSeconds,
    runDistanceMeters: round2(runDistanceMeters),
    walkDistanceMeters: round2(walkDistanceMeters),
    runningOnlySpeed: runSeconds > 0 ? round3(runDistanceMeters / runSeconds) : null,
    repeats: runs.length,
    typicalRunSeconds: median(runs),
    typicalWalkSeconds: median(breaks),
  };
}

/**
 * A short description of a session's shape:
 * - run intervals with walk breaks: "8 × (1:00 run / 1:30 walk)" — the median run and break,
 *   rounded to `describeRoundingSeconds` (5 s by default); warm-up and cool-down walks are left out;
 * - runs or breaks of very different lengths (see isRegular): "9 runs totalling 41:16, walking 5:57";
 * - no walking: "continuous run 28:10"; one run with walking only before or after it:
 *   "continuous run 20:00, walk 10:00";
 * - no running: "walk 30:00"; nothing: "nothing recorded".
 */
export function describeIntervals(intervals: readonly IntervalLike[], options: { describeRoundingSeconds?: number } = {}): string {
  const step = options.describeRoundingSeconds ?? 5;
  const s = summariseIntervals(intervals);
  const total = s.runSeconds + s.walkSeconds;
  if (total <= 0) return 'nothing recorded';
  if (s.repeats === 0) return `walk ${formatDuration(s.walkSeconds)}`;
  if (s.walkSeconds === 0) return `continuous run ${formatDuration(s.runSeconds)}`;
  if (s.typicalWalkSeconds === null) return `continuous run ${formatDuration(s.runSeconds)}, walk ${formatDuration(s.walkSeconds)}`;
  if (!isRegular(intervals, s)) return `${s.repeats} runs totalling ${formatDuration(s.runSeconds)}, walking ${formatDuration(s.walkSeconds)}`;
  const round = (x: number) => Math.max(step, Math.round(x / step) * step);
  return describeRunWalk({ repeats: s.repeats, runSeconds: round(s.typicalRunSeconds!), walkSeconds: round(s.typicalWalkSeconds) });
}

/**
 * "n × (run / walk)" only fits a session whose runs and breaks are much alike. A 33-minute run that
 * ends in a few short jog-walk bits is not "9 × (0:35 run / 0:45 walk)": when any run or break is
 * more than twice the typical one plus 30 s, the session is described by its totals instead.
 */
function isRegular(intervals: readonly IntervalLike[], s: RunWalkSummary): boolean {
  const limit = (typical: number) => 2 * typical + 30;
  const [firstRun, lastRun] = runBounds(intervals);
  return intervals.every((iv, i) => {
    if (iv.kind === 'run') return secondsOf(iv) <= limit(s.typicalRunSeconds!);
    if (i < firstRun || i > lastRun) return true; // warm-up and cool-down walks are not breaks
    return secondsOf(iv) <= limit(s.typicalWalkSeconds!);
  });
}

/** "8 × (1:00 run / 1:30 walk)" from a prescription or a manual entry; "continuous run 30:00" without walking. */
export function describeRunWalk(p: { repeats: number; runSeconds: number; walkSeconds: number }): string {
  if (p.walkSeconds <= 0) return `continuous run ${formatDuration(p.repeats * p.runSeconds)}`;
  return `${p.repeats} × (${formatDuration(p.runSeconds)} run / ${formatDuration(p.walkSeconds)} walk)`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
