import type { LibraryEntry } from '../../../shared/api/exercises';
import { ApiError } from '../../../shared/api/errors';
import type { ProgramVersion } from '../../../shared/api/programs';
import { evaluateGates } from '../../../shared/clinical/gates';
import { emptyProgramProblem, type ProgramItemInput } from '../../../shared/program/program-item';
import { programSuggestions } from '../../../shared/program/suggestions';
import { todayIn } from '../../../shared/util/dates';
import { loadClinicFormat } from '../clinic-format';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../handler';
import { clinicTimeAndUnits } from '../clinic-settings';
import { loadClinicPolicy } from './clinic-policy';
import { loadLibrary } from './exercise-rows';
import { assertPatient, programVersion, versionRows, versionSummaries } from './program-rows';
import { currentReassessments } from './reassessment-records';

async function programOf(ctx: HandlerContext, patientId: number) {
  const rows = await versionRows(ctx.db, patientId);
  const library = await loadLibrary(ctx.db);
  return { current: rows[0] ? await programVersion(ctx.db, rows[0], library) : null, versions: await versionSummaries(ctx.db, rows) };
}

/**
 * Each item's key checked against the library: unknown ones and ones archived since are refused by
 * name (an archived exercise already in the version the therapist started from may stay, at the
 * version it was picked: it still prints, it just cannot be picked anew).
 */
function checkKeys(items: readonly ProgramItemInput[], library: readonly LibraryEntry[], before: ProgramVersion | null): number[] {
  const byKey = new Map(library.map((e) => [e.key, e]));
  const fields: Record<string, string> = {};
  const versions = items.map((item, i) => {
    const entry = byKey.get(item.exerciseKey);
    const kept = before?.items.find((b) => b.exerciseKey === item.exerciseKey);
    if (!entry) fields[`items.${i}.exerciseKey`] = `Exercise ${i + 1} (${item.exerciseKey}) is not in the library`;
    else if (entry.archived && !kept) fields[`items.${i}.exerciseKey`] = `${entry.exercise.title} is archived in the library: bring it back or choose another`;
    else if (entry.archived && kept) return kept.exerciseVersion;
    return entry?.version ?? 0;
  });
  const first = Object.values(fields)[0];
  if (first) throw new ApiError('VALIDATION', `The home program was not saved: ${first}.`, { fields });
  return versions;
}

const sameItems = (items: readonly ProgramItemInput[], versions: readonly number[], current: ProgramVersion) =>
  items.length === current.items.length &&
  items.every((item, i) => {
    const c = current.items[i]!;
    return c.exerciseKey === item.exerciseKey && c.exerciseVersion === versions[i] && JSON.stringify(c.dosage) === JSON.stringify(item.dosage) && c.instructions === item.instructions && c.reason === item.reason;
  });

export const programHandlers = defineHandlers({
  async 'programs.get'({ patientId }, ctx) {
    await assertPatient(ctx.db, patientId);
    const program = await programOf(ctx, patientId);
    ctx.audit({ entity: 'patient', entityId: patientId, detail: 'home program opened' });
    return program;
  },

  async 'programs.version'({ patientId, version }, ctx) {
    await assertPatient(ctx.db, patientId);
    const row = (await versionRows(ctx.db, patientId)).find((r) => r.version === version);
    if (!row) throw new ApiError('NOT_FOUND', `This patient’s home program has no version ${version}.`);
    const found = await programVersion(ctx.db, row, await loadLibrary(ctx.db));
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `home program version ${version} opened` });
    return found;
  },

  async 'programs.suggestions'({ patientId }, ctx) {
    await assertPatient(ctx.db, patientId);
    const { policy } = await loadClinicPolicy(ctx.db);
    const { timeZone } = await clinicTimeAndUnits(ctx.db);
    const f = await loadClinicFormat(ctx.db);
    const gates = evaluateGates(await currentReassessments(ctx.db, patientId), todayIn(timeZone, ctx.now), policy);
    const byKey = new Map((await loadLibrary(ctx.db)).map((e) => [e.key, e]));
    const suggestions = programSuggestions(gates, { date: (iso) => f.date(iso), findingText: f.dates }).flatMap((s) => {
      const entry = byKey.get(s.exerciseKey);
      return entry ? [{ exerciseKey: s.exerciseKey, title: entry.exercise.title, gate: s.gate, ruleId: s.ruleId, reason: s.reason, dosage: entry.exercise.dosage, archived: entry.archived }] : [];
    });
    ctx.audit({ entity: 'patient', entityId: patientId, detail: 'home program suggestions opened' });
    return { suggestions };
  },

  async 'programs.save'({ patientId, expectedVersion, items, comment }, ctx) {
    await assertPatient(ctx.db, patientId);
    const rows = await versionRows(ctx.db, patientId);
    const latest = rows[0];
    if ((latest?.version ?? 0) !== expectedVersion) {
      const f = await loadClinicFormat(ctx.db);
      const who = latest ? `${latest.savedBy} saved version ${latest.version} of this home program on ${f.instant(latest.createdAt)}` : 'This home program changed';
      throw new ApiError('CONFLICT', `${who} while you were working on it. Your changes were not saved: reload the program and make them again.`);
    }
    const empty = emptyProgramProblem(items, expectedVersion);
    if (empty) throw new ApiError('VALIDATION', empty, { fields: { items: empty } });
    const library = await loadLibrary(ctx.db);
    const before = latest ? await programVersion(ctx.db, latest, library) : null;
    const versions = checkKeys(items, library, before);
    if (before && comment === null && sameItems(items, versions, before)) {
      ctx.audit({ entity: 'patient', entityId: patientId, detail: `home program unchanged: no new version` });
      return { saved: false, current: before, versions: await versionSummaries(ctx.db, rows) };
    }
    const version = expectedVersion + 1;
    const inserted = await ctx.db
      .insertInto('homeProgramVersions')
      .values({ patientId, version, comment, createdBy: ctx.user.id, createdAt: ctx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (items.length) {
      await ctx.db
        .insertInto('homeProgramItems')
        .values(items.map((item, i) => ({ programVersionId: inserted.id, position: i + 1, exerciseKey: item.exerciseKey, exerciseVersion: versions[i]!, dosageJson: JSON.stringify(item.dosage), instructions: item.instructions, reason: item.reason })))
        .execute();
    }
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `home program version ${version} (${items.length} ${items.length === 1 ? 'exercise' : 'exercises'})` });
    const program = await programOf(ctx, patientId);
    return { saved: true, current: program.current!, versions: program.versions };
  },
});
