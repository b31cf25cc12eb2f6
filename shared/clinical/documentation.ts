import { daysBetween } from './calendar';
import type { Reason } from './evidence';
import type { ClinicPolicy } from './policy';
import { makeReason } from './rules';

/**
 * When visit notes and plans of care fall due (clinical.md §9, Medicare documentation cadence ✅):
 * a progress report at least every 10 treatment days, counted from the evaluation day; a plan of care
 * certified for at most 90 days. The day limit on progress notes and the recertification warning are
 * clinic policy (no source gives them).
 */
export const MAX_CERTIFICATION_DAYS = 90;

/** A visit of an episode as the due rules see it: reports (evaluation, progress note) restart the count. */
export interface EpisodeVisit {
  date: string;
  kind: 'evaluation' | 'progress' | 'visit' | 'discharge';
}

export interface ProgressNoteStatus {
  due: boolean;
  /** A visit on or after the last allowed treatment day went without a report. */
  overdue: boolean;
  lastReport: EpisodeVisit | null;
  /** Treatment days in the current reporting period (the evaluation day counts as the first). */
  treatmentDays: number;
  daysSinceReport: number | null;
  reasons: Reason[];
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/**
 * Whether the next visit must be a progress note. `fmt` writes a calendar date the clinic's way.
 * Visits are the episode's notes (drafts count: the visit happened), in any order.
 */
export function progressNoteStatus(input: { visits: readonly EpisodeVisit[]; today: string; policy: ClinicPolicy; fmt: (date: string) => string }): ProgressNoteStatus {
  const { policy, fmt } = input;
  const visits = [...input.visits].filter((v) => v.kind !== 'discharge').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let lastIndex = -1;
  visits.forEach((v, i) => {
    if (v.kind === 'evaluation' || v.kind === 'progress') lastIndex = i;
  });
  const lastReport = lastIndex >= 0 ? visits[lastIndex]! : null;
  if (!lastReport) return { due: false, overdue: false, lastReport: null, treatmentDays: visits.length, daysSinceReport: null, reasons: [] };
  const after = visits.length - lastIndex - 1;
  const treatmentDays = (lastReport.kind === 'evaluation' ? 1 : 0) + after;
  const daysSinceReport = daysBetween(lastReport.date, input.today);
  const every = policy.documentation.progressNoteEveryVisits;
  const everyDays = policy.documentation.progressNoteEveryDays;
  const what = lastReport.kind === 'evaluation' ? 'the evaluation' : 'the last progress note';
  const reasons: Reason[] = [];
  if (treatmentDays + 1 >= every) {
    reasons.push(
      makeReason(
        'documentation.progress-note-visits',
        treatmentDays >= every
          ? `${treatmentDays} treatment days since ${what} on ${fmt(lastReport.date)} without a progress note (due by the ${ordinal(every)}): write one at the next visit.`
          : `${treatmentDays} treatment day${treatmentDays === 1 ? '' : 's'} since ${what} on ${fmt(lastReport.date)}: the next visit is the ${ordinal(every)} and needs a progress note.`,
        'info',
        policy,
      ),
    );
  }
  if (daysSinceReport >= everyDays) {
    reasons.push(makeReason('documentation.progress-note-days', `${daysSinceReport} days since ${what} on ${fmt(lastReport.date)} (the clinic asks for one every ${everyDays} days).`, 'info', policy));
  }
  return { due: reasons.length > 0, overdue: treatmentDays >= every, lastReport, treatmentDays, daysSinceReport, reasons };
}

export type CertificationState = 'current' | 'ending' | 'ended';

export interface CertificationStatus {
  state: CertificationState;
  /** Days from today to the last certified day (negative once it has passed). */
  daysLeft: number;
  reasons: Reason[];
}

/** Whether a plan of care needs recertifying soon. */
export function certificationStatus(input: { certEnd: string; today: string; policy: ClinicPolicy; fmt: (date: string) => string }): CertificationStatus {
  const daysLeft = daysBetween(input.today, input.certEnd);
  const within = input.policy.documentation.recertifyWithinDays;
  if (daysLeft > within) return { state: 'current', daysLeft, reasons: [] };
  const sentence =
    daysLeft < 0
      ? `The plan of care's certification ended on ${input.fmt(input.certEnd)}: recertify before the next visit.`
      : daysLeft === 0
        ? `The plan of care's certification ends today (${input.fmt(input.certEnd)}).`
        : `The plan of care's certification ends on ${input.fmt(input.certEnd)}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}.`;
  return { state: daysLeft < 0 ? 'ended' : 'ending', daysLeft, reasons: [makeReason('documentation.recertify-soon', sentence, 'info', input.policy)] };
}

/** Calendar days a certification covers, both ends included. */
export function certificationDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/** Why a certification period cannot be used, or null when it can. */
export function certificationProblem(start: string, end: string, fmt: (date: string) => string): string | null {
  if (end < start) return `The certification ends (${fmt(end)}) before it starts (${fmt(start)}).`;
  const days = certificationDays(start, end);
  if (days > MAX_CERTIFICATION_DAYS) return `A plan of care is certified for at most ${MAX_CERTIFICATION_DAYS} days: ${fmt(start)} to ${fmt(end)} is ${days} days.`;
  return null;
}
