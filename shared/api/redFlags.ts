import { z } from 'zod';
import { channel } from './channel';
import { redFlagScreenRecordSchema, screenContextSchema, screenRequestSchema } from '../domain/redFlags';
import { runPlanRecordSchema } from '../domain/running';

/** Clinical records: therapists and admins, not the front desk (ux.md). */
const CLINICAL = ['admin', 'therapist'] as const;

/**
 * The red-flag screen: one storage path for the plan start, the weekly check-in and the visit note.
 * Charting adds `{ kind: 'visit-note', noteId }` to the contexts this channel accepts (the schema
 * and the table already know it) or records the screen from its own note handler.
 */
export const redFlagChannels = {
  'redFlags.list': channel({
    summary: 'A patient’s red-flag screens, newest first, with what each asks for, and the clinic’s phone for the patient.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ patientId: z.number({ error: 'Patient is required' }).int().positive() }),
    response: z.object({ screens: z.array(redFlagScreenRecordSchema), clinic: z.object({ name: z.string(), phone: z.string() }) }),
  }),
  'redFlags.record': channel({
    summary: 'Record a red-flag screen (every question yes or no, the date and who asked) at plan start or a weekly check-in.',
    access: CLINICAL,
    kind: 'write',
    request: screenRequestSchema.extend({
      context: screenContextSchema.refine((c) => c.kind !== 'visit-note', { message: 'Visit notes record their screen with the note' }),
    }),
    response: z.object({ screen: redFlagScreenRecordSchema, plan: runPlanRecordSchema.nullable() }),
  }),
  'redFlags.acknowledge': channel({
    summary: 'The therapist acknowledges an urgent alert (told the patient, urgent medical assessment today), or at plan start confirms they reviewed the running symptoms.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ screenId: z.number().int().positive() }),
    response: redFlagScreenRecordSchema,
  }),
} as const;
