import type { Kysely } from 'kysely';
import { getSeededExercise } from '../../shared/clinical/library';
import type { DB } from '../db/schema';

/** Four exercises: two rows of the handout, then the weeks, the rules and the log. */
const EXERCISES = ['bird-dog', 'glute-bridge', 'hip-flexor-stretch', 'side-bridge-knees'];

/**
 * The patient whose handout the bench prints: one with a home program (a patient on a plan if one
 * has a program), else a program is written for a patient on a plan in the bench's copy of the data;
 * null for a clinic with no patient or no therapist.
 */
export async function handoutPatient(db: Kysely<DB>, now: Date): Promise<number | null> {
  const withProgram = await db.selectFrom('homeProgramVersions').select('patientId').orderBy('id').limit(1).executeTakeFirst();
  if (withProgram) return withProgram.patientId;
  const onPlan = await db.selectFrom('runPlans').select('patientId').where('endedAt', 'is', null).orderBy('id').limit(1).executeTakeFirst();
  const patientId = onPlan?.patientId ?? (await db.selectFrom('patients').select('id').orderBy('id').limit(1).executeTakeFirst())?.id;
  const therapist = await db.selectFrom('users').select('id').where('role', '=', 'therapist').orderBy('id').limit(1).executeTakeFirst();
  // A clinic without patients or therapists has no handout to print (its line then fails, like the note PDF's).
  if (patientId === undefined || !therapist) return null;
  const version = await db.insertInto('homeProgramVersions').values({ patientId, version: 1, comment: 'bench', createdBy: therapist.id, createdAt: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('homeProgramItems')
    .values(EXERCISES.map((key, i) => ({ programVersionId: version.id, position: i + 1, exerciseKey: key, exerciseVersion: 0, dosageJson: JSON.stringify(getSeededExercise(key).dosage), instructions: null, reason: null })))
    .execute();
  return patientId;
}
