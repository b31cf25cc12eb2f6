import { ApiError } from '../../../shared/api/errors';
import { addDays, formatClockTime, localToInstant } from '../../../shared/schedule/clinic-time';
import { defineHandlers } from '../handler';
import { clinicTimeAndUnits } from '../clinic-settings';
import { activeTherapistOrThrow } from './booking-checks';

const bool = (n: number) => n === 1;

export const scheduleSettingsHandlers = defineHandlers({
  async 'schedule.settings'(_input, ctx) {
    const rooms = await ctx.db.selectFrom('rooms').selectAll().orderBy('name').execute();
    const types = await ctx.db.selectFrom('appointmentTypes').selectAll().orderBy('id').execute();
    const therapists = await ctx.db.selectFrom('users').select(['id', 'displayName']).where('role', '=', 'therapist').where('active', '=', 1).orderBy('displayName').execute();
    const hours = await ctx.db.selectFrom('workingHours').selectAll().orderBy('weekday').orderBy('startMinute').execute();
    const { lateCancelHours } = await clinicTimeAndUnits(ctx.db);
    return {
      rooms: rooms.map((r) => ({ id: r.id, name: r.name, active: bool(r.active) })),
      appointmentTypes: types.map((t) => ({ id: t.id, name: t.name, durationMinutes: t.durationMinutes, colour: t.colour, active: bool(t.active) })),
      therapists: therapists.map((t) => ({
        ...t,
        workingHours: hours.filter((h) => h.therapistId === t.id).map((h) => ({ weekday: h.weekday, startMinute: h.startMinute, endMinute: h.endMinute })),
      })),
      lateCancelHours,
    };
  },

  async 'rooms.save'({ id, name, active }, ctx) {
    const clash = await ctx.db.selectFrom('rooms').select('id').where('name', '=', name).where('id', '!=', id ?? -1).executeTakeFirst();
    if (clash) throw new ApiError('CONFLICT', `There is already a room called "${name}".`, { fields: { name: 'This name is taken' } });
    const values = { name, active: active ? 1 : 0 };
    const row =
      id === undefined
        ? await ctx.db.insertInto('rooms').values({ ...values, createdAt: ctx.now.toISOString() }).returningAll().executeTakeFirstOrThrow()
        : await ctx.db.updateTable('rooms').set(values).where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw new ApiError('NOT_FOUND', `There is no room with id ${id}.`);
    ctx.audit({ entity: 'room', entityId: row.id, detail: `${id === undefined ? 'added' : 'saved'} ${name}${active ? '' : ' (not in use)'}` });
    return { id: row.id, name: row.name, active: bool(row.active) };
  },

  async 'appointmentTypes.save'({ id, name, durationMinutes, colour, active }, ctx) {
    const clash = await ctx.db.selectFrom('appointmentTypes').select('id').where('name', '=', name).where('id', '!=', id ?? -1).executeTakeFirst();
    if (clash) throw new ApiError('CONFLICT', `There is already an appointment type called "${name}".`, { fields: { name: 'This name is taken' } });
    const values = { name, durationMinutes, colour, active: active ? 1 : 0 };
    const row =
      id === undefined
        ? await ctx.db.insertInto('appointmentTypes').values({ ...values, createdAt: ctx.now.toISOString() }).returningAll().executeTakeFirstOrThrow()
        : await ctx.db.updateTable('appointmentTypes').set(values).where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw new ApiError('NOT_FOUND', `There is no appointment type with id ${id}.`);
    ctx.audit({ entity: 'appointmentType', entityId: row.id, detail: `${name}, ${durationMinutes} min, ${colour}${active ? '' : ' (retired)'}` });
    return { id: row.id, name: row.name, durationMinutes: row.durationMinutes, colour: row.colour, active: bool(row.active) };
  },

  async 'workingHours.set'({ therapistId, intervals }, ctx) {
    await activeTherapistOrThrow(ctx.db, therapistId);
    const sorted = [...intervals].sort((a, b) => a.weekday - b.weekday || a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      if (a.weekday === b.weekday && b.start < a.end) {
        throw new ApiError('VALIDATION', `Working hours overlap on day ${a.weekday}: ${formatClockTime(a.start)}–${formatClockTime(a.end)} and ${formatClockTime(b.start)}–${formatClockTime(b.end)}.`, {
          fields: { [`intervals.${i}.start`]: 'Overlaps the interval before it' },
        });
      }
    }
    await ctx.db.deleteFrom('workingHours').where('therapistId', '=', therapistId).execute();
    if (sorted.length) {
      await ctx.db.insertInto('workingHours').values(sorted.map((w) => ({ therapistId, weekday: w.weekday, startMinute: w.start, endMinute: w.end }))).execute();
    }
    const summary = sorted.map((w) => `${w.weekday}:${formatClockTime(w.start)}–${formatClockTime(w.end)}`).join(', ') || 'none';
    ctx.audit({ entity: 'user', entityId: therapistId, detail: `working hours set: ${summary}` });
    return { workingHours: sorted.map((w) => ({ weekday: w.weekday, startMinute: w.start, endMinute: w.end })) };
  },

  async 'blockouts.list'({ from, to }, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const rows = await ctx.db
      .selectFrom('blockouts')
      .select(['id', 'therapistId', 'startsAt', 'endsAt', 'reason'])
      .where('removedAt', 'is', null)
      .where('startsAt', '<', localToInstant(addDays(to, 1), 0, timeZone))
      .where('endsAt', '>', localToInstant(from, 0, timeZone))
      .orderBy('startsAt')
      .execute();
    return { blockouts: rows };
  },

  async 'blockouts.create'({ therapistId, date, start, end, reason }, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const therapist = therapistId === null ? null : await activeTherapistOrThrow(ctx.db, therapistId);
    const row = await ctx.db
      .insertInto('blockouts')
      .values({ therapistId, startsAt: localToInstant(date, start, timeZone), endsAt: localToInstant(date, end, timeZone), reason, removedAt: null, createdAt: ctx.now.toISOString() })
      .returning(['id', 'therapistId', 'startsAt', 'endsAt', 'reason'])
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'blockout', entityId: row.id, detail: `${date} ${formatClockTime(start)}–${formatClockTime(end)} ${reason} (${therapist === null ? 'whole clinic' : therapist.displayName})` });
    return row;
  },

  async 'blockouts.remove'({ id }, ctx) {
    const done = await ctx.db.updateTable('blockouts').set({ removedAt: ctx.now.toISOString() }).where('id', '=', id).where('removedAt', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new ApiError('NOT_FOUND', `There is no blockout with id ${id}.`);
    ctx.audit({ entity: 'blockout', entityId: id, detail: 'removed' });
    return { removed: true as const };
  },
});
