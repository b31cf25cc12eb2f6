import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { addDays } from '../../../shared/clinical/calendar';
import type { RedFlagAction, ScreenFlag, SystemicFlag } from '../../../shared/clinical/redFlags';
import { GROUP_TITLES, SCREEN_FLAGS, SCREEN_FLAG_LABELS, SYSTEMIC_FLAGS, joinWords, triage, yesFlags } from '../../../shared/clinical/redFlags';
import type { RedFlagScreenRecord, ScreenContext } from '../../../shared/domain/redFlags';
import { SCREEN_CONTEXT_LABELS, screenRequestSchema } from '../../../shared/domain/redFlags';
import { todayIn } from '../../../shared/util/dates';
import type { z } from 'zod';
import type { DB, RedFlagScreensTable } from '../../db/schema';
import type { HandlerContext } from '../context';
import { clinicTimeAndUnits } from '../clinic-settings';

/**
 * The one storage path of the red-flag screen. The plan start and the weekly check-in record their
 * screens through `recordRedFlagScreen` (channel redFlags.record); the visit note calls it from its
 * own handler with `{ kind: 'visit-note', noteId }`, inside the note's transaction. Screens are never
 * edited: a correction is a new screen that replaces the earlier one, and both are kept.
 */
type ScreenRow = Selectable<RedFlagScreensTable>;
type Answer = 'yes' | 'no';

const asFlag = (f: string): ScreenFlag | null => ((SCREEN_FLAGS as readonly string[]).includes(f) ? (f as ScreenFlag) : null);

async function answersOf(db: Kysely<DB>, ids: readonly number[]) {
  const out = new Map<number, { answers: Partial<Record<ScreenFlag, Answer>>; physicianAssessed: SystemicFlag[] }>(ids.map((id) => [id, { answers: {}, physicianAssessed: [] }]));
  if (!ids.length) return out;
  const rows = await db.selectFrom('redFlagAnswers').selectAll().where('screenId', 'in', [...ids]).execute();
  for (const r of rows) {
    const flag = asFlag(r.flag);
    const entry = out.get(r.screenId);
    if (!flag || !entry) continue;
    entry.answers[flag] = r.answer;
    if (r.physicianAssessed === 1 && (SYSTEMIC_FLAGS as readonly string[]).includes(flag)) entry.physicianAssessed.push(flag as SystemicFlag);
  }
  return out;
}

/** Screens as records: answers, what they ask for, who asked and acknowledged, and which were corrected. */
export async function toScreenRecords(db: Kysely<DB>, rows: readonly ScreenRow[]): Promise<RedFlagScreenRecord[]> {
  const ids = rows.map((r) => r.id);
  const answers = await answersOf(db, ids);
  const replacements = ids.length ? await db.selectFrom('redFlagScreens').select(['id', 'replacesId']).where('replacesId', 'in', ids).execute() : [];
  const replacedBy = new Map(replacements.map((r) => [r.replacesId!, r.id]));
  const userIds = [...new Set(rows.flatMap((r) => [r.askedBy, r.acknowledgedBy]).filter((i): i is number => i !== null))];
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute() : [];
  const name = (id: number | null) => (id === null ? null : (users.find((u) => u.id === id)?.displayName ?? null));
  return rows.map((r) => {
    const a = answers.get(r.id)!;
    const t = triage(yesFlags(a.answers), a.physicianAssessed);
    const replaced = replacedBy.get(r.id) ?? null;
    const askFor = t.action === 'urgent-medical' || (r.context === 'plan-start' && t.action === 'stop-until-review');
    return {
      id: r.id,
      patientId: r.patientId,
      context: r.context,
      planId: r.planId,
      weekId: r.planWeekId,
      noteId: r.noteId,
      askedOn: r.askedOn,
      askedBy: name(r.askedBy),
      recordedAt: r.recordedAt,
      answers: a.answers,
      physicianAssessed: a.physicianAssessed,
      note: r.note,
      replacesId: r.replacesId,
      replacedById: replaced,
      triage: t,
      needsAcknowledgement: askFor && replaced === null && r.acknowledgedAt === null,
      acknowledgedBy: name(r.acknowledgedBy),
      acknowledgedAt: r.acknowledgedAt,
    };
  });
}

export async function screenById(db: Kysely<DB>, id: number): Promise<RedFlagScreenRecord | null> {
  const row = await db.selectFrom('redFlagScreens').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await toScreenRecords(db, [row]))[0]! : null;
}

