import type { Kysely } from 'kysely';
import type { LibraryEntry } from '../../../shared/api/exercises';
import { exerciseInputSchema, findSeededExercise, SEEDED_EXERCISES, type Exercise, type ExerciseInput } from '../../../shared/clinical/library';
import type { DB } from '../../db/schema';

export interface ExerciseRow {
  id: number;
  exerciseKey: string;
  origin: 'seeded' | 'clinic';
  archivedAt: string | null;
}

export interface VersionRow {
  exerciseId: number;
  version: number;
  bodyJson: string;
  createdAt: string;
  savedBy: string;
}

/** A saved version's exercise: the clinic's words under the library key; no evidence claim (see schema). */
export function versionExercise(key: string, bodyJson: string): { exercise: Exercise; illustration: string | null } {
  const { illustration, ...body } = exerciseInputSchema.parse(JSON.parse(bodyJson)) as ExerciseInput;
  return { exercise: { id: key, ...body, evidence: null }, illustration };
}

/** An exercise's words at one library version: the seeded text (0) or a saved clinic version; null when there is none. */
export async function exerciseAtVersion(db: Kysely<DB>, key: string, version: number): Promise<{ exercise: Exercise; illustration: string | null } | null> {
  if (version === 0) {
    const seeded = findSeededExercise(key);
    return seeded ? { exercise: seeded, illustration: key } : null;
  }
  const row = await db
    .selectFrom('exerciseVersions as v')
    .innerJoin('exercises as e', 'e.id', 'v.exerciseId')
    .select('v.bodyJson')
    .where('e.exerciseKey', '=', key)
    .where('v.version', '=', version)
    .executeTakeFirst();
  return row ? versionExercise(key, row.bodyJson) : null;
}

export async function exerciseRows(db: Kysely<DB>): Promise<ExerciseRow[]> {
  return db.selectFrom('exercises').select(['id', 'exerciseKey', 'origin', 'archivedAt']).orderBy('id').execute();
}

/** The newest version of each exercise that has one (one query, whatever the library's size). */
export async function latestVersions(db: Kysely<DB>): Promise<Map<number, VersionRow>> {
  const rows = await db
    .selectFrom('exerciseVersions as v')
    .innerJoin('users as u', 'u.id', 'v.createdBy')
    .select(['v.exerciseId', 'v.version', 'v.bodyJson', 'v.createdAt', 'u.displayName as savedBy'])
    .where(({ eb, selectFrom }) => eb('v.version', '=', selectFrom('exerciseVersions as w').select(({ fn }) => fn.max('w.version').as('m')).whereRef('w.exerciseId', '=', 'v.exerciseId')))
    .execute();
  return new Map(rows.map((r) => [r.exerciseId, r]));
}

function entry(key: string, origin: 'seeded' | 'clinic', row: ExerciseRow | undefined, latest: VersionRow | undefined): LibraryEntry | null {
  const archived = row?.archivedAt != null;
  if (latest) {
    const { exercise, illustration } = versionExercise(key, latest.bodyJson);
    return { key, origin, version: latest.version, exercise, illustration, archived, savedBy: latest.savedBy, savedAt: latest.createdAt };
  }
  const seeded = findSeededExercise(key);
  // A clinic exercise always has a first version (it is written with its row); a missing one is skipped, not invented.
  if (!seeded) return null;
  return { key, origin, version: 0, exercise: seeded, illustration: key, archived, savedBy: null, savedAt: null };
}

/** The whole library as staff see it: seeded exercises in their order (the clinic's version where edited), then the clinic's own. */
export async function loadLibrary(db: Kysely<DB>): Promise<LibraryEntry[]> {
  const rows = await exerciseRows(db);
  const latest = await latestVersions(db);
  const byKey = new Map(rows.map((r) => [r.exerciseKey, r]));
  const seeded = SEEDED_EXERCISES.map((e) => {
    const row = byKey.get(e.id);
    return entry(e.id, 'seeded', row, row && latest.get(row.id));
  });
  const own = rows.filter((r) => r.origin === 'clinic').map((r) => entry(r.exerciseKey, 'clinic', r, latest.get(r.id)));
  return [...seeded, ...own].filter((e): e is LibraryEntry => e !== null);
}
