import { z } from 'zod';
import { EVIDENCE_GRADES, reasonSchema } from '../clinical/evidence';
import { GATE_IDS } from '../clinical/gates';
import { odiResponseSchema } from '../clinical/outcomes/odi';
import { psfsResponseSchema } from '../clinical/outcomes/psfs';
import { rmdqResponseSchema } from '../clinical/outcomes/rolandMorris';
import { START_BACK_GROUPS, startBackResponseSchema } from '../clinical/outcomes/startBack';
import { DEVICES, MEASURE_CODES, MEASURE_RESULTS, SIDES, checkMeasureResult, getMeasure, measureResultShape } from '../clinical/reassessment';
import { calendarDay } from './schedule';

/**
 * Reassessments and outcome questionnaires as stored and exchanged. Both belong to the patient; a
 * visit note (charting, issue #12) can be named by its id. Neither is edited: a correction is a new
 * record naming the one it replaces.
 */

const comment = z.string().trim().max(500, 'A comment is at most 500 characters').transform((s) => (s === '' ? null : s)).nullable().default(null);

/** One measure and side as the therapist enters it. */
export const measureEntrySchema = z.strictObject({ ...measureResultShape, comment }).superRefine(checkMeasureResult);
export type MeasureEntry = z.input<typeof measureEntrySchema>;

