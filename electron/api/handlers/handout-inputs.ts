import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { dosageSchema, type Exercise } from '../../../shared/clinical/library';
import { patientDisplayName } from '../../../shared/domain/patient';
import { EXERCISE_FRAMES } from '../../../shared/illustration';
import type { HandoutExerciseInput, HandoutInputs } from '../../../shared/program/handout-builder';
import { startOfWeek } from '../../../shared/clinical/calendar';
import { DEFAULT_LADDER, ladderSchema, stepIndex, type Ladder } from '../../../shared/clinical/ladder';
import type { PlanDecision } from '../../../shared/clinical/planner';
import type { ClinicPolicy } from '../../../shared/clinical/policy';
import { sessionsFor } from '../../../shared/clinical/prescription';
import type { RunWalkCalendarInput } from '../../../shared/program/run-walk-calendar';
import { todayIn } from '../../../shared/util/dates';
import { paperForRegion } from '../../../shared/format/paper';
import type { AttachmentStore } from '../../attachments/store';
import type { DB } from '../../db/schema';
import { clinicAddress } from '../../print/labels';
import type { SessionUser } from '../../../shared/domain/user';
import { chartingContext } from './charting-context';
import { exerciseAtVersion } from './exercise-rows';

/** An exercise exactly as the program picked it: the seeded text (version 0) or the clinic's saved version. */
async function exerciseAt(db: Kysely<DB>, key: string, version: number): Promise<{ exercise: Exercise; illustration: string | null }> {
  const found = await exerciseAtVersion(db, key, version);
  if (found) return found;
  // The program tables point at library rows that are never deleted; a gap is damage, said plainly.
  throw new ApiError('VALIDATION', `The program names exercise ${key} at version ${version}, which the library does not have. Save the program again from the Home program tab.`);
}

export interface LoadedProgram {
  patientName: string;
  patientMrn: string;
  language: 'en' | 'es';
  versionId: number;
  version: number;
  createdBy: number;
  inputs: HandoutInputs;
}

/**
 * Reads everything a handout prints for the patient's current program: each exercise at its saved
 * library version, the patient's current photos, the running plan, the clinic's pain policy. Refuses
 * (changing nothing) when the patient has no program.
 */
export async function loadProgramForHandout(db: Kysely<DB>, store: AttachmentStore, patientId: number, user: SessionUser, now: Date): Promise<LoadedProgram> {
  const patient = await db.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirst();
  if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
  const name = patientDisplayName(patient);
  const program = await db.selectFrom('homeProgramVersions').selectAll().where('patientId', '=', patientId).orderBy('version', 'desc').executeTakeFirst();
  if (!program) throw new ApiError('VALIDATION', `${name} has no home program yet: build one on the Home program tab first. Nothing was printed.`);
  const items = await db.selectFrom('homeProgramItems').selectAll().where('programVersionId', '=', program.id).orderBy('position').execute();
  if (items.length === 0) throw new ApiError('VALIDATION', `${name}’s home program (version ${program.version}) has no exercises: add some on the Home program tab first. Nothing was printed.`);
  const photos = await db.selectFrom('exercisePhotos').select(['exerciseKey', 'mimeType', 'sha256']).where('patientId', '=', patientId).where('removedAt', 'is', null).orderBy('uploadedAt').orderBy('id').execute();
  // The newest current photo of each exercise wins.
  const photoOf = new Map(photos.map((p) => [p.exerciseKey, p]));
  const exercises: HandoutExerciseInput[] = [];
  for (const item of items) {
    const { exercise, illustration } = await exerciseAt(db, item.exerciseKey, item.exerciseVersion);
    const photo = photoOf.get(item.exerciseKey);
    exercises.push({
      exercise,
      version: item.exerciseVersion,
      dosage: dosageSchema.parse(JSON.parse(item.dosageJson)),
      instructions: item.instructions,
      photo: photo ? { mimeType: photo.mimeType, base64: store.read(photo.sha256).toString('base64') } : null,
      frames: illustration ? (EXERCISE_FRAMES[illustration] ?? null) : null,
    });
  }
  const cx = await chartingContext(db, now);
  const clinic = await db.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
  // The handout names the treating therapist: whoever prints, if a therapist; else the program's author.
  const therapistId = user.role === 'therapist' && user.id > 0 ? user.id : program.createdBy;
  const therapist = await db.selectFrom('users').select(['displayName', 'credentials']).where('id', '=', therapistId).executeTakeFirstOrThrow();
  const short = (iso: string) => cx.format.date(iso, 'short');
  return {
    patientName: name,
    patientMrn: patient.mrn,
    language: patient.language,
    versionId: program.id,
    version: program.version,
    createdBy: program.createdBy,
    inputs: {
      language: patient.language,
      paper: paperForRegion(clinic.country),
      clinic: { name: clinic.name, address: clinicAddress(clinic), phone: clinic.phone },
      patient: { name, mrn: patient.mrn },
      printedOn: short(cx.today),
      therapist: { name: therapist.displayName, credentials: therapist.credentials },
      program: { version: program.version, savedOn: short(todayIn(cx.timeZone, new Date(program.createdAt))) },
      exercises,
      calendar: { ...(await currentPlan(db, patientId, cx.policy, cx.today, clinic.weekStartsOn)), weekStartsOn: clinic.weekStartsOn, dateOrder: clinic.dateOrder },
      policy: cx.policy,
    },
  };
}

