import type { Kysely } from 'kysely';
import type { LibraryEntry } from '../../../shared/api/exercises';
import type { ProgramItem, ProgramVersion, ProgramVersionSummary } from '../../../shared/api/programs';
import { ApiError } from '../../../shared/api/errors';
import type { Exercise } from '../../../shared/clinical/library';
import { programDosageSchema } from '../../../shared/program/program-item';
import type { DB } from '../../db/schema';
import { exerciseAtVersion } from './exercise-rows';

/**
 * Home programs as stored (migration 0013): versions that are never changed, each with its ordered
 * items. An item names the library version it was picked at, so an old version reads as it was
 * saved even after the clinic edited the exercise's words.
 */
export interface VersionRow {
  id: number;
  version: number;
  comment: string | null;
  createdAt: string;
  savedBy: string;
}

export async function versionRows(db: Kysely<DB>, patientId: number): Promise<VersionRow[]> {
  return db
    .selectFrom('homeProgramVersions as v')
    .innerJoin('users as u', 'u.id', 'v.createdBy')
    .select(['v.id', 'v.version', 'v.comment', 'v.createdAt', 'u.displayName as savedBy'])
    .where('v.patientId', '=', patientId)
    .orderBy('v.version', 'desc')
    .execute();
}

/** Every version, newest first, with how many exercises it holds (one query for the counts). */
export async function versionSummaries(db: Kysely<DB>, rows: readonly VersionRow[]): Promise<ProgramVersionSummary[]> {
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db.selectFrom('homeProgramItems').select(['programVersionId', (eb) => eb.fn.countAll<number>().as('n')]).where('programVersionId', 'in', ids).groupBy('programVersionId').execute()
    : [];
  const byId = new Map(counts.map((c) => [c.programVersionId, Number(c.n)]));
  return rows.map((r) => ({ version: r.version, savedAt: r.createdAt, savedBy: r.savedBy, comment: r.comment, itemCount: byId.get(r.id) ?? 0 }));
}

/** The exercise's words at a library version: the current entry when it is that version, else the library's rows. */
async function exerciseAt(db: Kysely<DB>, key: string, version: number, entry: LibraryEntry | undefined): Promise<{ exercise: Exercise; illustration: string | null } | null> {
  if (entry && entry.version === version) return { exercise: entry.exercise, illustration: entry.illustration };
  return exerciseAtVersion(db, key, version);
}

export async function programVersion(db: Kysely<DB>, row: VersionRow, library: readonly LibraryEntry[]): Promise<ProgramVersion> {
  const items = await db.selectFrom('homeProgramItems').selectAll().where('programVersionId', '=', row.id).orderBy('position').execute();
  const byKey = new Map(library.map((e) => [e.key, e]));
  const resolved: ProgramItem[] = [];
  for (const item of items) {
    const entry = byKey.get(item.exerciseKey);
    const at = await exerciseAt(db, item.exerciseKey, item.exerciseVersion, entry);
    // Rows are written only through programs.save, which checks the key: a missing exercise is damage.
    if (!at) throw new Error(`Home program item ${item.id} names exercise ${item.exerciseKey} version ${item.exerciseVersion}, which is not in the library`);
    resolved.push({
      position: item.position,
      exerciseKey: item.exerciseKey,
      exerciseVersion: item.exerciseVersion,
      title: at.exercise.title,
      kind: at.exercise.kind,
      regions: at.exercise.regions,
      illustration: at.illustration,
      archived: entry?.archived ?? false,
      dosage: programDosageSchema.parse(JSON.parse(item.dosageJson)),
      instructions: item.instructions,
      reason: item.reason,
    });
  }
  return { version: row.version, savedAt: row.createdAt, savedBy: row.savedBy, comment: row.comment, itemCount: resolved.length, items: resolved };
}

export async function assertPatient(db: Kysely<DB>, patientId: number): Promise<void> {
  const patient = await db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
  if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
}
