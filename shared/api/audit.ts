import { z } from 'zod';
import { channel } from './channel';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditChannels = {
  'audit.list': channel({
    summary: 'The audit log, newest first, optionally for one record. There is no channel that edits it.',
    access: ['admin'],
    kind: 'read',
    request: z.object({
      entity: z.string().max(40).optional(),
      entityId: z.string().max(40).optional(),
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    response: z.object({ entries: z.array(auditEntrySchema) }),
  }),
} as const;
