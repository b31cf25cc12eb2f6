import type { Kysely } from 'kysely';
import type { ImportItem } from '../../../shared/api/running';
import type { ImportedActivity } from '../../../shared/running/activity';
import type { ParsedFile } from '../../../shared/running/parsed-file';
import type { ActivityAnalysis } from '../../../shared/running/analysis';
import { activityLine, alreadyLogged, confirmQuestion, detectionText, duplicateInBatch, legFileName, type MessageStyle } from '../../../shared/running/import-messages';
import { instantToLocal } from '../../../shared/schedule/clinic-time';
import type { BatchSeen, RecordedSpan } from '../../activities/staging';
import type { DB } from '../../db/schema';
import { loadClinicFormat } from '../clinic-format';

/** The clinic's style for import messages: its unit and zone; US English until the clinic has a locale setting. */
export async function importMessageStyle(db: Kysely<DB>): Promise<MessageStyle> {
  const format = await loadClinicFormat(db);
  return { distanceUnit: format.distanceUnit, timeZone: format.timeZone, locale: format.locale };
}

/** One activity's identity: the file's content hash and, in a multisport file, its leg. */
export function identityOf(a: Pick<ImportedActivity, 'contentHash' | 'leg'>): { contentHash: string; leg: number; key: string } {
  const leg = a.leg?.number ?? 0;
  return { contentHash: a.contentHash, leg, key: `${a.contentHash}#${leg}` };
}

export function fileNameOf(parsed: Pick<ParsedFile, 'sourceName' | 'archiveName'> & { activity?: Pick<ImportedActivity, 'leg'> }): string {
  return legFileName(parsed.archiveName ? `${parsed.archiveName} › ${parsed.sourceName}` : parsed.sourceName, parsed.activity?.leg);
}

/** Two recordings whose starts are this close began together. */
const SAME_START_MS = 120_000;
/** A phone and a watch stopped a little apart, or a GPX export that drops a last fix: elapsed times this close agree. */
const SAME_ELAPSED_S = 120;
const SAME_ELAPSED_SHARE = 0.05;
/**
 * Distances this close agree. One run's distance is measured differently by different files: the
 * watch's own record in a FIT, smoothed positions in its GPX export (which leave out a jump the
 * watch counted, and cut what the noise added). Each is meant to be within 3 % of the truth, so two
 * honest readings of one run can be up to 6 % apart; a tighter tolerance lets the GPX of a FIT in
 * the same batch through as a second run (it did at 2 %: 8.82 km against the watch's 9.01 km).
 */
const SAME_DISTANCE_SHARE = 0.06;
const SAME_DISTANCE_M = 50;

/**
 * Two recordings of one run: they start together, last as long, and cover about the same distance.
 * One person cannot do two runs at once, so starts and elapsed times are what decide; the distance
 * only guards against an unrelated recording that happens to share them. Nothing here depends on how
 * run/walk detection split either recording.
 */
export function sameRun(a: RecordedSpan, b: RecordedSpan): boolean {
  return (
    Math.abs(a.ms - b.ms) <= SAME_START_MS &&
    Math.abs(a.durationS - b.durationS) <= Math.max(SAME_ELAPSED_S, SAME_ELAPSED_SHARE * Math.max(a.durationS, b.durationS)) &&
    Math.abs(a.distanceM - b.distanceM) <= Math.max(SAME_DISTANCE_M, SAME_DISTANCE_SHARE * Math.max(a.distanceM, b.distanceM))
  );
}

/** Has this activity been logged for the patient already: the same file and leg, or the same recorded start, length and distance? */
export async function duplicateOf(db: Kysely<DB>, patientId: number, a: { contentHash: string; leg: number; startedAt: string | null; durationS: number; distanceMeters: number }) {
  const byHash = await db
    .selectFrom('runs')
    .select(['id', 'date', 'distanceM'])
    .where('patientId', '=', patientId)
    .where('contentHash', '=', a.contentHash)
    .where('sourceLeg', '=', a.leg)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (byHash) return byHash;
  if (!a.startedAt) return undefined;
  const t = Date.parse(a.startedAt);
  const candidates = await db
    .selectFrom('runs')
    .select(['id', 'date', 'distanceM', 'durationS', 'startedAt'])
    .where('patientId', '=', patientId)
    .where('deletedAt', 'is', null)
    .where('startedAt', '>=', new Date(t - SAME_START_MS).toISOString())
    .where('startedAt', '<=', new Date(t + SAME_START_MS).toISOString())
    .execute();
  return candidates.find((c) => sameRun({ ms: Date.parse(c.startedAt!), durationS: c.durationS, distanceM: c.distanceM }, { ms: t, durationS: a.durationS, distanceM: a.distanceMeters }));
}

