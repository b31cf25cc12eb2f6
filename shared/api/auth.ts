import { z } from 'zod';
import { COUNTRIES, DATE_ORDERS, TIME_FORMATS, WEEK_START_DAYS } from '../domain/locale';
import { channel } from './channel';
import { sessionUserSchema } from '../domain/user';
import { DISTANCE_UNITS } from '../domain/clinic';

export const sessionGrantSchema = z.object({
  sessionToken: z.string(),
  user: sessionUserSchema,
  idleLockMinutes: z.number().int(),
});
export type SessionGrant = z.infer<typeof sessionGrantSchema>;

const credentials = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Username is required').max(40, 'Username is longer than 40 characters'),
  password: z.string().min(1, 'Password is required').max(200, 'Password is longer than 200 characters'),
});

export const authChannels = {
  'auth.signIn': channel({
    summary: 'Sign in with username and password; ends any session named in replaceSession (sign-in from the lock screen).',
    access: 'public',
    kind: 'write',
    request: credentials.extend({ replaceSession: z.string().max(200).optional() }),
    response: sessionGrantSchema,
  }),
  'auth.unlock': channel({
    summary: 'The signed-in user unlocks their own locked session with their password.',
    access: 'public',
    kind: 'write',
    request: z.object({ password: credentials.shape.password }),
    response: sessionGrantSchema,
  }),
  'auth.lock': channel({
    summary: 'Lock the current session now (Lock button or idle timer).',
    access: 'signed-in',
    kind: 'write',
    request: z.object({}),
    response: z.object({ locked: z.literal(true) }),
  }),
  'auth.heartbeat': channel({
    summary: 'Tell the server the user is active, so the idle lock counts from now.',
    access: 'signed-in',
    kind: 'read',
    request: z.object({}),
    response: z.object({ idleLockMinutes: z.number().int() }),
  }),
  'auth.signOut': channel({
    summary: 'End the current session.',
    access: 'signed-in',
    kind: 'write',
    request: z.object({}),
    response: z.object({ signedOut: z.literal(true) }),
  }),
  'auth.me': channel({
    summary: 'Who is signed in, and the clinic preferences every screen needs.',
    access: 'signed-in',
    kind: 'read',
    request: z.object({}),
    response: z.object({
      user: sessionUserSchema,
      clinicName: z.string(),
      timeZone: z.string(),
      distanceUnit: z.enum(DISTANCE_UNITS),
      idleLockMinutes: z.number().int(),
      country: z.enum(COUNTRIES),
      dateOrder: z.enum(DATE_ORDERS),
      timeFormat: z.enum(TIME_FORMATS),
      weekStartsOn: z.enum(WEEK_START_DAYS),
    }),
  }),
} as const;