/**
 * The plan as the handout's calendar reads it: the week the plan prescribes now (its latest week, or
 * this clinic week when the latest has gone by without a review) and that week's session exactly as
 * prescribed — the reviewed week's prescription when it was for this rung (a spike-guard shortening
 * included), else the rung itself — and the patient's recent running speed from the latest decision.
 */
async function currentPlan(db: Kysely<DB>, patientId: number, policy: ClinicPolicy, today: string, weekStartsOn: RunWalkCalendarInput['weekStartsOn']): Promise<{ plan: RunWalkCalendarInput['plan']; ladder: Ladder }> {
  const plan = await db.selectFrom('runPlans').selectAll().where('patientId', '=', patientId).where('endedAt', 'is', null).orderBy('startDate', 'desc').executeTakeFirst();
  if (!plan) return { plan: null, ladder: DEFAULT_LADDER };
  const ladder = ladderSchema.parse(JSON.parse(plan.ladderJson));
  const weeks = await db.selectFrom('planWeeks').select(['weekStart', 'stepId', 'decisionJson', 'overrideDecision']).where('planId', '=', plan.id).orderBy('weekStart', 'desc').limit(2).execute();
  const [latest, previous] = weeks;
  if (!latest || stepIndex(ladder, latest.stepId) < 0) return { plan: null, ladder };
  const decided = previous?.decisionJson ? (JSON.parse(previous.decisionJson) as PlanDecision) : null;
  const prescribed = decided && !previous!.overrideDecision && decided.prescription?.stepId === latest.stepId ? decided.prescription : null;
  const rung = ladder[stepIndex(ladder, latest.stepId)]!;
  const session = prescribed ?? { stepId: rung.id, sessionsPerWeek: sessionsFor(rung, { ...policy, progression: { ...policy.progression, sessionsPerWeek: plan.sessionsPerWeek } }), runSeconds: rung.runSeconds, walkSeconds: rung.walkSeconds, repeats: rung.repeats, shortenedBySpikeGuard: false };
  const latestDecision = latest.decisionJson ? (JSON.parse(latest.decisionJson) as PlanDecision) : decided;
  const thisWeek = startOfWeek(today, weekStartsOn);
  return {
    ladder,
    plan: {
      startDate: plan.startDate,
      sessionsPerWeek: plan.sessionsPerWeek,
      weekStart: latest.weekStart < thisWeek ? thisWeek : latest.weekStart,
      session,
      runningSpeedMps: latestDecision?.metrics.recentSpeed.runningMps ?? null,
    },
  };
}
