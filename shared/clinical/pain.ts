import type { ClinicPolicy } from './policy';
import type { Run } from './runs';

/**
 * Pain monitoring (clinical.md §2.1). Zones default to the bim.physio handout (≤3 green, 4–5 amber,
 * >5 red), applied to pain during or straight after a run. The next-morning response is compared
 * with the patient's usual pain: a small rise is "not settled" (amber), a larger one "worse at 24 h"
 * (red). Those rises are the clinic's figures: the default red rise equals the NPRS minimal
 * detectable change (Childs 2005), which only says a smaller rise may be noise, not that 2 points
 * means overload. Silbernagel 2007 studied pain-monitored running in Achilles tendinopathy, not back
 * pain, so it supports the approach, not the thresholds. All thresholds are clinic policy settings.
 */
export type PainZone = 'green' | 'amber' | 'red';
export type PainTrend = 'rising' | 'stable' | 'falling' | 'unknown';

const ZONE_ORDER: readonly PainZone[] = ['green', 'amber', 'red'];

export function worseZone(a: PainZone, b: PainZone): PainZone {
  return ZONE_ORDER.indexOf(a) >= ZONE_ORDER.indexOf(b) ? a : b;
}

export function zoneForScore(score: number, policy: ClinicPolicy): PainZone {
  if (score <= policy.pain.greenMax) return 'green';
  if (score <= policy.pain.amberMax) return 'amber';
  return 'red';
}

export interface RunPainAssessment {
  date: string;
  /** The higher of during and after, or null when neither was recorded. */
  peak: number | null;
  peakZone: PainZone | null;
  nextMorning: number | null;
  /** What the next-morning score is compared with: the patient's baseline, else that run's pain before. */
  reference: number | null;
  referenceKind: 'baseline' | 'before-run' | null;
  nextMorningRise: number | null;
  nextMorningZone: PainZone | null;
  /** The worse of the two; null when no score was recorded at all. */
  zone: PainZone | null;
  missingDuring: boolean;
  missingNextMorning: boolean;
}

export function assessRunPain(run: Run, policy: ClinicPolicy, baselinePain: number | null): RunPainAssessment {
  const { during, after, nextMorning, before } = run.pain;
  const scores = [during, after].filter((v): v is number => v !== null);
  const peak = scores.length ? Math.max(...scores) : null;
  const peakZone = peak === null ? null : zoneForScore(peak, policy);
  const reference = baselinePain ?? before;
  const referenceKind = baselinePain !== null ? 'baseline' : before !== null ? 'before-run' : null;
  const nextMorningRise = nextMorning !== null && reference !== null ? nextMorning - reference : null;
  const nextMorningZone: PainZone | null =
    nextMorningRise === null
      ? null
      : nextMorningRise >= policy.pain.nextMorningRedRise
        ? 'red'
        : nextMorningRise >= policy.pain.nextMorningAmberRise
          ? 'amber'
          : 'green';
  const zones = [peakZone, nextMorningZone].filter((z): z is PainZone => z !== null);
  return {
    date: run.date,
    peak,
    peakZone,
    nextMorning,
    reference,
    referenceKind,
    nextMorningRise,
    nextMorningZone,
    zone: zones.length ? zones.reduce(worseZone) : null,
    missingDuring: during === null,
    missingNextMorning: nextMorning === null || reference === null,
  };
}

export interface WeekPainSummary {
  /** Worst zone of the week's runs, raised to amber by a rising trend; null when no run was scored. */
  zone: PainZone | null;
  peak: number | null;
  previousPeak: number | null;
  trend: PainTrend;
  worstNextMorningRise: number | null;
  runs: RunPainAssessment[];
  runsMissingScores: number;
}

function peakOf(assessments: readonly RunPainAssessment[]): number | null {
  const peaks = assessments.map((a) => a.peak).filter((v): v is number => v !== null);
  return peaks.length ? Math.max(...peaks) : null;
}

/** The week's pain picture: worst run, next-morning responses and the trend against last week's peak. */
export function summarizeWeekPain(
  weekRuns: readonly Run[],
  previousWeekRuns: readonly Run[],
  policy: ClinicPolicy,
  baselinePain: number | null,
): WeekPainSummary {
  const runs = weekRuns.map((r) => assessRunPain(r, policy, baselinePain));
  const previous = previousWeekRuns.map((r) => assessRunPain(r, policy, baselinePain));
  const peak = peakOf(runs);
  const previousPeak = peakOf(previous);
  let trend: PainTrend = 'unknown';
  if (peak !== null && previousPeak !== null) {
    const rise = peak - previousPeak;
    trend = rise >= policy.pain.weekTrendRise ? 'rising' : rise <= -policy.pain.weekTrendRise ? 'falling' : 'stable';
  }
  const zones = runs.map((r) => r.zone).filter((z): z is PainZone => z !== null);
  let zone: PainZone | null = zones.length ? zones.reduce(worseZone) : null;
  if (zone !== null && trend === 'rising') zone = worseZone(zone, 'amber');
  const rises = runs.map((r) => r.nextMorningRise).filter((v): v is number => v !== null);
  return {
    zone,
    peak,
    previousPeak,
    trend,
    worstNextMorningRise: rises.length ? Math.max(...rises) : null,
    runs,
    runsMissingScores: runs.filter((r) => r.missingDuring || r.missingNextMorning).length,
  };
}
