import { z } from 'zod';
import { channel } from './channel';
import { OVERRIDE_DECISIONS } from '../clinical/history';
import { calendarDay } from '../domain/schedule';
import { runEntrySchema, runIntervalSchema, runPlanRecordSchema, runRecordSchema } from '../domain/running';

/** The running log and the plan are clinical records: therapists and admins, not the front desk (ux.md). */
const CLINICAL = ['admin', 'therapist'] as const;
const patientId = z.number({ error: 'Patient is required' }).int().positive();

/**
 * What the preview says of each activity: ready to import; a duplicate (of a logged run, or of an
 * earlier activity in the same import); refused; a track without times (needs its duration); not a
 * run (a ride, a swim, or something that moved like a car — can be logged as cross-training); or
 * too short or slow to believe without the person importing it confirming it.
 */
export const IMPORT_STATUSES = ['ready', 'duplicate', 'refused', 'needs-duration', 'not-a-run', 'needs-confirmation'] as const;

export const importItemSchema = z.object({
  itemId: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  /** Refusal code (CORRUPT, EMPTY_TRACK, NO_TIMESTAMPS, BAD_TIMES, NOT_A_RUN, NOT_ON_FOOT, UNSUPPORTED, DUPLICATE, CONFIRM) when not ready. */
  code: z.string().nullable(),
  /** One plain sentence: what was found, or why it cannot be used as it is (or the question to confirm). */
  message: z.string(),
  /** The activity in one line ("A run on Aug 15, 2015: 9.01 km in 47:12, …"); null when nothing usable was found. */
  summary: z.string().nullable(),
  /** What was repaired or left out while reading it ("3 track points had impossible times…"). */
  warnings: z.array(z.string()),
  found: z
    .object({
      sport: z.string(),
      startedAt: z.string().nullable(),
      date: z.string().nullable(),
      distanceM: z.number(),
      durationS: z.number().nullable(),
      runSeconds: z.number().nullable(),
      walkSeconds: z.number().nullable(),
      intervalSummary: z.string().nullable(),
      /** How run and walk were told apart, in words ("…by this session's own two paces (5.0 and 7.6 km/h)"). */
      detection: z.string().nullable(),
    })
    .nullable(),
});
export type ImportItem = z.infer<typeof importItemSchema>;

