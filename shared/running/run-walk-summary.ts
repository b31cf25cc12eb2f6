import { formatDuration } from '../units/duration';

/**
 * What a list of run and walk intervals adds up to, and how it reads: "8 × (1:00 run / 1:30 walk)".
 * Used for detected intervals, a therapist's corrections and manually entered sessions alike.
 */

export type IntervalKind = 'run' | 'walk';

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
