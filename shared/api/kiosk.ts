import { z } from 'zod';
import { channel } from './channel';
import { sessionGrantSchema } from './auth';
import { INSTRUMENTS } from '../domain/reassessments';
import { kioskAnswersSchema } from '../domain/kiosk';

/** Clinical records: therapists and admins hand a questionnaire to the patient. */
const CLINICAL = ['admin', 'therapist'] as const;

/**
 * "Hand to patient": a staff member starts a patient kiosk — a session of its own, scoped to one
 * patient and one questionnaire — and their own session is locked. With the kiosk's token only the
 * 'patient-kiosk' channels below answer (the dispatcher refuses every other one), and they reach
 * only that patient's one questionnaire. Handing back needs a staff member's password.
 */
export const kioskChannels = {
  'kiosk.start': channel({
    summary: 'Hand a questionnaire to the patient: a kiosk session for this patient and questionnaire only (unfinished answers given earlier today come back); the staff session is locked until handed back.',
    access: CLINICAL,
    kind: 'write',
    request: z.strictObject({
      patientId: z.number({ error: 'Patient is required' }).int().positive(),
      instrument: z.enum(INSTRUMENTS, { error: 'Choose a questionnaire' }),
      /** Left out, the patient's note of today (if any); null, none. */
      noteId: z.number().int().positive().nullable().optional(),
    }),
    response: z.object({ kioskToken: z.string(), handedBy: z.string(), handedByUsername: z.string() }),
  }),
  'kiosk.form': channel({
    summary: 'The handed-over questionnaire as the patient sees it: their first name, the questionnaire, and the answers saved so far.',
    access: 'patient-kiosk',
    kind: 'read',
    request: z.strictObject({}),
    response: z.object({
      firstName: z.string(),
      clinicName: z.string(),
      instrument: z.enum(INSTRUMENTS),
      wording: z.enum(['full', 'labels']),
      answers: kioskAnswersSchema,
      savedAt: z.string().nullable(),
      finished: z.boolean(),
      handedBy: z.string(),
      handedByUsername: z.string(),
    }),
  }),
  'kiosk.saveAnswers': channel({
    summary: 'Save the patient’s answers so far (all of them, as they stand); nothing is scored yet.',
    access: 'patient-kiosk',
    kind: 'write',
    request: z.strictObject({ answers: kioskAnswersSchema }),
    response: z.object({ savedAt: z.string() }),
  }),
  'kiosk.finish': channel({
    summary: 'The patient has finished: the saved answers become the questionnaire record, scored by the rules engine.',
    access: 'patient-kiosk',
    kind: 'write',
    request: z.strictObject({ answers: kioskAnswersSchema }),
    response: z.object({ finished: z.literal(true) }),
  }),
  'kiosk.handBack': channel({
    summary: 'Hand the screen back: a staff member’s password ends the kiosk and starts their session (the locked one it came from ends).',
    access: 'patient-kiosk',
    kind: 'write',
    request: z.strictObject({
      username: z.string().trim().toLowerCase().min(1, 'Username is required').max(40, 'Username is longer than 40 characters'),
      password: z.string().min(1, 'Password is required').max(200, 'Password is longer than 200 characters'),
    }),
    response: sessionGrantSchema,
  }),
} as const;
