import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { APPOINTMENT_STATUS_LABELS, type SeriesScope } from '../../../shared/domain/schedule';
import { describeRule, endRRuleBefore, expandRRule, readRRule, restartRRule, toRRule } from '../../../shared/schedule/recurrence';
import { addDays, daysBetween, localToInstant } from '../../../shared/schedule/clinic-time';
import { isLateCancellation } from '../../../shared/schedule/conflicts';
import { findFreeSlots } from '../../../shared/schedule/free-slots';
import { compiledQuery } from '../../db/compiled-query';
import type { AppointmentsTable, DB } from '../../db/schema';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../handler';
import { loadClinicFormat } from '../clinic-format';
import { appointmentRowOrThrow, appointmentsByIds, appointmentsWithNames, loadConflictContext, toAppointment, workingHoursOf } from './appointment-rows';
import { clinicTimeAndUnits } from '../clinic-settings';
import {
  activeTherapistOrThrow,
  bookablePatientOrThrow,
  checkSlotsOrThrow,
  usableRoomOrThrow,
  usableTypeOrThrow,
  type PlannedSlot,
} from './booking-checks';

type AppointmentRow = Selectable<AppointmentsTable>;

/** Which visits of a series a move or cancellation took, for the audit log's reader. */
function scopeInWords(scope: SeriesScope, count: number): string {
  if (scope === 'one') return '';
  const after = count - 1 === 1 ? 'the one' : `the ${count - 1}`;
  return scope === 'following' ? ` and ${after} after it in its series` : ` and the rest of its series (${count} in all)`;
}

function slotFor(date: string, startMinute: number, durationMinutes: number, timeZone: string) {
  return { startsAt: localToInstant(date, startMinute, timeZone), endsAt: localToInstant(date, startMinute + durationMinutes, timeZone) };
}

/** Therapists may only touch their own appointments. */
function assertMayTouch(ctx: HandlerContext, row: AppointmentRow) {
  if (ctx.user.role === 'therapist' && row.therapistId !== ctx.user.id) {
    throw new ApiError('FORBIDDEN', 'Therapists can only change their own appointments.');
  }
}

/** The occurrences a series-wide change applies to: booked, not edited on their own, not yet started. */
async function seriesTargets(db: Kysely<DB>, row: AppointmentRow, scope: 'following' | 'all', now: Date): Promise<AppointmentRow[]> {
  if (row.seriesId === null) throw new ApiError('VALIDATION', 'This appointment is not part of a series.', { fields: { scope: 'Not part of a series' } });
  let q = db
    .selectFrom('appointments')
    .selectAll()
    .where('seriesId', '=', row.seriesId)
    .where('status', '=', 'booked')
    .where('isException', '=', 0)
    .where('startsAt', '>=', now.toISOString());
  if (scope === 'following') q = q.where('occurrenceDate', '>=', row.occurrenceDate ?? '');
  const rows = await q.orderBy('startsAt').execute();
  // The appointment the user acted on is always part of the change, even if it is an exception.
  return rows.some((r) => r.id === row.id) ? rows : [row, ...rows];
}

// The chart's header asks for these every time a chart opens: compiled once.
const attendanceCounts = compiledQuery((db: Kysely<DB>, patientId: number) =>
  db
    .selectFrom('appointments')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('status', '=', 'cancelled').then(1).else(0).end()).as('cancellations'),
      eb.fn.sum<number>(eb.case().when('lateCancel', '=', 1).then(1).else(0).end()).as('late'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'no_show').then(1).else(0).end()).as('noShows'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'completed').then(1).else(0).end()).as('completed'),
    ])
    .where('patientId', '=', patientId),
);
const upcomingOf = compiledQuery((db: Kysely<DB>, patientId: number, from: string) =>
  appointmentsWithNames(db).where('a.patientId', '=', patientId).where('a.status', '=', 'booked').where('a.startsAt', '>=', from).orderBy('a.startsAt').limit(10),
);
const medicareOf = compiledQuery((db: Kysely<DB>, patientId: number) => db.selectFrom('patients').select('medicareBeneficiary').where('id', '=', patientId));

