import { z } from 'zod';
import { channel } from './channel';
import { billingIdentitySchema, newPasswordSchema, newUserSchema, roleSchema, userSchema } from '../domain/user';
import { requiredText } from '../domain/fields';

const userId = z.number({ error: 'User id is required' }).int().positive();

export const userChannels = {
  'users.list': channel({
    summary: 'Every user account, active or not.',
    access: ['admin'],
    kind: 'read',
    request: z.object({}),
    response: z.object({ users: z.array(userSchema) }),
  }),
  'users.create': channel({
    summary: 'Add a user with a role and a first password.',
    access: ['admin'],
    kind: 'write',
    request: newUserSchema,
    response: userSchema,
  }),
  'users.update': channel({
    summary: 'Change a user’s name or role, or deactivate / reactivate the account.',
    access: ['admin'],
    kind: 'write',
    request: z.object({
      id: userId,
      displayName: requiredText(80, 'Full name').optional(),
      role: roleSchema.optional(),
      active: z.boolean().optional(),
    }),
    response: userSchema,
  }),
  'users.resetPassword': channel({
    summary: 'Set a new password for a user, clear their lockout and end their sessions.',
    access: ['admin'],
    kind: 'write',
    request: z.object({ id: userId, password: newPasswordSchema }),
    response: userSchema,
  }),
  'users.setBillingIdentity': channel({
    summary: 'Set a therapist’s individual NPI (type 1), credentials and licence, as the superbill prints them.',
    access: ['admin'],
    kind: 'write',
    request: billingIdentitySchema.extend({ id: userId }),
    response: userSchema,
  }),
  'users.therapists': channel({
    summary: 'Active therapists, for pickers (schedule, notes).',
    access: 'signed-in',
    kind: 'read',
    request: z.object({}),
    response: z.object({ therapists: z.array(userSchema.pick({ id: true, displayName: true })) }),
  }),
} as const;
