import type { DueLists } from '../../../shared/charting/note';
import { NOTE_TYPE_LABELS } from '../../../shared/charting/note-content';
import { certificationStatus, progressNoteStatus } from '../../../shared/clinical/documentation';
import { patientDisplayName } from '../../../shared/domain/patient';
import { addDays, instantToLocal, localToInstant } from '../../../shared/schedule/clinic-time';
import { defineHandlers } from '../handler';
import { chartingContext } from './charting-context';
import { VISIT_KIND } from './episode-rows';

/** Completed or arrived visits this far back without a note are listed as notes still to write. */
const MISSING_NOTE_LOOKBACK_DAYS = 90;

export const noteDueHandlers = defineHandlers({
  async 'notes.due'({ therapistId }, ctx) {
    const cx = await chartingContext(ctx.db, ctx.now);
    // A therapist sees their own list; an admin sees one therapist's, or everyone's.
    const who = ctx.user.role === 'therapist' ? ctx.user.id : therapistId;

    let drafts = ctx.db
      .selectFrom('notes as n')
      .innerJoin('patients as p', 'p.id', 'n.patientId')
      .innerJoin('users as u', 'u.id', 'n.authorId')
      .select(['n.id', 'n.appointmentId', 'n.patientId', 'n.dateOfService', 'n.noteType', 'n.updatedAt', 'p.legalFirstName', 'p.legalLastName', 'p.preferredName', 'u.displayName as therapistName'])
      .where('n.status', '=', 'draft');
    if (who !== null) drafts = drafts.where('n.authorId', '=', who);
    const draftRows = await drafts.orderBy('n.dateOfService').orderBy('n.id').execute();

    let missing = ctx.db
      .selectFrom('appointments as a')
      .innerJoin('patients as p', 'p.id', 'a.patientId')
      .innerJoin('users as u', 'u.id', 'a.therapistId')
      .innerJoin('appointmentTypes as t', 't.id', 'a.typeId')
      .leftJoin('notes as n', (j) => j.onRef('n.appointmentId', '=', 'a.id').on('n.status', '<>', 'discarded'))
      .select(['a.id', 'a.patientId', 'a.startsAt', 't.name as typeName', 'p.legalFirstName', 'p.legalLastName', 'p.preferredName', 'u.displayName as therapistName'])
      .where('a.status', 'in', ['arrived', 'completed'])
      .where('a.startsAt', '>=', localToInstant(addDays(cx.today, -MISSING_NOTE_LOOKBACK_DAYS), 0, cx.timeZone))
      .where('a.startsAt', '<', ctx.now.toISOString())
      .where('n.id', 'is', null);
    if (who !== null) missing = missing.where('a.therapistId', '=', who);
    const missingRows = await missing.orderBy('a.startsAt').execute();

    const unsigned: DueLists['unsigned'] = [
      ...draftRows.map((d) => ({
        noteId: d.id,
        appointmentId: d.appointmentId,
        patientId: d.patientId,
        patientName: patientDisplayName(d),
        therapistName: d.therapistName,
        dateOfService: d.dateOfService,
        type: d.noteType,
        sentence: `${NOTE_TYPE_LABELS[d.noteType]} for ${cx.fmt(d.dateOfService)}, not signed yet`,
      })),
      ...missingRows.map((m) => {
        const date = instantToLocal(m.startsAt, cx.timeZone).date;
        return { noteId: null, appointmentId: m.id, patientId: m.patientId, patientName: patientDisplayName(m), therapistName: m.therapistName, dateOfService: date, type: null, sentence: `No note yet for the ${m.typeName.toLowerCase()} on ${cx.fmt(date)}` };
      }),
    ].sort((a, b) => (a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : 0));

    // Open episodes with their visits; the therapist of an episode is whoever wrote its latest note.
    const visits = await ctx.db
      .selectFrom('episodes as e')
      .innerJoin('notes as n', 'n.episodeId', 'e.id')
      .innerJoin('patients as p', 'p.id', 'e.patientId')
      .innerJoin('users as u', 'u.id', 'n.authorId')
      .select(['e.id as episodeId', 'e.patientId', 'e.certEnd', 'n.dateOfService', 'n.noteType', 'n.authorId', 'n.id as noteId', 'u.displayName as therapistName', 'p.legalFirstName', 'p.legalLastName', 'p.preferredName'])
      .where('e.dischargedOn', 'is', null)
      .where('n.status', '<>', 'discarded')
      .orderBy('e.id')
      .orderBy('n.dateOfService')
      .orderBy('n.id')
      .execute();
    const byEpisode = new Map<number, typeof visits>();
    for (const v of visits) byEpisode.set(v.episodeId, [...(byEpisode.get(v.episodeId) ?? []), v]);
    const progressNotes: DueLists['progressNotes'] = [];
    const certifications: DueLists['certifications'] = [];
    for (const [episodeId, list] of byEpisode) {
      const latest = list.at(-1)!;
      if (who !== null && latest.authorId !== who) continue;
      const base = { patientId: latest.patientId, patientName: patientDisplayName(latest), episodeId, therapistName: latest.therapistName };
      const status = progressNoteStatus({ visits: list.map((v) => ({ date: v.dateOfService, kind: VISIT_KIND[v.noteType] })), today: cx.today, policy: cx.policy, fmt: cx.fmt });
      if (status.due) progressNotes.push({ ...base, overdue: status.overdue, sentences: status.reasons.map((r) => r.sentence) });
      if (latest.certEnd) {
        const cert = certificationStatus({ certEnd: latest.certEnd, today: cx.today, policy: cx.policy, fmt: cx.fmt });
        if (cert.state !== 'current') certifications.push({ ...base, certEnd: latest.certEnd, daysLeft: cert.daysLeft, sentence: cert.reasons[0]!.sentence });
      }
    }
    progressNotes.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.patientName.localeCompare(b.patientName));
    certifications.sort((a, b) => a.daysLeft - b.daysLeft);
    return { unsigned, progressNotes, certifications };
  },
});
