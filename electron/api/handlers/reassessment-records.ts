import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { addDays } from '../../../shared/clinical/calendar';
import { evaluateGates } from '../../../shared/clinical/gates';
import type { ClinicPolicy } from '../../../shared/clinical/policy';
import type { Device, MeasureCode, MeasureResult, Reassessment, Side } from '../../../shared/clinical/reassessment';
import { MEASURES, classifyMeasureChange, getMeasure } from '../../../shared/clinical/reassessment';
import type { MeasureTrend, ReassessmentRecord, StoredMeasure } from '../../../shared/domain/reassessments';
import { reassessmentRequestSchema } from '../../../shared/domain/reassessments';
import { todayIn } from '../../../shared/util/dates';
import type { z } from 'zod';
import type { DB, ReassessmentsTable } from '../../db/schema';
import type { HandlerContext } from '../context';
import { clinicTimeAndUnits } from '../clinic-settings';
import { clearStaleDecision } from './red-flag-screens';
import { linkedNote } from './record-notes';

/**
 * The one storage path of reassessments: recorded whole, never edited (a correction is a new record
 * that replaces the earlier one, both kept), and read back as the planner's `Reassessment`s, as the
 * chart's trends and as the devices last used.
 */
type Row = Selectable<ReassessmentsTable>;

/** How far back a reassessment may be dated when it is entered (a paper form typed in later). */
const BACKDATE_DAYS = 90;

export async function toReassessmentRecords(db: Kysely<DB>, rows: readonly Row[]): Promise<ReassessmentRecord[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const measures = await db.selectFrom('reassessmentMeasures').selectAll().where('reassessmentId', 'in', ids).execute();
  const replacements = await db.selectFrom('reassessments').select(['id', 'replacesId']).where('replacesId', 'in', ids).execute();
  const replacedBy = new Map(replacements.map((r) => [r.replacesId!, r.id]));
  const userIds = [...new Set(rows.map((r) => r.assessedBy))];
  const users = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute();
  const order = new Map(MEASURES.map((m, i) => [m.code, i]));
  const sideOrder: Record<Side, number> = { left: 0, right: 1, none: 2 };
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patientId,
    noteId: r.noteId,
    assessedOn: r.assessedOn,
    assessedBy: users.find((u) => u.id === r.assessedBy)?.displayName ?? '',
    recordedAt: r.recordedAt,
    comment: r.comment,
    replacesId: r.replacesId,
    replacedById: replacedBy.get(r.id) ?? null,
    measures: measures
      .filter((m) => m.reassessmentId === r.id)
      .map(
        (m): StoredMeasure => ({
          code: m.code as MeasureCode,
          side: m.side,
          unit: m.unit,
          value: m.valueNumber ?? m.valueResult!,
          device: m.device as Device | null,
          position: m.position,
          comment: m.comment,
        }),
      )
      .sort((a, b) => order.get(a.code)! - order.get(b.code)! || sideOrder[a.side] - sideOrder[b.side]),
  }));
}

/** Every reassessment of the patient, newest first, corrected ones included (and marked). */
export async function patientReassessments(db: Kysely<DB>, patientId: number): Promise<ReassessmentRecord[]> {
  const rows = await db.selectFrom('reassessments').selectAll().where('patientId', '=', patientId).orderBy('assessedOn', 'desc').orderBy('id', 'desc').execute();
  return toReassessmentRecords(db, rows);
}

/** The records that count (not corrected), oldest first, as the rules engine reads them. */
export function asClinical(records: readonly ReassessmentRecord[]): Reassessment[] {
  return records
    .filter((r) => r.replacedById === null)
    .sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : a.id - b.id))
    .map((r) => ({ date: r.assessedOn, measures: r.measures.map((m): MeasureResult => ({ code: m.code, side: m.side, value: m.value, device: m.device, position: m.position })) }));
}

/** The patient's reassessments that count, for the planner. */
export async function currentReassessments(db: Kysely<DB>, patientId: number): Promise<Reassessment[]> {
  return asClinical(await patientReassessments(db, patientId));
}

/** Each measure and side over time, in the battery's order, each reading against the first. */
export function trendsOf(reassessments: readonly Reassessment[], ids: readonly number[], policy: ClinicPolicy): MeasureTrend[] {
  const out: MeasureTrend[] = [];
  for (const def of MEASURES) {
    for (const side of def.sided ? (['left', 'right'] as const) : (['none'] as const)) {
      const points: MeasureTrend['points'] = [];
      let baseline: MeasureResult | null = null;
      reassessments.forEach((r, i) => {
        const m = r.measures.find((x) => x.code === def.code && x.side === side);
        if (!m) return;
        const since = baseline ? classifyMeasureChange(baseline, m, policy) : null;
        points.push({ reassessmentId: ids[i]!, date: r.date, value: m.value, device: m.device, sinceBaseline: since && { classification: since.classification, difference: since.difference, threshold: since.threshold, thresholdGrade: since.thresholdGrade, warnings: since.warnings } });
        baseline ??= m;
      });
      if (points.length) out.push({ code: def.code, side, points });
    }
  }
  return out;
}

