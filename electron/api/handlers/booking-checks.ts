import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Conflict } from '../../../shared/schedule/conflicts';
import { findConflicts } from '../../../shared/schedule/conflicts';
import type { SessionUser } from '../../../shared/domain/user';
import type { DB } from '../../db/schema';
import { loadConflictContext, workingHoursOf } from './appointment-rows';

export interface PlannedSlot {
  /** The occurrence's calendar date, for messages about a series. */
  date: string;
  startsAt: string;
  endsAt: string;
  therapistId: number;
  roomId: number | null;
  patientId: number;
}

export async function activeTherapistOrThrow(db: Kysely<DB>, id: number) {
  const t = await db.selectFrom('users').select(['id', 'displayName', 'role', 'active']).where('id', '=', id).executeTakeFirst();
  if (!t || t.role !== 'therapist' || t.active !== 1) {
    throw new ApiError('VALIDATION', 'Choose an active therapist.', { fields: { therapistId: 'Choose an active therapist' } });
  }
  return t;
}

export async function usableRoomOrThrow(db: Kysely<DB>, id: number | null) {
  if (id === null) return null;
  const room = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!room || room.active !== 1) throw new ApiError('VALIDATION', 'Choose a room that is in use.', { fields: { roomId: 'Choose a room that is in use' } });
  return room;
}

export async function usableTypeOrThrow(db: Kysely<DB>, id: number) {
  const type = await db.selectFrom('appointmentTypes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!type || type.active !== 1) throw new ApiError('VALIDATION', 'Choose an appointment type that is in use.', { fields: { typeId: 'Choose an appointment type that is in use' } });
  return type;
}

export async function bookablePatientOrThrow(db: Kysely<DB>, id: number) {
  const patient = await db.selectFrom('patients').select(['id', 'archivedAt']).where('id', '=', id).executeTakeFirst();
  if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${id}.`);
  if (patient.archivedAt) throw new ApiError('CONFLICT', 'This patient is archived: unarchive them before booking.');
  return patient;
}

/**
 * Checks every planned slot against bookings, working hours and blockouts, inside the booking's own
 * transaction (so two racing bookings cannot both pass). Clashes are refused with every reason, unless
 * an admin overrides with a stated reason — then the reason is returned to be stored and audited.
 */
export async function checkSlotsOrThrow(
  db: Kysely<DB>,
  slots: PlannedSlot[],
  options: { timeZone: string; therapistName: string; ignoreIds: number[]; override?: { reason: string }; user: SessionUser },
): Promise<{ doubleBookedReason: string | null; conflicts: Conflict[] }> {
  if (slots.length === 0) return { doubleBookedReason: null, conflicts: [] };
  const from = slots.reduce((m, s) => (s.startsAt < m ? s.startsAt : m), slots[0]!.startsAt);
  const to = slots.reduce((m, s) => (s.endsAt > m ? s.endsAt : m), slots[0]!.endsAt);
  const ctx = await loadConflictContext(db, { from, to }, {
    therapistIds: [...new Set(slots.map((s) => s.therapistId))],
    roomIds: [...new Set(slots.flatMap((s) => (s.roomId === null ? [] : [s.roomId])))],
    patientIds: [...new Set(slots.map((s) => s.patientId))],
  });
  const hours = new Map<number, Awaited<ReturnType<typeof workingHoursOf>>>();
  const all: (Conflict & { date: string })[] = [];
  for (const slot of slots) {
    if (!hours.has(slot.therapistId)) hours.set(slot.therapistId, await workingHoursOf(db, slot.therapistId));
    const found = findConflicts(
      { ...slot, therapistName: options.therapistName },
      { timeZone: options.timeZone, overlapping: ctx.overlapping, workingHours: hours.get(slot.therapistId)!, blockouts: ctx.blockouts, ignoreIds: options.ignoreIds },
    );
    all.push(...found.map((c) => ({ ...c, date: slot.date })));
  }
  if (all.length === 0) return { doubleBookedReason: null, conflicts: [] };
  if (options.override) {
    if (options.user.role !== 'admin') throw new ApiError('FORBIDDEN', 'Only an admin may knowingly double-book.');
    return { doubleBookedReason: options.override.reason, conflicts: all };
  }
  const series = slots.length > 1;
  const lines = all.map((c) => (series ? `${c.date}: ${c.message}` : c.message));
  const fields: Record<string, string> = {};
  all.forEach((c, i) => (fields[`conflict.${i}`] = series ? `${c.date}: ${c.message}` : c.message));
  const shown = lines.slice(0, 5).join(' ');
  throw new ApiError('CONFLICT', lines.length > 5 ? `${shown} (and ${lines.length - 5} more)` : shown, { fields });
}
