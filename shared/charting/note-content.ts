import { z } from 'zod';
import { calendarDay } from '../domain/schedule';
import { DISTINCT_SERVICE_MODIFIERS } from '../clinical/billing/modifiers';
import { GOAL_STATUSES } from './episode';
import {
  DISCHARGE_REASONS,
  EVALUATION_COMPLEXITIES,
  EXERCISE_CATEGORIES,
  JOINT_REGIONS,
  JOINT_TECHNIQUES,
  MAITLAND_GRADES,
  PAIN_QUALITIES,
  POSITIONS,
  SIDES,
  SOFT_TISSUE_TECHNIQUES,
} from './vocab';
import { BODY_REGION_IDS } from './body-chart';

/**
 * What a visit note holds: a manual-therapy SOAP note. A draft may be half-filled (every field can be
 * empty); signing checks completeness (sign-check.ts). The same schema parses drafts and signed notes.
 */
export const NOTE_TYPES = ['initial_evaluation', 'daily', 'progress', 'discharge'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];
export const NOTE_TYPE_LABELS: Record<NoteType, string> = {
  initial_evaluation: 'Initial evaluation',
  daily: 'Daily note',
  progress: 'Progress note / re-evaluation',
  discharge: 'Discharge summary',
};

export const NOTE_STATUSES = ['draft', 'signed', 'discarded'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

const text = (max: number) => z.string().max(max, `Keep this under ${max} characters`).default('');
const score = (label: string) =>
  z.number({ error: `${label} is a number from 0 to 10` }).int(`${label} is a whole number`).min(0, `${label} is 0 to 10`).max(10, `${label} is 0 to 10`).nullable().default(null);
const minutes = z.number({ error: 'Minutes is a number' }).int('Minutes are whole minutes').min(0, 'Minutes cannot be negative').max(240, 'At most 240 minutes on one row').nullable().default(null);
const count = (label: string, max: number) => z.number({ error: `${label} is a number` }).int(`${label} is a whole number`).min(0).max(max, `${label} is at most ${max}`).nullable().default(null);

/**
 * A row or block carried forward from an earlier signed note. It stays "copied" while it is exactly
 * as it was there and the therapist has not confirmed it (payers deny cloned notes: rules
 * documentation.no-cloned-notes); editing it or confirming it clears the mark.
 */
export const copyMarkSchema = z.object({ fromNoteId: z.number().int().positive(), confirmed: z.boolean().default(false) });
export type CopyMark = z.output<typeof copyMarkSchema>;

const rowBase = {
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'A row id uses letters, digits, - and _'),
  copy: copyMarkSchema.nullable().default(null),
};

export const jointRowSchema = z.object({
  ...rowBase,
  kind: z.literal('joint'),
  region: z.enum(JOINT_REGIONS).nullable().default(null),
  /** A motion segment (L4–L5) for spinal regions. */
  segment: z.string().max(20).nullable().default(null),
  technique: z.enum(JOINT_TECHNIQUES).nullable().default(null),
  techniqueOther: text(120),
  grade: z.enum(MAITLAND_GRADES).nullable().default(null),
  side: z.enum(SIDES).nullable().default(null),
  position: z.enum(POSITIONS).nullable().default(null),
  minutes,
  response: text(300),
});

export const softTissueRowSchema = z.object({
  ...rowBase,
  kind: z.literal('soft_tissue'),
  muscleGroup: text(120),
  technique: z.enum(SOFT_TISSUE_TECHNIQUES).nullable().default(null),
  side: z.enum(SIDES).nullable().default(null),
  minutes,
  response: text(300),
});

export const exerciseRowSchema = z.object({
  ...rowBase,
  kind: z.literal('exercise'),
  category: z.enum(EXERCISE_CATEGORIES).default('therapeutic_exercise'),
  name: text(120),
  sets: count('Sets', 50),
  reps: count('Reps', 500),
  holdSeconds: count('Hold', 600),
  load: text(60),
  side: z.enum(SIDES).nullable().default(null),
  minutes,
});

export const objectiveRowSchema = z.discriminatedUnion('kind', [jointRowSchema, softTissueRowSchema, exerciseRowSchema]);
export type ObjectiveRow = z.output<typeof objectiveRowSchema>;
export type JointRow = z.output<typeof jointRowSchema>;
export type SoftTissueRow = z.output<typeof softTissueRowSchema>;
export type ExerciseRow = z.output<typeof exerciseRowSchema>;
export type RowKind = ObjectiveRow['kind'];

export const bodyMarkSchema = z.object({
  region: z.enum(BODY_REGION_IDS),
  intensity: z.number({ error: 'Intensity is 0 to 10' }).int('Intensity is a whole number').min(0, 'Intensity is 0 to 10').max(10, 'Intensity is 0 to 10'),
  qualities: z.array(z.enum(PAIN_QUALITIES)).max(PAIN_QUALITIES.length).default([]),
  note: text(200),
});
export type BodyMark = z.output<typeof bodyMarkSchema>;

export const noteContentSchema = z.object({
  subjective: z
    .object({
      painNow: score('Pain now'),
      painBest: score('Best pain'),
      painWorst: score('Worst pain'),
      patientWords: text(4000),
      flare: z.object({ occurred: z.boolean().nullable().default(null), what: text(1000) }).prefault({}),
      /** The running since the last visit, inserted from the running log and plan (editable text). */
      running: text(2000),
    })
    .prefault({}),
  objective: z
    .object({
      rows: z.array(objectiveRowSchema).max(60, 'At most 60 treatment rows').default([]),
      /** Today's measures; links the reassessment when that exists. */
      measures: text(4000),
    })
    .prefault({}),
  assessment: z
    .object({
      goals: z.array(z.object({ goalId: z.number().int().positive(), status: z.enum(GOAL_STATUSES).nullable().default(null), comment: text(500) })).max(20).default([]),
      text: text(6000),
    })
    .prefault({}),
  plan: z
    .object({
      nextVisit: calendarDay('Next visit').nullable().default(null),
      frequency: text(200),
      homeProgram: text(2000),
      runWalk: text(2000),
      copy: copyMarkSchema.nullable().default(null),
    })
    .prefault({}),
  /** Initial evaluation: history and the complexity that picks 97161–97163. Progress note: bill a re-evaluation (97164)? */
  evaluation: z
    .object({
      history: text(6000),
      findings: text(6000),
      complexity: z.enum(EVALUATION_COMPLEXITIES).nullable().default(null),
      billReevaluation: z.boolean().default(false),
    })
    .prefault({}),
  bodyChart: z.array(bodyMarkSchema).max(60).default([]),
  discharge: z.object({ reason: z.enum(DISCHARGE_REASONS).nullable().default(null), summary: text(4000) }).prefault({}),
  /** The therapist's choices on the computed lines: diagnosis pointers and the suggested modifier, per code. */
  billing: z
    .object({
      pointers: z.record(z.string().regex(/^\d{5}$/), z.array(z.string().regex(/^[A-L]$/)).max(4, 'At most 4 diagnosis pointers on a line')).default({}),
      modifiers: z.record(z.string().regex(/^\d{5}$/), z.enum([...DISTINCT_SERVICE_MODIFIERS, 'none'])).default({}),
    })
    .prefault({}),
});
export type NoteContent = z.output<typeof noteContentSchema>;
export type NoteContentInput = z.input<typeof noteContentSchema>;

export const EMPTY_CONTENT: NoteContent = noteContentSchema.parse({});
