import { z } from 'zod';
import { channel } from './channel';
import { clinicInputSchema } from '../domain/clinic';
import { newUserSchema } from '../domain/user';
import { sessionGrantSchema } from './auth';

export const setupChannels = {
  'setup.status': channel({
    summary: 'Whether this data folder already holds a clinic (first run shows setup, later runs sign-in).',
    access: 'public',
    kind: 'read',
    request: z.object({}),
    response: z.object({ clinicExists: z.boolean(), clinicName: z.string().nullable() }),
  }),
  'setup.createClinic': channel({
    summary: 'First run only: create the clinic and its first admin, and sign that admin in.',
    access: 'public',
    kind: 'write',
    request: z.object({ clinic: clinicInputSchema, admin: newUserSchema.omit({ role: true }) }),
    response: sessionGrantSchema,
  }),
} as const;

