import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { ACTIVE_STATUSES, type Appointment } from '../../../shared/domain/schedule';
import { patientDisplayName } from '../../../shared/domain/patient';
import { instantToLocal } from '../../../shared/schedule/clinic-time';
import type { Booked, BlockoutSpan } from '../../../shared/schedule/conflicts';
import type { DB } from '../../db/schema';

/** Appointments with the names every screen shows (patient, therapist, room, type). */
export function appointmentsWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patientId')
    .innerJoin('users as u', 'u.id', 'a.therapistId')
    .innerJoin('appointmentTypes as t', 't.id', 'a.typeId')
    .leftJoin('rooms as r', 'r.id', 'a.roomId')
    .select([
      'a.id',
      'a.seriesId',
      'a.occurrenceDate',
      'a.isException',
      'a.patientId',
      'p.legalFirstName',
      'p.legalLastName',
      'p.preferredName',
      'p.phone as patientPhone',
      'a.therapistId',
      'u.displayName as therapistName',
      'a.roomId',
      'r.name as roomName',
      'a.typeId',
      't.name as typeName',
      't.colour as typeColour',
      'a.startsAt',
      'a.endsAt',
      'a.status',
      'a.arrivedAt',
      'a.cancelReason',
      'a.lateCancel',
      'a.note',
      'a.doubleBookedReason',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof appointmentsWithNames>['executeTakeFirstOrThrow']>>;

export function toAppointment(row: Row, timeZone: string): Appointment {
  const start = instantToLocal(row.startsAt, timeZone);
  const end = instantToLocal(row.endsAt, timeZone);
  return {
    id: row.id,
    seriesId: row.seriesId,
    patientId: row.patientId,
    patientName: patientDisplayName(row),
    patientPhone: row.patientPhone,
    therapistId: row.therapistId,
    therapistName: row.therapistName,
    roomId: row.roomId,
    roomName: row.roomName,
    typeId: row.typeId,
    typeName: row.typeName,
    typeColour: row.typeColour,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    localDate: start.date,
    startMinute: start.minute,
    endMinute: end.date === start.date ? end.minute : 24 * 60,
    status: row.status,
    arrivedAt: row.arrivedAt,
    cancelReason: row.cancelReason,
    lateCancel: row.lateCancel === 1,
    note: row.note,
    doubleBookedReason: row.doubleBookedReason,
  };
}

export async function appointmentsByIds(db: Kysely<DB>, ids: number[], timeZone: string): Promise<Appointment[]> {
  if (ids.length === 0) return [];
  const rows = await appointmentsWithNames(db).where('a.id', 'in', ids).orderBy('a.startsAt').execute();
  return rows.map((r) => toAppointment(r, timeZone));
}

export async function appointmentRowOrThrow(db: Kysely<DB>, id: number) {
  const row = await db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `There is no appointment with id ${id}.`);
  return row;
}

/**
 * Everything that could clash with bookings between `from` and `to` for a therapist, room or
 * patient: slot-holding appointments, and blockouts of that therapist or the whole clinic.
 */
export async function loadConflictContext(
  db: Kysely<DB>,
  span: { from: string; to: string },
  who: { therapistIds: number[]; roomIds: number[]; patientIds: number[] },
): Promise<{ overlapping: Booked[]; blockouts: BlockoutSpan[] }> {
  const rows = await appointmentsWithNames(db)
    .where('a.status', 'in', [...ACTIVE_STATUSES])
    .where('a.startsAt', '<', span.to)
    .where('a.endsAt', '>', span.from)
    .where((eb) =>
      eb.or([
        eb('a.therapistId', 'in', who.therapistIds.length ? who.therapistIds : [-1]),
        eb('a.roomId', 'in', who.roomIds.length ? who.roomIds : [-1]),
        eb('a.patientId', 'in', who.patientIds.length ? who.patientIds : [-1]),
      ]),
    )
    .execute();
  const blockouts = await db
    .selectFrom('blockouts')
    .select(['therapistId', 'startsAt', 'endsAt', 'reason'])
    .where('removedAt', 'is', null)
    .where('startsAt', '<', span.to)
    .where('endsAt', '>', span.from)
    .where((eb) => eb.or([eb('therapistId', 'is', null), eb('therapistId', 'in', who.therapistIds.length ? who.therapistIds : [-1])]))
    .execute();
  return {
    overlapping: rows.map((r) => ({
      id: r.id,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      therapistId: r.therapistId,
      roomId: r.roomId,
      roomName: r.roomName,
      patientId: r.patientId,
      patientName: patientDisplayName(r),
      therapistName: r.therapistName,
    })),
    blockouts,
  };
}

export async function workingHoursOf(db: Kysely<DB>, therapistId: number) {
  return db.selectFrom('workingHours').select(['weekday', 'startMinute', 'endMinute']).where('therapistId', '=', therapistId).orderBy('weekday').orderBy('startMinute').execute();
}
