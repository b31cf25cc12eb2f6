import type { EvidenceGrade } from './evidence';
import { exerciseSource, getSeededExercise } from './library';

/**
 * Home exercises the mobility gates name (clinical.md §6): five of the seeded library's exercises, with
 * the library's title, source and grade. The dosage here is the rules engine's sentence, which says how
 * far its evidence goes; the library's default dose is what a handout prints. Dosages are examples from
 * the cited handouts or the generic stretching evidence, not trial-derived, and say so through their grade.
 */
export const EXERCISE_IDS = ['hip-flexor-stretch', 'mcgill-curl-up', 'side-bridge', 'bird-dog', 'glute-bridge'] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

export interface HomeExercise {
  id: ExerciseId;
  name: string;
  purpose: string;
  dosage: string;
  source: string;
  grade: EvidenceGrade;
}

const ex = (id: ExerciseId, purpose: string, dosage: string): HomeExercise => {
  const e = getSeededExercise(id);
  if (!e.evidence) throw new Error(`Gate exercise ${id} needs a source in the library`);
  return { id, name: e.title, purpose, dosage, source: exerciseSource(e)!, grade: e.evidence.grade };
};

export const HOME_EXERCISES: readonly HomeExercise[] = [
  ex('hip-flexor-stretch', 'hip extension (modified Thomas deficit)', 'Hold 30 seconds to mild tightness, 2–4 times, at least 2–3 days a week (generic stretching dose; no hip-flexor-specific trial dose).'),
  ex('mcgill-curl-up', 'anterior core endurance with a neutral lumbar spine', 'Short holds of about 10 seconds in descending sets; exact reps set by the therapist.'),
  ex('side-bridge', 'lateral core endurance', 'Short holds of about 10 seconds in descending sets; use the side-bridge times as baseline and targets.'),
  ex('bird-dog', 'extensor and anti-rotation control', 'Hold 5–10 seconds per rep, alternating sides.'),
  ex('glute-bridge', 'hip extensor strength', '2 sets of 8–10 with a 2-breath hold at the top.'),
];

export function getExercise(id: ExerciseId): HomeExercise {
  return HOME_EXERCISES.find((e) => e.id === id)!;
}
