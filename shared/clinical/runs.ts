import { z } from 'zod';
import { isIsoDate } from '../util/dates';
import { SURFACES } from './policy';

/** A calendar date in the clinic's time zone; the caller converts instants before they get here. */
export const clinicDateSchema = z.string({ error: 'Expected a date (YYYY-MM-DD)' }).refine(isIsoDate, 'Not a real date (YYYY-MM-DD)');

/** NPRS 0–10, whole points (an 11-point numeric scale). */
export const painScoreSchema = z
  .number({ error: 'Pain is a number from 0 to 10' })
  .int('Pain is a whole number from 0 to 10')
  .min(0, 'Pain is a number from 0 to 10')
  .max(10, 'Pain is a number from 0 to 10');

/**
 * Running symptoms that stop running until a therapist's review (clinical.md §2.5): pain at rest or
 * at night, new symptoms in one leg (pain, pins and needles, numbness, weakness), swelling, a limp.
 * A run can carry them; the red-flag screen (redFlags.ts) asks them with the serious-pathology signs.
 */
export const RED_FLAGS = ['restOrNightPain', 'newLegSymptoms', 'swelling', 'limp'] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export const RED_FLAG_LABELS: Record<RedFlag, string> = {
  restOrNightPain: 'pain at rest or at night',
  newLegSymptoms: 'new symptoms in one leg (pain, pins and needles, numbness or weakness)',
  swelling: 'swelling',
  limp: 'a limp',
};

export const redFlagsSchema = z.strictObject({
  restOrNightPain: z.boolean().default(false),
  newLegSymptoms: z.boolean().default(false),
  swelling: z.boolean().default(false),
  limp: z.boolean().default(false),
});
export type RedFlags = z.output<typeof redFlagsSchema>;

export const runPainSchema = z.strictObject({
  before: painScoreSchema.nullable().default(null),
  during: painScoreSchema.nullable().default(null),
  after: painScoreSchema.nullable().default(null),
  nextMorning: painScoreSchema.nullable().default(null),
});

/**
 * One logged run or run-walk session. Distances in metres, durations in seconds. runSeconds and
 * walkSeconds are the time spent running and walking when known (a watch's laps or the prescription).
 */
export const runSchema = z
  .strictObject({
    id: z.union([z.string(), z.number()]).optional(),
    date: clinicDateSchema,
    distanceM: z.number({ error: 'distanceM is a number of metres' }).min(0).max(300_000),
    durationS: z.number({ error: 'durationS is a number of seconds' }).positive('durationS must be above 0').max(86_400),
    runSeconds: z.number().min(0).nullable().default(null),
    walkSeconds: z.number().min(0).nullable().default(null),
    surface: z.enum(SURFACES).nullable().default(null),
    pain: runPainSchema.prefault({}),
    /** Borg CR10 rating of perceived exertion. */
    rpe: z.number().min(0).max(10).nullable().default(null),
    /** The ladder rung this session was meant to be; when absent the plan week's rung is assumed. */
    stepId: z.string().nullable().default(null),
    /** Stopped before the prescription was finished: it does not count as a session completed at the rung. */
    stoppedEarly: z.boolean().default(false),
    redFlags: redFlagsSchema.prefault({}),
  })
  .refine((r) => (r.runSeconds ?? 0) + (r.walkSeconds ?? 0) <= r.durationS + 1, {
    message: 'runSeconds and walkSeconds add up to more than durationS',
    path: ['runSeconds'],
  });
export type Run = z.output<typeof runSchema>;
export type RunInput = z.input<typeof runSchema>;

/** Red flags as stored (comma-separated keys), unknown words dropped. */
export function redFlagsFromCsv(csv: string): RedFlag[] {
  return csv.split(',').filter((f): f is RedFlag => (RED_FLAGS as readonly string[]).includes(f));
}

/** A list of red flags as the yes/no record the rules read. */
export function redFlagsRecord(list: readonly RedFlag[]): RedFlags {
  return Object.fromEntries(RED_FLAGS.map((f) => [f, list.includes(f)])) as RedFlags;
}

export function activeRedFlags(flags: RedFlags): RedFlag[] {
  return RED_FLAGS.filter((f) => flags[f]);
}

/** Runs in date order; ties keep their input order so every result is reproducible. */
export function sortRuns<T extends { date: string }>(runs: readonly T[]): T[] {
  return runs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
    .map((x) => x.r);
}
