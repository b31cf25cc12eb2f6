import { addDays } from './calendar';
import type { ClinicPolicy } from './policy';

/**
 * What is due for a patient: the reassessment battery and the outcome questionnaires, each on the
 * clinic's policy (rule reassessment.due, graded clinic policy — no source sets a cadence): a
 * baseline at the start of the open episode of care, a re-test `everyWeeks` after the last one,
 * one when a progress note is due, and one at discharge. Nothing is due without an open episode.
 */
export type DueKind = 'battery' | 'questionnaires';
export type DueReason = 'baseline' | 'interval' | 'progress-note' | 'discharge';

export interface DueInput {
  /** The open episode's start date, or null when the patient has no open episode. */
  episodeStart: string | null;
  today: string;
  /** Dates of the reassessments that count (not corrected), any order. */
  batteries: readonly string[];
  /** Dates of the questionnaires that count, any order. */
  questionnaires: readonly string[];
  /** A progress note is due for the episode (shared/clinical/documentation.ts). */
  progressNoteDue: boolean;
  /** The date of a discharge note being written for the episode, if any. */
  dischargeNoteOn: string | null;
  policy: ClinicPolicy;
  /** The clinic's date format for sentences. */
  fmt: (isoDate: string) => string;
}

export interface DueItem {
  kind: DueKind;
  reason: DueReason;
  /** When it fell due (a calendar date); overdue when before today. */
  dueOn: string;
  overdue: boolean;
  sentence: string;
}

const WHAT: Record<DueKind, string> = { battery: 'Reassessment battery', questionnaires: 'Outcome questionnaires' };

export function reassessmentsDue(input: DueInput): DueItem[] {
  const { episodeStart, today, policy, fmt } = input;
  if (!episodeStart) return [];
  const rule = policy.reassessmentDue;
  const items: DueItem[] = [];
  for (const kind of ['battery', 'questionnaires'] as const) {
    const dates = (kind === 'battery' ? input.batteries : input.questionnaires).filter((d) => d >= episodeStart && d <= today).sort();
    const last = dates.at(-1) ?? null;
    const item = (reason: DueReason, dueOn: string, why: string): DueItem => ({ kind, reason, dueOn, overdue: dueOn < today, sentence: `${WHAT[kind]} due: ${why}.` });
    if (!last) {
      items.push(item('baseline', episodeStart, `baseline for the episode of care that started ${fmt(episodeStart)}`));
      continue;
    }
    if (rule.atDischarge && input.dischargeNoteOn && last < input.dischargeNoteOn) {
      items.push(item('discharge', input.dischargeNoteOn, `at discharge (last ${fmt(last)})`));
      continue;
    }
    const next = addDays(last, rule.everyWeeks * 7);
    if (next <= today) {
      items.push(item('interval', next, `${rule.everyWeeks} weeks after the last on ${fmt(last)} (clinic policy)`));
      continue;
    }
    if (rule.atProgressNote && input.progressNoteDue && last < today) items.push(item('progress-note', today, `a progress note is due (last ${fmt(last)})`));
  }
  return items;
}
