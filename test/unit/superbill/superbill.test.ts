import { describe, expect, it } from 'vitest';
import { nameWithCredentials, paidInFull, superbillProblems, type SuperbillData } from '../../../shared/superbill/superbill';
import { unifyDiagnoses } from '../../../shared/superbill/assemble';
import { pointerProblem } from '../../../shared/superbill/claim-codes';

function complete(): SuperbillData {
  return {
    from: '2026-11-01',
    to: '2026-11-30',
    clinic: { name: 'Stride Physio', addressLine1: '1 Main St', addressLine2: null, city: 'Austin', region: 'TX', postalCode: '78701', phone: '(512) 555-0100', npi: '1234567893', taxId: '36-1234567' },
    patient: { name: 'Đặng, Trọng Tấn', mrn: 'RB000001', dateOfBirth: '1980-04-02', sex: 'Male', addressLine1: '9 Elm St', addressLine2: null, city: 'Austin', region: 'TX', postalCode: '78702', insurerName: 'Aetna', insurerMemberId: 'W123', insurerGroupId: null },
    referring: null,
    placeOfService: '11',
    diagnoses: [
      { letter: 'A', code: 'M54.50', title: 'Low back pain, unspecified' },
      { letter: 'B', code: 'M54.41', title: 'Lumbago with sciatica, right side' },
    ],
    lines: [
      { dateOfService: '2026-11-03', code: '97162', label: 'PT evaluation', modifiers: ['GP'], pointers: ['A', 'B'], units: 1, chargeCents: 15000, therapistId: 7, manual: false },
      { dateOfService: '2026-11-10', code: '97140', label: 'Manual therapy', modifiers: ['GP', '59'], pointers: ['A'], units: 2, chargeCents: 9000, therapistId: 7, manual: false },
    ],
    therapists: [{ id: 7, name: 'Nguyen, Lan', npi: '1288456795', credentials: 'PT, DPT' }],
    totals: { chargesCents: 24000, paidCents: 24000, balanceCents: 0 },
  };
}

type Change = (d: SuperbillData) => void;

describe('superbill completeness', () => {
  it('a complete superbill has no problems', () => {
    expect(superbillProblems(complete())).toEqual([]);
  });

  it.each<[string, Change, string]>([
    ['patient name', (d) => (d.patient.name = ' '), 'Patient: no name'],
    ['date of birth', (d) => (d.patient.dateOfBirth = ''), 'Patient: no date of birth'],
    ['patient street', (d) => (d.patient.addressLine1 = null), 'Patient address: no street address'],
    ['patient ZIP', (d) => (d.patient.postalCode = null), 'Patient address: no ZIP code'],
    ['clinic phone', (d) => (d.clinic.phone = ''), 'Clinic: no phone number'],
    ['clinic city', (d) => (d.clinic.city = ''), 'Clinic address: no city'],
    ['billing NPI missing', (d) => (d.clinic.npi = null), 'Clinic: the clinic’s billing NPI (type 2) is missing (Settings → Clinic)'],
    ['billing NPI check digit', (d) => (d.clinic.npi = '1234567890'), 'Clinic: the clinic’s billing NPI (type 2) 1234567890 fails its check digit (mistyped?) (Settings → Clinic)'],
    ['EIN format', (d) => (d.clinic.taxId = '36-12345'), 'Clinic: Tax ID (EIN) "36-12345" is not 9 digits written NN-NNNNNNN (Settings → Clinic)'],
    ['EIN prefix', (d) => (d.clinic.taxId = '00-1234567'), 'Clinic: Tax ID (EIN) 00-1234567 starts with 00, a prefix the IRS does not issue (mistyped?) (Settings → Clinic)'],
    ['rendering NPI', (d) => (d.therapists[0]!.npi = null), 'Nguyen, Lan: individual NPI (type 1) is missing (Settings → Users)'],
    ['rendering NPI check digit', (d) => (d.therapists[0]!.npi = '1288456796'), 'Nguyen, Lan: individual NPI (type 1) 1288456796 fails its check digit (mistyped?) (Settings → Users)'],
    ['rendering NPI = billing NPI', (d) => (d.therapists[0]!.npi = '1234567893'), 'Nguyen, Lan: individual NPI (type 1) is the same number as the clinic’s billing NPI (type 2); one of them is wrong'],
    ['credentials', (d) => (d.therapists[0]!.credentials = ''), 'Nguyen, Lan: no credentials (e.g. PT, DPT) (Settings → Users)'],
    ['place of service', (d) => (d.placeOfService = '02'), 'Place of service is "02", not 11 (office)'],
    ['no diagnoses', (d) => (d.diagnoses = []), 'No diagnoses: the superbill needs at least one ICD-10-CM code (the episode of care)'],
    ['diagnosis letters', (d) => (d.diagnoses[1]!.letter = 'C'), 'Diagnosis M54.41 is lettered C, not B'],
    ['no charges', (d) => (d.lines = []), 'No charges in these dates: nothing to put on a superbill'],
    ['no GP', (d) => (d.lines[1]!.modifiers = ['59']), 'Line 2026-11-10 97140: no GP modifier'],
    ['no pointer', (d) => (d.lines[0]!.pointers = []), 'Line 2026-11-03 97162: no diagnosis pointer'],
    ['pointer past the list', (d) => (d.lines[0]!.pointers = ['C']), 'Line 2026-11-03 97162: diagnosis pointer C names no listed diagnosis'],
    ['no units', (d) => (d.lines[1]!.units = 0), 'Line 2026-11-10 97140: no units'],
    ['no charge', (d) => (d.lines[1]!.chargeCents = 0), 'Line 2026-11-10 97140: no charge'],
    ['bad code', (d) => (d.lines[1]!.code = '9714'), 'Line 2026-11-10 9714: procedure code "9714" is not a CPT code (5 digits, e.g. 97110)'],
    ['no therapist', (d) => (d.lines[1]!.therapistId = null), 'Line 2026-11-10 97140: no rendering therapist'],
  ])('refuses: %s', (_what, change, problem) => {
    const d = complete();
    change(d);
    const problems = superbillProblems(d);
    // Diagnosis changes also leave the lines' pointers dangling; those are listed after, per line.
    expect(problem.startsWith('Line ') ? problems : problems.filter((p) => !p.startsWith('Line '))).toEqual([problem]);
  });

  it('lists every problem at once, and a line with several problems says them in one sentence', () => {
    const d = complete();
    d.clinic.npi = null;
    d.clinic.taxId = null;
    d.patient.addressLine1 = null;
    d.lines[0] = { ...d.lines[0]!, modifiers: [], pointers: [], units: 0 };
    expect(superbillProblems(d)).toEqual([
      'Patient address: no street address',
      'Clinic: the clinic’s billing NPI (type 2) is missing (Settings → Clinic)',
      'Clinic: Tax ID (EIN) is missing (Settings → Clinic)',
      'Line 2026-11-03 97162: no GP modifier; no diagnosis pointer; no units',
    ]);
  });

  it('more than twelve diagnoses are refused', () => {
    const d = complete();
    d.diagnoses = Array.from({ length: 13 }, (_, i) => ({ letter: String.fromCharCode(65 + i), code: `M54.5${i}`, title: null }));
    expect(superbillProblems(d)).toContain('13 diagnoses: a superbill lists at most 12 (A–L)');
  });

  it('"paid in full" only when something was charged and nothing is owed', () => {
    expect(paidInFull({ chargesCents: 100, paidCents: 100, balanceCents: 0 })).toBe(true);
    expect(paidInFull({ chargesCents: 100, paidCents: 150, balanceCents: -50 })).toBe(true);
    expect(paidInFull({ chargesCents: 100, paidCents: 50, balanceCents: 50 })).toBe(false);
    expect(paidInFull({ chargesCents: 0, paidCents: 0, balanceCents: 0 })).toBe(false);
  });
});

