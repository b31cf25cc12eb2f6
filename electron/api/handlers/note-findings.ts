import { INSTRUMENT_NAMES } from '../../../shared/domain/reassessments';
import type { NoteFinding } from '../../../shared/domain/reassessments';
import { reassessmentLine } from '../../../shared/format/reassessment-format';
import type { HandlerContext } from '../context';
import { loadClinicPolicy } from './clinic-policy';
import { toOutcomeRecords } from './outcome-records';
import { toReassessmentRecords } from './reassessment-records';

/**
 * The reassessments and questionnaires taken at a visit, in words, for the note's view and its
 * printout. A corrected record shows as its correction (the one that counts).
 */
export async function noteFindings(ctx: HandlerContext, patientId: number, noteId: number): Promise<NoteFinding[]> {
  const sittings = await ctx.db.selectFrom('reassessments').selectAll().where('patientId', '=', patientId).where('noteId', '=', noteId).orderBy('assessedOn').orderBy('id').execute();
  const forms = await ctx.db.selectFrom('outcomeRecords').selectAll().where('patientId', '=', patientId).where('noteId', '=', noteId).orderBy('completedOn').orderBy('id').execute();
  const { policy } = await loadClinicPolicy(ctx.db);
  const reassessments = (await toReassessmentRecords(ctx.db, sittings)).filter((r) => r.replacedById === null);
  const outcomes = (await toOutcomeRecords(ctx.db, forms, policy)).filter((r) => r.replacedById === null);
  return [
    ...reassessments.map((r): NoteFinding => ({ kind: 'reassessment', id: r.id, date: r.assessedOn, text: `Reassessment — ${reassessmentLine(r.measures)}${r.comment ? `. ${r.comment}` : ''}` })),
    ...outcomes.map((r): NoteFinding => ({ kind: 'questionnaire', id: r.id, date: r.completedOn, text: `${INSTRUMENT_NAMES[r.instrument]}: ${r.scoreText}` })),
  ];
}
