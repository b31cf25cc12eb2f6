import { z } from 'zod';
import { ROLES } from './roles';
import { requiredText } from './fields';

export const MIN_PASSWORD_LENGTH = 10;

export const usernameSchema = z
  .string({ error: 'Username is required' })
  .trim()
  .toLowerCase()
  .min(1, 'Username is required')
  .min(3, 'Username needs at least 3 characters')
  .max(40, 'Username is longer than 40 characters')
  .regex(/^[a-z0-9._-]+$/, 'Username may only hold letters, digits, dot, dash and underscore');

export const newPasswordSchema = z
  .string({ error: 'Password is required' })
  .min(1, 'Password is required')
  .min(MIN_PASSWORD_LENGTH, `Password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'Password is longer than 200 characters');

export const roleSchema = z.enum(ROLES, { error: 'Choose a role: admin, therapist or front desk' });

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: requiredText(80, 'Full name'),
  role: roleSchema,
  password: newPasswordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const sessionUserSchema = userSchema.pick({ id: true, username: true, displayName: true, role: true });
export type SessionUser = z.infer<typeof sessionUserSchema>;
