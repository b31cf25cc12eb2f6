import { z } from 'zod';
import { findWrittenDate, parseTypedDate, type TypedDateOrder } from '../util/dates';
import type { Language } from '../i18n/languages';
import { foldForSearch } from '../util/text';
import { patientInputSchema, type PatientFields } from './patient';

/**
 * Patients from another system's CSV file: which column holds which field (the mapping), and each
 * row turned into a patient or into the reasons it cannot be one. Pure: the CSV is parsed, and
 * duplicates of patients already on file are found, in electron/patient-import/.
 */
export const IMPORT_FIELDS = [
  'legalFirstName',
  'legalLastName',
  'fullName',
  'preferredName',
  'dateOfBirth',
  'sex',
  'phone',
  'email',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'emergencyContactName',
  'emergencyContactPhone',
  'insurerName',
  'insurerMemberId',
  'medicareBeneficiary',
  'language',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  legalFirstName: 'Legal first name',
  legalLastName: 'Legal last name',
  fullName: 'Full name (“Last, First” or “First Last”)',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  phone: 'Phone',
  email: 'Email',
  addressLine1: 'Street address',
  addressLine2: 'Address line 2',
  city: 'City',
  region: 'State or region',
  postalCode: 'ZIP or postal code',
  emergencyContactName: 'Emergency contact name',
  emergencyContactPhone: 'Emergency contact phone',
  insurerName: 'Insurer',
  insurerMemberId: 'Member ID',
  medicareBeneficiary: 'Medicare beneficiary (yes/no)',
  language: 'Handout language (English or Spanish)',
  notes: 'Notes',
};

/** Header words other systems use for each field, folded (lower case, no accents or punctuation). */
const HEADER_HINTS: Record<ImportField, string[]> = {
  legalFirstName: ['first name', 'firstname', 'first', 'given name', 'given', 'forename', 'legal first name'],
  legalLastName: ['last name', 'lastname', 'last', 'surname', 'family name', 'family', 'legal last name'],
  fullName: ['name', 'full name', 'patient name', 'patient'],
  preferredName: ['preferred name', 'nickname', 'goes by', 'preferred'],
  dateOfBirth: ['date of birth', 'dob', 'birth date', 'birthdate', 'birthday', 'born'],
  sex: ['sex', 'gender', 'sex at birth'],
  phone: ['phone', 'mobile', 'cell', 'telephone', 'phone number', 'mobile phone'],
  email: ['email', 'e mail', 'email address'],
  addressLine1: ['address', 'address 1', 'address line 1', 'street', 'street address'],
  addressLine2: ['address 2', 'address line 2', 'apt', 'suite'],
  city: ['city', 'town'],
  region: ['state', 'region', 'province', 'county'],
  postalCode: ['zip', 'zip code', 'postal code', 'postcode'],
  emergencyContactName: ['emergency contact', 'emergency contact name', 'ice name'],
  emergencyContactPhone: ['emergency phone', 'emergency contact phone', 'ice phone'],
  insurerName: ['insurer', 'insurance', 'payer', 'insurance company'],
  insurerMemberId: ['member id', 'policy number', 'subscriber id', 'insurance id'],
  medicareBeneficiary: ['medicare', 'medicare beneficiary'],
  language: ['language', 'preferred language', 'handout language', 'idioma', 'lang'],
  notes: ['notes', 'note', 'comments', 'comment'],
};

export const importMappingSchema = z.object({
  /** Field → the header of the column that holds it (null: not in this file). */
  columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200).nullable()),
  /** How the file writes dates like 03/07/1985. */
  dateOrder: z.enum(['MDY', 'DMY', 'YMD']),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

const fold = (s: string) => foldForSearch(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** The mapping a file's headers suggest (a remembered one is used first where its headers are there). */
export function suggestMapping(headers: string[], remembered: ImportMapping | null, dateOrder: TypedDateOrder): ImportMapping {
  const columns: ImportMapping['columns'] = {};
  const taken = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const kept = remembered?.columns[field];
    const header = kept && headers.includes(kept) ? kept : headers.find((h) => !taken.has(h) && HEADER_HINTS[field].includes(fold(h)));
    if (header) {
      columns[field] = header;
      taken.add(header);
    }
  }
  // A full-name column only when the file has no separate first and last names.
  if (columns.legalFirstName && columns.legalLastName) delete columns.fullName;
  return { columns, dateOrder: remembered?.dateOrder ?? dateOrder };
}

/** Problems with the mapping itself (before any row is read). */
export function mappingProblems(m: ImportMapping, headers: string[]): string[] {
  const problems: string[] = [];
  for (const [field, header] of Object.entries(m.columns)) {
    if (header && !headers.includes(header)) problems.push(`${IMPORT_FIELD_LABELS[field as ImportField]}: the file has no column “${header}”.`);
  }
  const names = (m.columns.legalFirstName && m.columns.legalLastName) || m.columns.fullName;
  if (!names) problems.push('Choose the columns with the first and last names (or one full-name column).');
  if (!m.columns.dateOfBirth) problems.push('Choose the column with the date of birth.');
  return problems;
}

const TWO_DIGIT_YEAR = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/;

