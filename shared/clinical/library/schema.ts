import { z } from 'zod';
import { EVIDENCE_GRADES } from '../evidence';
import { SOURCES, type SourceId } from '../sources';
import { EXERCISE_KINDS, EXERCISE_POSTURES, EXERCISE_REGIONS, type Exercise } from './types';

const text = (label: string, max: number) => z.string({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(max, `${label} is at most ${max} characters`);
const count = (label: string, max: number) => z.number({ error: `${label} is required` }).int(`${label} is a whole number`).min(1, `${label} is at least 1`).max(max, `${label} is at most ${max}`);
const list = (label: string, item: string, min: number, max: number, itemMax: number) =>
  z.array(text(item, itemMax)).min(min, min === 1 ? `Give at least one ${label}` : `Give at least ${min} ${label}s`).max(max, `At most ${max} ${label}s`);

export const dosageSchema = z.intersection(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('reps'), sets: count('Sets', 10), reps: count('Repetitions', 100), holdSeconds: count('Hold', 300).nullable() }),
    z.object({ kind: z.literal('hold'), holds: count('Holds', 20), seconds: count('Hold', 600) }),
    z.object({ kind: z.literal('time'), sets: count('Sets', 10), seconds: count('Seconds', 3600) }),
  ]),
  z.object({ perSide: z.boolean(), timesPerDay: count('Times a day', 6), daysPerWeek: count('Days a week', 7) }),
);

/** An exercise as the library holds it (seeded ones are checked against this too). */
export const exerciseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'Not an exercise id'),
  title: text('Title', 80),
  purpose: text('Purpose', 300),
  startingPosition: text('Starting position', 300),
  steps: list('step', 'A step', 1, 8, 200),
  cues: list('cue', 'A cue', 2, 3, 80),
  commonErrors: list('common error', 'A common error', 1, 6, 160),
  dosage: dosageSchema,
  easier: z.array(z.string()).max(4),
  harder: z.array(z.string()).max(4),
  kind: z.enum(EXERCISE_KINDS, { error: 'Choose mobility, motor control or strength' }),
  regions: z.array(z.enum(EXERCISE_REGIONS)).min(1, 'Choose at least one region'),
  posture: z.enum(EXERCISE_POSTURES, { error: 'Choose a starting posture' }),
  evidence: z.object({ sourceIds: z.array(z.custom<SourceId>((v) => SOURCES.some((s) => s.id === v), 'Not a source the rules engine has')), grade: z.enum(EVIDENCE_GRADES) }).nullable(),
});

/**
 * What a therapist edits: everything but the id (the library gives it) and the evidence (a clinic's
 * wording or dose is its own choice; only the seeded text carries the rules engine's source). The
 * drawing is one of the seeded exercises' drawings, or none.
 */
export const exerciseInputSchema = exerciseSchema.omit({ id: true, evidence: true }).extend({
  illustration: z.string().nullable(),
});
export type ExerciseInput = z.infer<typeof exerciseInputSchema>;
export type ExerciseInputData = z.input<typeof exerciseInputSchema>;

/** An exercise as an editor's starting point (a seeded one copied for the clinic's version, a saved one reopened). */
export function exerciseInputOf(e: Omit<Exercise, 'evidence'> & { evidence: unknown }, illustration: string | null): ExerciseInput {
  const { id: _id, evidence: _evidence, ...body } = e;
  return { ...body, illustration };
}
