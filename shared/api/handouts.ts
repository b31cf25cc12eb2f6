import { z } from 'zod';
import { channel } from './channel';
import { LANGUAGES } from '../i18n/languages';

/** Therapists and admins print a home program; the desk may reprint one a patient lost (the same words, nothing new). */
const CLINICAL = ['admin', 'therapist'] as const;
const STAFF = ['admin', 'therapist', 'front_desk'] as const;

const patientRequest = z.object({ patientId: z.number({ error: 'Patient is required' }).int().positive() });
const pdfResponse = z.object({ printId: z.number().int(), filename: z.string(), pdfBase64: z.string() });

export const handoutPrintSchema = z.object({
  id: z.number().int(),
  printedAt: z.string(),
  printedBy: z.string(),
  programVersion: z.number().int(),
  language: z.enum(LANGUAGES),
  paper: z.enum(['letter', 'a4']),
  /** The print this one reprints (null for a first print). */
  reprintOf: z.number().int().nullable(),
  /** How many words printed in English because the language lacked them. */
  missingCount: z.number().int(),
});
export type HandoutPrint = z.infer<typeof handoutPrintSchema>;

export const handoutChannels = {
  'handouts.check': channel({
    summary: 'Before printing a patient’s home program: the language it prints in and, in words, what that language lacks (printed in English).',
    access: CLINICAL,
    kind: 'read',
    request: patientRequest,
    response: z.object({ language: z.enum(LANGUAGES), programVersion: z.number().int(), missing: z.array(z.string()) }),
  }),
  'handouts.print': channel({
    summary: 'Print the patient’s current home program in their language: exercises at their saved versions, photos, the run-walk weeks, pain rules; the handout is kept whole for reprints.',
    access: CLINICAL,
    kind: 'write',
    request: patientRequest,
    response: pdfResponse.extend({ missing: z.array(z.string()) }),
  }),
  'handouts.reprint': channel({
    summary: 'Print an earlier handout again exactly as it was printed (the reprint is recorded).',
    access: STAFF,
    kind: 'write',
    request: z.object({ printId: z.number({ error: 'Choose a printed handout' }).int().positive() }),
    response: pdfResponse,
  }),
  'handouts.list': channel({
    summary: 'The home programs printed for a patient: when, by whom, which program version, which language (newest first).',
    access: STAFF,
    kind: 'read',
    request: patientRequest,
    response: z.object({ prints: z.array(handoutPrintSchema) }),
  }),
} as const;