describe('one diagnosis list for the superbill', () => {
  const lbp = { code: 'M54.50', title: 'Low back pain, unspecified' };
  const sciatica = { code: 'M54.41', title: 'Lumbago with sciatica, right side' };
  const stenosis = { code: 'M48.061', title: 'Spinal stenosis' };
  it('keeps each code once, re-letters a second episode’s pointers by code, and lists only what is pointed to', () => {
    const first = [{ letter: 'A', ...lbp }, { letter: 'B', ...sciatica }, { letter: 'C', ...stenosis }];
    const second = [{ letter: 'A', ...sciatica }, { letter: 'B', ...stenosis }];
    expect(
      unifyDiagnoses([
        { diagnoses: first, pointers: ['A', 'B'] },
        { diagnoses: first, pointers: ['B'] },
        { diagnoses: second, pointers: ['A', 'B'] },
      ]),
    ).toEqual({
      diagnoses: [
        { letter: 'A', ...lbp },
        { letter: 'B', ...sciatica },
        { letter: 'C', ...stenosis },
      ],
      pointers: [['A', 'B'], ['B'], ['B', 'C']],
    });
  });
  it('a pointer its episode does not letter stays visible as "?" (refused, never guessed)', () => {
    expect(unifyDiagnoses([{ diagnoses: [{ letter: 'A', ...lbp }], pointers: ['D'] }]).pointers).toEqual([['?']]);
    expect(pointerProblem(['?'], ['A'])).toBe('diagnosis pointer "?" is not a letter A–L');
  });
});

describe('the therapist’s name with credentials', () => {
  it.each([
    ['Nguyen, Lan', 'PT, DPT', 'Nguyen, Lan, PT, DPT'],
    ['Marisol Reyes, PT, DPT', 'PT, DPT', 'Marisol Reyes, PT, DPT'],
    ['Marisol Reyes, PT', 'PT, DPT', 'Marisol Reyes, PT, PT, DPT'],
    ['Linh Nguyen', null, 'Linh Nguyen'],
  ])('%s + %s → %s', (name, credentials, printed) => {
    expect(nameWithCredentials(name, credentials)).toBe(printed);
  });
});
