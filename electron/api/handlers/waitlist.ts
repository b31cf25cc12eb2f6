import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { patientDisplayName } from '../../../shared/domain/patient';
import { WAITLIST_PRIORITIES, type WaitlistEntry } from '../../../shared/domain/schedule';
import { rankWaitlist } from '../../../shared/schedule/waitlist-ranking';
import type { DB } from '../../db/schema';
import { defineHandlers } from '../handler';
import { loadClinicFormat } from '../clinic-format';
import { appointmentRowOrThrow } from './appointment-rows';
import { clinicTimeAndUnits } from '../clinic-settings';
import { bookablePatientOrThrow } from './booking-checks';

function openEntries(db: Kysely<DB>) {
  return db
    .selectFrom('waitlist as w')
    .innerJoin('patients as p', 'p.id', 'w.patientId')
    .leftJoin('users as u', 'u.id', 'w.therapistId')
    .select(['w.id', 'w.patientId', 'p.legalFirstName', 'p.legalLastName', 'p.preferredName', 'p.phone', 'w.therapistId', 'u.displayName as therapistName', 'w.typeId', 'w.weekdays', 'w.fromMinute', 'w.toMinute', 'w.priority', 'w.note', 'w.createdAt'])
    .where('w.resolvedAt', 'is', null)
    .orderBy('w.priority')
    .orderBy('w.createdAt');
}

type Row = Awaited<ReturnType<ReturnType<typeof openEntries>['execute']>>[number];

function toEntry(r: Row): WaitlistEntry {
  return {
    id: r.id,
    patientId: r.patientId,
    patientName: patientDisplayName(r),
    patientPhone: r.phone,
    therapistId: r.therapistId,
    therapistName: r.therapistName,
    typeId: r.typeId,
    weekdays: r.weekdays ? r.weekdays.split(',').map(Number) : [],
    fromMinute: r.fromMinute,
    toMinute: r.toMinute,
    priority: r.priority,
    note: r.note,
    createdAt: r.createdAt,
  };
}

export const waitlistHandlers = defineHandlers({
  async 'waitlist.list'(_input, ctx) {
    return { entries: (await openEntries(ctx.db).execute()).map(toEntry) };
  },

  async 'waitlist.add'(input, ctx) {
    await bookablePatientOrThrow(ctx.db, input.patientId);
    const existing = await ctx.db.selectFrom('waitlist').select('id').where('patientId', '=', input.patientId).where('resolvedAt', 'is', null).executeTakeFirst();
    if (existing) throw new ApiError('CONFLICT', 'This patient is already on the waitlist: change or remove that entry instead.');
    const row = await ctx.db
      .insertInto('waitlist')
      .values({
        patientId: input.patientId,
        therapistId: input.therapistId,
        typeId: input.typeId,
        weekdays: [...new Set(input.weekdays)].sort().join(','),
        fromMinute: input.from,
        toMinute: input.to,
        priority: input.priority,
        note: input.note,
        createdAt: ctx.now.toISOString(),
        resolvedAt: null,
        resolvedAppointmentId: null,
        resolution: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: input.patientId, detail: `added to the waitlist (${WAITLIST_PRIORITIES[input.priority as 1 | 2 | 3] ?? 'Normal'} priority)` });
    return toEntry(await openEntries(ctx.db).where('w.id', '=', row.id).executeTakeFirstOrThrow());
  },

  async 'waitlist.remove'({ id, reason }, ctx) {
    const row = await ctx.db.selectFrom('waitlist').select(['patientId']).where('id', '=', id).where('resolvedAt', 'is', null).executeTakeFirst();
    if (!row) throw new ApiError('NOT_FOUND', `There is no open waitlist entry with id ${id}.`);
    await ctx.db.updateTable('waitlist').set({ resolvedAt: ctx.now.toISOString(), resolution: `removed: ${reason}` }).where('id', '=', id).execute();
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `removed from the waitlist: ${reason}` });
    return { removed: true as const };
  },

  async 'waitlist.matches'({ appointmentId }, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const appt = await appointmentRowOrThrow(ctx.db, appointmentId);
    const entries = (await openEntries(ctx.db).where('w.patientId', '!=', appt.patientId).execute()).map(toEntry);
    const format = await loadClinicFormat(ctx.db);
    const matches = rankWaitlist(entries, { startsAt: appt.startsAt, endsAt: appt.endsAt, therapistId: appt.therapistId, typeId: appt.typeId }, timeZone);
    return { matches: matches.map((m) => ({ ...m, reasons: m.reasons.map((r) => format.dates(r)) })) };
  },
});
