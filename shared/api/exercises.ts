import { z } from 'zod';
import { channel } from './channel';
import { exerciseInputSchema, exerciseSchema } from '../clinical/library/schema';

/** The library is clinical content: therapists and admins read it and edit the clinic's exercises. */
const CLINICAL = ['admin', 'therapist'] as const;
const key = z.string({ error: 'Exercise is required' }).regex(/^[a-z0-9-]+$/, 'Not an exercise');

/** One exercise as the library shows it: the seeded text, or the clinic's latest version of it. */
export const libraryEntrySchema = z.object({
  key: z.string(),
  origin: z.enum(['seeded', 'clinic']),
  /** 0 for a seeded exercise's own text; 1, 2, … for the clinic's saved versions. */
  version: z.number().int().min(0),
  exercise: exerciseSchema,
  /** The seeded exercise whose drawing it shows (its own, for a seeded one), or null. */
  illustration: z.string().nullable(),
  archived: z.boolean(),
  /** Who saved the version shown and when (null for the seeded text). */
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
});
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

export const exerciseVersionSchema = z.object({
  version: z.number().int().min(0),
  exercise: exerciseSchema,
  illustration: z.string().nullable(),
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
});

export const exerciseChannels = {
  'exercises.list': channel({
    summary: 'The exercise library: the seeded exercises and the clinic’s own, each at its latest version, archived ones marked.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({}),
    response: z.object({ exercises: z.array(libraryEntrySchema) }),
  }),
  'exercises.history': channel({
    summary: 'Every version of one exercise, newest first (a seeded one starts from its shipped text).',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ key }),
    response: z.object({ versions: z.array(exerciseVersionSchema) }),
  }),
  'exercises.save': channel({
    summary: 'Add a clinic exercise, or save a new version of one (a seeded exercise edited becomes the clinic’s version of it).',
    access: CLINICAL,
    kind: 'write',
    request: z.object({
      /** Absent for a new exercise. */
      key: key.optional(),
      /** The version the editor started from; a newer one saved meanwhile is not overwritten. */
      expectedVersion: z.number().int().min(0).optional(),
      exercise: exerciseInputSchema,
    }),
    response: libraryEntrySchema,
  }),
  'exercises.setArchived': channel({
    summary: 'Archive an exercise (it leaves the pick list; printed programs keep it) or bring it back.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ key, archived: z.boolean() }),
    response: libraryEntrySchema,
  }),
} as const;
