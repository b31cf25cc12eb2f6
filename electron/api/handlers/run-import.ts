import type { Kysely } from 'kysely';
import type { ImportItem } from '../../../shared/api/running';
import { ApiError } from '../../../shared/api/errors';
import type { ImportedActivity, ParsedFile } from '../../../shared/running/activity';
import { segmentRunWalk } from '../../../shared/running/run-walk-segmentation';
import { SPORT_NOUNS } from '../../../shared/running/sport';
import { instantToLocal } from '../../../shared/schedule/clinic-time';
import { formatDuration } from '../../../shared/units';
import type { ClinicFormat } from '../../../shared/format/clinic-format';
import { formatKm } from '../../activities/messages';
import { loadClinicFormat } from '../clinic-format';
import type { DB } from '../../db/schema';
import type { Stage } from '../../activities/staging';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../handler';
import { planStepOn } from './runs';
import { clinicTimeAndUnits } from './appointment-rows';

interface Clinic {
  timeZone: string;
  distanceUnit: 'km' | 'mi';
}

function stageOrThrow(ctx: HandlerContext, stageId: string): Stage {
  const stage = ctx.importStaging.get(stageId, ctx.user.id, ctx.now.getTime());
  if (!stage) throw new ApiError('NOT_FOUND', 'This import is no longer open (cancelled, finished or left for over two hours): choose the files again.');
  return stage;
}

function itemId(fileIndex: string, n: number, count: number) {
  return count === 1 ? fileIndex : `${fileIndex}.${n}`;
}

/** Has this activity been logged for the patient already: the same file, or the same start and distance? */
async function duplicateOf(db: Kysely<DB>, patientId: number, a: { contentHash: string; startedAt: string | null; distanceMeters: number }) {
  const byHash = await db.selectFrom('runs').select(['id', 'date', 'distanceM']).where('patientId', '=', patientId).where('contentHash', '=', a.contentHash).where('deletedAt', 'is', null).executeTakeFirst();
  if (byHash) return byHash;
  if (!a.startedAt) return undefined;
  const t = Date.parse(a.startedAt);
  const candidates = await db
    .selectFrom('runs')
    .select(['id', 'date', 'distanceM', 'startedAt'])
    .where('patientId', '=', patientId)
    .where('deletedAt', 'is', null)
    .where('startedAt', '>=', new Date(t - 120_000).toISOString())
    .where('startedAt', '<=', new Date(t + 120_000).toISOString())
    .execute();
  return candidates.find((c) => Math.abs(c.distanceM - a.distanceMeters) <= Math.max(50, 0.02 * a.distanceMeters));
}

function foundOf(activity: ImportedActivity, clinic: Clinic) {
  const seg = activity.samples.length > 1 ? segmentRunWalk(activity.samples) : null;
  return {
    sport: activity.sport,
    startedAt: activity.startedAt,
    date: instantToLocal(activity.startedAt, clinic.timeZone).date,
    distanceM: activity.distanceMeters,
    durationS: activity.durationSeconds,
    runSeconds: seg ? seg.summary.runSeconds : null,
    walkSeconds: seg ? seg.summary.walkSeconds : null,
    intervalSummary: seg ? seg.description : null,
    intervals: seg ? seg.intervals : null,
  };
}

