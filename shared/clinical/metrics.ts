import { mpsToKmh, speedMps } from '../units/pace';
import { addDays, isWithin, startOfWeek } from './calendar';
import type { ClinicPolicy } from './policy';
import { ASTEROID_SPEED_BAND_KMH } from './researchFigures';
import type { Run } from './runs';
import { sortRuns } from './runs';

export type RunningSpeedBasis = 'continuous' | 'estimated' | 'unknown';

export interface RunDerived {
  date: string;
  distanceM: number;
  durationS: number;
  /** Whole-session speed, walking included. */
  speedMps: number | null;
  /** Speed while running: exact for continuous runs, estimated for run-walk sessions. */
  runningSpeedMps: number | null;
  runningSpeedBasis: RunningSpeedBasis;
  runningSeconds: number | null;
}

/**
 * Running-only speed. A run-walk session's distance is not split by segment, so the walking part is
 * taken away at the clinic's assumed walking speed (clinic policy). An estimate below walking speed
 * means the assumption does not fit this patient, so it is reported as unknown rather than guessed.
 */
export function deriveRun(run: Run, policy: ClinicPolicy): RunDerived {
  const base = { date: run.date, distanceM: run.distanceM, durationS: run.durationS, speedMps: speedMps(run.distanceM, run.durationS) };
  const walkSpeed = policy.metrics.assumedWalkingSpeedMps;
  if (run.walkSeconds === 0) {
    const secs = run.runSeconds && run.runSeconds > 0 ? run.runSeconds : run.durationS;
    return { ...base, runningSpeedMps: speedMps(run.distanceM, secs), runningSpeedBasis: 'continuous', runningSeconds: secs };
  }
  if (run.walkSeconds !== null && run.runSeconds !== null && run.runSeconds > 0) {
    const runDistance = run.distanceM - run.walkSeconds * walkSpeed;
    const v = speedMps(runDistance, run.runSeconds);
    if (v !== null && v > walkSpeed) return { ...base, runningSpeedMps: v, runningSpeedBasis: 'estimated', runningSeconds: run.runSeconds };
  }
  return { ...base, runningSpeedMps: null, runningSpeedBasis: 'unknown', runningSeconds: run.runSeconds };
}

export interface WeekTotal {
  weekStart: string;
  distanceM: number;
  durationS: number;
  sessions: number;
  prescribedSessions: number | null;
  /** sessions ÷ prescribed, capped at 1 (extra sessions do not make up for missed weeks). */
  adherence: number | null;
}

export interface RunningMetricsInput {
  runs: readonly Run[];
  /** The last day counted (inclusive), in the clinic's time zone. */
  asOf: string;
  policy: ClinicPolicy;
  planStart?: string | null;
  /** Sessions prescribed for the week starting on a date; null when there was no plan that week. */
  prescribedSessions?: (weekStart: string) => number | null;
}

