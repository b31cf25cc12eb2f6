import { z } from 'zod';
import type { Dosage } from '../clinical/library/types';

/**
 * A home program as a therapist builds it: ordered exercises, each with this patient's dose, a note
 * for the patient and why it is there. The limits are what a patient can do at home in a day — a
 * dose past them is a typing slip, not a prescription — and each error names its field.
 */
export const PROGRAM_LIMITS = {
  sets: 10,
  reps: 100,
  holds: 20,
  seconds: 600,
  timesPerDay: 6,
  daysPerWeek: 7,
  /** A program a patient can still follow on paper. */
  items: 20,
  instructions: 300,
  reason: 400,
  comment: 300,
} as const;

const count = (label: string, max: number) =>
  z
    .number({ error: `${label} is required` })
    .int(`${label} is a whole number`)
    .min(1, `${label} is at least 1`)
    .max(max, `${label} is at most ${max}`);

const side = { perSide: z.boolean({ error: 'Say whether the dose is per side' }) };
const frequency = {
  timesPerDay: count('Times a day', PROGRAM_LIMITS.timesPerDay),
  daysPerWeek: count('Days a week', PROGRAM_LIMITS.daysPerWeek),
};

/** One patient's dose, in the library's Dosage shape (dosageText reads it). */
export const programDosageSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('reps'),
      sets: count('Sets', PROGRAM_LIMITS.sets),
      reps: count('Repetitions', PROGRAM_LIMITS.reps),
      holdSeconds: count('Hold (seconds)', PROGRAM_LIMITS.seconds).nullable(),
      ...side,
      ...frequency,
    }),
    z.object({ kind: z.literal('hold'), holds: count('Holds', PROGRAM_LIMITS.holds), seconds: count('Seconds', PROGRAM_LIMITS.seconds), ...side, ...frequency }),
    z.object({ kind: z.literal('time'), sets: count('Sets', PROGRAM_LIMITS.sets), seconds: count('Seconds', PROGRAM_LIMITS.seconds), ...side, ...frequency }),
  ],
  { error: 'Choose repetitions, holds or a timed effort' },
);
export type ProgramDosage = z.infer<typeof programDosageSchema>;

// The program's dose is a library dose: a change to either shape must fail to compile here.
const _sameShape: (d: ProgramDosage) => Dosage = (d) => d;
void _sameShape;

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters`)
    .nullish()
    .transform((s) => (s ? s : null));

export const programItemInputSchema = z.object({
  exerciseKey: z.string({ error: 'Exercise is required' }).regex(/^[a-z0-9-]+$/, 'Not an exercise'),
  dosage: programDosageSchema,
  /** A note printed under the exercise for this patient. */
  instructions: optionalText('The note for the patient', PROGRAM_LIMITS.instructions),
  /** Why the exercise is in the program (a suggestion's reason, or the therapist's). */
  reason: optionalText('The reason', PROGRAM_LIMITS.reason),
});
export type ProgramItemInput = z.infer<typeof programItemInputSchema>;

/** The whole ordered program a save makes into a new version. */
export const programSaveInputSchema = z
  .object({
    patientId: z.number({ error: 'Patient is required' }).int().positive(),
    /** The version the builder started from (0: the patient had none); a newer one is not overwritten. */
    expectedVersion: z.number({ error: 'The version you started from is required' }).int().min(0),
    items: z.array(programItemInputSchema).max(PROGRAM_LIMITS.items, `A home program has at most ${PROGRAM_LIMITS.items} exercises`),
    comment: optionalText('The comment', PROGRAM_LIMITS.comment),
  })
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>();
    p.items.forEach((item, i) => {
      const first = seen.get(item.exerciseKey);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['items', i, 'exerciseKey'], message: `Exercise ${i + 1} is already in the program (exercise ${first + 1}): each exercise once` });
      else seen.set(item.exerciseKey, i);
    });
  });
export type ProgramSaveInput = z.infer<typeof programSaveInputSchema>;

/**
 * Why a save would change nothing worth a version, or null. An empty program is a choice (the
 * therapist stops the exercises) only once there was one; a first version with nothing in it is not.
 */
export function emptyProgramProblem(items: readonly unknown[], previousVersion: number): string | null {
  if (items.length === 0 && previousVersion === 0) return 'Add at least one exercise before saving the first home program.';
  return null;
}
