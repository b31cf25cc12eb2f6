import { z } from 'zod';
import { channel } from './channel';
import { waitlistEntrySchema, waitlistInputSchema } from '../domain/schedule';

const BOOKERS = ['admin', 'front_desk'] as const;

export const waitlistChannels = {
  'waitlist.list': channel({
    summary: 'Open waitlist entries, highest priority and longest waiting first.',
    access: ['admin', 'front_desk', 'therapist'],
    kind: 'read',
    request: z.object({}),
    response: z.object({ entries: z.array(waitlistEntrySchema) }),
  }),
  'waitlist.add': channel({
    summary: 'Put a patient on the waitlist with their preferences.',
    access: BOOKERS,
    kind: 'write',
    request: waitlistInputSchema,
    response: waitlistEntrySchema,
  }),
  'waitlist.remove': channel({
    summary: 'Take a patient off the waitlist (kept, with the reason).',
    access: BOOKERS,
    kind: 'write',
    request: z.object({ id: z.number().int().positive(), reason: z.string().trim().min(1, 'Say why').max(200) }),
    response: z.object({ removed: z.literal(true) }),
  }),
  'waitlist.matches': channel({
    summary: 'Waitlisted patients who fit a slot (usually one just freed by a cancellation), best first. Books nothing.',
    access: BOOKERS,
    kind: 'read',
    request: z.object({ appointmentId: z.number().int().positive() }),
    response: z.object({ matches: z.array(z.object({ entry: waitlistEntrySchema, reasons: z.array(z.string()) })) }),
  }),
} as const;
