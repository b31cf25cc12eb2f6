import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Conflict } from '../../../shared/schedule/conflicts';
import { findConflicts } from '../../../shared/schedule/conflicts';
import type { SessionUser } from '../../../shared/domain/user';
import type { DB } from '../../db/schema';
import type { ClinicFormat } from '../../../shared/format/clinic-format';
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

export interface SlotCheck {
  /** The admin's stated reason for a knowing double-booking, to store and audit; null otherwise. */
  doubleBookedReason: string | null;
  conflicts: Conflict[];
  /** The slots to book: all of them, or (skipConflicting) those that fit. */
  slots: PlannedSlot[];
  /** Dates of a series left out, each with its reasons in words. */
  skipped: { date: string; reasons: string[] }[];
}

/**
 * Checks every planned slot against bookings, working hours and blockouts, inside the booking's own
 * transaction (so two racing bookings cannot both pass). Clashes are refused with every reason, in the
 * clinic's words (dates and times its way), unless an admin overrides with a stated reason — then the
 * reason is returned to be stored and audited — or a series asks to book the dates that fit and leave
 * out the rest. A refused series says how many of its dates fit (`_fitting` of `_dates`).
 */
export async function checkSlotsOrThrow(
  db: Kysely<DB>,
  slots: PlannedSlot[],
  options: { timeZone: string; therapistName: string; ignoreIds: number[]; override?: { reason: string }; skipConflicting?: boolean; user: SessionUser; format: ClinicFormat },
): Promise<SlotCheck> {
  if (slots.length === 0) return { doubleBookedReason: null, conflicts: [], slots, skipped: [] };
  const from = slots.reduce((m, s) => (s.startsAt < m ? s.startsAt : m), slots[0]!.startsAt);
  const to = slots.reduce((m, s) => (s.endsAt > m ? s.endsAt : m), slots[0]!.endsAt);
  const ctx = await loadConflictContext(db, { from, to }, {
    therapistIds: [...new Set(slots.map((s) => s.therapistId))],
    roomIds: [...new Set(slots.flatMap((s) => (s.roomId === null ? [] : [s.roomId])))],
    patientIds: [...new Set(slots.map((s) => s.patientId))],
  });
  const hours = new Map<number, Awaited<ReturnType<typeof workingHoursOf>>>();
  const perSlot: { slot: PlannedSlot; found: Conflict[] }[] = [];
  for (const slot of slots) {
    if (!hours.has(slot.therapistId)) hours.set(slot.therapistId, await workingHoursOf(db, slot.therapistId));
    const found = findConflicts(
      { ...slot, therapistName: options.therapistName },
      { timeZone: options.timeZone, overlapping: ctx.overlapping, workingHours: hours.get(slot.therapistId)!, blockouts: ctx.blockouts, ignoreIds: options.ignoreIds, locale: options.format.locale },
    );
    perSlot.push({ slot, found });
  }
  const all = perSlot.flatMap((p) => p.found.map((c) => ({ ...c, date: p.slot.date })));
  if (all.length === 0) return { doubleBookedReason: null, conflicts: [], slots, skipped: [] };
  if (options.override) {
    if (options.user.role !== 'admin') throw new ApiError('FORBIDDEN', 'Only an admin may knowingly double-book.');
    return { doubleBookedReason: options.override.reason, conflicts: all, slots, skipped: [] };
  }
  const series = slots.length > 1;
  const fitting = perSlot.filter((p) => p.found.length === 0).map((p) => p.slot);
  if (series && options.skipConflicting && fitting.length > 0) {
    const skipped = perSlot.filter((p) => p.found.length > 0).map((p) => ({ date: p.slot.date, reasons: p.found.map((c) => c.message) }));
    return { doubleBookedReason: null, conflicts: [], slots: fitting, skipped };
  }
  const lines = all.map((c) => (series ? `${options.format.day(c.date, 'short')}: ${c.message}` : c.message));
  const fields: Record<string, string> = {};
  lines.forEach((line, i) => (fields[`conflict.${i}`] = line));
  if (series) {
    fields._fitting = String(fitting.length);
    fields._dates = String(slots.length);
  }
  const shown = lines.slice(0, 5).join(' ');
  throw new ApiError('CONFLICT', lines.length > 5 ? `${shown} (and ${lines.length - 5} more)` : shown, { fields });
}
