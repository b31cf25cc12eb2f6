import type { DistanceUnit } from '../../../../shared/domain/clinic';
import type { PlanWeekRecord, RunPlanRecord, RunRecord } from '../../../../shared/domain/running';
import type { PlanDecisionKind } from '../../../../shared/clinical/history';
import type { EvidenceGrade, ReasonEffect } from '../../../../shared/clinical/evidence';
import { addDays, daysBetween, startOfWeek } from '../../../../shared/clinical/calendar';
import type { Ladder, LadderStep } from '../../../../shared/clinical/ladder';
import { describeSession, stepIndex } from '../../../../shared/clinical/ladder';
import type { ClinicPolicy } from '../../../../shared/clinical/policy';
import type { PlanDecision } from '../../../../shared/clinical/planner';
import { buildPrescription, type Prescription } from '../../../../shared/clinical/prescription';
import { computeRunningMetrics } from '../../../../shared/clinical/metrics';
import { toClinicalRun } from '../running/runFormat';

export const DECISION_LABELS: Record<PlanDecisionKind, string> = {
  progress: 'Progress',
  hold: 'Hold',
  review: 'Review',
  regress: 'Regress',
  'stop-and-review': 'Stop and review',
};

/** A mark beside the word, so the decision reads without colour. */
export const DECISION_MARKS: Record<PlanDecisionKind, string> = {
  progress: '↑',
  hold: '=',
  review: '!',
  regress: '↓',
  'stop-and-review': '■',
};

export const EFFECT_MARKS: Record<ReasonEffect, string> = {
  progress: '↑',
  hold: '=',
  review: '!',
  regress: '↓',
  'stop-and-review': '■',
  adjust: '~',
  info: 'i',
};

export const EFFECT_WORDS: Record<ReasonEffect, string> = {
  progress: 'supports progressing',
  hold: 'calls for a hold',
  review: 'calls for a review',
  regress: 'calls for a step back',
  'stop-and-review': 'calls for a stop and review',
  adjust: 'adjusts the prescription',
  info: 'for information',
};

export const GRADE_LABELS: Record<EvidenceGrade, string> = {
  confirmed: 'Confirmed',
  secondary: 'Secondary source',
  'clinic-policy': 'Clinic policy',
};

export const GRADE_TITLES: Record<EvidenceGrade, string> = {
  confirmed: 'Confirmed from an abstract, registry, publisher page or guideline',
  secondary: 'From a secondary or partial source',
  'clinic-policy': 'The clinic’s own setting, not evidence',
};

export function asDecision(value: unknown): PlanDecision | null {
  return value && typeof value === 'object' && 'reasons' in value ? (value as PlanDecision) : null;
}

export function planLadder(plan: RunPlanRecord): Ladder {
  return plan.ladder as unknown as Ladder;
}

/** "Rung 4 of 10" */
export function rungLabel(ladder: Ladder, stepId: string): string {
  const i = stepIndex(ladder, stepId);
  return i < 0 ? stepId : `Rung ${i + 1} of ${ladder.length}`;
}

export function stepWords(ladder: Ladder, stepId: string): string {
  const step = ladder[stepIndex(ladder, stepId)];
  return step ? describeSession(step) : stepId;
}

export function weekNumber(plan: Pick<RunPlanRecord, 'startDate'>, weekStart: string, policy: ClinicPolicy): number {
  return Math.floor(daysBetween(startOfWeek(plan.startDate, policy.weekStartsOn), weekStart) / 7) + 1;
}

export function isDecided(week: PlanWeekRecord): boolean {
  return week.acceptedAt !== null || week.override !== null;
}

/** The decision that applied to a week: the therapist's override, else the accepted engine decision. */
export function finalDecision(week: PlanWeekRecord): PlanDecisionKind | null {
  if (week.override) return week.override.decision;
  return week.acceptedAt ? week.engineDecision : null;
}

export function sessionsIn(runs: readonly RunRecord[], weekStart: string): number {
  const end = addDays(weekStart, 6);
  return runs.filter((r) => r.kind !== 'cross_training' && r.date >= weekStart && r.date <= end).length;
}

/** The plan's policy as the server's review uses it: the plan's own sessions a week. */
export function planPolicy(plan: RunPlanRecord, policy: ClinicPolicy): ClinicPolicy {
  return { ...policy, progression: { ...policy.progression, sessionsPerWeek: plan.sessionsPerWeek } };
}

/**
 * This week's prescription: the one the previous week's decision wrote, when it was for this rung;
 * otherwise (the first week, or an override to another rung) built the same way from the log.
 */
export function currentPrescription(plan: RunPlanRecord, week: PlanWeekRecord, runs: readonly RunRecord[], policy: ClinicPolicy, unit: DistanceUnit): { prescription: Prescription | null; step: LadderStep | null } {
  const ladder = planLadder(plan);
  const index = stepIndex(ladder, week.stepId);
  const step = ladder[index] ?? null;
  const previous = plan.weeks.find((w) => w.weekStart === addDays(week.weekStart, -7));
  const written = asDecision(previous?.decision)?.prescription;
  if (written && written.stepId === week.stepId && written.weekStart === week.weekStart) return { prescription: written, step };
  if (index < 0) return { prescription: null, step: null };
  const p = planPolicy(plan, policy);
  const before = runs.filter((r) => r.kind !== 'cross_training' && r.date < week.weekStart).map(toClinicalRun);
  const metrics = computeRunningMetrics({ runs: before, asOf: addDays(week.weekStart, -1), policy: p, planStart: plan.startDate });
  const built = buildPrescription({ ladder, stepIndex: index, policy: p, metrics, weekStart: addDays(week.weekStart, -7), unit });
  return { prescription: built.prescription, step };
}
