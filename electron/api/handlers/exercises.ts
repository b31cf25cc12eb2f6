import type { Kysely } from 'kysely';
import type { ResponseData } from '../../../shared/api/contract';
import type { LibraryEntry } from '../../../shared/api/exercises';
import { ApiError } from '../../../shared/api/errors';
import { exerciseInputOf, findSeededExercise, libraryProblems, type ExerciseInput } from '../../../shared/clinical/library';
import { EXERCISE_FRAMES } from '../../../shared/illustration';
import type { DB } from '../../db/schema';
import { defineHandlers } from '../handler';
import { exerciseRows, loadLibrary, versionExercise } from './exercise-rows';

async function entryOrThrow(db: Kysely<DB>, key: string): Promise<LibraryEntry> {
  const found = (await loadLibrary(db)).find((e) => e.key === key);
  if (!found) throw new ApiError('NOT_FOUND', 'That exercise is not in the library.');
  return found;
}

/** Links and drawing checked against the library as it will be; only this exercise's problems are reported. */
function checkAgainstLibrary(key: string, input: ExerciseInput, library: LibraryEntry[]) {
  const fields: Record<string, string> = {};
  const others = library.filter((e) => e.key !== key);
  const archived = new Set(library.filter((e) => e.archived).map((e) => e.key));
  const candidate = { ...input, id: key, evidence: null };
  for (const p of libraryProblems([...others.map((e) => e.exercise), candidate]).filter((p) => p.startsWith(`${key}:`))) {
    fields[p.includes('links') ? 'exercise.easier' : 'exercise'] = p.replace(`${key}: `, '').replace(/links to (\S+), which/, (_, id: string) => `links to ${id}, which`);
  }
  for (const link of [...input.easier, ...input.harder]) if (archived.has(link)) fields['exercise.easier'] = `${library.find((e) => e.key === link)!.exercise.title} is archived: bring it back or choose another`;
  if (input.illustration !== null && !EXERCISE_FRAMES[input.illustration]) fields['exercise.illustration'] = 'Choose a drawing from the library';
  const first = Object.values(fields)[0];
  if (first) throw new ApiError('VALIDATION', first, { fields });
}

const sameInput = (a: ExerciseInput, b: ExerciseInput) => JSON.stringify(a) === JSON.stringify(b);

export const exerciseHandlers = defineHandlers({
  async 'exercises.list'(_input, ctx) {
    return { exercises: await loadLibrary(ctx.db) };
  },

  async 'exercises.history'({ key }, ctx) {
    const current = await entryOrThrow(ctx.db, key);
    const row = (await exerciseRows(ctx.db)).find((r) => r.exerciseKey === key);
    const saved = row
      ? await ctx.db
          .selectFrom('exerciseVersions as v')
          .innerJoin('users as u', 'u.id', 'v.createdBy')
          .select(['v.version', 'v.bodyJson', 'v.createdAt', 'u.displayName'])
          .where('v.exerciseId', '=', row.id)
          .orderBy('v.version', 'desc')
          .execute()
      : [];
    const versions: ResponseData<'exercises.history'>['versions'] = saved.map((v) => ({ version: v.version, ...versionExercise(key, v.bodyJson), savedBy: v.displayName, savedAt: v.createdAt }));
    const seeded = current.origin === 'seeded' ? findSeededExercise(key) : undefined;
    if (seeded) versions.push({ version: 0, exercise: seeded, illustration: key, savedBy: null, savedAt: null });
    return { versions };
  },

  async 'exercises.save'({ key, expectedVersion, exercise }, ctx) {
    const library = await loadLibrary(ctx.db);
    const now = ctx.now.toISOString();
    let row = key === undefined ? undefined : (await exerciseRows(ctx.db)).find((r) => r.exerciseKey === key);
    const current = key === undefined ? undefined : library.find((e) => e.key === key);
    if (key !== undefined && !current) throw new ApiError('NOT_FOUND', 'That exercise is not in the library.');
    if (current?.archived) throw new ApiError('VALIDATION', `${current.exercise.title} is archived: bring it back before editing it.`);
    if (current && expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ApiError('CONFLICT', `${current.savedBy ?? 'Someone'} saved a newer version of ${current.exercise.title} while you were editing. Reload it and make your change again.`);
    }
    if (current && sameInput(exerciseInputOf(current.exercise, current.illustration), exercise)) {
      ctx.audit({ entity: 'exercise', entityId: current.key, detail: `${current.exercise.title} unchanged: no new version` });
      return current;
    }
    let exerciseKey = key;
    if (exerciseKey === undefined) {
      // Write transactions run one at a time, so the next number is safe to take here.
      const last = await ctx.db.selectFrom('exercises').select(({ fn }) => fn.max('id').as('id')).executeTakeFirst();
      exerciseKey = `clinic-${(last?.id ?? 0) + 1}`;
    }
    checkAgainstLibrary(exerciseKey, exercise, library);
    if (!row) {
      const inserted = await ctx.db
        .insertInto('exercises')
        .values({ exerciseKey, origin: findSeededExercise(exerciseKey) ? 'seeded' : 'clinic', createdBy: ctx.user.id, createdAt: now, archivedAt: null, archivedBy: null })
        .returning(['id', 'exerciseKey', 'origin', 'archivedAt'])
        .executeTakeFirstOrThrow();
      row = inserted;
    }
    const version = (current?.origin === 'clinic' || (current && current.version > 0) ? current.version : 0) + 1;
    await ctx.db.insertInto('exerciseVersions').values({ exerciseId: row.id, version, bodyJson: JSON.stringify(exercise), createdBy: ctx.user.id, createdAt: now }).execute();
    ctx.audit({ entity: 'exercise', entityId: exerciseKey, detail: `${exercise.title}, version ${version}${current ? '' : ' (new)'}` });
    return entryOrThrow(ctx.db, exerciseKey);
  },

  async 'exercises.setArchived'({ key, archived }, ctx) {
    const current = await entryOrThrow(ctx.db, key);
    if (current.archived === archived) return current;
    const now = ctx.now.toISOString();
    const row = (await exerciseRows(ctx.db)).find((r) => r.exerciseKey === key);
    const change = archived ? { archivedAt: now, archivedBy: ctx.user.id } : { archivedAt: null, archivedBy: null };
    if (row) await ctx.db.updateTable('exercises').set(change).where('id', '=', row.id).execute();
    else await ctx.db.insertInto('exercises').values({ exerciseKey: key, origin: 'seeded', createdBy: ctx.user.id, createdAt: now, ...change }).execute();
    ctx.audit({ entity: 'exercise', entityId: key, detail: `${current.exercise.title} ${archived ? 'archived' : 'brought back'}` });
    return entryOrThrow(ctx.db, key);
  },
});