export const runningChannels = {
  'runs.list': channel({
    summary: 'A patient’s running log, newest first (deleted runs left out).',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ patientId }),
    response: z.object({ runs: z.array(runRecordSchema) }),
  }),
  'runs.save': channel({
    summary: 'Add a run by hand, or edit one.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ id: z.number().int().positive().optional(), patientId, run: runEntrySchema }),
    response: runRecordSchema,
  }),
  'runs.delete': channel({
    summary: 'Delete a run (it can be restored: undo).',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ id: z.number().int().positive() }),
    response: z.object({ id: z.number().int() }),
  }),
  'runs.restore': channel({
    summary: 'Undo a delete.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ id: z.number().int().positive() }),
    response: runRecordSchema,
  }),
  'runs.setIntervals': channel({
    summary: 'The therapist corrects the detected run/walk intervals.',
    access: CLINICAL,
    kind: 'write',
    request: z
      .object({ id: z.number().int().positive(), intervals: z.array(runIntervalSchema).min(1, 'At least one interval').max(400) })
      .refine((r) => r.intervals.every((iv, i) => iv.endSecond > iv.startSecond && (i === 0 || iv.startSecond >= r.intervals[i - 1]!.endSecond)), {
        message: 'Intervals must be in order, each ending after it starts, without overlaps',
        path: ['intervals'],
      }),
    response: runRecordSchema,
  }),
  'runImport.stage': channel({
    summary: 'Hand over activity files (FIT, TCX, GPX, .gz, Strava export zip) for a preview. Writes nothing.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({
      patientId,
      files: z.array(z.object({ name: z.string().min(1).max(260), base64: z.string().max(150_000_000, 'A file is larger than about 100 MB') })).min(1, 'Choose at least one file').max(50),
    }),
    response: z.object({ stageId: z.string(), total: z.number().int() }),
  }),
  'runImport.preview': channel({
    summary: 'Read the next few staged activities and say what each holds (progress: done of total). Writes nothing.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ stageId: z.string(), count: z.number().int().min(1).max(200).default(25) }),
    response: z.object({ done: z.number().int(), total: z.number().int(), items: z.array(importItemSchema) }),
  }),
  'runImport.commit': channel({
    summary: 'Save the chosen activities in one transaction: all or nothing.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({
      stageId: z.string(),
      choices: z
        .array(
          z.object({
            itemId: z.string(),
            action: z.enum(['import', 'cross-training', 'skip']),
            /** For a track without timestamps: the date and duration the patient reports. */
            durationS: z.number().positive('Duration must be more than 0').max(86_400).optional(),
            date: calendarDay('Date').optional(),
            /** For an activity that needs confirmation (very short or slow): the person importing it confirms it was real. */
            confirmed: z.boolean().optional(),
          }),
        )
        .max(5000),
    }),
    response: z.object({
      imported: z.number().int(),
      skipped: z.number().int(),
      runIds: z.array(z.number().int()),
      /** What happened to each chosen item, in the order of the choices: the truth for "one line per activity". */
      outcomes: z.array(z.object({ itemId: z.string(), outcome: z.enum(['imported', 'duplicate', 'skipped']), runId: z.number().int().nullable() })),
    }),
  }),
  'runImport.discard': channel({
    summary: 'Cancel an import: forget the staged files.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ stageId: z.string() }),
    response: z.object({ discarded: z.boolean() }),
  }),
  'plans.get': channel({
    summary: 'The patient’s current run-walk plan with its weeks and decisions (null when none).',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ patientId }),
    response: z.object({ plan: runPlanRecordSchema.nullable() }),
  }),
  'plans.start': channel({
    summary: 'Start a run-walk plan on a clear red-flag screen: start date (a clinic week start), starting step, sessions a week.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({
      patientId,
      startDate: calendarDay('Start date'),
      startingStepId: z.string().min(1, 'Choose a starting step'),
      sessionsPerWeek: z.number().int().min(1, 'At least one session a week').max(7, 'At most 7 sessions a week').default(3),
      baselinePain: z.number().int().min(0).max(10).nullable().default(null),
      /** The red-flag screen asked for this plan (redFlags.record, context plan-start). */
      screenId: z.number({ error: 'Record the red-flag screen first' }).int().positive(),
    }),
    response: runPlanRecordSchema,
  }),
  'plans.review': channel({
    summary: 'At the end of a plan week (or earlier, when the week already calls for a stop), run the planner: its decision and every reason, stored on the week.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ weekId: z.number().int().positive() }),
    response: runPlanRecordSchema,
  }),
  'plans.accept': channel({
    summary: 'Accept the planner’s decision for a reviewed week; next week is prescribed from it.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ weekId: z.number().int().positive() }),
    response: runPlanRecordSchema,
  }),
  'plans.override': channel({
    summary: 'Override the planner’s decision for a reviewed week, with the reason; both are kept.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({
      weekId: z.number().int().positive(),
      decision: z.enum(OVERRIDE_DECISIONS),
      stepId: z.string().min(1).nullable().default(null),
      reason: z.string().trim().min(3, 'Give the reason for overriding').max(500),
    }),
    response: runPlanRecordSchema,
  }),
  'plans.end': channel({
    summary: 'End the plan (discharge, or a change of approach), with the reason.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ planId: z.number().int().positive(), reason: z.string().trim().min(3, 'Say why the plan ends').max(300) }),
    response: runPlanRecordSchema,
  }),
  'policy.get': channel({
    summary: 'The clinic policy for the planner: every rule with its source, grade and value, and the ladder.',
    access: 'signed-in',
    kind: 'read',
    request: z.object({}),
    response: z.object({
      policy: z.unknown(),
      changed: z.unknown(),
      ladder: z.array(z.object({ id: z.string() }).passthrough()),
      rules: z.array(
        z.object({ id: z.string(), area: z.string(), statement: z.string(), source: z.string(), grade: z.string(), defaultGrade: z.string(), value: z.string(), modified: z.boolean() }),
      ),
    }),
  }),
  'policy.update': channel({
    summary: 'Change clinic-policy values and/or the ladder (admin; audited with what changed).',
    access: ['admin'],
    kind: 'write',
    request: z.object({
      changed: z.record(z.string(), z.unknown()),
      /** Left out: the ladder stays as it is; null: back to the default ladder; a list: the new ladder. */
      ladder: z.array(z.unknown()).nullable().optional(),
    }),
    response: z.object({ policy: z.unknown(), changed: z.unknown() }),
  }),
} as const;
