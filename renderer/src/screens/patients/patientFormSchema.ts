import type { z } from 'zod';
import { patientInputSchema, type Patient, type PatientInput } from '../../../../shared/domain/patient';
import { calendarDate } from '../../../../shared/domain/fields';
import { calendarDateForTyping, dateOrderOf } from '../../../../shared/format/dates';
import type { Country } from '../../../../shared/domain/locale';
import { postalCodeProblem } from '../../../../shared/domain/postal';

/**
 * The patient form's schema: the domain's, plus the date checks the server makes against the
 * clinic's today (so "Date of birth is in the future" shows while typing, not only after Save).
 */
export function patientFormSchema(today: string, locale: string, country: Country) {
  return patientInputSchema
    .extend({
      dateOfBirth: calendarDate('Date of birth', dateOrderOf(locale))
        .refine((iso) => iso <= today, 'Date of birth is in the future')
        .refine((iso) => iso >= '1900-01-01', 'Date of birth is before 1900'),
    })
    .superRefine((v, ctx) => {
      const problem = postalCodeProblem(v.postalCode, country);
      if (problem) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem });
    });
}

export type PatientFormInput = z.input<ReturnType<typeof patientFormSchema>>;
export type PatientFormOutput = z.output<ReturnType<typeof patientFormSchema>>;

/** The form's field names (server messages are placed on these). */
export const PATIENT_FIELDS = Object.keys(patientInputSchema.shape) as (keyof PatientInput)[];

/** What the form starts with: a patient's record as typed text, or blanks for a new one. */
export function toFormValues(p: Patient | null, locale: string): PatientFormInput {
  const text = (v: string | null | undefined) => v ?? '';
  return {
    legalFirstName: text(p?.legalFirstName),
    legalLastName: text(p?.legalLastName),
    preferredName: text(p?.preferredName),
    dateOfBirth: p ? calendarDateForTyping(p.dateOfBirth, locale) : '',
    // A new patient's sex and Medicare status are chosen, never assumed.
    sex: (p?.sex ?? '') as PatientFormInput['sex'],
    phone: text(p?.phone),
    email: text(p?.email),
    addressLine1: text(p?.addressLine1),
    addressLine2: text(p?.addressLine2),
    city: text(p?.city),
    region: text(p?.region),
    postalCode: text(p?.postalCode),
    emergencyContactName: text(p?.emergencyContactName),
    emergencyContactPhone: text(p?.emergencyContactPhone),
    emergencyContactRelationship: text(p?.emergencyContactRelationship),
    referralSource: p?.referralSource ?? null,
    referralDetail: text(p?.referralDetail),
    insurerName: text(p?.insurerName),
    insurerMemberId: text(p?.insurerMemberId),
    insurerGroupId: text(p?.insurerGroupId),
    medicareBeneficiary: p ? p.medicareBeneficiary : (undefined as unknown as boolean),
    notes: text(p?.notes),
    language: p?.language ?? 'en',
  };
}
