import { z } from 'zod';
import { channel } from './channel';
import { isIsoDate } from '../util/dates';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.string().nullable(),
  /** Words for the admin's screen: who (their name), the action, the record (a patient's name and MRN). */
  who: z.string(),
  actionLabel: z.string(),
  record: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const day = (label: string) => z.string().refine(isIsoDate, `${label} is not a real date`);

/** What the viewer filters by: a patient, a user, an action, a span of the clinic's calendar days. */
export const auditFilterSchema = z
  .object({
    patientId: z.number().int().positive().optional(),
    userId: z.number().int().positive().optional(),
    action: z.string().max(60).optional(),
    from: day('From').optional(),
    to: day('To').optional(),
    entity: z.string().max(40).optional(),
    entityId: z.string().max(40).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'The span ends before it starts', path: ['to'] });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The most rows one export holds (a year of a busy clinic is far less). */
export const AUDIT_EXPORT_MAX = 50_000;

export const auditChannels = {
  'audit.list': channel({
    summary: 'The audit log, newest first, filtered by patient, user, action and dates; a page at a time (beforeId). There is no channel that edits it.',
    access: ['admin'],
    kind: 'read',
    request: z.intersection(auditFilterSchema, z.object({ beforeId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(100) })),
    response: z.object({ entries: z.array(auditEntrySchema), more: z.boolean() }),
  }),
  'audit.export': channel({
    summary: 'The filtered audit log as a CSV file (dates in the clinic’s format and zone, with UTC times beside them).',
    access: ['admin'],
    kind: 'read',
    request: auditFilterSchema,
    response: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int(), truncated: z.boolean() }),
  }),
} as const;