/** A date of birth as other systems write it: 1985-03-07, 03/07/1985 (in the chosen order), 7 Mar 1985, Mar 7, 1985. */
export function parseImportDate(text: string, order: TypedDateOrder): { iso: string } | { problem: string } {
  const t = text.trim();
  if (!t) return { problem: 'Date of birth is missing' };
  if (TWO_DIGIT_YEAR.test(t)) return { problem: `Date of birth “${t}” has a two-digit year: write the full year (e.g. 1985)` };
  const typed = parseTypedDate(t, order);
  if (typed) return { iso: typed };
  const written = findWrittenDate(t);
  if (written && t.slice(0, written.start).trim() === '' && t.slice(written.end).trim() === '') return { iso: written.iso };
  const orderWords = { MDY: 'month/day/year', DMY: 'day/month/year', YMD: 'year-month-day' }[order];
  return { problem: `Date of birth “${t.slice(0, 40)}” is not a date (dates in this file are read as ${orderWords})` };
}

const SEX_WORDS: Record<string, PatientFields['sex']> = {
  f: 'female', female: 'female', w: 'female', woman: 'female',
  m: 'male', male: 'male', man: 'male',
  i: 'intersex', intersex: 'intersex', x: 'unknown',
  u: 'unknown', unknown: 'unknown', '': 'unknown', 'not stated': 'unknown', 'prefer not to say': 'unknown', other: 'unknown',
};

/** Language words other systems write, folded; an empty cell leaves the patient on English. */
const LANGUAGE_WORDS: Record<string, Language | undefined> = {
  '': undefined, en: 'en', eng: 'en', english: 'en', ingles: 'en',
  es: 'es', spa: 'es', spanish: 'es', espanol: 'es', castellano: 'es',
};

const YES = new Set(['y', 'yes', 'true', '1', 'x']);
const NO = new Set(['', 'n', 'no', 'false', '0']);

/** "Đặng, Trọng Tấn" → last Đặng, first Trọng Tấn; "María García" → first María, last García. */
export function splitFullName(full: string): { first: string; last: string } {
  const t = full.trim().replace(/\s+/g, ' ');
  const comma = t.indexOf(',');
  if (comma >= 0) return { last: t.slice(0, comma).trim(), first: t.slice(comma + 1).trim() };
  const space = t.lastIndexOf(' ');
  return space < 0 ? { first: '', last: t } : { first: t.slice(0, space), last: t.slice(space + 1) };
}

export type RowCheck = { ok: true; fields: PatientFields } | { ok: false; problems: string[] };

/** One row (header → cell) as a patient, or every reason it is not one (in the field labels staff know). */
export function checkRow(row: Record<string, string>, m: ImportMapping): RowCheck {
  const cell = (f: ImportField) => {
    const h = m.columns[f];
    return h ? (row[h] ?? '').trim() : '';
  };
  const problems: string[] = [];
  let first = cell('legalFirstName');
  let last = cell('legalLastName');
  if (!first && !last && m.columns.fullName) ({ first, last } = splitFullName(cell('fullName')));
  const dob = parseImportDate(cell('dateOfBirth'), m.dateOrder);
  if ('problem' in dob) problems.push(dob.problem);
  const sex = SEX_WORDS[fold(cell('sex'))];
  if (!sex) problems.push(`Sex “${cell('sex').slice(0, 20)}” is not one Runback knows (female, male, intersex or unknown)`);
  const medicare = fold(cell('medicareBeneficiary'));
  if (!YES.has(medicare) && !NO.has(medicare)) problems.push(`Medicare “${cell('medicareBeneficiary').slice(0, 20)}” is not yes or no`);
  const languageCell = fold(cell('language'));
  const language = LANGUAGE_WORDS[languageCell];
  if (!Object.hasOwn(LANGUAGE_WORDS, languageCell)) problems.push(`Language “${cell('language').slice(0, 20)}” is not one handouts print in (English or Spanish)`);
  const parsed = patientInputSchema.safeParse({
    legalFirstName: first,
    legalLastName: last,
    preferredName: cell('preferredName'),
    dateOfBirth: 'iso' in dob ? dob.iso : '2000-01-01',
    sex: sex ?? 'unknown',
    phone: cell('phone'),
    email: cell('email'),
    addressLine1: cell('addressLine1'),
    addressLine2: cell('addressLine2'),
    city: cell('city'),
    region: cell('region'),
    postalCode: cell('postalCode'),
    emergencyContactName: cell('emergencyContactName'),
    emergencyContactPhone: cell('emergencyContactPhone'),
    insurerName: cell('insurerName'),
    insurerMemberId: cell('insurerMemberId'),
    medicareBeneficiary: YES.has(medicare),
    notes: cell('notes'),
    language,
  });
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  return problems.length || !parsed.success ? { ok: false, problems } : { ok: true, fields: parsed.data };
}

/** A row's person key without checking the rest of it (null: no names or no readable date of birth). */
export function quickPersonKey(row: Record<string, string>, m: ImportMapping): string | null {
  const cell = (h: string | null | undefined) => (h ? (row[h] ?? '').trim() : '');
  let first = cell(m.columns.legalFirstName);
  let last = cell(m.columns.legalLastName);
  if (!first && !last && m.columns.fullName) ({ first, last } = splitFullName(cell(m.columns.fullName)));
  const dob = parseImportDate(cell(m.columns.dateOfBirth), m.dateOrder);
  return first && last && 'iso' in dob ? personKey({ legalFirstName: first, legalLastName: last, dateOfBirth: dob.iso }) : null;
}

/** What identifies a person across systems: folded names and the date of birth. */
export function personKey(fields: Pick<PatientFields, 'legalFirstName' | 'legalLastName' | 'dateOfBirth'>): string {
  return `${foldForSearch(fields.legalLastName)}|${foldForSearch(fields.legalFirstName)}|${fields.dateOfBirth}`;
}