export async function patientScreens(db: Kysely<DB>, patientId: number): Promise<RedFlagScreenRecord[]> {
  const rows = await db.selectFrom('redFlagScreens').selectAll().where('patientId', '=', patientId).orderBy('askedOn', 'desc').orderBy('id', 'desc').execute();
  return toScreenRecords(db, rows);
}

/** Each week's current check-in (the latest one not corrected): its id, the questions answered yes, and what they ask for. */
export async function checkInsByWeek(db: Kysely<DB>, weekIds: readonly number[]): Promise<Map<number, { id: number; yes: ScreenFlag[]; action: RedFlagAction | null }>> {
  if (!weekIds.length) return new Map();
  const rows = await db.selectFrom('redFlagScreens').selectAll().where('planWeekId', 'in', [...weekIds]).orderBy('id').execute();
  const current = (await toScreenRecords(db, rows)).filter((s) => s.replacedById === null);
  return new Map(current.map((s) => [s.weekId!, { id: s.id, yes: yesFlags(s.answers), action: s.triage.action }]));
}

/**
 * What the planner reads for a week: every current screen of the week — its check-in, and any
 * check-in or visit-note screen asked from the week's first day up to `until` (the review date, so a
 * sign reported before the review is never missed). A flag counts when any screen said yes; a
 * systemic finding counts as assessed only when every screen that reported it said so. Plan-start
 * screens gated the start and are not read again.
 */
export async function screenFindingsForWeek(db: Kysely<DB>, patientId: number, week: { id: number; weekStart: string }, until: string) {
  const rows = await db
    .selectFrom('redFlagScreens')
    .selectAll()
    .where('patientId', '=', patientId)
    .where('context', '!=', 'plan-start')
    .where((eb) => eb.or([eb('planWeekId', '=', week.id), eb.and([eb('askedOn', '>=', week.weekStart), eb('askedOn', '<=', until)])]))
    .execute();
  const current = (await toScreenRecords(db, rows)).filter((s) => s.replacedById === null);
  const yes = new Set<ScreenFlag>();
  const notAssessed = new Set<ScreenFlag>();
  for (const s of current)
    for (const f of yesFlags(s.answers)) {
      yes.add(f);
      if (!(s.physicianAssessed as readonly string[]).includes(f)) notAssessed.add(f);
    }
  return { flags: [...yes], physicianAssessed: SYSTEMIC_FLAGS.filter((f) => yes.has(f) && !notAssessed.has(f)) };
}

/** A new screen (or reassessment) makes a reviewed but not yet accepted decision stale: it must be reviewed again. */
export async function clearStaleDecision(db: Kysely<DB>, patientId: number, askedOn: string, weekId: number | null): Promise<boolean> {
  const plan = await db.selectFrom('runPlans').select('id').where('patientId', '=', patientId).where('endedAt', 'is', null).executeTakeFirst();
  if (!plan) return false;
  const latest = await db.selectFrom('planWeeks').selectAll().where('planId', '=', plan.id).orderBy('weekStart', 'desc').executeTakeFirstOrThrow();
  const pending = latest.decisionJson !== null && latest.acceptedAt === null && latest.overrideDecision === null;
  if (!pending || (latest.id !== weekId && askedOn < latest.weekStart)) return false;
  await db.updateTable('planWeeks').set({ engineDecision: null, decisionJson: null, decidedAt: null }).where('id', '=', latest.id).execute();
  return true;
}

async function contextColumns(db: Kysely<DB>, patientId: number, context: ScreenContext) {
  if (context.kind === 'plan-start') {
    const active = await db.selectFrom('runPlans').select('id').where('patientId', '=', patientId).where('endedAt', 'is', null).executeTakeFirst();
    if (active) throw new ApiError('CONFLICT', 'This patient already has a plan in progress: record the screen at the weekly check-in instead.');
    return { planId: null, planWeekId: null, noteId: null };
  }
  if (context.kind === 'visit-note') return { planId: null, planWeekId: null, noteId: context.noteId };
  const week = await db.selectFrom('planWeeks').selectAll().where('id', '=', context.weekId).executeTakeFirst();
  const plan = week ? await db.selectFrom('runPlans').selectAll().where('id', '=', week.planId).executeTakeFirst() : undefined;
  if (!week || !plan || plan.patientId !== patientId) throw new ApiError('NOT_FOUND', `This patient has no plan week with id ${context.weekId}.`);
  if (plan.endedAt) throw new ApiError('CONFLICT', 'This plan has ended.');
  const latest = await db.selectFrom('planWeeks').select('id').where('planId', '=', plan.id).orderBy('weekStart', 'desc').executeTakeFirstOrThrow();
  if (latest.id !== week.id) throw new ApiError('CONFLICT', 'Only the current week of a plan takes a check-in.');
  if (week.acceptedAt || week.overrideDecision) throw new ApiError('CONFLICT', 'This week’s decision has already been taken: record the screen at next week’s check-in.');
  return { planId: plan.id, planWeekId: week.id, noteId: null };
}

