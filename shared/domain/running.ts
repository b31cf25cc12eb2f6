import { z } from 'zod';
import { DETECTION_METHODS } from '../running/run-walk-detection';
import { RED_FLAGS } from '../clinical/runs';
import { SURFACES } from '../clinical/policy';
import { OVERRIDE_DECISIONS, PLAN_DECISIONS } from '../clinical/history';
import { RED_FLAG_ACTIONS, SCREEN_FLAGS } from '../clinical/redFlags';
import { optionalText } from './fields';
import { calendarDay } from './schedule';

export const RUN_KINDS = ['run', 'walk', 'cross_training'] as const;
export const RUN_SOURCES = ['manual', 'fit', 'tcx', 'gpx', 'strava'] as const;

export const SURFACE_LABELS: Record<(typeof SURFACES)[number], string> = {
  grass: 'Grass',
  trail: 'Trail',
  track: 'Track',
  road: 'Road / pavement',
  treadmill: 'Treadmill',
  sand: 'Sand',
  mixed: 'Mixed',
  other: 'Other',
};

const pain = (label: string) =>
  z.number({ error: `${label} is a number from 0 to 10` }).int(`${label} is a whole number from 0 to 10`).min(0, `${label} is a number from 0 to 10`).max(10, `${label} is a number from 0 to 10`).nullable().default(null);

export const runIntervalSchema = z.object({
  kind: z.enum(['run', 'walk']),
  startSecond: z.number().min(0),
  endSecond: z.number().min(0),
  distanceMeters: z.number().min(0).optional(),
});
export type RunInterval = z.output<typeof runIntervalSchema>;

/** What a therapist types for one run (manual entry or editing an imported one). Metres and seconds. */
export const runEntrySchema = z
  .object({
    date: calendarDay('Date'),
    kind: z.enum(RUN_KINDS).default('run'),
    distanceM: z.number({ error: 'Distance is required' }).min(0, 'Distance cannot be negative').max(300_000, 'Distance is more than 300 km'),
    durationS: z.number({ error: 'Duration is required' }).positive('Duration must be more than 0').max(86_400, 'Duration is more than a day'),
    runSeconds: z.number().min(0, 'Run time cannot be negative').nullable().default(null),
    walkSeconds: z.number().min(0, 'Walk time cannot be negative').nullable().default(null),
    surface: z.enum(SURFACES).nullable().default(null),
    painBefore: pain('Pain before'),
    painDuring: pain('Pain during'),
    painAfter: pain('Pain after'),
    painNextMorning: pain('Pain next morning'),
    rpe: z.number({ error: 'RPE is a number from 0 to 10' }).min(0, 'RPE is a number from 0 to 10').max(10, 'RPE is a number from 0 to 10').nullable().default(null),
    redFlags: z.array(z.enum(RED_FLAGS)).default([]),
    stoppedEarly: z.boolean().default(false),
    notes: optionalText(1000, 'Notes'),
  })
  .refine((r) => (r.runSeconds ?? 0) + (r.walkSeconds ?? 0) <= r.durationS + 1, { message: 'Run and walk time add up to more than the duration', path: ['runSeconds'] });
export type RunEntry = z.input<typeof runEntrySchema>;

export const runRecordSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  date: z.string(),
  startedAt: z.string().nullable(),
  kind: z.enum(RUN_KINDS),
  sport: z.string().nullable(),
  distanceM: z.number(),
  durationS: z.number(),
  runSeconds: z.number().nullable(),
  walkSeconds: z.number().nullable(),
  intervals: z.array(runIntervalSchema).nullable(),
  intervalsCorrected: z.boolean(),
  /** "8 × (1:00 run / 1:30 walk)" or "continuous run 28:10", when intervals are known. */
  intervalSummary: z.string().nullable(),
  /** How an imported run's intervals were told apart (null for manual runs and older imports). */
  detectionMethod: z.enum(DETECTION_METHODS).nullable(),
  surface: z.enum(SURFACES).nullable(),
  painBefore: z.number().nullable(),
  painDuring: z.number().nullable(),
  painAfter: z.number().nullable(),
  painNextMorning: z.number().nullable(),
  rpe: z.number().nullable(),
  redFlags: z.array(z.enum(RED_FLAGS)),
  stoppedEarly: z.boolean(),
  stepId: z.string().nullable(),
  notes: z.string().nullable(),
  source: z.enum(RUN_SOURCES),
  sourceName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

export const planWeekRecordSchema = z.object({
  id: z.number().int(),
  weekStart: z.string(),
  stepId: z.string(),
  /** The week's current check-in screen (the latest, uncorrected one): its id and the questions answered yes. */
  screenId: z.number().int().nullable(),
  redFlags: z.array(z.enum(SCREEN_FLAGS)),
  /** What the check-in asks for: urgent medical assessment, stop and refer, stop until review, or nothing. */
  screenAction: z.enum(RED_FLAG_ACTIONS).nullable(),
  engineDecision: z.enum(PLAN_DECISIONS).nullable(),
  /** The planner's output when the week was reviewed (reasons, prescription, research context). */
  decision: z.unknown().nullable(),
  decidedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  override: z
    .object({ decision: z.enum(OVERRIDE_DECISIONS), stepId: z.string().nullable(), reason: z.string(), by: z.string().nullable(), at: z.string() })
    .nullable(),
});
export type PlanWeekRecord = z.infer<typeof planWeekRecordSchema>;

export const runPlanRecordSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  startDate: z.string(),
  startingStepId: z.string(),
  sessionsPerWeek: z.number().int(),
  baselinePain: z.number().nullable(),
  ladder: z.array(z.object({ id: z.string(), runSeconds: z.number(), walkSeconds: z.number(), repeats: z.number() }).passthrough()),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  weeks: z.array(planWeekRecordSchema),
});
export type RunPlanRecord = z.infer<typeof runPlanRecordSchema>;