export interface RunningMetrics {
  asOf: string;
  weekStartsOn: ClinicPolicy['weekStartsOn'];
  runs: RunDerived[];
  weeks: WeekTotal[];
  rolling7DistanceM: number;
  rolling28DistanceM: number;
  longestRecentRun: { distanceM: number; date: string; lookbackDays: number } | null;
  /** Over complete plan weeks: sessions done (capped per week) ÷ sessions prescribed. */
  adherence: { sessions: number; prescribed: number; ratio: number } | null;
  /** Share of distance on the clinic's soft surfaces, among runs whose surface is known. */
  softSurfaceShare: number | null;
  /** Share of distance on grass (ASTEROID research context), among runs whose surface is known. */
  grassShare: number | null;
  cumulativeDistanceM: number;
  /** Time-weighted running speed over the runs whose running speed is known. */
  meanRunningSpeedMps: number | null;
  recentSpeed: { runningMps: number | null; overallMps: number | null; windowDays: number };
  researchSpeedBand: { fromKmh: number; toKmh: number; secondsInBand: number; runsCounted: number; runsWithoutRunningSpeed: number };
  /** Information only (clinical.md §2.3): never an input to a decision. */
  acwr: { acuteM: number; chronicWeeklyM: number; ratio: number | null; method: string; informationOnly: true };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function distanceBetween(runs: readonly Run[], from: string, to: string): number {
  return sum(runs.filter((r) => isWithin(r.date, from, to)).map((r) => r.distanceM));
}

/** Everything the running log shows, from the runs alone. Same input → same output; no clock is read. */
export function computeRunningMetrics(input: RunningMetricsInput): RunningMetrics {
  const { asOf, policy } = input;
  const runs = sortRuns(input.runs).filter((r) => r.date <= asOf);
  const derived = runs.map((r) => deriveRun(r, policy));
  const planStart = input.planStart ?? null;
  const sincePlan = planStart ? runs.filter((r) => r.date >= planStart) : runs;
  const derivedSincePlan = planStart ? derived.filter((d) => d.date >= planStart) : derived;

  const weeks: WeekTotal[] = [];
  const firstDay = planStart ?? runs[0]?.date ?? asOf;
  const lastWeek = startOfWeek(asOf, policy.weekStartsOn);
  for (let w = startOfWeek(firstDay < asOf ? firstDay : asOf, policy.weekStartsOn); w <= lastWeek; w = addDays(w, 7)) {
    const weekEnd = addDays(w, 6);
    const inWeek = runs.filter((r) => isWithin(r.date, w, weekEnd));
    const prescribed = input.prescribedSessions?.(w) ?? null;
    const sessions = inWeek.length;
    weeks.push({
      weekStart: w,
      distanceM: sum(inWeek.map((r) => r.distanceM)),
      durationS: sum(inWeek.map((r) => r.durationS)),
      sessions,
      prescribedSessions: prescribed,
      adherence: prescribed ? Math.min(1, sessions / prescribed) : null,
    });
  }
  const complete = weeks.filter((w) => w.prescribedSessions && addDays(w.weekStart, 6) <= asOf && (!planStart || w.weekStart >= startOfWeek(planStart, policy.weekStartsOn)));
  const prescribed = sum(complete.map((w) => w.prescribedSessions ?? 0));
  const done = sum(complete.map((w) => Math.min(w.sessions, w.prescribedSessions ?? 0)));

  const lookback = policy.spikeGuard.lookbackDays;
  let longest: RunningMetrics['longestRecentRun'] = null;
  const lookbackStart = addDays(asOf, -(lookback - 1));
  for (const r of runs.filter((r) => isWithin(r.date, lookbackStart, asOf))) {
    if (r.distanceM > 0 && (!longest || r.distanceM > longest.distanceM)) longest = { distanceM: r.distanceM, date: r.date, lookbackDays: lookback };
  }

  const known = sincePlan.filter((r) => r.surface !== null);
  const soft = new Set(policy.metrics.softSurfaces);
  const knownDistance = sum(known.map((r) => r.distanceM));
  const softDistance = sum(known.filter((r) => soft.has(r.surface!)).map((r) => r.distanceM));

  const withRunning = derivedSincePlan.filter((d) => d.runningSpeedMps !== null && d.runningSeconds !== null);
  const runSecs = sum(withRunning.map((d) => d.runningSeconds!));
  const runDist = sum(withRunning.map((d) => d.runningSpeedMps! * d.runningSeconds!));
  const [fromKmh, toKmh] = ASTEROID_SPEED_BAND_KMH;
  const inBand = withRunning.filter((d) => {
    const kmh = mpsToKmh(d.runningSpeedMps!);
    return kmh >= fromKmh && kmh <= toKmh;
  });

  const windowDays = policy.metrics.recentSpeedWindowDays;
  const windowStart = addDays(asOf, -(windowDays - 1));
  const recent = derived.filter((d) => isWithin(d.date, windowStart, asOf));

  const acute = distanceBetween(runs, addDays(asOf, -6), asOf);
  const rolling28 = distanceBetween(runs, addDays(asOf, -27), asOf);
  const chronicWeekly = rolling28 / 4;

  return {
    asOf,
    weekStartsOn: policy.weekStartsOn,
    runs: derived,
    weeks,
    rolling7DistanceM: acute,
    rolling28DistanceM: rolling28,
    longestRecentRun: longest,
    adherence: prescribed > 0 ? { sessions: done, prescribed, ratio: done / prescribed } : null,
    softSurfaceShare: knownDistance > 0 ? softDistance / knownDistance : null,
    grassShare: knownDistance > 0 ? sum(known.filter((r) => r.surface === 'grass').map((r) => r.distanceM)) / knownDistance : null,
    cumulativeDistanceM: sum(sincePlan.map((r) => r.distanceM)),
    meanRunningSpeedMps: runSecs > 0 ? runDist / runSecs : null,
    recentSpeed: {
      runningMps: median(recent.map((d) => d.runningSpeedMps).filter((v): v is number => v !== null)),
      overallMps: median(recent.map((d) => d.speedMps).filter((v): v is number => v !== null)),
      windowDays,
    },
    researchSpeedBand: {
      fromKmh,
      toKmh,
      secondsInBand: sum(inBand.map((d) => d.runningSeconds!)),
      runsCounted: inBand.length,
      runsWithoutRunningSpeed: derivedSincePlan.length - withRunning.length,
    },
    acwr: {
      acuteM: acute,
      chronicWeeklyM: chronicWeekly,
      ratio: chronicWeekly > 0 ? acute / chronicWeekly : null,
      method: 'rolling average, coupled: last 7 days ÷ (last 28 days ÷ 4)',
      informationOnly: true,
    },
  };
}
