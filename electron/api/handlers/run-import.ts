import type { ImportItem } from '../../../shared/api/running';
import { ApiError } from '../../../shared/api/errors';
import type { ImportedActivity } from '../../../shared/running/activity';
import type { ParsedFile } from '../../../shared/running/parsed-file';
import type { RunWalkInterval } from '../../../shared/running/run-walk-segmentation';
import { commitRefusals } from '../../../shared/running/import-messages';
import { instantToLocal } from '../../../shared/schedule/clinic-time';
import { withoutSamples, type RecordedSpan, type Stage } from '../../activities/staging';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../handler';
import { planStepOn } from './runs';
import { duplicateOf, fileNameOf, identityOf, importMessageStyle, previewOf, sameRun } from './run-import-preview';

function stageOrThrow(ctx: HandlerContext, stageId: string): Stage {
  const stage = ctx.importStaging.get(stageId, ctx.user.id, ctx.now.getTime());
  if (!stage) throw new ApiError('NOT_FOUND', 'This import is no longer open (cancelled, finished or left for over two hours): choose the files again.');
  return stage;
}

function itemId(fileIndex: string, n: number, count: number) {
  return count === 1 ? fileIndex : `${fileIndex}.${n}`;
}

interface RowValues {
  date: string;
  startedAt: string | null;
  distanceM: number;
  durationS: number;
  contentHash: string;
  sourceLeg: number;
  sport: string;
  intervals: RunWalkInterval[] | null;
  runSeconds: number | null;
  walkSeconds: number | null;
  detectionMethod: string | null;
  source: string;
}

