import { z } from 'zod';
import { channel } from './channel';
import { EXERCISE_KINDS, EXERCISE_REGIONS } from '../clinical/library/types';
import { GATE_IDS } from '../clinical/gates';
import { programDosageSchema, programSaveInputSchema } from '../program/program-item';

/** A home program is clinical content: therapists and admins; the front desk does not see it. */
const CLINICAL = ['admin', 'therapist'] as const;
const patientId = z.number({ error: 'Patient is required' }).int().positive();

/** One exercise of a program, resolved to the library version it was picked at. */
export const programItemSchema = z.object({
  position: z.number().int().min(1),
  exerciseKey: z.string(),
  /** The library version picked (0 = the seeded text). */
  exerciseVersion: z.number().int().min(0),
  title: z.string(),
  kind: z.enum(EXERCISE_KINDS),
  regions: z.array(z.enum(EXERCISE_REGIONS)),
  /** The seeded drawing it shows, or null. */
  illustration: z.string().nullable(),
  /** Archived in the library since it was picked: it prints, but cannot be picked again. */
  archived: z.boolean(),
  dosage: programDosageSchema,
  instructions: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ProgramItem = z.infer<typeof programItemSchema>;

export const programVersionSummarySchema = z.object({
  version: z.number().int().min(1),
  /** UTC instant; the screen writes it the clinic's way. */
  savedAt: z.string(),
  savedBy: z.string(),
  comment: z.string().nullable(),
  itemCount: z.number().int().min(0),
});
export type ProgramVersionSummary = z.infer<typeof programVersionSummarySchema>;

export const programVersionSchema = programVersionSummarySchema.extend({ items: z.array(programItemSchema) });
export type ProgramVersion = z.infer<typeof programVersionSchema>;

export const programSuggestionSchema = z.object({
  exerciseKey: z.string(),
  title: z.string(),
  gate: z.enum(GATE_IDS),
  ruleId: z.string(),
  reason: z.string(),
  /** The library's current default dose (what the program starts from). */
  dosage: programDosageSchema,
  /** Archived in the library: shown, not addable. */
  archived: z.boolean(),
});
export type ProgramSuggestionView = z.infer<typeof programSuggestionSchema>;

export const programChannels = {
  'programs.get': channel({
    summary: 'A patient’s home program: the current version with its exercises in order (title, kind, drawing, dose, reason), and every version with its date and who saved it.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ patientId }),
    response: z.object({ current: programVersionSchema.nullable(), versions: z.array(programVersionSummarySchema) }),
  }),
  'programs.version': channel({
    summary: 'One saved version of a patient’s home program, as it was saved (read-only).',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ patientId, version: z.number({ error: 'Version is required' }).int().min(1, 'Not a version') }),
    response: programVersionSchema,
  }),
  'programs.suggestions': channel({
    summary: 'The library exercises the mobility gates add for the patient’s latest reassessment findings, each with the finding that calls for it.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ patientId }),
    response: z.object({ suggestions: z.array(programSuggestionSchema) }),
  }),
  'programs.save': channel({
    summary: 'Save the whole ordered program as a new version (refused when another version was saved meanwhile, or an exercise is unknown, archived or twice).',
    access: CLINICAL,
    kind: 'write',
    request: programSaveInputSchema,
    response: z.object({ saved: z.boolean(), current: programVersionSchema, versions: z.array(programVersionSummarySchema) }),
  }),
} as const;
