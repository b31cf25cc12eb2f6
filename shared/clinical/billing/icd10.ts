import { formatCalendarDate } from '../../format/dates';
import type { EvidenceGrade } from '../evidence';

/**
 * ICD-10-CM codes for low back pain and disc degeneration (clinical.md §5.5), as of the FY2025 code
 * set (effective 1 Oct 2024). FY2026 changes were not checked (❌). Codes outside this list are not
 * refused (they may be valid) but are reported as unchecked.
 */
export interface Icd10Code {
  code: string;
  title: string;
  grade: EvidenceGrade;
}

export const ICD10_LBP_CODES: readonly Icd10Code[] = [
  { code: 'M54.50', title: 'Low back pain, unspecified', grade: 'confirmed' },
  { code: 'M54.51', title: 'Vertebrogenic low back pain (endplate origin, usually imaging-defined; not ordinary LBP)', grade: 'confirmed' },
  { code: 'M54.59', title: 'Other low back pain', grade: 'confirmed' },
  { code: 'M54.40', title: 'Lumbago with sciatica, unspecified side', grade: 'confirmed' },
  { code: 'M54.41', title: 'Lumbago with sciatica, right side', grade: 'confirmed' },
  { code: 'M54.42', title: 'Lumbago with sciatica, left side', grade: 'confirmed' },
  { code: 'M54.16', title: 'Radiculopathy, lumbar region', grade: 'secondary' },
  { code: 'M51.16', title: 'Intervertebral disc disorders with radiculopathy, lumbar region', grade: 'confirmed' },
  { code: 'M51.17', title: 'Intervertebral disc disorders with radiculopathy, lumbosacral region', grade: 'confirmed' },
  { code: 'M51.360', title: 'Other intervertebral disc degeneration, lumbar region with discogenic back pain only', grade: 'confirmed' },
  { code: 'M51.361', title: 'Other intervertebral disc degeneration, lumbar region with lower extremity pain only', grade: 'secondary' },
  { code: 'M51.362', title: 'Other intervertebral disc degeneration, lumbar region with discogenic back pain and lower extremity pain', grade: 'secondary' },
  { code: 'M51.369', title: 'Other intervertebral disc degeneration, lumbar region without mention of back or lower extremity pain', grade: 'secondary' },
  { code: 'M51.370', title: 'Other intervertebral disc degeneration, lumbosacral region with discogenic back pain only', grade: 'confirmed' },
  { code: 'M51.371', title: 'Other intervertebral disc degeneration, lumbosacral region with lower extremity pain only', grade: 'secondary' },
  { code: 'M51.372', title: 'Other intervertebral disc degeneration, lumbosacral region with discogenic back pain and lower extremity pain', grade: 'secondary' },
  { code: 'M51.379', title: 'Other intervertebral disc degeneration, lumbosacral region without mention of back or lower extremity pain', grade: 'secondary' },
  { code: 'M47.816', title: 'Spondylosis without myelopathy or radiculopathy, lumbar region', grade: 'confirmed' },
  { code: 'M48.061', title: 'Spinal stenosis, lumbar region, without neurogenic claudication', grade: 'confirmed' },
  { code: 'S33.5XXA', title: 'Sprain of ligaments of lumbar spine, initial encounter', grade: 'confirmed' },
];

/** Codes no longer billable, with the codes that replaced them. */
export const ICD10_REPLACED: Readonly<Record<string, { since: string; replacedBy: string[]; ruleId: string }>> = {
  'M54.5': { since: '2021-10-01', replacedBy: ['M54.50', 'M54.51', 'M54.59'], ruleId: 'icd10.m54-5' },
  'M51.36': { since: '2024-10-01', replacedBy: ['M51.360', 'M51.361', 'M51.362', 'M51.369'], ruleId: 'icd10.m51-36-37' },
  'M51.37': { since: '2024-10-01', replacedBy: ['M51.370', 'M51.371', 'M51.372', 'M51.379'], ruleId: 'icd10.m51-36-37' },
};

export type Icd10Check =
  | { status: 'valid'; code: string; title: string; grade: EvidenceGrade }
  | { status: 'refused'; code: string; message: string; replacedBy: string[]; ruleId: string }
  | { status: 'incomplete'; code: string; message: string; choices: string[]; ruleId: string }
  | { status: 'unchecked'; code: string; message: string }
  | { status: 'malformed'; code: string; message: string };

/** "m545" / "M54.5 " → "M54.5"; the dot goes after the third character. */
export function normalizeIcd10(text: string): string {
  const bare = text.trim().toUpperCase().replace(/\./g, '');
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

const ICD10_SHAPE = /^[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** "A, B or C". */
function orList(codes: readonly string[]): string {
  return codes.length === 1 ? codes[0]! : `${codes.slice(0, -1).join(', ')} or ${codes.at(-1)}`;
}

/** Listed codes that continue `code` (it is their heading): M54.4 → M54.40, M54.41, M54.42. */
function codesUnder(code: string): string[] {
  return ICD10_LBP_CODES.filter((c) => c.code.length > code.length && c.code.replace('.', '').startsWith(code.replace('.', ''))).map((c) => c.code);
}

export function checkIcd10(text: string): Icd10Check {
  const code = normalizeIcd10(text);
  if (!ICD10_SHAPE.test(code)) return { status: 'malformed', code, message: `"${text.trim()}" is not shaped like an ICD-10-CM code (e.g. M54.50)` };
  const replaced = ICD10_REPLACED[code];
  if (replaced)
    return {
      status: 'refused',
      code,
      replacedBy: replaced.replacedBy,
      ruleId: replaced.ruleId,
      // ICD-10-CM is the US code set, so its dates read the US way.
      message: `${code} is no longer billable (deleted ${formatCalendarDate(replaced.since, 'en-US')}); use ${orList(replaced.replacedBy)}`,
    };
  const known = ICD10_LBP_CODES.find((c) => c.code === code);
  if (known) return { status: 'valid', code, title: known.title, grade: known.grade };
  const under = codesUnder(code);
  if (under.length)
    return { status: 'incomplete', code, choices: under, ruleId: 'icd10.incomplete', message: `${code} is a heading, not a billable code: use the full code, ${orList(under)}` };
  return { status: 'unchecked', code, message: `${code} is not in Runback's low-back-pain list; check it against the current ICD-10-CM code set` };
}
