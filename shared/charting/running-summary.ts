import { z } from 'zod';
import type { DistanceUnit } from '../domain/clinic';
import { RED_FLAG_LABELS, type RedFlag } from '../clinical/runs';
import { formatDistance } from '../units/distance';
import { formatDuration } from '../units/duration';

/**
 * "Running since the last visit", summarised from the running log and the plan for the note's
 * subjective: sessions, distance, the longest run, pain during and the next morning, red flags the
 * patient logged, and the plan's current rung. The figures are the log's; only the words are new.
 */
export interface SummaryRun {
  date: string;
  kind: 'run' | 'walk' | 'cross_training';
  distanceM: number;
  durationS: number;
  painDuring: number | null;
  painAfter: number | null;
  painNextMorning: number | null;
  redFlags: readonly RedFlag[];
}

export interface SummaryPlan {
  /** The current rung in words ("run 1 minute, walk 1 minute, 15 times (30 minutes)"); null when stopped. */
  rung: string | null;
  weekStart: string;
  stoppedForReview: boolean;
}

export const runningSummarySchema = z.object({
  since: z.string().nullable(),
  until: z.string(),
  sessions: z.number().int(),
  distanceM: z.number(),
  longest: z.object({ date: z.string(), distanceM: z.number(), durationS: z.number() }).nullable(),
  painDuring: z.object({ min: z.number(), max: z.number() }).nullable(),
  painNextMorning: z.object({ min: z.number(), max: z.number() }).nullable(),
  redFlags: z.array(z.object({ date: z.string(), flags: z.array(z.string()) })),
  text: z.string(),
});
export type RunningSummary = z.infer<typeof runningSummarySchema>;

const span = (values: number[]) => (values.length ? { min: Math.min(...values), max: Math.max(...values) } : null);
const spanText = (s: { min: number; max: number }) => (s.min === s.max ? `${s.max}/10` : `${s.min}–${s.max}/10`);

export function summariseRunning(input: {
  runs: readonly SummaryRun[];
  /** The last visit's date (runs after it count); null = the look-back below. */
  since: string | null;
  until: string;
  plan: SummaryPlan | null;
  unit: DistanceUnit;
  fmt: (date: string) => string;
  /** How the period is named when `since` is not a visit ("Running in the 4 weeks before this visit"). */
  heading?: string;
}): RunningSummary {
  const { unit, fmt } = input;
  const runs = input.runs
    .filter((r) => r.kind !== 'cross_training' && (input.since === null || r.date > input.since) && r.date <= input.until)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const distanceM = runs.reduce((a, r) => a + r.distanceM, 0);
  const longestRun = runs.reduce<SummaryRun | null>((best, r) => (best === null || r.distanceM > best.distanceM ? r : best), null);
  const during = span(runs.flatMap((r) => [r.painDuring, r.painAfter].filter((p): p is number => p !== null)));
  const morning = span(runs.map((r) => r.painNextMorning).filter((p): p is number => p !== null));
  const redFlags = runs.filter((r) => r.redFlags.length).map((r) => ({ date: r.date, flags: r.redFlags.map((f) => RED_FLAG_LABELS[f]) }));

  const head = input.heading ?? (input.since ? `Running since the last visit (${fmt(input.since)})` : 'Running logged so far');
  const parts: string[] = [];
  if (!runs.length) parts.push(`${head}: no sessions logged.`);
  else {
    parts.push(`${head}: ${runs.length} session${runs.length === 1 ? '' : 's'}, ${formatDistance(distanceM, unit, 1)} in all; longest ${formatDistance(longestRun!.distanceM, unit, 1)} in ${formatDuration(longestRun!.durationS)} (${fmt(longestRun!.date)}).`);
    const pain = [during ? `pain during runs ${spanText(during)}` : 'pain during runs not logged', morning ? `next morning ${spanText(morning)}` : 'next-morning pain not logged'];
    parts.push(`${pain.join('; ').replace(/^./, (c) => c.toUpperCase())}.`);
  }
  if (redFlags.length) parts.push(`Logged: ${redFlags.map((r) => `${r.flags.join(', ')} (${fmt(r.date)})`).join('; ')}.`);
  if (input.plan) {
    parts.push(
      input.plan.stoppedForReview || !input.plan.rung
        ? 'Run-walk plan: stopped for the therapist’s review.'
        : `Run-walk plan (week of ${fmt(input.plan.weekStart)}): ${input.plan.rung}.`,
    );
  } else parts.push('No run-walk plan.');
  return {
    since: input.since,
    until: input.until,
    sessions: runs.length,
    distanceM,
    longest: longestRun ? { date: longestRun.date, distanceM: longestRun.distanceM, durationS: longestRun.durationS } : null,
    painDuring: during,
    painNextMorning: morning,
    redFlags,
    text: parts.join(' '),
  };
}
