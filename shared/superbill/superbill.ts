import { einProblem, npiProblem } from '../domain/identifiers';
import { cptShapeProblem, DIAGNOSIS_LETTERS, MAX_MODIFIERS_PER_LINE, modifierShapeProblem, pointerProblem } from './claim-codes';

/**
 * A superbill: the itemised statement a cash patient sends to their insurer (clinical.md §5.1, laid
 * out after the NUCC 1500 items it maps to). Everything the PDF prints is in here, already chosen;
 * money in integer cents.
 */
export const OFFICE_PLACE_OF_SERVICE = '11';
/** Every PT line carries GP (clinical.md §5.2). */
export const SUPERBILL_REQUIRED_MODIFIER = 'GP';

export interface SuperbillTherapist {
  id: number;
  name: string;
  npi: string | null;
  credentials: string | null;
}

export interface SuperbillLine {
  dateOfService: string;
  code: string;
  /** Runback's own short label (never the AMA descriptor). */
  label: string;
  modifiers: string[];
  pointers: string[];
  units: number;
  chargeCents: number;
  /** Who rendered it (item 24J). */
  therapistId: number | null;
  /** Charged by hand, without a signed note. */
  manual: boolean;
}

export interface SuperbillData {
  from: string;
  to: string;
  clinic: {
    name: string;
    addressLine1: string;
    addressLine2: string | null;
    city: string;
    region: string;
    postalCode: string;
    phone: string;
    npi: string | null;
    taxId: string | null;
  };
  patient: {
    name: string;
    mrn: string;
    dateOfBirth: string;
    sex: string;
    addressLine1: string | null;
    addressLine2: string | null;
    city: string | null;
    region: string | null;
    postalCode: string | null;
    insurerName: string | null;
    insurerMemberId: string | null;
    insurerGroupId: string | null;
  };
  /** Referring provider (item 17), when the episode names one. */
  referring: { name: string; npi: string | null } | null;
  placeOfService: string;
  /** Lettered A–L in order (item 21). */
  diagnoses: { letter: string; code: string; title: string | null }[];
  lines: SuperbillLine[];
  therapists: SuperbillTherapist[];
  totals: { chargesCents: number; paidCents: number; balanceCents: number };
}

/**
 * Everything missing or invalid on a superbill, in words a front desk can act on ("Patient address:
 * no ZIP code"); empty when it can print. Nothing is guessed: an unchecked field is a problem.
 */
export function superbillProblems(d: SuperbillData): string[] {
  const out: string[] = [];
  const need = (value: string | null | undefined, what: string) => {
    if (!value || !value.trim()) out.push(what);
  };
  need(d.patient.name, 'Patient: no name');
  need(d.patient.dateOfBirth, 'Patient: no date of birth');
  need(d.patient.addressLine1, 'Patient address: no street address');
  need(d.patient.city, 'Patient address: no city');
  need(d.patient.region, 'Patient address: no state');
  need(d.patient.postalCode, 'Patient address: no ZIP code');
  need(d.clinic.name, 'Clinic: no name');
  need(d.clinic.addressLine1, 'Clinic address: no street address');
  need(d.clinic.city, 'Clinic address: no city');
  need(d.clinic.region, 'Clinic address: no state');
  need(d.clinic.postalCode, 'Clinic address: no ZIP code');
  need(d.clinic.phone, 'Clinic: no phone number');

  const billing = npiProblem(d.clinic.npi, 'the clinic’s billing NPI (type 2)');
  if (billing) out.push(`Clinic: ${billing} (Settings → Clinic)`);
  const ein = einProblem(d.clinic.taxId);
  if (ein) out.push(`Clinic: ${ein} (Settings → Clinic)`);
  if (d.placeOfService !== OFFICE_PLACE_OF_SERVICE) out.push(`Place of service is "${d.placeOfService}", not 11 (office)`);

  if (d.lines.length === 0) out.push('No charges in these dates: nothing to put on a superbill');

  const rendering = new Map(d.therapists.map((t) => [t.id, t]));
  const seen = new Set<number>();
  for (const line of d.lines) {
    if (line.therapistId === null) continue;
    if (seen.has(line.therapistId)) continue;
    seen.add(line.therapistId);
    const t = rendering.get(line.therapistId);
    if (!t) {
      out.push('A line names a rendering therapist who is not on file');
      continue;
    }
    const npi = npiProblem(t.npi, 'individual NPI (type 1)');
    if (npi) out.push(`${t.name}: ${npi} (Settings → Users)`);
    else if (d.clinic.npi && t.npi === d.clinic.npi.trim()) out.push(`${t.name}: individual NPI (type 1) is the same number as the clinic’s billing NPI (type 2); one of them is wrong`);
    if (!t.credentials?.trim()) out.push(`${t.name}: no credentials (e.g. PT, DPT) (Settings → Users)`);
  }

  if (d.diagnoses.length === 0) out.push('No diagnoses: the superbill needs at least one ICD-10-CM code (the episode of care)');
  if (d.diagnoses.length > DIAGNOSIS_LETTERS.length) out.push(`${d.diagnoses.length} diagnoses: a superbill lists at most 12 (A–L)`);
  d.diagnoses.forEach((dx, i) => {
    if (dx.letter !== DIAGNOSIS_LETTERS[i]) out.push(`Diagnosis ${dx.code} is lettered ${dx.letter}, not ${DIAGNOSIS_LETTERS[i] ?? '(past L)'}`);
  });
  const letters = d.diagnoses.map((dx) => dx.letter);

  for (const line of d.lines) {
    const where = `Line ${line.dateOfService} ${line.code || '(no code)'}`;
    const problems: string[] = [];
    const cpt = cptShapeProblem(line.code);
    if (cpt) problems.push(cpt);
    if (!line.modifiers.includes(SUPERBILL_REQUIRED_MODIFIER)) problems.push('no GP modifier');
    for (const m of line.modifiers) {
      const bad = modifierShapeProblem(m);
      if (bad) problems.push(bad);
    }
    if (line.modifiers.length > MAX_MODIFIERS_PER_LINE) problems.push(`${line.modifiers.length} modifiers (at most 4)`);
    const pointer = pointerProblem(line.pointers, letters);
    if (pointer) problems.push(pointer);
    if (!Number.isInteger(line.units) || line.units < 1) problems.push('no units');
    if (!Number.isInteger(line.chargeCents) || line.chargeCents <= 0) problems.push('no charge');
    if (line.therapistId === null) problems.push('no rendering therapist');
    if (problems.length) out.push(`${where}: ${problems.join('; ')}`);
  }
  return out;
}

/** "Paid in full" only when something was charged and nothing is owed. */
export function paidInFull(totals: SuperbillData['totals']): boolean {
  return totals.chargesCents > 0 && totals.balanceCents <= 0;
}

/** "Marisol Reyes, PT, DPT": credentials after the name, unless the name already ends with them. */
export function nameWithCredentials(name: string, credentials: string | null): string {
  const c = credentials?.trim();
  if (!c) return name;
  return name.replace(/\s+/g, ' ').toLowerCase().endsWith(`, ${c.toLowerCase()}`) ? name : `${name}, ${c}`;
}