/** The device each measure was last taken with, so the form offers it again. */
export function lastDevices(records: readonly ReassessmentRecord[]): Partial<Record<MeasureCode, Device>> {
  const out: Partial<Record<MeasureCode, Device>> = {};
  // Newest first: the first device met per measure is the latest.
  for (const r of records) if (r.replacedById === null) for (const m of r.measures) if (m.device && !out[m.code]) out[m.code] = m.device;
  return out;
}

export function gatesNow(reassessments: readonly Reassessment[], today: string, policy: ClinicPolicy) {
  return evaluateGates(reassessments, today, policy).map((g) => ({ gate: g.gate, active: g.active, lifted: g.lifted, findings: g.findings, reassessmentDate: g.reassessmentDate }));
}

export type RecordReassessmentInput = z.input<typeof reassessmentRequestSchema>;

function validationError(what: string, issues: readonly { path: PropertyKey[]; message: string }[]) {
  const fields = Object.fromEntries(issues.map((i) => [i.path.map(String).join('.'), i.message]));
  return new ApiError('VALIDATION', `The ${what} was not saved: ${issues[0]!.message}`, { fields });
}

/** Checks the date, the patient and the record corrected (same patient, not already corrected). */
export async function checkRecordPlace(
  ctx: HandlerContext,
  table: 'reassessments' | 'outcomeRecords',
  req: { patientId: number; replacesId: number | null },
  date: string | undefined,
  what: string,
): Promise<string> {
  const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', req.patientId).executeTakeFirst();
  if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${req.patientId}.`);
  const { timeZone } = await clinicTimeAndUnits(ctx.db);
  const today = todayIn(timeZone, ctx.now);
  const on = date ?? today;
  if (on > today) throw new ApiError('VALIDATION', `A ${what} cannot be dated in the future.`, { fields: { [table === 'reassessments' ? 'assessedOn' : 'completedOn']: 'Not after today' } });
  if (on < addDays(today, -BACKDATE_DAYS)) throw new ApiError('VALIDATION', `A ${what} is entered within ${BACKDATE_DAYS} days of taking it.`, { fields: { [table === 'reassessments' ? 'assessedOn' : 'completedOn']: `Within the last ${BACKDATE_DAYS} days` } });
  if (req.replacesId !== null) {
    const old = await ctx.db.selectFrom(table).select(['id', 'patientId']).where('id', '=', req.replacesId).executeTakeFirst();
    if (!old || old.patientId !== req.patientId) throw new ApiError('VALIDATION', `A correction replaces an earlier ${what} of the same patient.`, { fields: { replacesId: `Not a ${what} of this patient` } });
    const taken = await ctx.db.selectFrom(table).select('id').where('replacesId', '=', old.id).executeTakeFirst();
    if (taken) throw new ApiError('CONFLICT', `That ${what} has already been corrected: correct the latest one.`);
  }
  return on;
}

export async function recordReassessment(ctx: HandlerContext, input: RecordReassessmentInput): Promise<ReassessmentRecord> {
  const parsed = reassessmentRequestSchema.safeParse(input);
  if (!parsed.success) throw validationError('reassessment', parsed.error.issues);
  const req = parsed.data;
  const assessedOn = await checkRecordPlace(ctx, 'reassessments', req, req.assessedOn, 'reassessment');
  const noteId = await linkedNote(ctx.db, req.patientId, req.noteId, assessedOn);
  const row = await ctx.db
    .insertInto('reassessments')
    .values({ patientId: req.patientId, noteId, assessedOn, assessedBy: ctx.user.id, recordedAt: ctx.now.toISOString(), comment: req.comment, replacesId: req.replacesId })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('reassessmentMeasures')
    .values(
      req.measures.map((m) => {
        const def = getMeasure(m.code);
        const numeric = typeof m.value === 'number';
        return { reassessmentId: row.id, code: m.code, side: m.side, unit: def.unit, valueNumber: numeric ? (m.value as number) : null, valueResult: numeric ? null : (m.value as StoredMeasure['value'] & string), device: m.device, position: m.position, comment: m.comment };
      }),
    )
    .execute();
  // New findings make a reviewed but not yet accepted weekly decision stale.
  await clearStaleDecision(ctx.db, req.patientId, assessedOn, null);
  const record = (await toReassessmentRecords(ctx.db, [row]))[0]!;
  ctx.audit({
    entity: 'patient',
    entityId: req.patientId,
    detail: `reassessment ${row.id} (${assessedOn}, ${req.measures.length} ${req.measures.length === 1 ? 'measure' : 'measures'})${req.replacesId ? `, correcting reassessment ${req.replacesId}` : ''}`,
  });
  return record;
}

export { validationError };