function sameContext(row: ScreenRow, cols: { planWeekId: number | null; noteId: number | null }, kind: ScreenContext['kind']) {
  return row.context === kind && row.planWeekId === cols.planWeekId && row.noteId === cols.noteId;
}

export function screenSummary(s: RedFlagScreenRecord): string {
  const yes = yesFlags(s.answers);
  const found = yes.length ? joinWords(yes.map((f) => SCREEN_FLAG_LABELS[f])) : 'no red flags';
  const groups = s.triage.groups.map((g) => GROUP_TITLES[g.group].toLowerCase());
  return `${found}${groups.length ? ` (${joinWords(groups)})` : ''}`;
}

export type RecordScreenInput = z.input<typeof screenRequestSchema>;

/** Records one screen (validated again here, as the note handler calls this directly). */
export async function recordRedFlagScreen(ctx: HandlerContext, input: RecordScreenInput): Promise<{ screen: RedFlagScreenRecord; clearedDecision: boolean }> {
  const parsed = screenRequestSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
    throw new ApiError('VALIDATION', `The red-flag screen was not saved: ${parsed.error.issues[0]!.message}`, { fields });
  }
  const req = parsed.data;
  const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', req.patientId).executeTakeFirst();
  if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${req.patientId}.`);
  const { timeZone } = await clinicTimeAndUnits(ctx.db);
  const today = todayIn(timeZone, ctx.now);
  const askedOn = req.askedOn ?? today;
  if (askedOn > today) throw new ApiError('VALIDATION', 'A screen cannot be dated in the future.', { fields: { askedOn: 'Not after today' } });
  if (askedOn < addDays(today, -30)) throw new ApiError('VALIDATION', 'A screen is recorded within 30 days of asking it.', { fields: { askedOn: 'Within the last 30 days' } });
  const cols = await contextColumns(ctx.db, req.patientId, req.context);
  if (req.replacesId !== null) {
    const old = await ctx.db.selectFrom('redFlagScreens').selectAll().where('id', '=', req.replacesId).executeTakeFirst();
    if (!old || old.patientId !== req.patientId || !sameContext(old, cols, req.context.kind))
      throw new ApiError('VALIDATION', 'A correction replaces an earlier screen of the same patient and place.', { fields: { replacesId: 'Not a screen of this place' } });
    if (old.planId !== null && req.context.kind === 'plan-start') throw new ApiError('CONFLICT', 'This screen started a plan and cannot be replaced.');
    const taken = await ctx.db.selectFrom('redFlagScreens').select('id').where('replacesId', '=', old.id).executeTakeFirst();
    if (taken) throw new ApiError('CONFLICT', 'That screen has already been corrected: correct the latest one.');
  }
  const row = await ctx.db
    .insertInto('redFlagScreens')
    .values({
      patientId: req.patientId,
      context: req.context.kind,
      ...cols,
      askedOn,
      askedBy: ctx.user.id,
      recordedAt: ctx.now.toISOString(),
      note: req.entry.note,
      replacesId: req.replacesId,
      acknowledgedBy: null,
      acknowledgedAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('redFlagAnswers')
    .values(SCREEN_FLAGS.map((flag) => ({ screenId: row.id, flag, answer: req.entry.answers[flag], physicianAssessed: req.entry.physicianAssessed.includes(flag as SystemicFlag) ? 1 : 0 })))
    .execute();
  const clearedDecision = req.context.kind === 'plan-start' ? false : await clearStaleDecision(ctx.db, req.patientId, askedOn, cols.planWeekId);
  const screen = (await toScreenRecords(ctx.db, [row]))[0]!;
  ctx.audit({
    entity: 'patient',
    entityId: req.patientId,
    detail: `red-flag screen ${row.id} (${SCREEN_CONTEXT_LABELS[req.context.kind].toLowerCase()}, ${askedOn})${req.replacesId ? `, correcting screen ${req.replacesId}` : ''}: ${screenSummary(screen)}`,
  });
  return { screen, clearedDecision };
}
