import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { weekdayOf, addDays } from '../../../shared/clinical/calendar';
import { OVERRIDE_DECISIONS, PLAN_DECISIONS, type OverrideDecisionKind, type PlanDecisionKind, type PlanWeek } from '../../../shared/clinical/history';
import { ladderSchema, stepIndex, type Ladder } from '../../../shared/clinical/ladder';
import { decideNextWeek, type PlanDecision } from '../../../shared/clinical/planner';
import type { Run } from '../../../shared/clinical/runs';
import { screenFlagsRecord } from '../../../shared/clinical/redFlags';
import type { RunPlanRecord } from '../../../shared/domain/running';
import { localiseDecisionDates } from '../../../shared/format/decision-dates';
import { todayIn } from '../../../shared/util/dates';
import type { DB, PlanWeeksTable, RunPlansTable } from '../../db/schema';
import { loadClinicFormat } from '../clinic-format';
import { defineHandlers } from '../handler';
import { loadClinicPolicy } from './clinic-policy';
import { runRowsToClinicalRuns } from './runs';
import { clinicTimeAndUnits } from '../clinic-settings';
import { episodeOutcomeScores } from './outcome-records';
import { currentReassessments } from './reassessment-records';
import { checkInsByWeek, screenById, screenFindingsForWeek, toScreenRecords } from './red-flag-screens';

const asDecision = (v: string | null): PlanDecisionKind | null => ((PLAN_DECISIONS as readonly string[]).includes(v ?? '') ? (v as PlanDecisionKind) : null);
const asOverride = (v: string | null): OverrideDecisionKind | null => ((OVERRIDE_DECISIONS as readonly string[]).includes(v ?? '') ? (v as OverrideDecisionKind) : null);

/** A plan-start screen is good for a week: asked longer ago, ask it again. */
const START_SCREEN_DAYS = 7;

