import { z } from 'zod';
import { RED_FLAG_ACTIONS, RED_FLAG_GROUPS, SCREEN_FLAGS, SYSTEMIC_FLAGS, screenEntrySchema } from '../clinical/redFlags';
import { calendarDay } from './schedule';

/**
 * The red-flag screen as stored and exchanged: one shape for the three places it is asked. The
 * plan start and the weekly check-in use it now; the visit note's subjective section (charting)
 * records its screen through the same storage path with the `visit-note` context.
 */
export const SCREEN_CONTEXTS = ['plan-start', 'check-in', 'visit-note'] as const;
export type ScreenContextKind = (typeof SCREEN_CONTEXTS)[number];

export const SCREEN_CONTEXT_LABELS: Record<ScreenContextKind, string> = {
  'plan-start': 'Plan start',
  'check-in': 'Weekly check-in',
  'visit-note': 'Visit note',
};

export const screenContextSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('plan-start') }),
  z.strictObject({ kind: z.literal('check-in'), weekId: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('visit-note'), noteId: z.number().int().positive() }),
]);
export type ScreenContext = z.output<typeof screenContextSchema>;

/** What the screen's caller sends: where it was asked, the answers, and (optionally) the screen it corrects. */
export const screenRequestSchema = z.strictObject({
  patientId: z.number({ error: 'Patient is required' }).int().positive(),
  context: screenContextSchema,
  entry: screenEntrySchema,
  /** Defaults to today in the clinic's zone; never in the future. */
  askedOn: calendarDay('Date asked').optional(),
  /** The earlier screen of the same patient and place that these answers correct. */
  replacesId: z.number().int().positive().nullable().default(null),
});
export type ScreenRequest = z.input<typeof screenRequestSchema>;

export const triageSchema = z.object({
  action: z.enum(RED_FLAG_ACTIONS).nullable(),
  groups: z.array(z.object({ group: z.enum(RED_FLAG_GROUPS), action: z.enum(RED_FLAG_ACTIONS), flags: z.array(z.enum(SCREEN_FLAGS)) })),
  physicianAssessed: z.array(z.enum(SYSTEMIC_FLAGS)),
});

export const redFlagScreenRecordSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  context: z.enum(SCREEN_CONTEXTS),
  planId: z.number().int().nullable(),
  weekId: z.number().int().nullable(),
  noteId: z.number().int().nullable(),
  askedOn: z.string(),
  /** Who asked (null for check-ins carried over from before the full screen). */
  askedBy: z.string().nullable(),
  recordedAt: z.string(),
  /** Only the questions asked: carried-over check-ins asked four. */
  answers: z.partialRecord(z.enum(SCREEN_FLAGS), z.enum(['yes', 'no'])),
  physicianAssessed: z.array(z.enum(SYSTEMIC_FLAGS)),
  note: z.string().nullable(),
  replacesId: z.number().int().nullable(),
  /** Set when a later screen corrected this one: it no longer counts. */
  replacedById: z.number().int().nullable(),
  triage: triageSchema,
  /** True while an urgent alert (or, at plan start, a running symptom) waits for the therapist's acknowledgement. */
  needsAcknowledgement: z.boolean(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
export type RedFlagScreenRecord = z.infer<typeof redFlagScreenRecordSchema>;