export const runImportHandlers = defineHandlers({
  async 'runImport.stage'({ patientId, files }, ctx) {
    const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    const decoded = files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
    const stage = ctx.importStaging.create(patientId, ctx.user.id, decoded, ctx.now.getTime());
    return { stageId: stage.id, total: stage.files.length };
  },

  async 'runImport.preview'({ stageId, count }, ctx) {
    const stage = stageOrThrow(ctx, stageId);
    const style = await importMessageStyle(ctx.db);
    const items: ImportItem[] = [];
    const end = Math.min(stage.files.length, stage.cursor + count);
    for (; stage.cursor < end; stage.cursor++) {
      const file = stage.files[stage.cursor]!;
      const parsed = file.pending.parse({ nowMs: ctx.now.getTime(), style });
      for (const [n, p] of parsed.entries()) items.push(await previewOf(ctx.db, stage.patientId, itemId(file.itemId, n, parsed.length), p, style, stage.seen));
      file.parsed = parsed.map(withoutSamples);
    }
    return { done: stage.cursor, total: stage.files.length, items };
  },

  async 'runImport.commit'({ stageId, choices }, ctx) {
    const stage = stageOrThrow(ctx, stageId);
    if (stage.cursor < stage.files.length) throw new ApiError('CONFLICT', 'Preview every file before saving the import.');
    const style = await importMessageStyle(ctx.db);
    const byId = new Map<string, ParsedFile>();
    for (const f of stage.files) f.parsed?.forEach((p, n) => byId.set(itemId(f.itemId, n, f.parsed!.length), p));
    const now = ctx.now.toISOString();
    const outcomes: Array<{ itemId: string; outcome: 'imported' | 'duplicate' | 'skipped'; runId: number | null }> = [];
    const identities = new Set<string>();
    const starts: RecordedSpan[] = [];
    for (const choice of choices) {
      const parsed = byId.get(choice.itemId);
      if (!parsed) throw new ApiError('VALIDATION', `There is no item ${choice.itemId} in this import.`, { fields: { [`choices.${choice.itemId}`]: 'Unknown item' } });
      if (choice.action === 'skip') {
        outcomes.push({ itemId: choice.itemId, outcome: 'skipped', runId: null });
        continue;
      }
      const name = fileNameOf(parsed.ok ? parsed : parsed.reason.code === 'NOT_A_RUN' || parsed.reason.code === 'NOT_ON_FOOT' ? { ...parsed, activity: parsed.reason.activity } : parsed);
      const refuse = (why: string): never => {
        throw new ApiError('VALIDATION', commitRefusals.wrapped(name, why), { fields: { [`choices.${choice.itemId}`]: why } });
      };
      let kind: 'run' | 'walk' | 'cross_training' = 'run';
      let row: RowValues;
      const fromActivity = (a: ImportedActivity, crossTraining: boolean, intervals: RunWalkInterval[] | null, method: string | null, seconds: { run: number; walk: number } | null): RowValues => ({
        date: instantToLocal(a.startedAt, style.timeZone).date,
        startedAt: a.startedAt,
        distanceM: a.distanceMeters,
        durationS: a.durationSeconds,
        contentHash: a.contentHash,
        sourceLeg: identityOf(a).leg,
        sport: a.sport,
        intervals: crossTraining ? null : intervals,
        runSeconds: crossTraining || !seconds ? null : seconds.run,
        walkSeconds: crossTraining || !seconds ? null : seconds.walk,
        detectionMethod: crossTraining ? null : method,
        source: parsed.archiveName ? 'strava' : a.format,
      });
      if (parsed.ok) {
        const a = parsed.activity;
        if (parsed.analysis.plausibility.verdict === 'confirm' && choice.action === 'import' && !choice.confirmed) {
          refuse(commitRefusals.confirm());
        }
        const crossTraining = choice.action === 'cross-training';
        kind = crossTraining ? 'cross_training' : a.sport === 'walking' ? 'walk' : 'run';
        const seg = parsed.analysis.segmentation;
        row = fromActivity(a, crossTraining, seg?.intervals ?? null, seg?.detection?.method ?? null, seg ? { run: seg.summary.runSeconds, walk: seg.summary.walkSeconds } : null);
      } else if (parsed.reason.code === 'NOT_A_RUN' || parsed.reason.code === 'NOT_ON_FOOT') {
        if (parsed.reason.code === 'NOT_A_RUN' && parsed.reason.crossTraining === false) refuse(parsed.reason.message);
        if (choice.action !== 'cross-training') refuse(commitRefusals.crossTrainingOnly());
        kind = 'cross_training';
        row = fromActivity(parsed.reason.activity, true, null, null, null);
      } else if (parsed.reason.code === 'NO_TIMESTAMPS') {
        if (!choice.durationS || !choice.date) refuse(commitRefusals.needsDateAndDuration());
        row = { date: choice.date!, startedAt: null, distanceM: parsed.reason.distanceMeters, durationS: choice.durationS!, contentHash: parsed.reason.contentHash, sourceLeg: 0, sport: 'unknown', intervals: null, runSeconds: null, walkSeconds: null, detectionMethod: null, source: 'gpx' };
      } else {
        row = refuse(parsed.reason.message);
      }
      const key = `${row.contentHash}#${row.sourceLeg}`;
      const here = row.startedAt ? { ms: Date.parse(row.startedAt), durationS: row.durationS, distanceM: row.distanceM } : null;
      const dupInBatch = identities.has(key) || (here !== null && starts.some((s) => sameRun(s, here)));
      if (dupInBatch || (await duplicateOf(ctx.db, stage.patientId, { contentHash: row.contentHash, leg: row.sourceLeg, startedAt: row.startedAt, durationS: row.durationS, distanceMeters: row.distanceM }))) {
        outcomes.push({ itemId: choice.itemId, outcome: 'duplicate', runId: null });
        continue;
      }
      identities.add(key);
      if (here) starts.push(here);
      const inserted = await ctx.db
        .insertInto('runs')
        .values({
          patientId: stage.patientId,
          date: row.date,
          startedAt: row.startedAt,
          kind,
          sport: row.sport,
          distanceM: row.distanceM,
          durationS: Math.max(1, row.durationS),
          runSeconds: row.runSeconds,
          walkSeconds: row.walkSeconds,
          intervalsJson: row.intervals ? JSON.stringify(row.intervals) : null,
          surface: null,
          painBefore: null,
          painDuring: null,
          painAfter: null,
          painNextMorning: null,
          rpe: null,
          stepId: kind === 'cross_training' ? null : await planStepOn(ctx.db, stage.patientId, row.date),
          notes: null,
          source: row.source,
          sourceName: name.slice(0, 260),
          contentHash: row.contentHash,
          sourceLeg: row.sourceLeg,
          detectionMethod: row.detectionMethod,
          deletedAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      outcomes.push({ itemId: choice.itemId, outcome: 'imported', runId: inserted.id });
    }
    ctx.importStaging.discard(stageId);
    const runIds = outcomes.flatMap((o) => (o.runId === null ? [] : [o.runId]));
    const skipped = outcomes.length - runIds.length;
    ctx.audit({ entity: 'patient', entityId: stage.patientId, detail: `imported ${runIds.length} activit${runIds.length === 1 ? 'y' : 'ies'} from files (${skipped} skipped)` });
    return { imported: runIds.length, skipped, runIds, outcomes };
  },

  async 'runImport.discard'({ stageId }, ctx) {
    const stage = ctx.importStaging.get(stageId, ctx.user.id, ctx.now.getTime());
    return { discarded: stage ? ctx.importStaging.discard(stageId) : false };
  },
});
