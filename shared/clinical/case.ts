import { z } from 'zod';
import { DISTANCE_UNITS } from '../domain/clinic';
import { weekdayOf } from './calendar';
import { planWeekSchema } from './history';
import { DEFAULT_LADDER, ladderSchema } from './ladder';
import type { PlanDecision, PlannerInput } from './planner';
import { decideNextWeek } from './planner';
import { clinicPolicySchema } from './policy';
import { reassessmentSchema } from './reassessment';
import { clinicDateSchema, painScoreSchema, runSchema } from './runs';

/**
 * A plan case: everything the planner needs for one decision, as one JSON document. It is what
 * `runback plan --input case.json` reads (format in docs/clinical-rules.md) and what the running-log
 * screens will assemble from storage. Unknown fields are refused so a typo ("sweling") cannot vanish.
 */
export const planCaseSchema = z
  .strictObject({
    /** Any subset of the clinic policy; the rest is the default. */
    policy: clinicPolicySchema.prefault({}),
    /** The clinic's ladder; the default ladder when absent. */
    ladder: ladderSchema.default(DEFAULT_LADDER),
    /** Unit for the distances written in reason sentences (the numbers stay in metres). */
    distanceUnit: z.enum(DISTANCE_UNITS).default('km'),
    patient: z
      .strictObject({
        /** The patient's usual pain (0–10); next-morning pain is read against it. */
        baselinePain: painScoreSchema.nullable().default(null),
      })
      .prefault({}),
    plan: z.strictObject({
      startDate: clinicDateSchema,
      /** First day of the week under review (a clinic week start). */
      weekStart: clinicDateSchema,
      /** The ladder position during the week under review. */
      currentStepId: z.string().min(1),
    }),
    history: z.array(planWeekSchema).max(520).default([]),
    runs: z.array(runSchema).max(5000).default([]),
    reassessments: z.array(reassessmentSchema).max(200).default([]),
  })
  .superRefine((c, ctx) => {
    const ids = new Set(c.ladder.map((s) => s.id));
    const known = `one of: ${c.ladder.map((s) => s.id).join(', ')}`;
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const { startDate, weekStart, currentStepId } = c.plan;
    if (!ids.has(currentStepId)) issue(['plan', 'currentStepId'], `"${currentStepId}" is not a ladder step (${known})`);
    const day = c.policy.weekStartsOn;
    if (weekdayOf(weekStart) !== day) issue(['plan', 'weekStart'], `${weekStart} is a ${weekdayOf(weekStart)}, but the clinic's weeks start on ${day}`);
    if (startDate > weekStart) issue(['plan', 'startDate'], `The plan starts (${startDate}) after the week under review (${weekStart})`);
    const seen = new Set<string>();
    c.history.forEach((w, i) => {
      if (seen.has(w.weekStart)) issue(['history', i, 'weekStart'], `Week ${w.weekStart} appears twice`);
      seen.add(w.weekStart);
      if (weekdayOf(w.weekStart) !== day) issue(['history', i, 'weekStart'], `${w.weekStart} is a ${weekdayOf(w.weekStart)}, but the clinic's weeks start on ${day}`);
      if (w.weekStart > weekStart) issue(['history', i, 'weekStart'], `Week ${w.weekStart} is after the week under review (${weekStart})`);
      if (!ids.has(w.stepId)) issue(['history', i, 'stepId'], `"${w.stepId}" is not a ladder step (${known})`);
      if (w.weekStart === weekStart && w.stepId !== currentStepId)
        issue(['history', i, 'stepId'], `The week under review is on "${w.stepId}" here but plan.currentStepId is "${currentStepId}"`);
      if (w.override?.stepId && !ids.has(w.override.stepId)) issue(['history', i, 'override', 'stepId'], `"${w.override.stepId}" is not a ladder step (${known})`);
    });
    c.runs.forEach((r, i) => {
      if (r.stepId !== null && !ids.has(r.stepId)) issue(['runs', i, 'stepId'], `"${r.stepId}" is not a ladder step (${known})`);
    });
  });
export type PlanCase = z.output<typeof planCaseSchema>;
export type PlanCaseInput = z.input<typeof planCaseSchema>;

export interface FieldError {
  path: string;
  message: string;
}

export type PlanCaseResult = { ok: true; decision: PlanDecision } | { ok: false; errors: FieldError[] };

/** Zod issues as "runs.2.pain.during: Pain is a number from 0 to 10" lines. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.length ? i.path.map(String).join('.') : '(case)', message: i.message }));
}

export function planCaseToInput(c: PlanCase): PlannerInput {
  return {
    policy: c.policy,
    ladder: c.ladder,
    planStart: c.plan.startDate,
    weekStart: c.plan.weekStart,
    currentStepId: c.plan.currentStepId,
    baselinePain: c.patient.baselinePain,
    history: c.history,
    runs: c.runs,
    reassessments: c.reassessments,
    distanceUnit: c.distanceUnit,
  };
}

/** Validates a case and decides. Invalid input comes back as data, never as a throw. */
export function runPlanCase(raw: unknown): PlanCaseResult {
  const parsed = planCaseSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, decision: decideNextWeek(planCaseToInput(parsed.data)) };
}
