import { citeSources } from '../sources';
import { MOBILITY_EXERCISES } from './mobility';
import { MOTOR_CONTROL_EXERCISES } from './motor-control';
import { STRENGTH_EXERCISES } from './strength';
import type { Exercise } from './types';

export * from './types';
export * from './dosage';
export * from './words';

/**
 * The seeded exercise library: the exercises every clinic starts with, in this order on screen. They
 * live here, in code, not as database rows: a fix to a seeded text reaches every clinic with the next
 * release, and a clinic that wants its own wording edits a copy (a clinic exercise, versioned).
 */
export const SEEDED_EXERCISES: readonly Exercise[] = [...MOBILITY_EXERCISES, ...MOTOR_CONTROL_EXERCISES, ...STRENGTH_EXERCISES];

const BY_ID: ReadonlyMap<string, Exercise> = new Map(SEEDED_EXERCISES.map((e) => [e.id, e]));

export function findSeededExercise(id: string): Exercise | undefined {
  return BY_ID.get(id);
}

export function getSeededExercise(id: string): Exercise {
  const e = BY_ID.get(id);
  if (!e) throw new Error(`Unknown seeded exercise ${id}`);
  return e;
}

/** The exercise's source in reason-field form, or null when the dose is the clinic's own choice. */
export function exerciseSource(e: Exercise): string | null {
  return e.evidence ? citeSources(e.evidence.sourceIds) : null;
}

/**
 * What is wrong with a library, in words (empty when sound): duplicate ids, easier/harder links to
 * exercises that are not there or to itself, two or three cues, a dose that cannot be done.
 */
export function libraryProblems(list: readonly Pick<Exercise, 'id' | 'easier' | 'harder' | 'cues' | 'steps' | 'commonErrors' | 'regions' | 'dosage'>[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const e of list) {
    if (ids.has(e.id)) problems.push(`${e.id}: the id is used twice`);
    ids.add(e.id);
  }
  for (const e of list) {
    for (const link of [...e.easier, ...e.harder]) {
      if (link === e.id) problems.push(`${e.id}: links to itself`);
      else if (!ids.has(link)) problems.push(`${e.id}: links to ${link}, which is not in the library`);
    }
    if (e.cues.length < 2 || e.cues.length > 3) problems.push(`${e.id}: has ${e.cues.length} cues (two or three)`);
    if (e.steps.length === 0) problems.push(`${e.id}: has no steps`);
    if (e.commonErrors.length === 0) problems.push(`${e.id}: has no common errors`);
    if (e.regions.length === 0) problems.push(`${e.id}: has no region`);
    const d = e.dosage;
    const counts = d.kind === 'reps' ? [d.sets, d.reps] : d.kind === 'hold' ? [d.holds, d.seconds] : [d.sets, d.seconds];
    if (![...counts, d.timesPerDay, d.daysPerWeek].every((n) => Number.isInteger(n) && n > 0) || d.daysPerWeek > 7) problems.push(`${e.id}: the dose is not a whole, positive amount`);
  }
  return problems;
}
export * from './schema';
