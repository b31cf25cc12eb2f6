import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { todayIn } from '../../../shared/util/dates';
import type { DB } from '../../db/schema';
import type { HandlerContext } from '../context';
import { clinicTimeAndUnits } from './appointment-rows';

/**
 * Which visit note a reassessment or questionnaire is linked to: one of the patient's own notes
 * (never a discarded one), by default the patient's note of that day.
 */
export async function dayNote(db: Kysely<DB>, patientId: number, date: string): Promise<number | null> {
  const row = await db
    .selectFrom('notes')
    .select('id')
    .where('patientId', '=', patientId)
    .where('dateOfService', '=', date)
    .where('status', '!=', 'discarded')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The note named, checked against the patient; with none named, the patient's note of that day (today by default), if any. */
export async function defaultNoteFor(ctx: HandlerContext, patientId: number, noteId: number | null, date: string | undefined): Promise<number | null> {
  if (noteId === null) return dayNote(ctx.db, patientId, date ?? todayIn((await clinicTimeAndUnits(ctx.db)).timeZone, ctx.now));
  return checkLinkedNote(ctx.db, patientId, noteId);
}

/** A named note must be one of this patient's notes, and not a discarded draft. */
export async function checkLinkedNote(db: Kysely<DB>, patientId: number, noteId: number | null): Promise<number | null> {
  if (noteId === null) return null;
  const note = await db.selectFrom('notes').select(['patientId', 'status']).where('id', '=', noteId).executeTakeFirst();
  if (!note || note.patientId !== patientId) throw new ApiError('VALIDATION', 'The visit note chosen is not one of this patient’s notes.', { fields: { noteId: 'Not a note of this patient' } });
  if (note.status === 'discarded') throw new ApiError('VALIDATION', 'That visit note was discarded: choose another or none.', { fields: { noteId: 'A discarded note' } });
  return noteId;
}
