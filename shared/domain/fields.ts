import { z } from 'zod';
import { isIsoDate, parseTypedDate, type TypedDateOrder } from '../util/dates';
import { digitsOnly } from '../util/text';

/** Optional free text from a form: blank becomes null so "no value" has one spelling. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is longer than ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const requiredText = (max: number, label: string) =>
  z.string({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(max, `${label} is longer than ${max} characters`);

export const phoneNumber = (label: string) =>
  z
    .string()
    .trim()
    .max(40, `${label} is longer than 40 characters`)
    .refine((v) => v === '' || (digitsOnly(v).length >= 7 && digitsOnly(v).length <= 15), `${label} needs 7 to 15 digits`)
    .refine((v) => /^[\d\s()+.\-x]*$/i.test(v), `${label} may only hold digits, spaces and + ( ) - .`);

export const optionalPhone = (label: string) =>
  phoneNumber(label)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const TYPED_PATTERNS: Record<TypedDateOrder, string> = { MDY: 'MM/DD/YYYY', DMY: 'DD/MM/YYYY', YMD: 'YYYY-MM-DD' };

/** A calendar date (YYYY-MM-DD); also accepts what a person types in the clinic's order (3/7/1985). */
export const calendarDate = (label: string, order: TypedDateOrder = 'MDY') =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .transform((v, ctx) => {
      const iso = parseTypedDate(v, order);
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `${label} is not a real date (type it as ${TYPED_PATTERNS[order]})` });
        return z.NEVER;
      }
      return iso;
    });

export const isoDateString = z.string().refine(isIsoDate, 'Not a real date (YYYY-MM-DD)');
export const isoInstant = z.iso.datetime({ offset: false });
export const id = z.number().int().positive();
