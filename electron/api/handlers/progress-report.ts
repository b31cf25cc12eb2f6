import { ApiError } from '../../../shared/api/errors';
import { measureLines } from '../../../shared/clinical/reassessment-lines';
import { patientDisplayName } from '../../../shared/domain/patient';
import { printPdf } from '../../print/print-pdf';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema';
import type { EpisodesTable } from '../../db/schema-charting';
import type { ReportTherapist } from '../../print/progress-report';
import { defineHandlers } from '../handler';
import { chartingContext } from './charting-context';
import { toEpisodes } from './episode-rows';
import { outcomeSummaries, patientOutcomes } from './outcome-records';
import type { ReassessmentRecord } from '../../../shared/domain/reassessments';
import { asClinical, patientReassessments, trendsOf } from './reassessment-records';

const cityLine = (city: string | null, region: string | null, postalCode: string | null) => [city, [region, postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/**
 * Who the report is from: the patient's therapist, as a clinic expects a progress report to be signed
 * by the clinician who measured, not by whoever pressed print. That is the latest reassessment's
 * assessor; without one, the author of the episode's latest signed note; without one, whoever opened
 * the episode. The printing user signs only when none of them is a clinician (the command line is
 * never a therapist, so a report printed from it still names the patient's therapist).
 */
async function reportTherapist(db: Kysely<DB>, current: readonly ReassessmentRecord[], episode: Selectable<EpisodesTable> | null, printer: { id: number; displayName: string; role: string }): Promise<ReportTherapist> {
  const candidates: number[] = [];
  const latest = [...current].sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : a.assessedOn > b.assessedOn ? -1 : b.id - a.id))[0];
  if (latest) candidates.push((await db.selectFrom('reassessments').select('assessedBy').where('id', '=', latest.id).executeTakeFirstOrThrow()).assessedBy);
  if (episode) {
    const note = await db.selectFrom('notes').select('signedBy').where('episodeId', '=', episode.id).where('status', '=', 'signed').where('signedBy', 'is not', null).orderBy('dateOfService', 'desc').orderBy('id', 'desc').executeTakeFirst();
    if (note?.signedBy) candidates.push(note.signedBy);
    candidates.push(episode.createdBy);
  }
  if (printer.id > 0) candidates.push(printer.id);
  const users = candidates.length ? await db.selectFrom('users').select(['id', 'displayName', 'role', 'credentials']).where('id', 'in', candidates).execute() : [];
  for (const id of candidates) {
    const u = users.find((x) => x.id === id);
    if (u && (u.role === 'therapist' || u.role === 'admin')) return { name: u.displayName, credentials: u.credentials };
  }
  return { name: printer.displayName, credentials: null };
}

/**
 * The progress report: the patient's open episode (or the latest one), each measure's trend and each
 * questionnaire's change, addressed to the patient or to the episode's referring physician. A report
 * to a physician the episode does not name is refused before anything is drawn.
 */
export const progressReportHandlers = defineHandlers({
  async 'reassessments.progressReportPdf'({ patientId, addressee, paper }, ctx) {
    const patient = await ctx.db.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    const cx = await chartingContext(ctx.db, ctx.now);
    const episodeRow = await ctx.db.selectFrom('episodes').selectAll().where('patientId', '=', patientId).orderBy('dischargedOn', (ob) => ob.desc().nullsFirst()).orderBy('startDate', 'desc').executeTakeFirst();
    const episode = episodeRow ? (await toEpisodes(ctx.db, [episodeRow], cx))[0]! : null;
    const name = patientDisplayName(patient);
    let to: { kind: 'patient' | 'physician'; name: string; lines: string[] };
    if (addressee === 'physician') {
      const physician = episode?.referral.type === 'physician' ? episode.referral.physicianName : null;
      if (!physician)
        throw new ApiError(
          'VALIDATION',
          episode
            ? `${name}’s episode of care names no referring physician: add the physician on the episode, or address the report to the patient.`
            : `${name} has no episode of care, so there is no referring physician to address: address the report to the patient.`,
        );
      const r = episode!.referral;
      const a = r.physicianAddress;
      const reach = [r.physicianPhone ? `Phone ${r.physicianPhone}` : null, r.physicianFax ? `Fax ${r.physicianFax}` : null, r.physicianNpi ? `NPI ${r.physicianNpi}` : null].filter(Boolean).join(' · ');
      to = { kind: 'physician', name: physician, lines: [...(a ? [a.line1, a.line2, cityLine(a.city, a.region, a.postalCode)] : []), reach].filter((l): l is string => !!l) };
    } else {
      to = { kind: 'patient', name: `${patient.legalFirstName} ${patient.legalLastName}`, lines: [patient.addressLine1, patient.addressLine2, cityLine(patient.city, patient.region, patient.postalCode)].filter((l): l is string => !!l && l.trim() !== '') };
    }
    const records = await patientReassessments(ctx.db, patientId);
    const current = records.filter((r) => r.replacedById === null);
    const trends = trendsOf(asClinical(records), current.map((r) => r.id), cx.policy);
    const lines = [...new Set(trends.map((t) => t.code))].map((code) => ({ code, ...measureLines(code, cx.policy) }));
    const outcomes = outcomeSummaries(await patientOutcomes(ctx.db, patientId, cx.policy), cx.policy);
    const clinic = await ctx.db.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
    const pdf = await printPdf(import('../../print/progress-report').then((m) => m.ProgressReportPdf), {
      clinic,
      patient: { name, dateOfBirth: patient.dateOfBirth, mrn: patient.mrn },
      addressee: to,
      episode,
      trends,
      lines,
      outcomes,
      therapist: await reportTherapist(ctx.db, current, episodeRow ?? null, ctx.user),
      printedLabel: `printed ${cx.format.instant(ctx.now.toISOString())} by ${ctx.user.displayName}`,
      paper,
      format: cx.format,
    });
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `progress report to the ${addressee} printed (${trends.length} measure sides, ${outcomes.length} questionnaires)` });
    const file = `${patient.legalLastName}-${patient.legalFirstName}`.replace(/đ/gi, 'd').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return { filename: `progress-report-${cx.today}-${file}.pdf`, pdfBase64: pdf.toString('base64') };
  },
});
