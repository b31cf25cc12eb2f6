import { measureLines } from '../../../shared/clinical/reassessment-lines';
import { ApiError } from '../../../shared/api/errors';
import { todayIn } from '../../../shared/util/dates';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../handler';
import { clinicTimeAndUnits } from '../clinic-settings';
import { loadClinicPolicy } from './clinic-policy';
import { outcomeSummaries, patientOutcomes, recordOutcome } from './outcome-records';
import { chartingContext } from './charting-context';
import { noteFindings } from './note-findings';
import { patientDue } from './reassessment-due';
import { asClinical, gatesNow, lastDevices, patientReassessments, recordReassessment, trendsOf } from './reassessment-records';

async function assertPatient(ctx: HandlerContext, patientId: number) {
  const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
  if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
}

export const reassessmentHandlers = defineHandlers({
  async 'reassessments.list'({ patientId }, ctx) {
    await assertPatient(ctx, patientId);
    const { policy } = await loadClinicPolicy(ctx.db);
    const records = await patientReassessments(ctx.db, patientId);
    const current = records.filter((r) => r.replacedById === null).sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : a.id - b.id));
    const clinical = asClinical(records);
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    ctx.audit({ entity: 'patient', entityId: patientId, detail: 'reassessments opened' });
    const trends = trendsOf(clinical, current.map((r) => r.id), policy);
    const cx = await chartingContext(ctx.db, ctx.now);
    return {
      reassessments: records,
      trends,
      lines: [...new Set(trends.map((t) => t.code))].map((code) => ({ code, ...measureLines(code, policy) })),
      lastDevices: lastDevices(records),
      // The engine's findings name dates ("improved 7° since …"): staff read them the clinic's way.
      gates: gatesNow(clinical, todayIn(timeZone, ctx.now), policy).map((g) => ({ ...g, findings: g.findings.map(cx.format.dates) })),
      due: await patientDue(ctx.db, patientId, cx),
    };
  },

  async 'reassessments.record'(input, ctx) {
    return recordReassessment(ctx, input);
  },

  async 'reassessments.forNote'({ noteId }, ctx) {
    const note = await ctx.db.selectFrom('notes').select(['id', 'patientId']).where('id', '=', noteId).executeTakeFirst();
    if (!note) throw new ApiError('NOT_FOUND', 'There is no such visit note.');
    ctx.audit({ entity: 'patient', entityId: note.patientId, detail: `findings of visit note ${noteId} opened` });
    return { findings: await noteFindings(ctx, note.patientId, noteId) };
  },

  async 'outcomes.list'({ patientId }, ctx) {
    await assertPatient(ctx, patientId);
    const { policy } = await loadClinicPolicy(ctx.db);
    const records = await patientOutcomes(ctx.db, patientId, policy);
    ctx.audit({ entity: 'patient', entityId: patientId, detail: 'outcome questionnaires opened' });
    return { records, summaries: outcomeSummaries(records, policy) };
  },

  async 'outcomes.record'(input, ctx) {
    return recordOutcome(ctx, input);
  },
});
