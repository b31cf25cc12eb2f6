import { z } from 'zod';
import { isValidTimeZone } from '../util/dates';
import { einProblem, isValidNpi, normalizeEin } from './identifiers';
import { optionalPhone, optionalText, requiredText } from './fields';
import { COUNTRIES, DATE_ORDERS, DEFAULT_LOCALE_SETTINGS, TIME_FORMATS, WEEK_START_DAYS } from './locale';
import { postalCodeProblem } from './postal';

export const DISTANCE_UNITS = ['km', 'mi'] as const;
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];

export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const DEFAULT_LATE_CANCEL_HOURS = 24;

export const clinicAddressSchema = z.object({
  addressLine1: requiredText(120, 'Street address'),
  addressLine2: optionalText(120, 'Address line 2'),
  city: requiredText(80, 'City'),
  region: requiredText(80, 'State or region'),
  postalCode: requiredText(20, 'ZIP or postal code'),
});

/** The clinic's locale setting (shared/domain/locale.ts); a clinic that never chose keeps the defaults. */
export const clinicLocaleSchema = z.object({
  country: z.enum(COUNTRIES, { error: 'Choose the clinic’s country' }).default('US'),
  dateOrder: z.enum(DATE_ORDERS, { error: 'Choose how dates are written' }).default(DEFAULT_LOCALE_SETTINGS.dateOrder),
  timeFormat: z.enum(TIME_FORMATS, { error: 'Choose a 12-hour or 24-hour clock' }).default(DEFAULT_LOCALE_SETTINGS.timeFormat),
  weekStartsOn: z.enum(WEEK_START_DAYS, { error: 'Choose the first day of the week' }).default(DEFAULT_LOCALE_SETTINGS.weekStartsOn),
});

/** What the clinic settings form edits (setup and Settings → Clinic). */
export const clinicInputSchema = clinicAddressSchema.extend({
  name: requiredText(120, 'Clinic name'),
  phone: optionalPhone('Phone').refine((v) => v !== null, 'Phone is required'),
  timeZone: z
    .string()
    .trim()
    .min(1, 'Time zone is required')
    .refine(isValidTimeZone, 'Time zone is not one this computer knows (e.g. America/Chicago)'),
  distanceUnit: z.enum(DISTANCE_UNITS, { error: 'Choose kilometres or miles' }),
  npi: optionalText(10, 'NPI').refine((v) => v === null || isValidNpi(v), 'NPI must be 10 digits with a valid check digit'),
  taxId: optionalText(20, 'Tax ID').transform((v, ctx) => {
    if (v === null) return null;
    const ein = normalizeEin(v);
    if (!ein) ctx.addIssue({ code: 'custom', message: `${einProblem(v) ?? 'Tax ID (EIN) is not valid'}; e.g. 12-3456789` });
    return ein;
  }),
  idleLockMinutes: z.coerce
    .number({ error: 'Auto-lock needs a number of minutes' })
    .int('Auto-lock needs whole minutes')
    .min(1, 'Auto-lock must be at least 1 minute')
    .max(240, 'Auto-lock may be at most 240 minutes')
    .default(DEFAULT_IDLE_LOCK_MINUTES),
  /** Clinic policy: cancelling less than this many hours before the start counts as late. */
  lateCancelHours: z.coerce
    .number({ error: 'Late-cancellation window needs a number of hours' })
    .int('Late-cancellation window needs whole hours')
    .min(0, 'Late-cancellation window cannot be negative')
    .max(168, 'Late-cancellation window may be at most 168 hours (a week)')
    .default(DEFAULT_LATE_CANCEL_HOURS),
  ...clinicLocaleSchema.shape,
}).superRefine((v, ctx) => {
  const problem = postalCodeProblem(v.postalCode, v.country);
  if (problem) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem });
});
export type ClinicInput = z.input<typeof clinicInputSchema>;

export const clinicSchema = z.object({
  name: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  phone: z.string(),
  timeZone: z.string(),
  distanceUnit: z.enum(DISTANCE_UNITS),
  npi: z.string().nullable(),
  taxId: z.string().nullable(),
  idleLockMinutes: z.number().int(),
  lateCancelHours: z.number().int(),
  country: z.enum(COUNTRIES),
  dateOrder: z.enum(DATE_ORDERS),
  timeFormat: z.enum(TIME_FORMATS),
  weekStartsOn: z.enum(WEEK_START_DAYS),
});
export type Clinic = z.infer<typeof clinicSchema>;
