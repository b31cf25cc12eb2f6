/**
 * The Medicare guard (rule billing.medicare-no-superbill; clinical.md §5.4 and §9). The patient
 * record's flag means "primary coverage is traditional Medicare Part B" (not Medicare Advantage).
 */
export const MEDICARE_SUPERBILL_REFUSAL =
  'No superbill for this patient: their primary coverage is Medicare Part B. A physical therapist cannot opt out of Medicare ' +
  '(Medicare Benefit Policy Manual, chapter 15, section 40.4) and must submit the claim to Medicare for covered services, so the clinic may not hand the patient ' +
  'a superbill to submit themselves. Submit the claim for them, or, before a service Medicare may not cover, give them an Advance Beneficiary Notice (ABN).';

/** What the front desk does instead, step by step (clinical.md §9). */
export const ABN_REMINDER: readonly string[] = [
  'Medicare Part B is primary: the clinic submits the claim for covered therapy; no self-submit superbill.',
  'Before a service Medicare may not pay for, give the Advance Beneficiary Notice (form CMS-R-131): one page, explained, signed and dated by the patient before the service.',
  'Give the patient a copy and keep the signed original with the chart.',
  'Claims for services under an ABN carry the modifier the notice calls for (GA, GX, GY or GZ).',
  'Medicare Advantage plans are not traditional Medicare: if the patient has one, correct the primary coverage on the patient record.',
];

export const MEDICARE_PRIMARY_LABEL = 'Primary coverage: Medicare Part B';
