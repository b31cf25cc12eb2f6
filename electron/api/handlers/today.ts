import { ApiError } from '../../../shared/api/errors';
import { patientDisplayName } from '../../../shared/domain/patient';
import { addDays, localToInstant } from '../../../shared/schedule/clinic-time';
import { todayIn } from '../../../shared/util/dates';
import { defineHandlers } from '../handler';
import { appointmentsWithNames, toAppointment } from './appointment-rows';
import { clinicTimeAndUnits } from '../clinic-settings';
import { chartingContext } from './charting-context';
import { patientDue } from './reassessment-due';

/** "Their patients" for the review list: seen by the therapist in the last 8 weeks or booked with them in the next 4. */
const LOOK_BACK_DAYS = 56;
const LOOK_AHEAD_DAYS = 28;

export const todayHandlers = defineHandlers({
  async 'today.get'({ therapistId }, ctx) {
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const date = todayIn(timeZone, ctx.now);
    const therapists = await ctx.db.selectFrom('users').select(['id', 'displayName']).where('role', '=', 'therapist').where('active', '=', 1).orderBy('displayName').execute();
    // Therapists see their own day; an admin chooses (the first therapist when none is named).
    const id = ctx.user.role === 'therapist' ? ctx.user.id : (therapistId ?? therapists[0]?.id ?? null);
    const therapist = id === null ? null : (therapists.find((t) => t.id === id) ?? null);
    if (id !== null && !therapist) throw new ApiError('NOT_FOUND', 'That therapist is not active.');
    if (!therapist) return { date, therapist: null, therapists, appointments: [], reviewsDue: [], reassessmentsDue: [] };

    const rows = await appointmentsWithNames(ctx.db)
      .where('a.therapistId', '=', therapist.id)
      .where('a.startsAt', '>=', localToInstant(date, 0, timeZone))
      .where('a.startsAt', '<', localToInstant(addDays(date, 1), 0, timeZone))
      .orderBy('a.startsAt')
      .execute();

    const theirs = ctx.db
      .selectFrom('appointments')
      .select('patientId')
      .where('therapistId', '=', therapist.id)
      .where('startsAt', '>=', localToInstant(addDays(date, -LOOK_BACK_DAYS), 0, timeZone))
      .where('startsAt', '<', localToInstant(addDays(date, LOOK_AHEAD_DAYS), 0, timeZone));
    const due = await ctx.db
      .selectFrom('planWeeks as w')
      .innerJoin('runPlans as p', 'p.id', 'w.planId')
      .innerJoin('patients as pt', 'pt.id', 'p.patientId')
      .select(['pt.id as patientId', 'pt.mrn', 'pt.legalFirstName', 'pt.legalLastName', 'pt.preferredName', 'w.weekStart', 'w.decidedAt'])
      .where('p.endedAt', 'is', null)
      .where('pt.archivedAt', 'is', null)
      .where('w.acceptedAt', 'is', null)
      .where('w.overrideAt', 'is', null)
      .where('w.weekStart', '<=', addDays(date, -6))
      .where('pt.id', 'in', theirs)
      .orderBy('w.weekStart')
      .execute();
    // Today's patients (not cancelled or no-show) with a reassessment or questionnaires due.
    const cx = await chartingContext(ctx.db, ctx.now);
    const todays = [...new Map(rows.filter((r) => !['cancelled', 'no_show'].includes(r.status)).map((r) => [r.patientId, r])).values()];
    const reassessmentsDue = [];
    for (const r of todays) {
      const items = await patientDue(ctx.db, r.patientId, cx);
      if (!items.length) continue;
      const p = await ctx.db.selectFrom('patients').select(['mrn', 'legalFirstName', 'legalLastName', 'preferredName']).where('id', '=', r.patientId).executeTakeFirstOrThrow();
      reassessmentsDue.push({ patientId: r.patientId, patientName: patientDisplayName(p), mrn: p.mrn, items });
    }
    return {
      reassessmentsDue,
      date,
      therapist,
      therapists,
      appointments: rows.map((r) => toAppointment(r, timeZone)),
      reviewsDue: due.map((d) => ({ patientId: d.patientId, patientName: patientDisplayName(d), mrn: d.mrn, weekStart: d.weekStart, reviewed: d.decidedAt !== null })),
    };
  },
});
