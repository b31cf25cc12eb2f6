import { z } from 'zod';
import { clinicDateSchema } from './runs';
import { SYSTEMIC_FLAGS, screenFlagsSchema } from './redFlags';

/**
 * The planner's decisions. `review` keeps the rung but asks the therapist to reassess before the
 * plan goes on (a plan that has stalled); `stop-and-review` prescribes no running at all.
 */
export const PLAN_DECISIONS = ['progress', 'hold', 'review', 'regress', 'stop-and-review'] as const;
export type PlanDecisionKind = (typeof PLAN_DECISIONS)[number];

/** What a therapist may choose instead of the engine: `review` is the engine's prompt, not a choice. */
export const OVERRIDE_DECISIONS = ['progress', 'hold', 'regress', 'stop-and-review'] as const;
export type OverrideDecisionKind = (typeof OVERRIDE_DECISIONS)[number];

/** A therapist's override of the engine's decision for a week. The reason is required: it is shown beside the plan. */
export const therapistOverrideSchema = z.strictObject({
  decision: z.enum(OVERRIDE_DECISIONS),
  /** The rung to prescribe next; when absent it follows from the decision (one rung up or down, or the same). */
  stepId: z.string().nullable().default(null),
  reason: z.string({ error: 'An override needs its reason' }).trim().min(3, 'An override needs its reason'),
  by: z.string().trim().max(120).nullable().default(null),
  date: clinicDateSchema.nullable().default(null),
});
export type TherapistOverride = z.output<typeof therapistOverrideSchema>;

/**
 * One week of a run-walk plan as stored: the rung prescribed, the red-flag screen's findings for the
 * week, the decision taken at the end of the week (the engine's and, if any, the therapist's override).
 */
export const planWeekSchema = z.strictObject({
  weekStart: clinicDateSchema,
  stepId: z.string().min(1),
  /** Findings of the week's red-flag screens (check-in, visit note), in addition to those logged with runs. */
  redFlags: screenFlagsSchema.prefault({}),
  /** Systemic findings the patient's physician has already assessed for this back pain: noted, not referred again. */
  physicianAssessed: z.array(z.enum(SYSTEMIC_FLAGS)).max(SYSTEMIC_FLAGS.length).default([]),
  /** What the engine decided at the end of this week (null for the week under review). */
  engineDecision: z.enum(PLAN_DECISIONS).nullable().default(null),
  override: therapistOverrideSchema.nullable().default(null),
});
export type PlanWeek = z.output<typeof planWeekSchema>;
export type PlanWeekInput = z.input<typeof planWeekSchema>;

/** The decision that actually applied: the therapist's when there was an override. */
export function effectiveDecision(week: PlanWeek): PlanDecisionKind | null {
  return week.override?.decision ?? week.engineDecision;
}
