import type { Kysely } from 'kysely';
import { summariseRunning, type RunningSummary, type SummaryPlan } from '../../../shared/charting/running-summary';
import { addDays } from '../../../shared/clinical/calendar';
import { describeSession, ladderSchema } from '../../../shared/clinical/ladder';
import { redFlagsFromCsv } from '../../../shared/clinical/runs';
import type { DB } from '../../db/schema';
import type { ChartingContext } from './charting-context';
import type { NoteRow } from './note-rows';

/** With no earlier visit, the summary looks back this far. */
const FIRST_VISIT_LOOKBACK_DAYS = 28;

/** The plan's rung in the week holding `date`, in words; null when the patient has no plan running then. */
async function planAt(db: Kysely<DB>, patientId: number, date: string): Promise<SummaryPlan | null> {
  const plan = await db.selectFrom('runPlans').select(['id', 'ladderJson', 'startDate', 'endedAt']).where('patientId', '=', patientId).where('startDate', '<=', date).orderBy('startDate', 'desc').orderBy('id', 'desc').executeTakeFirst();
  if (!plan || (plan.endedAt !== null && plan.endedAt.slice(0, 10) < date)) return null;
  const week = await db
    .selectFrom('planWeeks')
    .select(['weekStart', 'stepId', 'engineDecision', 'acceptedAt', 'overrideDecision'])
    .where('planId', '=', plan.id)
    .where('weekStart', '<=', date)
    .orderBy('weekStart', 'desc')
    .executeTakeFirst();
  if (!week) return null;
  const stopped = week.overrideDecision === 'stop-and-review' || (week.acceptedAt !== null && week.engineDecision === 'stop-and-review' && week.overrideDecision === null);
  const step = ladderSchema.parse(JSON.parse(plan.ladderJson)).find((s) => s.id === week.stepId);
  const rung = step ? describeSession(step).replace(/^./, (c) => c.toLowerCase()) : null;
  return { rung, weekStart: week.weekStart, stoppedForReview: stopped };
}

/** The running since the patient's previous visit note (any type), up to this note's date of service. */
export async function runningSinceLastVisit(db: Kysely<DB>, note: Pick<NoteRow, 'id' | 'patientId' | 'dateOfService'>, cx: ChartingContext): Promise<RunningSummary> {
  const previous = await db
    .selectFrom('notes')
    .select('dateOfService')
    .where('patientId', '=', note.patientId)
    .where('status', '<>', 'discarded')
    .where('dateOfService', '<', note.dateOfService)
    .where('id', '<>', note.id)
    .orderBy('dateOfService', 'desc')
    .executeTakeFirst();
  const since = previous?.dateOfService ?? null;
  const from = since ?? addDays(note.dateOfService, -FIRST_VISIT_LOOKBACK_DAYS);
  const runs = await db
    .selectFrom('runs')
    .select(['date', 'kind', 'distanceM', 'durationS', 'painDuring', 'painAfter', 'painNextMorning', 'redFlags'])
    .where('patientId', '=', note.patientId)
    .where('deletedAt', 'is', null)
    .where('date', '>', from)
    .where('date', '<=', note.dateOfService)
    .execute();
  return summariseRunning({
    runs: runs.map((r) => ({ ...r, redFlags: redFlagsFromCsv(r.redFlags) })),
    since: from,
    until: note.dateOfService,
    plan: await planAt(db, note.patientId, note.dateOfService),
    unit: cx.distanceUnit,
    fmt: cx.fmt,
    ...(since === null ? { heading: `Running in the ${FIRST_VISIT_LOOKBACK_DAYS / 7} weeks before this visit` } : {}),
  });
}
