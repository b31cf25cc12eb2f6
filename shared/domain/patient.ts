import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { calendarDate, optionalPhone, optionalText, requiredText } from './fields';

export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Unknown / not stated',
};

export const REFERRAL_SOURCES = ['physician', 'self', 'patient', 'coach', 'web', 'insurer', 'other'] as const;
export const REFERRAL_SOURCE_LABELS: Record<(typeof REFERRAL_SOURCES)[number], string> = {
  physician: 'Physician or provider',
  self: 'Self-referred',
  patient: 'Another patient',
  coach: 'Running coach or club',
  web: 'Web search or social media',
  insurer: 'Insurer',
  other: 'Other',
};

/** The patient form: what staff type. Dates are checked against the clinic's "today" by the handler. */
export const patientInputSchema = z.object({
  legalFirstName: requiredText(80, 'Legal first name'),
  legalLastName: requiredText(80, 'Legal last name'),
  preferredName: optionalText(80, 'Preferred name'),
  dateOfBirth: calendarDate('Date of birth'),
  sex: z.enum(SEXES, { error: 'Choose a sex (or "Unknown / not stated")' }),
  phone: optionalPhone('Phone'),
  email: optionalText(160, 'Email').refine(
    (v) => v === null || z.email().safeParse(v).success,
    'Email does not look like an address (name@example.com)',
  ),
  addressLine1: optionalText(120, 'Street address'),
  addressLine2: optionalText(120, 'Address line 2'),
  city: optionalText(80, 'City'),
  region: optionalText(80, 'State or region'),
  postalCode: optionalText(20, 'ZIP or postal code'),
  emergencyContactName: optionalText(120, 'Emergency contact name'),
  emergencyContactPhone: optionalPhone('Emergency contact phone'),
  emergencyContactRelationship: optionalText(60, 'Relationship'),
  referralSource: z.enum(REFERRAL_SOURCES).nullable().optional().transform((v) => v ?? null),
  referralDetail: optionalText(160, 'Referred by'),
  insurerName: optionalText(120, 'Insurer'),
  insurerMemberId: optionalText(60, 'Member ID'),
  insurerGroupId: optionalText(60, 'Group number'),
  /** Primary coverage is traditional Medicare Part B (the Medicare guard: no self-submit superbill). */
  medicareBeneficiary: z.boolean({ error: 'Say whether the patient’s primary coverage is Medicare Part B' }),
  notes: optionalText(4000, 'Notes'),
  /** The language the patient's handouts print in; left out, a new patient reads English and an edit keeps what was there. */
  language: z.enum(LANGUAGES, { error: 'Choose the handout language: English or Español' }).optional(),
});
export type PatientInput = z.input<typeof patientInputSchema>;
export type PatientFields = z.output<typeof patientInputSchema>;

export const patientSchema = z.object({
  id: z.number().int(),
  mrn: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  sex: z.enum(SEXES),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  emergencyContactRelationship: z.string().nullable(),
  referralSource: z.enum(REFERRAL_SOURCES).nullable(),
  referralDetail: z.string().nullable(),
  insurerName: z.string().nullable(),
  insurerMemberId: z.string().nullable(),
  insurerGroupId: z.string().nullable(),
  medicareBeneficiary: z.boolean(),
  notes: z.string().nullable(),
  language: z.enum(LANGUAGES),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Patient = z.infer<typeof patientSchema>;

/** One row of the patient list: enough to tell two "Maria Garcia"s apart. */
export const patientSummarySchema = patientSchema.pick({
  id: true,
  mrn: true,
  legalFirstName: true,
  legalLastName: true,
  preferredName: true,
  dateOfBirth: true,
  phone: true,
  archivedAt: true,
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

/** 'relevance' puts the best match first (a last name starting with what was typed before other hits). */
export const PATIENT_SORTS = ['relevance', 'name', 'dateOfBirth', 'mrn', 'createdAt'] as const;
export type PatientSort = (typeof PATIENT_SORTS)[number];

/** How a patient is named on screen: "Garcia, Maria (Mia)". */
export function patientDisplayName(p: Pick<Patient, 'legalFirstName' | 'legalLastName' | 'preferredName'>): string {
  const preferred = p.preferredName && p.preferredName !== p.legalFirstName ? ` (${p.preferredName})` : '';
  return `${p.legalLastName}, ${p.legalFirstName}${preferred}`;
}