export const appointmentHandlers = defineHandlers({
  async 'appointments.range'({ from, to, therapistIds, includeCancelled }, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    let q = appointmentsWithNames(ctx.db)
      .where('a.startsAt', '>=', localToInstant(from, 0, timeZone))
      .where('a.startsAt', '<', localToInstant(addDays(to, 1), 0, timeZone));
    // Therapists see their own schedule only (issue #4).
    const ids = ctx.user.role === 'therapist' ? [ctx.user.id] : therapistIds;
    if (ids !== undefined) q = q.where('a.therapistId', 'in', ids.length ? ids : [-1]);
    if (!includeCancelled) q = q.where('a.status', 'not in', ['cancelled', 'no_show']);
    const rows = await q.orderBy('a.startsAt').orderBy('a.id').execute();
    return { appointments: rows.map((r) => toAppointment(r, timeZone)) };
  },

  async 'appointments.get'({ id }, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const row = await appointmentsWithNames(ctx.db).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw new ApiError('NOT_FOUND', `There is no appointment with id ${id}.`);
    if (ctx.user.role === 'therapist' && row.therapistId !== ctx.user.id) throw new ApiError('FORBIDDEN', 'Therapists see their own schedule only.');
    const format = await loadClinicFormat(ctx.db);
    let seriesDescription: string | null = null;
    if (row.seriesId !== null) {
      const series = await ctx.db.selectFrom('appointmentSeries').select('rrule').where('id', '=', row.seriesId).executeTakeFirstOrThrow();
      seriesDescription = format.dates(describeRule(readRRule(series.rrule)));
    }
    // The audit viewer shows this line to an admin: the visit's date and time, not its row id.
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `appointment of ${format.instant(row.startsAt)} opened` });
    return { ...toAppointment(row, timeZone), seriesDescription };
  },

  async 'appointments.book'(input, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const format = await loadClinicFormat(ctx.db);
    const therapist = await activeTherapistOrThrow(ctx.db, input.therapistId);
    const type = await usableTypeOrThrow(ctx.db, input.typeId);
    await usableRoomOrThrow(ctx.db, input.roomId);
    await bookablePatientOrThrow(ctx.db, input.patientId);
    const duration = input.durationMinutes ?? type.durationMinutes;
    if (input.start + duration > 24 * 60) throw new ApiError('VALIDATION', 'The appointment would run past midnight.', { fields: { start: 'Runs past midnight' } });

    const rrule = input.recurrence ? toRRule({ startsOn: input.date, ...input.recurrence }) : null;
    const dates = rrule ? expandRRule(rrule) : [input.date];
    if (dates.length === 0) throw new ApiError('VALIDATION', 'That repeat rule gives no dates: check the weekdays and the end date.', { fields: { recurrence: 'No dates' } });
    const planned: PlannedSlot[] = dates.map((date) => ({
      date,
      ...slotFor(date, input.start, duration, timeZone),
      therapistId: input.therapistId,
      roomId: input.roomId,
      patientId: input.patientId,
    }));
    const { doubleBookedReason, conflicts, slots, skipped } = await checkSlotsOrThrow(ctx.db, planned, {
      timeZone,
      therapistName: therapist.displayName,
      ignoreIds: [],
      user: ctx.user,
      format,
      ...(input.override ? { override: input.override } : {}),
      ...(input.skipConflicting ? { skipConflicting: true } : {}),
    });

    const now = ctx.now.toISOString();
    let seriesId: number | null = null;
    if (rrule) {
      const series = await ctx.db
        .insertInto('appointmentSeries')
        .values({ patientId: input.patientId, therapistId: input.therapistId, roomId: input.roomId, typeId: input.typeId, rrule, startMinute: input.start, durationMinutes: duration, note: input.note, splitFromSeriesId: null, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      seriesId = series.id;
    }
    const inserted = await ctx.db
      .insertInto('appointments')
      .values(
        slots.map((s) => ({
          seriesId,
          occurrenceDate: rrule ? s.date : null,
          patientId: input.patientId,
          therapistId: input.therapistId,
          roomId: input.roomId,
          typeId: input.typeId,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          arrivedAt: null,
          completedAt: null,
          cancelledAt: null,
          cancelReason: null,
          note: input.note,
          doubleBookedReason,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning('id')
      .execute();
    if (input.waitlistEntryId !== undefined) {
      const resolved = await ctx.db
        .updateTable('waitlist')
        .set({ resolvedAt: now, resolvedAppointmentId: inserted[0]!.id, resolution: 'booked' })
        .where('id', '=', input.waitlistEntryId)
        .where('patientId', '=', input.patientId)
        .where('resolvedAt', 'is', null)
        .executeTakeFirst();
      if (Number(resolved.numUpdatedRows) !== 1) throw new ApiError('CONFLICT', 'That waitlist entry is no longer open for this patient.');
      ctx.audit({ action: 'waitlist.booked', entity: 'waitlist', entityId: input.waitlistEntryId, detail: `booked on ${input.date}` });
    }
    const left = skipped.length ? `; left out ${skipped.length} that clash (${skipped.map((x) => x.date).join(', ')})` : '';
    const what = rrule ? `a series: ${describeRule({ startsOn: input.date, ...input.recurrence! })} (${slots.length} appointments${left})` : `${input.date}`;
    const override = doubleBookedReason ? `; DOUBLE-BOOKED by admin: "${doubleBookedReason}" despite: ${conflicts.map((c) => c.message).join(' ')}` : '';
    ctx.audit({ entity: 'patient', entityId: input.patientId, detail: `booked ${what} with ${therapist.displayName}${override}` });
    return { appointments: await appointmentsByIds(ctx.db, inserted.map((r) => r.id), timeZone), seriesId, skipped: skipped.map((x) => ({ date: x.date, reasons: x.reasons })) };
  },

  async 'appointments.move'(input, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const format = await loadClinicFormat(ctx.db);
    const row = await appointmentRowOrThrow(ctx.db, input.id);
    if (row.status !== 'booked' && row.status !== 'arrived') {
      throw new ApiError('CONFLICT', `A ${row.status === 'no_show' ? 'no-show' : row.status} appointment cannot be moved.`);
    }
    const therapist = await activeTherapistOrThrow(ctx.db, input.therapistId);
    await usableRoomOrThrow(ctx.db, input.roomId);
    const typeId = input.typeId ?? row.typeId;
    if (input.typeId !== undefined) await usableTypeOrThrow(ctx.db, input.typeId);
    if (input.start + input.durationMinutes > 24 * 60) throw new ApiError('VALIDATION', 'The appointment would run past midnight.', { fields: { start: 'Runs past midnight' } });

    const oldDate = row.occurrenceDate ?? input.date;
    const shift = input.scope === 'one' ? 0 : daysBetween(oldDate, input.date);
    const targets = input.scope === 'one' ? [row] : await seriesTargets(ctx.db, row, input.scope, ctx.now);
    const planned = targets.map((t) => {
      const date = input.scope === 'one' ? input.date : addDays(t.occurrenceDate ?? input.date, shift);
      return { row: t, slot: { date, ...slotFor(date, input.start, input.durationMinutes, timeZone), therapistId: input.therapistId, roomId: input.roomId, patientId: row.patientId } };
    });
    const { doubleBookedReason } = await checkSlotsOrThrow(ctx.db, planned.map((p) => p.slot), {
      timeZone,
      therapistName: therapist.displayName,
      ignoreIds: targets.map((t) => t.id),
      user: ctx.user,
      format,
      ...(input.override ? { override: input.override } : {}),
    });

    const now = ctx.now.toISOString();
    let seriesId = row.seriesId;
    if (input.scope !== 'one' && row.seriesId !== null) {
      const series = await ctx.db.selectFrom('appointmentSeries').selectAll().where('id', '=', row.seriesId).executeTakeFirstOrThrow();
      const firstDate = planned[0]?.row.occurrenceDate ?? oldDate;
      const newRule = restartRRule(series.rrule, firstDate, shift, targets.length);
      const params = { therapistId: input.therapistId, roomId: input.roomId, typeId, startMinute: input.start, durationMinutes: input.durationMinutes, updatedAt: now };
      const hasEarlier = await ctx.db.selectFrom('appointments').select('id').where('seriesId', '=', series.id).where('occurrenceDate', '<', firstDate).executeTakeFirst();
      if (input.scope === 'all' && !hasEarlier) {
        await ctx.db.updateTable('appointmentSeries').set({ ...params, rrule: newRule }).where('id', '=', series.id).execute();
      } else {
        // Split: the old series keeps its history and ends; the rest continues as a new series that remembers where it came from.
        await ctx.db.updateTable('appointmentSeries').set({ rrule: endRRuleBefore(series.rrule, firstDate), updatedAt: now }).where('id', '=', series.id).execute();
        const created = await ctx.db
          .insertInto('appointmentSeries')
          .values({ ...params, patientId: series.patientId, rrule: newRule, note: series.note, splitFromSeriesId: series.id, createdAt: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        seriesId = created.id;
      }
    }
    for (const { row: t, slot } of planned) {
      await ctx.db
        .updateTable('appointments')
        .set({
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          therapistId: input.therapistId,
          roomId: input.roomId,
          typeId,
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...(input.scope === 'one' ? { isException: t.seriesId === null ? 0 : 1 } : { seriesId, occurrenceDate: slot.date }),
          doubleBookedReason,
          updatedAt: now,
        })
        .where('id', '=', t.id)
        .execute();
    }
    const override = doubleBookedReason ? `; DOUBLE-BOOKED by admin: "${doubleBookedReason}"` : '';
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `moved the appointment of ${(await loadClinicFormat(ctx.db)).instant(row.startsAt)}${scopeInWords(input.scope, targets.length)} to ${input.date} with ${therapist.displayName}${override}` });
    return { appointments: await appointmentsByIds(ctx.db, targets.map((t) => t.id), timeZone) };
  },

  async 'appointments.cancel'({ id, reason, scope }, ctx) {
    const { timeZone, lateCancelHours } = await clinicTimeAndUnits(ctx.db);
    const row = await appointmentRowOrThrow(ctx.db, id);
    if (row.status !== 'booked' && row.status !== 'arrived') {
      throw new ApiError('CONFLICT', `This appointment is already ${row.status === 'no_show' ? 'marked a no-show' : row.status}.`);
    }
    const targets = scope === 'one' ? [row] : await seriesTargets(ctx.db, row, scope, ctx.now);
    const now = ctx.now.toISOString();
    for (const t of targets) {
      await ctx.db
        .updateTable('appointments')
        .set({
          status: 'cancelled',
          cancelledAt: now,
          cancelReason: reason,
          lateCancel: isLateCancellation(t.startsAt, ctx.now, lateCancelHours) ? 1 : 0,
          isException: t.seriesId === null ? 0 : 1,
          updatedAt: now,
        })
        .where('id', '=', t.id)
        .execute();
    }
    if (scope !== 'one' && row.seriesId !== null) {
      const series = await ctx.db.selectFrom('appointmentSeries').select('rrule').where('id', '=', row.seriesId).executeTakeFirstOrThrow();
      const first = targets.map((t) => t.occurrenceDate ?? '').sort()[0]!;
      await ctx.db.updateTable('appointmentSeries').set({ rrule: endRRuleBefore(series.rrule, first), updatedAt: now }).where('id', '=', row.seriesId).execute();
    }
    const late = targets.filter((t) => isLateCancellation(t.startsAt, ctx.now, lateCancelHours)).length;
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `cancelled the appointment of ${(await loadClinicFormat(ctx.db)).instant(row.startsAt)}${scopeInWords(scope, targets.length)}${late ? `, ${late} late` : ''}: ${reason}` });
    return { cancelled: await appointmentsByIds(ctx.db, targets.map((t) => t.id), timeZone) };
  },

  async 'appointments.setStatus'({ id, status }, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const row = await appointmentRowOrThrow(ctx.db, id);
    assertMayTouch(ctx, row);
    if (ctx.user.role === 'therapist' && status === 'no_show') throw new ApiError('FORBIDDEN', 'The front desk marks no-shows.');
    const allowed: Record<typeof status, string[]> = {
      arrived: ['booked'],
      completed: ['booked', 'arrived'],
      no_show: ['booked'],
      booked: ['arrived', 'no_show'],
    };
    if (!allowed[status].includes(row.status)) {
      throw new ApiError('CONFLICT', `An appointment that is ${row.status.replace('_', '-')} cannot be marked ${status.replace('_', '-')}.`);
    }
    if (status === 'no_show' && ctx.now.toISOString() < row.startsAt) throw new ApiError('CONFLICT', 'A no-show can only be marked once the appointment time has come.');
    const now = ctx.now.toISOString();
    await ctx.db
      .updateTable('appointments')
      .set({
        status,
        arrivedAt: status === 'arrived' ? now : status === 'booked' ? null : row.arrivedAt,
        completedAt: status === 'completed' ? now : null,
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `appointment of ${(await loadClinicFormat(ctx.db)).instant(row.startsAt)}: ${APPOINTMENT_STATUS_LABELS[row.status]} → ${APPOINTMENT_STATUS_LABELS[status]}` });
    return (await appointmentsByIds(ctx.db, [id], timeZone))[0]!;
  },

  async 'appointments.findSlots'({ therapistId, typeId, roomId, patientId, durationMinutes, fromDate, weeks, limit }, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const therapist = await activeTherapistOrThrow(ctx.db, therapistId);
    const type = await usableTypeOrThrow(ctx.db, typeId);
    const days = weeks * 7;
    const span = { from: localToInstant(fromDate, 0, timeZone), to: localToInstant(addDays(fromDate, days + 1), 0, timeZone) };
    const { overlapping, blockouts } = await loadConflictContext(ctx.db, span, { therapistIds: [therapistId], roomIds: roomId ? [roomId] : [], patientIds: patientId ? [patientId] : [] });
    const slots = findFreeSlots({
      therapistId,
      therapistName: therapist.displayName,
      roomId: roomId ?? null,
      ...(patientId !== undefined ? { patientId } : {}),
      durationMinutes: durationMinutes ?? type.durationMinutes,
      fromDate,
      days,
      notBefore: ctx.now.toISOString(),
      timeZone,
      workingHours: await workingHoursOf(ctx.db, therapistId),
      booked: overlapping,
      blockouts,
      limit,
    });
    return { slots };
  },

  async 'appointments.patientSummary'({ patientId }, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const [counts] = await attendanceCounts(ctx.db, patientId);
    const upcoming = await upcomingOf(ctx.db, patientId, ctx.now.toISOString());
    const [patient] = await medicareOf(ctx.db, patientId);
    return {
      medicarePartBPrimary: patient?.medicareBeneficiary === 1,
      cancellations: Number(counts?.cancellations ?? 0),
      lateCancellations: Number(counts?.late ?? 0),
      noShows: Number(counts?.noShows ?? 0),
      completed: Number(counts?.completed ?? 0),
      upcoming: upcoming.map((r) => toAppointment(r, timeZone)),
    };
  },
});
