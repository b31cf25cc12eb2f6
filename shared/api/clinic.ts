import { z } from 'zod';
import { channel } from './channel';
import { clinicInputSchema, clinicSchema } from '../domain/clinic';

export const clinicChannels = {
  'clinic.get': channel({
    summary: 'The clinic’s settings.',
    access: 'signed-in',
    kind: 'read',
    request: z.object({}),
    response: clinicSchema,
  }),
  'clinic.update': channel({
    summary: 'Change the clinic’s settings (name, address, time zone, unit, NPI, tax id, auto-lock).',
    access: ['admin'],
    kind: 'write',
    request: clinicInputSchema,
    response: clinicSchema,
  }),
} as const;
