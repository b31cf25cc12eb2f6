import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { redFlagsFromCsv, redFlagsRecord, type Run } from '../../../shared/clinical/runs';
import { SURFACES } from '../../../shared/clinical/policy';
import { runIntervalSchema, type RunInterval, type RunRecord, type runEntrySchema } from '../../../shared/domain/running';
import { describeIntervals, summariseIntervals } from '../../../shared/running/run-walk-segmentation';
import { DETECTION_METHODS } from '../../../shared/running/run-walk-detection';
import type { z } from 'zod';
import type { DB, RunsTable } from '../../db/schema';
import { defineHandlers } from '../handler';

type RunRow = Selectable<RunsTable>;
const surface = (s: string | null) => ((SURFACES as readonly string[]).includes(s ?? '') ? (s as RunRecord['surface']) : null);

export function parseIntervals(json: string | null): RunInterval[] | null {
  if (!json) return null;
  const parsed = runIntervalSchema.array().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function toRunRecord(row: RunRow): RunRecord {
  const intervals = parseIntervals(row.intervalsJson);
  return {
    id: row.id,
    patientId: row.patientId,
    date: row.date,
    startedAt: row.startedAt,
    kind: row.kind,
    sport: row.sport,
    distanceM: row.distanceM,
    durationS: row.durationS,
    runSeconds: row.runSeconds,
    walkSeconds: row.walkSeconds,
    intervals,
    intervalsCorrected: row.intervalsCorrected === 1,
    intervalSummary: intervals ? describeIntervals(intervals) : null,
    detectionMethod: (DETECTION_METHODS as readonly string[]).includes(row.detectionMethod ?? '') ? (row.detectionMethod as RunRecord['detectionMethod']) : null,
    surface: surface(row.surface),
    painBefore: row.painBefore,
    painDuring: row.painDuring,
    painAfter: row.painAfter,
    painNextMorning: row.painNextMorning,
    rpe: row.rpe,
    redFlags: redFlagsFromCsv(row.redFlags),
    stoppedEarly: row.stoppedEarly === 1,
    stepId: row.stepId,
    notes: row.notes,
    source: row.source as RunRecord['source'],
    sourceName: row.sourceName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Stored runs in the shape the clinical rules engine reads. */
export function runRowsToClinicalRuns(rows: RunRow[]): Run[] {
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    distanceM: r.distanceM,
    durationS: r.durationS,
    runSeconds: r.runSeconds,
    walkSeconds: r.walkSeconds,
    surface: surface(r.surface),
    pain: { before: r.painBefore, during: r.painDuring, after: r.painAfter, nextMorning: r.painNextMorning },
    rpe: r.rpe,
    stepId: r.stepId,
    stoppedEarly: r.stoppedEarly === 1,
    redFlags: redFlagsRecord(redFlagsFromCsv(r.redFlags)),
  }));
}

export function entryColumns(run: z.output<typeof runEntrySchema>) {
  return {
    date: run.date,
    kind: run.kind,
    distanceM: run.distanceM,
    durationS: run.durationS,
    runSeconds: run.runSeconds,
    walkSeconds: run.walkSeconds,
    surface: run.surface,
    painBefore: run.painBefore,
    painDuring: run.painDuring,
    painAfter: run.painAfter,
    painNextMorning: run.painNextMorning,
    rpe: run.rpe,
    redFlags: [...new Set(run.redFlags)].join(','),
    stoppedEarly: run.stoppedEarly ? 1 : 0,
    notes: run.notes,
  };
}

async function runOrThrow(db: Kysely<DB>, id: number) {
  const row = await db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `There is no run with id ${id}.`);
  return row;
}

/** The plan step a run on `date` belongs to: the step of that plan week, if a plan covers it. */
export async function planStepOn(db: Kysely<DB>, patientId: number, date: string): Promise<string | null> {
  const week = await db
    .selectFrom('planWeeks as w')
    .innerJoin('runPlans as p', 'p.id', 'w.planId')
    .select('w.stepId')
    .where('p.patientId', '=', patientId)
    .where('w.weekStart', '<=', date)
    .orderBy('w.weekStart', 'desc')
    .executeTakeFirst();
  return week?.stepId ?? null;
}

export const runHandlers = defineHandlers({
  async 'runs.list'({ patientId }, ctx) {
    const rows = await ctx.db.selectFrom('runs').selectAll().where('patientId', '=', patientId).where('deletedAt', 'is', null).orderBy('date', 'desc').orderBy('id', 'desc').execute();
    ctx.audit({ entity: 'patient', entityId: patientId, detail: 'running log opened' });
    return { runs: rows.map(toRunRecord) };
  },

  async 'runs.save'({ id, patientId, run }, ctx) {
    const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    const now = ctx.now.toISOString();
    const cols = entryColumns(run);
    let row: RunRow;
    if (id === undefined) {
      row = await ctx.db
        .insertInto('runs')
        .values({ ...cols, patientId, startedAt: null, sport: run.kind === 'walk' ? 'walking' : 'running', intervalsJson: null, stepId: await planStepOn(ctx.db, patientId, run.date), source: 'manual', sourceName: null, contentHash: null, detectionMethod: null, deletedAt: null, createdAt: now, updatedAt: now })
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      const before = await runOrThrow(ctx.db, id);
      if (before.patientId !== patientId || before.deletedAt) throw new ApiError('NOT_FOUND', `There is no run with id ${id} for this patient.`);
      row = await ctx.db.updateTable('runs').set({ ...cols, updatedAt: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    }
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `${id === undefined ? 'added a run' : 'edited the run'} on ${row.date}` });
    return toRunRecord(row);
  },

  async 'runs.delete'({ id }, ctx) {
    const row = await runOrThrow(ctx.db, id);
    if (row.deletedAt) throw new ApiError('CONFLICT', 'This run is already deleted.');
    await ctx.db.updateTable('runs').set({ deletedAt: ctx.now.toISOString() }).where('id', '=', id).execute();
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `deleted the run on ${row.date}` });
    return { id };
  },

  async 'runs.restore'({ id }, ctx) {
    const row = await runOrThrow(ctx.db, id);
    if (!row.deletedAt) throw new ApiError('CONFLICT', 'This run is not deleted.');
    if (row.contentHash) {
      const again = await ctx.db
        .selectFrom('runs')
        .select('id')
        .where('patientId', '=', row.patientId)
        .where('contentHash', '=', row.contentHash)
        .where('sourceLeg', '=', row.sourceLeg)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      if (again) throw new ApiError('CONFLICT', 'The same file has been imported again since: the run is already in the log.');
    }
    const restored = await ctx.db.updateTable('runs').set({ deletedAt: null }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `restored the run on ${row.date}` });
    return toRunRecord(restored);
  },

  async 'runs.setIntervals'({ id, intervals }, ctx) {
    const row = await runOrThrow(ctx.db, id);
    const end = intervals.at(-1)!.endSecond;
    if (end > row.durationS + 5) {
      throw new ApiError('VALIDATION', `The intervals run to ${Math.round(end)} s, past the run's ${Math.round(row.durationS)} s.`, { fields: { intervals: 'Longer than the run' } });
    }
    const summary = summariseIntervals(intervals);
    const updated = await ctx.db
      .updateTable('runs')
      .set({ intervalsJson: JSON.stringify(intervals), intervalsCorrected: 1, runSeconds: summary.runSeconds, walkSeconds: summary.walkSeconds, updatedAt: ctx.now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `corrected the intervals of the run on ${row.date}: ${describeIntervals(intervals)}` });
    return toRunRecord(updated);
  },
});

