import { z } from 'zod';
import { ROLES } from './roles';
import { optionalText, requiredText } from './fields';
import { npiProblem } from './identifiers';

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
  /** Individual NPI (type 1): the superbill's rendering provider. */
  npi: z.string().nullable(),
  /** How the therapist signs, e.g. "PT, DPT". */
  credentials: z.string().nullable(),
  license: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const sessionUserSchema = userSchema.pick({ id: true, username: true, displayName: true, role: true });
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** What a superbill prints of a therapist: individual NPI (type 1, check digit verified), credentials, licence. */
export const billingIdentitySchema = z.object({
  npi: optionalText(20, 'NPI').superRefine((v, ctx) => {
    const problem = v === null ? null : npiProblem(v.replace(/[\s-]/g, ''));
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).transform((v) => (v === null ? null : v.replace(/[\s-]/g, ''))),
  credentials: optionalText(40, 'Credentials').refine((v) => v === null || /^[\p{L}\p{N} ,.&/()-]+$/u.test(v), 'Credentials hold letters, digits, commas and dots, e.g. PT, DPT'),
  license: optionalText(60, 'Licence'),
});
export type BillingIdentityInput = z.input<typeof billingIdentitySchema>;