export const reassessmentRequestSchema = z
  .strictObject({
    patientId: z.number({ error: 'Patient is required' }).int().positive(),
    /** Defaults to today in the clinic's zone; never in the future. */
    assessedOn: calendarDay('Date').optional(),
    /** The visit note it was taken at: left out, the patient's note of that day (if any); null, none. */
    noteId: z.number().int().positive().nullable().optional(),
    /** The earlier reassessment of this patient that this one corrects. */
    replacesId: z.number().int().positive().nullable().default(null),
    comment,
    measures: z.array(measureEntrySchema).min(1, 'Record at least one measure').max(60),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.measures.forEach((m, i) => {
      const key = `${m.code}:${m.side}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `${getMeasure(m.code).name}${m.side === 'none' ? '' : ` (${m.side})`} is entered twice`, path: ['measures', i, 'value'] });
      seen.add(key);
    });
  });
export type ReassessmentRequest = z.input<typeof reassessmentRequestSchema>;

const measureValueSchema = z.union([z.number(), z.enum(MEASURE_RESULTS)]);

export const storedMeasureSchema = z.object({
  code: z.enum(MEASURE_CODES),
  side: z.enum(SIDES),
  unit: z.enum(['deg', 'cm', 's', 'points', 'result']),
  value: measureValueSchema,
  device: z.enum(DEVICES).nullable(),
  position: z.string().nullable(),
  comment: z.string().nullable(),
});
export type StoredMeasure = z.infer<typeof storedMeasureSchema>;

export const reassessmentRecordSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  noteId: z.number().int().nullable(),
  assessedOn: z.string(),
  assessedBy: z.string(),
  recordedAt: z.string(),
  comment: z.string().nullable(),
  replacesId: z.number().int().nullable(),
  /** Set when a later record corrected this one: it no longer counts. */
  replacedById: z.number().int().nullable(),
  measures: z.array(storedMeasureSchema),
});
export type ReassessmentRecord = z.infer<typeof reassessmentRecordSchema>;

/** One reading in a measure's trend, read against the patient's first reading (the baseline). */
export const trendPointSchema = z.object({
  reassessmentId: z.number().int(),
  date: z.string(),
  value: measureValueSchema,
  device: z.enum(DEVICES).nullable(),
  /** null for the baseline itself. */
  sinceBaseline: z
    .object({
      classification: z.enum(['improved', 'within-error', 'worse']),
      difference: z.number().nullable(),
      threshold: z.number().nullable(),
      thresholdGrade: z.enum(EVIDENCE_GRADES),
      warnings: z.array(z.string()),
    })
    .nullable(),
});
export const measureTrendSchema = z.object({ code: z.enum(MEASURE_CODES), side: z.enum(SIDES), points: z.array(trendPointSchema) });
export type MeasureTrend = z.infer<typeof measureTrendSchema>;

const gradedFigure = z.object({ value: z.number(), grade: z.enum(EVIDENCE_GRADES) });

/** What a measure's trend chart draws besides the readings: its cut-off and detectable change. */
export const measureLinesSchema = z.object({
  code: z.enum(MEASURE_CODES),
  cutoff: z.object({ value: z.number(), label: z.string(), grade: z.enum(EVIDENCE_GRADES) }).nullable(),
  detectableChange: gradedFigure.nullable(),
});
export type MeasureLinesRecord = z.infer<typeof measureLinesSchema>;

export const gateSummarySchema = z.object({
  gate: z.enum(GATE_IDS),
  active: z.boolean(),
  lifted: z.boolean(),
  findings: z.array(z.string()),
  reassessmentDate: z.string(),
});

// --- Outcome questionnaires -------------------------------------------------------------

export const INSTRUMENTS = ['nprs', 'odi', 'modified-odi', 'psfs', 'rmdq', 'start-back'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** The questionnaire's name as staff know it (the names are not licensed; the items' wording is not shown). */
export const INSTRUMENT_NAMES: Record<Instrument, string> = {
  nprs: 'Numeric Pain Rating Scale (NPRS)',
  odi: 'Oswestry Disability Index (ODI)',
  'modified-odi': 'Modified Oswestry Disability Index',
  psfs: 'Patient-Specific Functional Scale (PSFS)',
  rmdq: 'Roland-Morris Disability Questionnaire',
  'start-back': 'Keele STarT Back Screening Tool',
};

const nprsAnswersSchema = z.strictObject({ score: z.number({ error: 'NPRS needs a score 0–10' }).int('NPRS is a whole number 0–10').min(0, 'NPRS scores 0–10').max(10, 'NPRS scores 0–10') });
const odiSections = (version: 'odi' | 'modified-odi') => odiResponseSchema.options.find((o) => o.shape.version.value === version)!.shape.sections;

export const outcomeAnswersSchema = z.discriminatedUnion('instrument', [
  z.strictObject({ instrument: z.literal('nprs'), answers: nprsAnswersSchema }),
  z.strictObject({ instrument: z.literal('odi'), answers: z.strictObject({ sections: odiSections('odi') }) }),
  z.strictObject({ instrument: z.literal('modified-odi'), answers: z.strictObject({ sections: odiSections('modified-odi') }) }),
  z.strictObject({ instrument: z.literal('psfs'), answers: psfsResponseSchema }),
  z.strictObject({ instrument: z.literal('rmdq'), answers: rmdqResponseSchema }),
  z.strictObject({ instrument: z.literal('start-back'), answers: startBackResponseSchema }),
]);
export type OutcomeAnswers = z.output<typeof outcomeAnswersSchema>;
export type OutcomeAnswersInput = z.input<typeof outcomeAnswersSchema>;

export const outcomeRequestSchema = z.strictObject({
  patientId: z.number({ error: 'Patient is required' }).int().positive(),
  completedOn: calendarDay('Date').optional(),
  /** As on a reassessment: left out, the patient's note of that day; null, none. */
  noteId: z.number().int().positive().nullable().optional(),
  replacesId: z.number().int().positive().nullable().default(null),
  form: outcomeAnswersSchema,
});
export type OutcomeRequest = z.input<typeof outcomeRequestSchema>;

export const outcomeRecordSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  noteId: z.number().int().nullable(),
  instrument: z.enum(INSTRUMENTS),
  completedOn: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  form: outcomeAnswersSchema,
  /** The engine's score (ODI %, NPRS, PSFS mean, Roland-Morris, STarT Back total); null when the form could not be scored. */
  score: z.number().nullable(),
  /** The score in words: "36% — moderate disability (21–40%)", "medium risk". */
  scoreText: z.string(),
  replacesId: z.number().int().nullable(),
  replacedById: z.number().int().nullable(),
});
export type OutcomeRecord = z.infer<typeof outcomeRecordSchema>;

/** The latest score of one questionnaire against the patient's first (baseline), with the change thresholds. */
export const outcomeSummarySchema = z.object({
  instrument: z.enum(INSTRUMENTS),
  baseline: z.object({ id: z.number().int(), date: z.string(), score: z.number().nullable(), scoreText: z.string() }),
  latest: z.object({ id: z.number().int(), date: z.string(), score: z.number().nullable(), scoreText: z.string() }),
  /** null with one record, an unscored form, or an instrument without change thresholds (STarT Back). */
  change: z
    .object({
      change: z.number(),
      improvement: z.number(),
      direction: z.enum(['improved', 'worse', 'within-error']),
      beyondMdc: z.boolean(),
      meetsMcid: z.boolean().nullable(),
      reasons: z.array(reasonSchema),
    })
    .nullable(),
  /** Threshold figures in words, for the table heading: "MDC 2 · MIC 2 points or 30%". */
  thresholds: z.string(),
  /** Every current form's score in date order, for the trend chart. */
  history: z.array(z.object({ id: z.number().int(), date: z.string(), score: z.number().nullable() })),
  /** The scale and the change figures the chart draws. */
  scale: z.object({
    domain: z.tuple([z.number(), z.number()]),
    higherIsBetter: z.boolean(),
    unit: z.string(),
    mdc: gradedFigure.nullable(),
    mic: gradedFigure.nullable(),
  }),
});
export type OutcomeSummary = z.infer<typeof outcomeSummarySchema>;

export { START_BACK_GROUPS };

/** A reassessment or questionnaire linked to a visit note, in words. */
export const noteFindingSchema = z.object({ kind: z.enum(['reassessment', 'questionnaire']), id: z.number().int(), date: z.string(), text: z.string() });
export type NoteFinding = z.infer<typeof noteFindingSchema>;

/** Something due for the patient (shared/clinical/reassessmentDue.ts), in words. */
export const dueItemSchema = z.object({ kind: z.enum(['battery', 'questionnaires']), reason: z.enum(['baseline', 'interval', 'progress-note', 'discharge']), dueOn: z.string(), overdue: z.boolean(), sentence: z.string() });