/** What staff see for one activity before anything is saved. */
async function previewOf(db: Kysely<DB>, patientId: number, id: string, parsed: ParsedFile, clinic: Clinic, seen: Set<string>, f: ClinicFormat): Promise<ImportItem> {
  const fileName = parsed.archiveName ? `${parsed.archiveName} › ${parsed.sourceName}` : parsed.sourceName;
  const base = { itemId: id, fileName };
  if (!parsed.ok) {
    const r = parsed.reason;
    if (r.code === 'NOT_A_RUN') {
      const { intervals: _i, ...found } = foundOf(r.activity, clinic);
      return { ...base, status: 'not-a-run', code: r.code, message: r.message, found };
    }
    if (r.code === 'NO_TIMESTAMPS') {
      // The parser words the distance in km; the clinic reads its own unit.
      const message = r.message.split(formatKm(r.distanceMeters)).join(f.distance(r.distanceMeters));
      return { ...base, status: 'needs-duration', code: r.code, message, found: { sport: 'unknown', startedAt: null, date: null, distanceM: r.distanceMeters, durationS: null, runSeconds: null, walkSeconds: null, intervalSummary: null } };
    }
    return { ...base, status: 'refused', code: r.code, message: r.message, found: null };
  }
  const a = parsed.activity;
  const { intervals: _i, ...found } = foundOf(a, clinic);
  const dup = seen.has(a.contentHash) ? { date: found.date, distanceM: a.distanceMeters } : await duplicateOf(db, patientId, a);
  seen.add(a.contentHash);
  const what = `${SPORT_NOUNS[a.sport]} on ${f.date(found.date)}: ${f.distance(a.distanceMeters)} in ${formatDuration(a.durationSeconds)}${found.intervalSummary ? `, ${found.intervalSummary}` : ''}`;
  if (dup) return { ...base, status: 'duplicate', code: 'DUPLICATE', message: `Already in the log (${f.date(dup.date)}, ${f.distance(dup.distanceM)}): skipped.`, found };
  return { ...base, status: 'ready', code: null, message: what.charAt(0).toUpperCase() + what.slice(1), found };
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
    const clinic = await clinicTimeAndUnits(ctx.db);
    const format = await loadClinicFormat(ctx.db);
    const seen = new Set(stage.files.flatMap((f) => (f.parsed ?? []).flatMap((p) => (p.ok ? [p.activity.contentHash] : []))));
    const items: ImportItem[] = [];
    const end = Math.min(stage.files.length, stage.cursor + count);
    for (; stage.cursor < end; stage.cursor++) {
      const file = stage.files[stage.cursor]!;
      file.parsed = file.pending.parse();
      for (const [n, parsed] of file.parsed.entries()) items.push(await previewOf(ctx.db, stage.patientId, itemId(file.itemId, n, file.parsed.length), parsed, clinic, seen, format));
    }
    return { done: stage.cursor, total: stage.files.length, items };
  },

  async 'runImport.commit'({ stageId, choices }, ctx) {
    const stage = stageOrThrow(ctx, stageId);
    if (stage.cursor < stage.files.length) throw new ApiError('CONFLICT', 'Preview every file before saving the import.');
    const clinic = await clinicTimeAndUnits(ctx.db);
    const byId = new Map<string, ParsedFile>();
    for (const f of stage.files) f.parsed?.forEach((p, n) => byId.set(itemId(f.itemId, n, f.parsed!.length), p));
    const now = ctx.now.toISOString();
    const runIds: number[] = [];
    const hashes = new Set<string>();
    let skipped = 0;
    for (const choice of choices) {
      const parsed = byId.get(choice.itemId);
      if (!parsed) throw new ApiError('VALIDATION', `There is no item ${choice.itemId} in this import.`, { fields: { [`choices.${choice.itemId}`]: 'Unknown item' } });
      if (choice.action === 'skip') {
        skipped++;
        continue;
      }
      const name = parsed.archiveName ? `${parsed.archiveName} › ${parsed.sourceName}` : parsed.sourceName;
      const refuse = (why: string) => {
        throw new ApiError('VALIDATION', `${name}: ${why} Nothing was imported.`, { fields: { [`choices.${choice.itemId}`]: why } });
      };
      let activity: ImportedActivity | null = null;
      let kind: 'run' | 'walk' | 'cross_training' = 'run';
      let row: { date: string; startedAt: string | null; distanceM: number; durationS: number; contentHash: string; sport: string; intervalsJson: string | null; runSeconds: number | null; walkSeconds: number | null; source: string };
      if (parsed.ok) {
        activity = parsed.activity;
        if (choice.action === 'cross-training') kind = 'cross_training';
        else kind = activity.sport === 'walking' ? 'walk' : 'run';
      } else if (parsed.reason.code === 'NOT_A_RUN') {
        if (choice.action !== 'cross-training') refuse('it is not a run; it can only be logged as cross-training.');
        activity = parsed.reason.activity;
        kind = 'cross_training';
      } else if (parsed.reason.code === 'NO_TIMESTAMPS') {
        if (!choice.durationS || !choice.date) refuse('the track has no times: give its date and duration to import it.');
        row = { date: choice.date!, startedAt: null, distanceM: parsed.reason.distanceMeters, durationS: choice.durationS!, contentHash: parsed.reason.contentHash, sport: 'unknown', intervalsJson: null, runSeconds: null, walkSeconds: null, source: 'gpx' };
      } else {
        refuse(parsed.reason.message);
      }
      if (activity) {
        const found = foundOf(activity, clinic);
        row = {
          date: found.date,
          startedAt: activity.startedAt,
          distanceM: activity.distanceMeters,
          durationS: activity.durationSeconds,
          contentHash: activity.contentHash,
          sport: activity.sport,
          intervalsJson: kind === 'cross_training' || !found.intervals ? null : JSON.stringify(found.intervals),
          runSeconds: kind === 'cross_training' ? null : found.runSeconds,
          walkSeconds: kind === 'cross_training' ? null : found.walkSeconds,
          source: parsed.archiveName ? 'strava' : activity.format,
        };
      }
      const r = row!;
      if (hashes.has(r.contentHash) || (await duplicateOf(ctx.db, stage.patientId, { contentHash: r.contentHash, startedAt: r.startedAt, distanceMeters: r.distanceM }))) {
        skipped++;
        continue;
      }
      hashes.add(r.contentHash);
      const inserted = await ctx.db
        .insertInto('runs')
        .values({
          patientId: stage.patientId,
          date: r.date,
          startedAt: r.startedAt,
          kind,
          sport: r.sport,
          distanceM: r.distanceM,
          durationS: Math.max(1, r.durationS),
          runSeconds: r.runSeconds,
          walkSeconds: r.walkSeconds,
          intervalsJson: r.intervalsJson,
          surface: null,
          painBefore: null,
          painDuring: null,
          painAfter: null,
          painNextMorning: null,
          rpe: null,
          stepId: kind === 'cross_training' ? null : await planStepOn(ctx.db, stage.patientId, r.date),
          notes: null,
          source: r.source,
          sourceName: name.slice(0, 260),
          contentHash: r.contentHash,
          deletedAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      runIds.push(inserted.id);
    }
    ctx.importStaging.discard(stageId);
    ctx.audit({ entity: 'patient', entityId: stage.patientId, detail: `imported ${runIds.length} activit${runIds.length === 1 ? 'y' : 'ies'} from files (${skipped} skipped)` });
    return { imported: runIds.length, skipped, runIds };
  },

  async 'runImport.discard'({ stageId }, ctx) {
    const stage = ctx.importStaging.get(stageId, ctx.user.id, ctx.now.getTime());
    return { discarded: stage ? ctx.importStaging.discard(stageId) : false };
  },
});
