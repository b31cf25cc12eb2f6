import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { todayIn } from '../../../shared/util/dates';
import type { DB } from '../../db/schema';
import type { HandlerContext } from '../context';
import { clinicTimeAndUnits } from '../clinic-settings';

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

/** The note named (checked against the patient), none (null), or when left out the patient's note of that day, if any. */
export async function linkedNote(db: Kysely<DB>, patientId: number, noteId: number | null | undefined, date: string): Promise<number | null> {
  if (noteId === undefined) return dayNote(db, patientId, date);
  return checkLinkedNote(db, patientId, noteId);
}

/** As linkedNote, dated today in the clinic's zone. */
export async function todaysNote(ctx: HandlerContext, patientId: number, noteId: number | null | undefined): Promise<number | null> {
  return linkedNote(ctx.db, patientId, noteId, todayIn((await clinicTimeAndUnits(ctx.db)).timeZone, ctx.now));
}

/** A named note must be one of this patient's notes, and not a discarded draft. */
export async function checkLinkedNote(db: Kysely<DB>, patientId: number, noteId: number | null): Promise<number | null> {
  if (noteId === null) return null;
  const note = await db.selectFrom('notes').select(['patientId', 'status']).where('id', '=', noteId).executeTakeFirst();
  if (!note || note.patientId !== patientId) throw new ApiError('VALIDATION', 'The visit note chosen is not one of this patient’s notes.', { fields: { noteId: 'Not a note of this patient' } });
  if (note.status === 'discarded') throw new ApiError('VALIDATION', 'That visit note was discarded: choose another or none.', { fields: { noteId: 'A discarded note' } });
  return noteId;
}
