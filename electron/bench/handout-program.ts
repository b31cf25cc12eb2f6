import type { Kysely } from 'kysely';
import { getSeededExercise } from '../../shared/clinical/library';
import type { DB } from '../db/schema';

/** Four exercises: two full rows of the handout, then the weeks, the rules and the log. */
export const FOUR_EXERCISES = ['bird-dog', 'glute-bridge', 'hip-flexor-stretch', 'side-bridge-knees'];

/** A patient whose handout a bench line prints, and how many exercises their current program has. */
export interface HandoutCase {
  patientId: number;
  exercises: number;
}

async function exercisesOf(db: Kysely<DB>, patientId: number): Promise<number> {
  const latest = await db.selectFrom('homeProgramVersions').select('id').where('patientId', '=', patientId).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  const row = await db.selectFrom('homeProgramItems').select((eb) => eb.fn.countAll<number>().as('n')).where('programVersionId', '=', latest.id).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Writes a new version of a patient's program (in the bench's copy of the data): the given exercises at their seeded dosage. */
async function writeProgram(db: Kysely<DB>, patientId: number, therapistId: number, keys: readonly string[], now: Date): Promise<HandoutCase> {
  const last = await db.selectFrom('homeProgramVersions').select('version').where('patientId', '=', patientId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  const version = await db
    .insertInto('homeProgramVersions')
    .values({ patientId, version: (last?.version ?? 0) + 1, comment: 'bench', createdBy: therapistId, createdAt: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('homeProgramItems')
    .values(keys.map((key, i) => ({ programVersionId: version.id, position: i + 1, exerciseKey: key, exerciseVersion: 0, dosageJson: JSON.stringify(getSeededExercise(key).dosage), instructions: null, reason: null })))
    .execute();
  return { patientId, exercises: keys.length };
}

/**
 * The handouts the bench prints: the demo's own first program as the demo wrote it (a typical one),
 * and a program of four exercises written for an English-speaking patient on a plan (another
 * patient where there is one). A clinic without programs gets the four-exercise program for both;
 * null for a clinic with no patient or no therapist (the lines then fail, like the note PDF's).
 */
export async function handoutCases(db: Kysely<DB>, now: Date): Promise<{ demo: HandoutCase; four: HandoutCase } | null> {
  const therapist = await db.selectFrom('users').select('id').where('role', '=', 'therapist').orderBy('id').limit(1).executeTakeFirst();
  const withProgram = await db.selectFrom('homeProgramVersions').select('patientId').orderBy('id').limit(1).executeTakeFirst();
  const onPlan = await db
    .selectFrom('runPlans')
    .innerJoin('patients', 'patients.id', 'runPlans.patientId')
    .select('runPlans.patientId')
    .where('runPlans.endedAt', 'is', null)
    .where('patients.language', '=', 'en')
    .where('runPlans.patientId', '!=', withProgram?.patientId ?? 0)
    .orderBy('runPlans.id')
    .limit(1)
    .executeTakeFirst();
  const anyone = await db.selectFrom('patients').select('id').orderBy('id').limit(1).executeTakeFirst();
  const patientId = onPlan?.patientId ?? withProgram?.patientId ?? anyone?.id;
  if (patientId === undefined || !therapist) return null;
  const four = await writeProgram(db, patientId, therapist.id, FOUR_EXERCISES, now);
  const demo = withProgram && withProgram.patientId !== patientId ? { patientId: withProgram.patientId, exercises: await exercisesOf(db, withProgram.patientId) } : four;
  return { demo, four };
}

/** Pages of a PDF made by react-pdf (its page objects are never in compressed object streams). */
export const pdfPages = (pdfBase64: string): number => (Buffer.from(pdfBase64, 'base64').toString('latin1').match(/\/Type \/Page(?![a-zA-Z])/g) ?? []).length;
