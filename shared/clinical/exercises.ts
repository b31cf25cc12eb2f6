import type { EvidenceGrade } from './evidence';
import type { SourceId } from './sources';
import { citeSources } from './sources';

/**
 * Home exercises the mobility gates name (clinical.md §6). Dosages are examples from the cited
 * handouts or the generic stretching evidence, not trial-derived, and say so through their grade.
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

const ex = (id: ExerciseId, name: string, purpose: string, dosage: string, sourceIds: SourceId[], grade: EvidenceGrade): HomeExercise => ({
  id,
  name,
  purpose,
  dosage,
  source: citeSources(sourceIds),
  grade,
});

export const HOME_EXERCISES: readonly HomeExercise[] = [
  ex(
    'hip-flexor-stretch',
    'Half-kneeling hip-flexor stretch',
    'hip extension (modified Thomas deficit)',
    'Hold 30 seconds to mild tightness, 2–4 times, at least 2–3 days a week (generic stretching dose; no hip-flexor-specific trial dose).',
    ['acsm-bandy'],
    'confirmed',
  ),
  ex('mcgill-curl-up', 'McGill curl-up', 'anterior core endurance with a neutral lumbar spine', 'Short holds of about 10 seconds in descending sets; exact reps set by the therapist.', ['mcgill-big3', 'george-2021-cpg'], 'secondary'),
  ex('side-bridge', 'Side bridge (knees bent → legs straight)', 'lateral core endurance', 'Short holds of about 10 seconds in descending sets; use the side-bridge times as baseline and targets.', ['mcgill-big3', 'george-2021-cpg'], 'secondary'),
  ex('bird-dog', 'Bird dog', 'extensor and anti-rotation control', 'Hold 5–10 seconds per rep, alternating sides.', ['mcgill-big3', 'george-2021-cpg'], 'secondary'),
  ex('glute-bridge', 'Glute bridge', 'hip extensor strength', '2 sets of 8–10 with a 2-breath hold at the top.', ['exercise-handouts'], 'secondary'),
];

export function getExercise(id: ExerciseId): HomeExercise {
  return HOME_EXERCISES.find((e) => e.id === id)!;
}
