import { createElement } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { measureLines } from '../../../shared/clinical/reassessment-lines';
import { patientDisplayName } from '../../../shared/domain/patient';
import { ProgressReportPdf } from '../../print/progress-report';
import { renderPdf } from '../../print/render-pdf';
import { defineHandlers } from '../handler';
import { chartingContext } from './charting-context';
import { toEpisodes } from './episode-rows';
import { outcomeSummaries, patientOutcomes } from './outcome-records';
import { asClinical, patientReassessments, trendsOf } from './reassessment-records';

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
      to = { kind: 'physician', name: physician, lines: episode!.referral.physicianNpi ? [`NPI ${episode!.referral.physicianNpi}`] : [] };
    } else {
      const cityLine = [patient.city, [patient.region, patient.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      to = { kind: 'patient', name: `${patient.legalFirstName} ${patient.legalLastName}`, lines: [patient.addressLine1, patient.addressLine2, cityLine].filter((l): l is string => !!l && l.trim() !== '') };
    }
    const records = await patientReassessments(ctx.db, patientId);
    const current = records.filter((r) => r.replacedById === null);
    const trends = trendsOf(asClinical(records), current.map((r) => r.id), cx.policy);
    const lines = [...new Set(trends.map((t) => t.code))].map((code) => ({ code, ...measureLines(code, cx.policy) }));
    const outcomes = outcomeSummaries(await patientOutcomes(ctx.db, patientId, cx.policy), cx.policy);
    const clinic = await ctx.db.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
    const pdf = await renderPdf(
      createElement(ProgressReportPdf, {
        clinic,
        patient: { name, dateOfBirth: patient.dateOfBirth, mrn: patient.mrn },
        addressee: to,
        episode,
        trends,
        lines,
        outcomes,
        therapist: ctx.user.displayName,
        printedLabel: `printed ${cx.format.instant(ctx.now.toISOString())} by ${ctx.user.displayName}`,
        paper,
        format: cx.format,
      }),
    );
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `progress report to the ${addressee} printed (${trends.length} measure sides, ${outcomes.length} questionnaires)` });
    const file = `${patient.legalLastName}-${patient.legalFirstName}`.replace(/đ/gi, 'd').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return { filename: `progress-report-${cx.today}-${file}.pdf`, pdfBase64: pdf.toString('base64') };
  },
});
