import { addDays, localToInstant } from '../../../shared/schedule/clinic-time';
import { printPdf } from '../../print/print-pdf';
import { loadClinicFormat } from '../clinic-format';
import { defineHandlers } from '../handler';
import { appointmentsWithNames, toAppointment } from './appointment-rows';

export const daySheetHandlers = defineHandlers({
  async 'schedule.daySheet'({ date, therapistId, paper }, ctx) {
    const clinic = await ctx.db.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
    const f = await loadClinicFormat(ctx.db);
    // Therapists print their own day only.
    const only = ctx.user.role === 'therapist' ? ctx.user.id : therapistId;
    let therapists = ctx.db.selectFrom('users').select(['id', 'displayName']).where('role', '=', 'therapist').where('active', '=', 1);
    if (only !== null) therapists = therapists.where('id', '=', only);
    const list = await therapists.orderBy('displayName').execute();
    const rows = await appointmentsWithNames(ctx.db)
      .where('a.startsAt', '>=', localToInstant(date, 0, clinic.timeZone))
      .where('a.startsAt', '<', localToInstant(addDays(date, 1), 0, clinic.timeZone))
      .where('a.therapistId', 'in', list.length ? list.map((t) => t.id) : [-1])
      .orderBy('a.startsAt')
      .execute();
    const appointments = rows.map((r) => toAppointment(r, clinic.timeZone));
    const pdf = await printPdf(import('../../print/day-sheet').then((m) => m.DaySheet), {
      clinic,
      dateLabel: f.day(date, 'long'),
      sections: list.map((t) => ({ therapistName: t.displayName, appointments: appointments.filter((a) => a.therapistId === t.id) })),
      printedLabel: `printed ${f.instant(ctx.now.toISOString())} by ${ctx.user.displayName}`,
      paper,
      timeZone: clinic.timeZone,
      locale: f.locale,
    });
    ctx.audit({ action: 'schedule.daySheet', entity: 'daySheet', entityId: date, detail: `printed for ${only === null ? 'all therapists' : (list[0]?.displayName ?? 'nobody')} (${appointments.length} appointments)` });
    const who = only === null ? 'all' : (list[0]?.displayName ?? 'therapist').split(',')[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return { filename: `day-sheet-${date}-${who}.pdf`, pdfBase64: pdf.toString('base64') };
  },
});
