import { NOTE_TYPE_LABELS } from '../../../shared/charting/note-content';
import { patientDisplayName, SEX_LABELS } from '../../../shared/domain/patient';
import { printPdf } from '../../print/print-pdf';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../handler';
import { chartingContext } from './charting-context';
import { noteFindings } from './note-findings';
import { noteRowOrThrow, toRecord, type NoteRow } from './note-rows';

/** A note as its PDF (the printout and the FHIR export's signed documents are the same file). */
export async function renderNotePdf(ctx: Pick<HandlerContext, 'db' | 'now' | 'user'>, row: NoteRow, paper: 'letter' | 'a4' = 'letter'): Promise<{ filename: string; pdf: Buffer }> {
  const note = await toRecord(ctx.db, row, ctx);
  const cx = await chartingContext(ctx.db, ctx.now);
  const clinic = await ctx.db.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
  const patient = await ctx.db.selectFrom('patients').selectAll().where('id', '=', row.patientId).executeTakeFirstOrThrow();
  const pdf = await printPdf(import('../../print/note').then((m) => m.NotePdf), {
    clinic,
    patient: { name: patientDisplayName(patient), dateOfBirth: patient.dateOfBirth, mrn: patient.mrn, sex: SEX_LABELS[patient.sex] },
    note,
    printedLabel: `printed ${cx.format.instant(ctx.now.toISOString())} by ${ctx.user.displayName}`,
    paper,
    format: cx.format,
    findings: await noteFindings(ctx, row.patientId, row.id),
  });
  const name = `${patient.legalLastName}-${patient.legalFirstName}`.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { filename: `note-${row.dateOfService}-${name}-${row.noteType.replace('_', '-')}.pdf`, pdf };
}

export const notePdfHandlers = defineHandlers({
  async 'notes.pdf'({ id, paper }, ctx) {
    const row = await noteRowOrThrow(ctx.db, id);
    const { filename, pdf } = await renderNotePdf(ctx, row, paper);
    ctx.audit({ action: 'notes.print', entity: 'note', entityId: id, detail: `patient ${row.patientId}: ${NOTE_TYPE_LABELS[row.noteType]} of ${row.dateOfService} printed (${row.status})` });
    return { filename, pdfBase64: pdf.toString('base64') };
  },
});
