import type { EvidenceGrade } from '../evidence';
import type { SourceId } from '../sources';

/** What an exercise trains, as a therapist filters the library. */
export const EXERCISE_KINDS = ['mobility', 'motor-control', 'strength'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export const EXERCISE_KIND_LABELS: Record<ExerciseKind, string> = {
  mobility: 'Mobility',
  'motor-control': 'Motor control',
  strength: 'Strength',
};

/** The body regions a runner's home program prepares (hips, thorax, trunk) and the legs below them. */
export const EXERCISE_REGIONS = ['hip', 'thorax', 'trunk', 'knee', 'ankle-foot'] as const;
export type ExerciseRegion = (typeof EXERCISE_REGIONS)[number];

export const EXERCISE_REGION_LABELS: Record<ExerciseRegion, string> = {
  hip: 'Hip',
  thorax: 'Thorax',
  trunk: 'Trunk',
  knee: 'Knee',
  'ankle-foot': 'Ankle and foot',
};

/** How the patient is placed at the start: the drawing's posture and a filter a therapist uses. */
export const EXERCISE_POSTURES = ['supine', 'prone', 'side-lying', 'quadruped', 'kneeling', 'seated', 'standing'] as const;
export type ExercisePosture = (typeof EXERCISE_POSTURES)[number];

/**
 * A default dose. Three shapes, because patients read them differently: sets of repetitions (each
 * perhaps held), a number of static holds (stretches), or sets of a timed effort (carries, drills).
 */
export type DosageAmount =
  | { kind: 'reps'; sets: number; reps: number; holdSeconds: number | null }
  | { kind: 'hold'; holds: number; seconds: number }
  | { kind: 'time'; sets: number; seconds: number };

export type Dosage = DosageAmount & {
  /** Done on the left and on the right (the amount is per side). */
  perSide: boolean;
  timesPerDay: number;
  daysPerWeek: number;
};

/** Where the rules engine has a source for the exercise or its dose (clinical.md §6). */
export interface ExerciseEvidence {
  sourceIds: SourceId[];
  grade: EvidenceGrade;
}

export interface Exercise {
  id: string;
  title: string;
  /** Why a runner with low back pain does it, in one sentence a patient understands. */
  purpose: string;
  startingPosition: string;
  steps: string[];
  /** Two or three short cues, printed on the handout. */
  cues: string[];
  commonErrors: string[];
  dosage: Dosage;
  /** Ids of easier and harder versions in the library. */
  easier: string[];
  harder: string[];
  kind: ExerciseKind;
  regions: ExerciseRegion[];
  posture: ExercisePosture;
  /** Null when no source in the rules engine covers it: then its dose is the clinic's own choice. */
  evidence: ExerciseEvidence | null;
}

/** Compact builders for the seeded tables, so each exercise reads as one block. */
export const reps = (sets: number, n: number, holdSeconds: number | null = null): DosageAmount => ({ kind: 'reps', sets, reps: n, holdSeconds });
export const hold = (holds: number, seconds: number): DosageAmount => ({ kind: 'hold', holds, seconds });
export const timed = (sets: number, seconds: number): DosageAmount => ({ kind: 'time', sets, seconds });
export const dose = (amount: DosageAmount, perSide: boolean, timesPerDay: number, daysPerWeek: number): Dosage => ({ ...amount, perSide, timesPerDay, daysPerWeek });
