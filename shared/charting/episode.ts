import { z } from 'zod';
import { checkIcd10 } from '../clinical/billing/icd10';
import { isValidNpi } from '../domain/identifiers';
import { optionalPhone, optionalText, requiredText } from '../domain/fields';
import { calendarDay } from '../domain/schedule';
import { DISCHARGE_REASONS } from './vocab';

/**
 * An episode of care: the referral, the diagnoses (ICD-10-CM, primary first, checked by the rules
 * engine), measurable goals, the plan of care with its certification period, and the discharge.
 * A patient may have several over the years; at most one is open (the current one).
 */
export const REFERRAL_TYPES = ['self', 'physician'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];
export const REFERRAL_TYPE_LABELS: Record<ReferralType, string> = { self: 'Self-referred (direct access)', physician: 'Physician referral' };

export const GOAL_TERMS = ['short', 'long'] as const;
export type GoalTerm = (typeof GOAL_TERMS)[number];
export const GOAL_TERM_LABELS: Record<GoalTerm, string> = { short: 'Short-term', long: 'Long-term' };

export const GOAL_STATUSES = ['not_met', 'partly', 'met'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = { not_met: 'Not met', partly: 'Partly met', met: 'Met' };

/** CMS-1500 box 21 holds 12 diagnoses, lettered A–L (clinical.md §5.1). */
export const MAX_DIAGNOSES = 12;
export const DIAGNOSIS_LETTERS = 'ABCDEFGHIJKL'.split('');

export const diagnosisSchema = z.object({
  letter: z.string(),
  code: z.string(),
  /** The code set's title, or null when the code is outside Runback's list (not checked). */
  title: z.string().nullable(),
  checked: z.boolean(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

/**
 * Diagnoses as typed ("m54.50", "M5416"): each is checked by the rules engine. A deleted or
 * incomplete code is refused with the valid codes named; a well-formed code outside Runback's list is
 * kept and marked not checked, so the therapist sees that nobody has verified it.
 */
export const diagnosisCodesSchema = z
  .array(z.string().trim().min(1, 'A diagnosis code is empty'))
  .max(MAX_DIAGNOSES, `At most ${MAX_DIAGNOSES} diagnoses (the claim form holds A–L)`)
  .transform((codes, ctx): Diagnosis[] => {
    const out: Diagnosis[] = [];
    codes.forEach((text, i) => {
      const check = checkIcd10(text);
      if (check.status === 'refused' || check.status === 'incomplete' || check.status === 'malformed') {
        ctx.addIssue({ code: 'custom', message: check.message, path: [i] });
        return;
      }
      if (out.some((d) => d.code === check.code)) {
        ctx.addIssue({ code: 'custom', message: `${check.code} is listed twice`, path: [i] });
        return;
      }
      out.push({ letter: DIAGNOSIS_LETTERS[out.length]!, code: check.code, title: check.status === 'valid' ? check.title : null, checked: check.status === 'valid' });
    });
    return out;
  });

const npi = optionalText(10, 'Referring physician NPI').refine((v) => v === null || isValidNpi(v), 'NPI must be 10 digits with a valid check digit');

/**
 * The referring physician's letter address: whole or not at all. A report cannot be mailed to a street
 * without a city, so street, city and postal code come together; line 2 and the region are optional
 * (not every country has regions). All fields left empty means no address.
 */
export const physicianAddressSchema = z
  .object({
    line1: optionalText(120, 'Physician’s street address'),
    line2: optionalText(120, 'Physician’s address line 2'),
    city: optionalText(80, 'Physician’s city'),
    region: optionalText(80, 'Physician’s state or region'),
    postalCode: optionalText(20, 'Physician’s ZIP or postal code'),
  })
  .superRefine((a, ctx) => {
    if (!Object.values(a).some((v) => v !== null)) return;
    if (a.line1 === null) ctx.addIssue({ code: 'custom', message: 'Add the street address, or clear the physician’s address', path: ['line1'] });
    if (a.city === null) ctx.addIssue({ code: 'custom', message: 'Add the city, or clear the physician’s address', path: ['city'] });
    if (a.postalCode === null) ctx.addIssue({ code: 'custom', message: 'Add the ZIP or postal code, or clear the physician’s address', path: ['postalCode'] });
  })
  .transform((a) => (a.line1 === null ? null : { line1: a.line1, line2: a.line2, city: a.city!, region: a.region, postalCode: a.postalCode! }));
export type PhysicianAddress = NonNullable<z.output<typeof physicianAddressSchema>>;

export const referralSchema = z
  .object({
    type: z.enum(REFERRAL_TYPES, { error: 'Choose self-referred or physician referral' }),
    physicianName: optionalText(120, 'Referring physician'),
    physicianNpi: npi,
    date: calendarDay('Referral date').nullable().default(null),
    physicianAddress: physicianAddressSchema.nullable().default(null),
    physicianPhone: optionalPhone('Physician’s phone'),
    physicianFax: optionalPhone('Physician’s fax'),
  })
  .refine((r) => r.type === 'self' || r.physicianName !== null, { message: 'Name the referring physician', path: ['physicianName'] });

export const goalInputSchema = z.object({
  /** An existing goal's id; absent for a new one. */
  id: z.number().int().positive().optional(),
  term: z.enum(GOAL_TERMS, { error: 'Choose short- or long-term' }),
  description: requiredText(300, 'Goal'),
  targetDate: calendarDay('Target date').nullable().default(null),
  status: z.enum(GOAL_STATUSES).default('not_met'),
});

const visitsPerWeek = z.number({ error: 'Visits a week is a number' }).int('Visits a week is a whole number').min(1, 'At least 1 visit a week').max(7, 'At most 7 visits a week');
const weeks = z.number({ error: 'Weeks is a number' }).int('Weeks is a whole number').min(1, 'At least 1 week').max(52, 'At most 52 weeks');

/** Visits a week × weeks, certified from start to end. The 90-day limit is checked by the handler (it words dates the clinic's way). */
export const planOfCareSchema = z.object({
  visitsPerWeek: visitsPerWeek.nullable().default(null),
  weeks: weeks.nullable().default(null),
  certStart: calendarDay('Certification start').nullable().default(null),
  certEnd: calendarDay('Certification end').nullable().default(null),
});
export type PlanOfCare = z.output<typeof planOfCareSchema>;

export const episodeInputSchema = z.object({
  referral: referralSchema,
  onsetDate: calendarDay('Onset date').nullable().default(null),
  mechanism: optionalText(500, 'Mechanism of onset'),
  diagnoses: diagnosisCodesSchema.default([]),
  goals: z.array(goalInputSchema).max(20, 'At most 20 goals').default([]),
  planOfCare: planOfCareSchema.prefault({}),
});
export type EpisodeInput = z.input<typeof episodeInputSchema>;
export type EpisodeInputData = z.output<typeof episodeInputSchema>;

export const dischargeInputSchema = z.object({
  date: calendarDay('Discharge date'),
  reason: z.enum(DISCHARGE_REASONS, { error: 'Choose a discharge reason' }),
  summary: requiredText(4000, 'Discharge summary'),
});

export const goalSchema = z.object({
  id: z.number().int(),
  term: z.enum(GOAL_TERMS),
  description: z.string(),
  targetDate: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
});
export type Goal = z.infer<typeof goalSchema>;

/** The referral as a signed note freezes it (its snapshot predates the physician's address). */
export const referralSummarySchema = z.object({ type: z.enum(REFERRAL_TYPES), physicianName: z.string().nullable(), physicianNpi: z.string().nullable(), date: z.string().nullable() });

export const episodeSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  status: z.enum(['open', 'discharged']),
  startDate: z.string(),
  referral: referralSummarySchema.extend({
    physicianAddress: z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), region: z.string().nullable(), postalCode: z.string() }).nullable(),
    physicianPhone: z.string().nullable(),
    physicianFax: z.string().nullable(),
  }),
  onsetDate: z.string().nullable(),
  mechanism: z.string().nullable(),
  diagnoses: z.array(diagnosisSchema),
  goals: z.array(goalSchema),
  planOfCare: z.object({ visitsPerWeek: z.number().nullable(), weeks: z.number().nullable(), certStart: z.string().nullable(), certEnd: z.string().nullable() }),
  discharge: z.object({ date: z.string(), reason: z.enum(DISCHARGE_REASONS), summary: z.string() }).nullable(),
  /** Visit notes in the episode (drafts and signed). */
  visits: z.number().int(),
  /** What is due on this episode, in sentences (progress note, recertification). */
  due: z.array(z.object({ ruleId: z.string(), sentence: z.string(), kind: z.enum(['progress-note', 'recertify']) })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Episode = z.infer<typeof episodeSchema>;