async function userNames(db: Kysely<DB>, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map<number, string>();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export async function toPlanRecord(db: Kysely<DB>, plan: Selectable<RunPlansTable>): Promise<RunPlanRecord> {
  const weeks = await db.selectFrom('planWeeks').selectAll().where('planId', '=', plan.id).orderBy('weekStart').execute();
  const names = await userNames(db, weeks.flatMap((w) => [w.acceptedBy, w.overrideBy]));
  const checkIns = await checkInsByWeek(db, weeks.map((w) => w.id));
  const format = await loadClinicFormat(db);
  return {
    id: plan.id,
    patientId: plan.patientId,
    startDate: plan.startDate,
    startingStepId: plan.startingStepId,
    sessionsPerWeek: plan.sessionsPerWeek,
    baselinePain: plan.baselinePain,
    ladder: JSON.parse(plan.ladderJson) as RunPlanRecord['ladder'],
    endedAt: plan.endedAt,
    endReason: plan.endReason,
    weeks: weeks.map((w) => ({
      id: w.id,
      weekStart: w.weekStart,
      stepId: w.stepId,
      screenId: checkIns.get(w.id)?.id ?? null,
      redFlags: checkIns.get(w.id)?.yes ?? [],
      screenAction: checkIns.get(w.id)?.action ?? null,
      engineDecision: asDecision(w.engineDecision),
      decision: w.decisionJson ? localiseDecisionDates(JSON.parse(w.decisionJson) as PlanDecision, format.dates) : null,
      decidedAt: w.decidedAt,
      acceptedBy: w.acceptedBy === null ? null : (names.get(w.acceptedBy) ?? null),
      acceptedAt: w.acceptedAt,
      override: w.overrideDecision
        ? { decision: asOverride(w.overrideDecision)!, stepId: w.overrideStepId, reason: w.overrideReason ?? '', by: w.overrideBy === null ? null : (names.get(w.overrideBy) ?? null), at: w.overrideAt ?? '' }
        : null,
    })),
  };
}

/** The patient's plan in progress, else the latest ended one (null when there is none). */
export async function currentPlanRecord(db: Kysely<DB>, patientId: number): Promise<RunPlanRecord | null> {
  // An active plan sorts first (NULL ended_at); otherwise the latest ended one.
  const plan = await db.selectFrom('runPlans').selectAll().where('patientId', '=', patientId).orderBy('endedAt', 'asc').orderBy('id', 'desc').executeTakeFirst();
  return plan ? toPlanRecord(db, plan) : null;
}

/** The plan-start screen must be this patient's, recent, unused, and clear of anything that forbids running. */
async function checkStartScreen(db: Kysely<DB>, screenId: number, patientId: number, startDate: string, today: string) {
  const screen = await screenById(db, screenId);
  const field = (message: string) => new ApiError('VALIDATION', message, { fields: { screenId: message } });
  if (!screen || screen.patientId !== patientId || screen.context !== 'plan-start') throw field('Record the red-flag screen for this patient’s plan start first.');
  if (screen.replacedById !== null) throw field('That screen was corrected: start from the corrected screen.');
  if (screen.planId !== null) throw field('That screen already started a plan: ask the screen again.');
  const oldest = addDays(today < startDate ? today : startDate, -START_SCREEN_DAYS);
  if (screen.askedOn < oldest) throw field(`The red-flag screen was asked more than ${START_SCREEN_DAYS} days before the plan starts: ask it again.`);
  const action = screen.triage.action;
  if (action === 'urgent-medical')
    throw new ApiError('CONFLICT', 'The red-flag screen found signs of cauda equina syndrome: the patient needs urgent medical assessment today, not a running plan.');
  if (action === 'stop-and-refer')
    throw new ApiError('CONFLICT', 'The red-flag screen found signs that need the patient’s physician first. Once the physician has assessed them, record the screen again marking those findings as already assessed.');
  if (action === 'stop-until-review' && screen.acknowledgedAt === null)
    throw new ApiError('CONFLICT', 'The red-flag screen found running symptoms: confirm you have reviewed them before the plan starts.');
  return screen;
}

async function weekWithPlan(db: Kysely<DB>, weekId: number) {
  const week = await db.selectFrom('planWeeks').selectAll().where('id', '=', weekId).executeTakeFirst();
  if (!week) throw new ApiError('NOT_FOUND', `There is no plan week with id ${weekId}.`);
  const plan = await db.selectFrom('runPlans').selectAll().where('id', '=', week.planId).executeTakeFirstOrThrow();
  if (plan.endedAt) throw new ApiError('CONFLICT', 'This plan has ended.');
  const latest = await db.selectFrom('planWeeks').select('id').where('planId', '=', plan.id).orderBy('weekStart', 'desc').executeTakeFirstOrThrow();
  return { week, plan, isLatest: latest.id === week.id };
}

/**
 * A week is decided on its own red-flag screen (rule redflag.screen: the screen is asked at every
 * weekly check-in): its current check-in must be on record before the week is reviewed, and before a
 * decision that lets the plan go on is accepted or overridden (a week reviewed by an older version
 * may lack one). A check-in with a yes stops the plan through the planner's red-flag rules.
 */
async function assertScreened(db: Kysely<DB>, weekId: number) {
  if ((await checkInsByWeek(db, [weekId])).has(weekId)) return;
  throw new ApiError('VALIDATION', 'Record this week’s red-flag screen before reviewing the week.', { fields: { screenId: 'Record this week’s red-flag screen first' } });
}

/**
 * A stop for a cauda-equina sign is never downgraded (rule redflag.cauda-equina): an override cannot
 * turn that week into running. The plan goes on only by resuming after the stop was accepted, and
 * only on a red-flag screen recorded since the stop (after the urgent medical assessment) that shows
 * no cauda-equina sign.
 */
async function assertCaudaEquinaCleared(db: Kysely<DB>, patientId: number, week: Selectable<PlanWeeksTable>, resuming: boolean) {
  const fields = { decision: 'A cauda-equina stop is never downgraded' };
  if (!resuming)
    throw new ApiError('VALIDATION', 'This week stopped on a cauda-equina sign, which is never downgraded: accept the stop. The patient needs urgent medical assessment today; the plan can resume only on a later red-flag screen without that sign.', { fields });
  // Only the screens recorded since the stop, newest first; the latest one not corrected decides.
  const rows = await db.selectFrom('redFlagScreens').selectAll().where('patientId', '=', patientId).where('recordedAt', '>', week.decidedAt ?? '').orderBy('recordedAt', 'desc').orderBy('id', 'desc').execute();
  const latest = (await toScreenRecords(db, rows)).find((s) => s.replacedById === null);
  if (!latest) throw new ApiError('VALIDATION', 'The plan stopped on a cauda-equina sign: record a red-flag screen after the patient’s urgent medical assessment before resuming.', { fields });
  if (latest.triage.action === 'urgent-medical') throw new ApiError('VALIDATION', 'The latest red-flag screen still reports a cauda-equina sign: the plan cannot resume.', { fields });
}

function assertOpen(week: Selectable<PlanWeeksTable>) {
  if (week.acceptedAt || week.overrideDecision) throw new ApiError('CONFLICT', 'This week’s decision has already been taken.');
}

/** The step the next week runs at after a decision: one rung up or down, the same, or none after a stop. */
function nextStep(ladder: Ladder, fromStepId: string, decision: OverrideDecisionKind, chosen: string | null): string | null {
  if (decision === 'stop-and-review') return null;
  if (chosen) {
    if (stepIndex(ladder, chosen) < 0) throw new ApiError('VALIDATION', `"${chosen}" is not a step of this plan's ladder.`, { fields: { stepId: 'Not a step of this ladder' } });
    return chosen;
  }
  const i = stepIndex(ladder, fromStepId);
  const j = decision === 'progress' ? Math.min(i + 1, ladder.length - 1) : decision === 'regress' ? Math.max(i - 1, 0) : i;
  return ladder[j]!.id;
}

async function addNextWeek(db: Kysely<DB>, planId: number, weekStart: string, stepId: string | null) {
  if (stepId === null) return;
  await db.insertInto('planWeeks').values({ planId, weekStart: addDays(weekStart, 7), stepId, engineDecision: null, decisionJson: null, decidedAt: null, acceptedBy: null, acceptedAt: null, overrideDecision: null, overrideStepId: null, overrideReason: null, overrideBy: null, overrideAt: null }).execute();
}

export const planHandlers = defineHandlers({
  async 'plans.get'({ patientId }, ctx) {
    ctx.audit({ entity: 'patient', entityId: patientId, detail: 'run-walk plan opened' });
    return { plan: await currentPlanRecord(ctx.db, patientId) };
  },

  async 'plans.start'({ patientId, startDate, startingStepId, sessionsPerWeek, baselinePain, screenId }, ctx) {
    const patient = await ctx.db.selectFrom('patients').select(['id', 'archivedAt']).where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    const active = await ctx.db.selectFrom('runPlans').select('id').where('patientId', '=', patientId).where('endedAt', 'is', null).executeTakeFirst();
    if (active) throw new ApiError('CONFLICT', 'This patient already has a plan in progress: end it before starting another.');
    const { policy, ladder } = await loadClinicPolicy(ctx.db);
    if (weekdayOf(startDate) !== policy.weekStartsOn) {
      throw new ApiError('VALIDATION', `Plans start on the first day of a clinic week (${policy.weekStartsOn}); ${startDate} is a ${weekdayOf(startDate)}.`, { fields: { startDate: `Choose a ${policy.weekStartsOn}` } });
    }
    if (stepIndex(ladder, startingStepId) < 0) throw new ApiError('VALIDATION', `"${startingStepId}" is not a step of the clinic's ladder.`, { fields: { startingStepId: 'Choose a step of the ladder' } });
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    await checkStartScreen(ctx.db, screenId, patientId, startDate, todayIn(timeZone, ctx.now));
    const plan = await ctx.db
      .insertInto('runPlans')
      .values({ patientId, startDate, startingStepId, sessionsPerWeek, ladderJson: JSON.stringify(ladderSchema.parse(ladder)), baselinePain, endedAt: null, endReason: null, createdAt: ctx.now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.db.insertInto('planWeeks').values({ planId: plan.id, weekStart: startDate, stepId: startingStepId, engineDecision: null, decisionJson: null, decidedAt: null, acceptedBy: null, acceptedAt: null, overrideDecision: null, overrideStepId: null, overrideReason: null, overrideBy: null, overrideAt: null }).execute();
    await ctx.db.updateTable('redFlagScreens').set({ planId: plan.id }).where('id', '=', screenId).execute();
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `run-walk plan ${plan.id} started ${startDate} at ${startingStepId}, ${sessionsPerWeek}/week, on red-flag screen ${screenId}` });
    return toPlanRecord(ctx.db, plan);
  },

  async 'plans.review'({ weekId }, ctx) {
    const { week, plan, isLatest } = await weekWithPlan(ctx.db, weekId);
    assertOpen(week);
    if (!isLatest) throw new ApiError('CONFLICT', 'Only the latest week of a plan can be reviewed.');
    await assertScreened(ctx.db, week.id);
    const clinic = await clinicTimeAndUnits(ctx.db);
    const lastDay = addDays(week.weekStart, 6);
    const today = todayIn(clinic.timeZone, ctx.now);
    const { policy } = await loadClinicPolicy(ctx.db);
    const ladder = ladderSchema.parse(JSON.parse(plan.ladderJson));
    const weeks = await ctx.db.selectFrom('planWeeks').selectAll().where('planId', '=', plan.id).orderBy('weekStart').execute();
    const screened = await screenFindingsForWeek(ctx.db, plan.patientId, week, today > lastDay ? today : lastDay);
    const history: PlanWeek[] = weeks.map((w) => ({
      weekStart: w.weekStart,
      stepId: w.stepId,
      // Only the week under review's flags are read; earlier weeks were decided on theirs.
      redFlags: screenFlagsRecord(w.id === week.id ? screened.flags : []),
      physicianAssessed: w.id === week.id ? screened.physicianAssessed : [],
      engineDecision: w.id === week.id ? null : asDecision(w.engineDecision),
      override: w.overrideDecision ? { decision: asOverride(w.overrideDecision)!, stepId: w.overrideStepId, reason: w.overrideReason ?? '', by: null, date: w.overrideAt?.slice(0, 10) ?? null } : null,
    }));
    const runRows = await ctx.db.selectFrom('runs').selectAll().where('patientId', '=', plan.patientId).where('deletedAt', 'is', null).where('kind', '!=', 'cross_training').where('date', '<=', lastDay).execute();
    const runs: Run[] = runRowsToClinicalRuns(runRows);
    const decision: PlanDecision = decideNextWeek({
      policy: { ...policy, progression: { ...policy.progression, sessionsPerWeek: plan.sessionsPerWeek } },
      ladder,
      planStart: plan.startDate,
      weekStart: week.weekStart,
      currentStepId: week.stepId,
      baselinePain: plan.baselinePain,
      history,
      runs,
      reassessments: await currentReassessments(ctx.db, plan.patientId),
      outcomes: await episodeOutcomeScores(ctx.db, plan.patientId, lastDay),
      distanceUnit: clinic.distanceUnit,
    });
    // A stop does not wait for the week's end; any other decision is taken on its last day or later.
    if (today < lastDay && decision.engineDecision !== 'stop-and-review') {
      throw new ApiError('CONFLICT', `The week under review ends on ${(await loadClinicFormat(ctx.db)).date(lastDay)}: the decision is taken on its last day or later.`);
    }
    await ctx.db.updateTable('planWeeks').set({ engineDecision: decision.engineDecision, decisionJson: JSON.stringify(decision), decidedAt: ctx.now.toISOString() }).where('id', '=', weekId).execute();
    ctx.audit({ entity: 'patient', entityId: plan.patientId, detail: `plan week ${week.weekStart} reviewed${today < lastDay ? ' early (a stop)' : ''}: ${decision.engineDecision} (${decision.reasons.map((r) => r.ruleId).join(', ')})` });
    return toPlanRecord(ctx.db, plan);
  },

  async 'plans.accept'({ weekId }, ctx) {
    const { week, plan } = await weekWithPlan(ctx.db, weekId);
    assertOpen(week);
    if (!week.decisionJson || !week.engineDecision) throw new ApiError('CONFLICT', 'Review the week first: there is no decision to accept yet.');
    if (week.engineDecision !== 'stop-and-review') await assertScreened(ctx.db, week.id);
    const decision = JSON.parse(week.decisionJson) as PlanDecision;
    await ctx.db.updateTable('planWeeks').set({ acceptedBy: ctx.user.id, acceptedAt: ctx.now.toISOString() }).where('id', '=', weekId).execute();
    await addNextWeek(ctx.db, plan.id, week.weekStart, decision.toStepId);
    ctx.audit({ entity: 'patient', entityId: plan.patientId, detail: `accepted ${week.engineDecision} for week ${week.weekStart}; next step ${decision.toStepId ?? 'none (stop and review)'}` });
    return toPlanRecord(ctx.db, plan);
  },

  async 'plans.override'({ weekId, decision, stepId, reason }, ctx) {
    const { week, plan, isLatest } = await weekWithPlan(ctx.db, weekId);
    // After an accepted stop-and-review nothing is prescribed; the therapist resumes the plan by
    // overriding that week with the rung to go on at, and the reason (both kept beside the stop).
    const resuming = isLatest && week.acceptedAt !== null && week.engineDecision === 'stop-and-review' && !week.overrideDecision;
    if (resuming && decision === 'stop-and-review') throw new ApiError('VALIDATION', 'The plan is already stopped: choose the rung to resume at, or end the plan.', { fields: { decision: 'Choose hold, regress or progress' } });
    if (!resuming) assertOpen(week);
    if (!week.decisionJson) throw new ApiError('CONFLICT', 'Review the week first: an override answers the planner’s decision.');
    // Stopping needs no screen; going on does (resuming after an accepted stop was screened already).
    if (!resuming && decision !== 'stop-and-review') await assertScreened(ctx.db, week.id);
    if (decision !== 'stop-and-review' && (JSON.parse(week.decisionJson) as PlanDecision).redFlagAction === 'urgent-medical') await assertCaudaEquinaCleared(ctx.db, plan.patientId, week, resuming);
    const ladder = ladderSchema.parse(JSON.parse(plan.ladderJson));
    const next = nextStep(ladder, week.stepId, decision, stepId);
    await ctx.db
      .updateTable('planWeeks')
      .set({ overrideDecision: decision, overrideStepId: next, overrideReason: reason, overrideBy: ctx.user.id, overrideAt: ctx.now.toISOString() })
      .where('id', '=', weekId)
      .execute();
    await addNextWeek(ctx.db, plan.id, week.weekStart, next);
    ctx.audit({ entity: 'patient', entityId: plan.patientId, detail: `overrode ${week.engineDecision} with ${decision} for week ${week.weekStart} (next ${next ?? 'none'}): ${reason}` });
    return toPlanRecord(ctx.db, plan);
  },

  async 'plans.end'({ planId, reason }, ctx) {
    const plan = await ctx.db.selectFrom('runPlans').selectAll().where('id', '=', planId).executeTakeFirst();
    if (!plan) throw new ApiError('NOT_FOUND', `There is no plan with id ${planId}.`);
    if (plan.endedAt) throw new ApiError('CONFLICT', 'This plan has already ended.');
    const ended = await ctx.db.updateTable('runPlans').set({ endedAt: ctx.now.toISOString(), endReason: reason }).where('id', '=', planId).returningAll().executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: plan.patientId, detail: `run-walk plan ${planId} ended: ${reason}` });
    return toPlanRecord(ctx.db, ended);
  },
});
