import { z } from 'zod';
import { channel } from './channel';
import { PATIENT_SORTS, patientInputSchema, patientSchema, patientSummarySchema } from '../domain/patient';

const patientId = z.number({ error: 'Patient id is required' }).int().positive();

export const PATIENT_PAGE_MAX = 500;

/**
 * A search counts its matches up to here and no further: past it the list says "1,000+ matches"
 * (an exact count of a one-letter search would cost more than it tells; typing more narrows it).
 */
export const PATIENT_SEARCH_TOTAL_CAP = 1000;

export const patientChannels = {
  'patients.list': channel({
    summary: 'A page of the patient list, optionally filtered by a search (name, DOB, phone or MRN).',
    access: ['admin', 'therapist', 'front_desk'],
    kind: 'read',
    request: z.object({
      query: z.string().max(100, 'Search is longer than 100 characters').default(''),
      includeArchived: z.boolean().default(false),
      sort: z.enum(PATIENT_SORTS).default('relevance'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(PATIENT_PAGE_MAX).default(100),
    }),
    response: z.object({
      /** The patients the list holds; for a search, at most PATIENT_SEARCH_TOTAL_CAP. */
      total: z.number().int(),
      /** True when a search matches more than `total` (the cap): the list shows the first `total`. */
      capped: z.boolean(),
      rows: z.array(patientSummarySchema),
    }),
  }),
  'patients.get': channel({
    summary: 'One patient’s record (audited as a read).',
    access: ['admin', 'therapist', 'front_desk'],
    kind: 'read',
    request: z.object({ id: patientId }),
    response: patientSchema,
  }),
  'patients.create': channel({
    summary: 'Register a patient; the record gets the next MRN.',
    access: ['admin', 'therapist', 'front_desk'],
    kind: 'write',
    request: patientInputSchema.extend({
      /** Set after staff confirm that a patient with the same name and date of birth is someone else. */
      confirmDuplicate: z.boolean().optional(),
    }),
    response: patientSchema,
  }),
  'patients.update': channel({
    summary: 'Change a patient’s details. `expectedUpdatedAt` refuses to overwrite someone else’s newer edit.',
    access: ['admin', 'therapist', 'front_desk'],
    kind: 'write',
    request: z.object({ id: patientId, expectedUpdatedAt: z.string().optional(), patient: patientInputSchema }),
    response: patientSchema,
  }),
  'patients.setArchived': channel({
    summary: 'Archive or unarchive a patient (records are never deleted).',
    access: ['admin', 'therapist', 'front_desk'],
    kind: 'write',
    request: z.object({ id: patientId, archived: z.boolean() }),
    response: patientSchema,
  }),
} as const;