type Found = NonNullable<ImportItem['found']>;

export function foundOf(activity: ImportedActivity, analysis: ActivityAnalysis | null, style: MessageStyle): Found {
  const seg = analysis?.segmentation ?? null;
  return {
    sport: activity.sport,
    startedAt: activity.startedAt,
    date: instantToLocal(activity.startedAt, style.timeZone).date,
    distanceM: activity.distanceMeters,
    durationS: activity.durationSeconds,
    runSeconds: seg ? seg.summary.runSeconds : null,
    walkSeconds: seg ? seg.summary.walkSeconds : null,
    intervalSummary: seg ? seg.description : null,
    detection: seg?.detection ? detectionText(seg.detection, style) : null,
  };
}

/** What staff see for one activity before anything is saved; registers it in `seen` when it would be imported. */
export async function previewOf(db: Kysely<DB>, patientId: number, itemId: string, parsed: ParsedFile, style: MessageStyle, seen: BatchSeen): Promise<ImportItem> {
  const fileName = fileNameOf(parsed.ok ? parsed : parsed.reason.code === 'NOT_A_RUN' || parsed.reason.code === 'NOT_ON_FOOT' ? { ...parsed, activity: parsed.reason.activity } : parsed);
  const base: Pick<ImportItem, 'itemId' | 'fileName' | 'warnings' | 'summary'> = { itemId, fileName, warnings: parsed.ok ? parsed.warnings : [], summary: null };
  if (!parsed.ok) {
    const r = parsed.reason;
    if (r.code === 'NOT_A_RUN' || r.code === 'NOT_ON_FOOT') {
      // A transition between sports is no exercise of its own: nothing to log it as.
      const status = r.code === 'NOT_A_RUN' && r.crossTraining === false ? 'refused' : 'not-a-run';
      return { ...base, status, code: r.code, message: r.message, found: foundOf(r.activity, null, style) };
    }
    if (r.code === 'NO_TIMESTAMPS') {
      return {
        ...base,
        status: 'needs-duration',
        code: r.code,
        message: r.message,
        found: { sport: 'unknown', startedAt: null, date: null, distanceM: r.distanceMeters, durationS: null, runSeconds: null, walkSeconds: null, intervalSummary: null, detection: null },
      };
    }
    return { ...base, status: 'refused', code: r.code, message: r.message, found: null };
  }
  const a = parsed.activity;
  const found = foundOf(a, parsed.analysis, style);
  const line = activityLine({ sport: a.sport, startedAt: a.startedAt, distanceMeters: a.distanceMeters, durationSeconds: a.durationSeconds, description: found.intervalSummary }, style);
  base.summary = line;
  const id = identityOf(a);
  const here = { ms: Date.parse(a.startedAt), durationS: a.durationSeconds, distanceM: a.distanceMeters };
  const earlier = seen.identities.get(id.key) ?? seen.starts.find((s) => sameRun(s, here))?.fileName;
  if (earlier !== undefined) return { ...base, status: 'duplicate', code: 'DUPLICATE', message: duplicateInBatch(earlier), found };
  const dup = await duplicateOf(db, patientId, { contentHash: id.contentHash, leg: id.leg, startedAt: a.startedAt, durationS: a.durationSeconds, distanceMeters: a.distanceMeters });
  if (dup) return { ...base, status: 'duplicate', code: 'DUPLICATE', message: alreadyLogged(dup, style), found };
  seen.identities.set(id.key, fileName);
  seen.starts.push({ ...here, fileName });
  const p = parsed.analysis.plausibility;
  if (p.verdict === 'confirm') return { ...base, status: 'needs-confirmation', code: 'CONFIRM', message: confirmQuestion(p.concerns, a, style), found };
  return { ...base, status: 'ready', code: null, message: line, found };
}
