import type { Kysely } from 'kysely';
import { progressNoteStatus } from '../../../shared/clinical/documentation';
import { reassessmentsDue, type DueItem } from '../../../shared/clinical/reassessmentDue';
import type { DB } from '../../db/schema';
import type { ChartingContext } from './charting-context';
import { VISIT_KIND } from './episode-rows';

/** Dates of a patient's records that count (a corrected one no longer does). */
async function countingDates(db: Kysely<DB>, table: 'reassessments' | 'outcomeRecords', dateColumn: 'assessedOn' | 'completedOn', patientId: number): Promise<string[]> {
  const rows = (await db.selectFrom(table).select(['id', 'replacesId', `${dateColumn} as date`] as never).where('patientId', '=', patientId).execute()) as unknown as { id: number; replacesId: number | null; date: string }[];
  const replaced = new Set(rows.map((r) => r.replacesId).filter((id) => id !== null));
  return rows.filter((r) => !replaced.has(r.id)).map((r) => r.date);
}

/** What is due for one patient (shared/clinical/reassessmentDue.ts), read from the open episode and its notes. */
export async function patientDue(db: Kysely<DB>, patientId: number, cx: Pick<ChartingContext, 'today' | 'policy' | 'fmt'>): Promise<DueItem[]> {
  const episode = await db.selectFrom('episodes').select(['id', 'startDate']).where('patientId', '=', patientId).where('dischargedOn', 'is', null).orderBy('startDate', 'desc').executeTakeFirst();
  if (!episode) return [];
  const notes = await db.selectFrom('notes').select(['dateOfService', 'noteType', 'status']).where('episodeId', '=', episode.id).where('status', '<>', 'discarded').orderBy('dateOfService').orderBy('id').execute();
  const progress = notes.length ? progressNoteStatus({ visits: notes.map((n) => ({ date: n.dateOfService, kind: VISIT_KIND[n.noteType] })), today: cx.today, policy: cx.policy, fmt: cx.fmt }) : null;
  const discharge = notes.find((n) => n.noteType === 'discharge' && n.status === 'draft');
  return reassessmentsDue({
    episodeStart: episode.startDate,
    today: cx.today,
    batteries: await countingDates(db, 'reassessments', 'assessedOn', patientId),
    questionnaires: await countingDates(db, 'outcomeRecords', 'completedOn', patientId),
    progressNoteDue: progress?.due ?? false,
    dischargeNoteOn: discharge?.dateOfService ?? null,
    policy: cx.policy,
    fmt: cx.fmt,
  });
}
