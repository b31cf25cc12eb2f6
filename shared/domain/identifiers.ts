import { digitsOnly } from '../util/text';

/**
 * NPI check digit: Luhn over the 9 identifier digits prefixed with the card-issuer prefix 80840
 * (CMS, "Requirements for NPI check digit").
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

/** Why an NPI is refused, in words (null when it is 10 digits with a good check digit). */
export function npiProblem(npi: string | null | undefined, label = 'NPI'): string | null {
  const v = (npi ?? '').trim();
  if (!v) return `${label} is missing`;
  if (!/^\d{10}$/.test(v)) return `${label} ${v} is not 10 digits`;
  if (!isValidNpi(v)) return `${label} ${v} fails its check digit (mistyped?)`;
  return null;
}

/**
 * The two-digit prefixes the IRS assigns to EINs (IRS, "How EINs are assigned and valid EIN
 * prefixes": one list per campus, the internet and the SBA). A prefix outside these (00, 07–09,
 * 17–19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97) has never been issued: a typing mistake.
 */
const EIN_PREFIXES = new Set(
  ['01-06', '10-16', '20-27', '30-48', '50-68', '71-77', '80-88', '90-95', '98-99'].flatMap((range) => {
    const [from, to] = range.split('-').map(Number) as [number, number];
    return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
  }),
);

export function isValidEinPrefix(prefix: string): boolean {
  return EIN_PREFIXES.has(prefix);
}

/** EIN (federal tax id): nine digits, written XX-XXXXXXX, with a prefix the IRS issues. */
export function normalizeEin(text: string): string | null {
  const d = digitsOnly(text);
  if (d.length !== 9 || !/^[\d\s-]+$/.test(text.trim())) return null;
  return isValidEinPrefix(d.slice(0, 2)) ? `${d.slice(0, 2)}-${d.slice(2)}` : null;
}

/** Why an EIN is refused, in words (null when it is fine). */
export function einProblem(text: string | null | undefined): string | null {
  const v = (text ?? '').trim();
  if (!v) return 'Tax ID (EIN) is missing';
  const d = digitsOnly(v);
  if (d.length !== 9 || !/^[\d\s-]+$/.test(v)) return `Tax ID (EIN) "${v}" is not 9 digits written NN-NNNNNNN`;
  if (!isValidEinPrefix(d.slice(0, 2))) return `Tax ID (EIN) ${d.slice(0, 2)}-${d.slice(2)} starts with ${d.slice(0, 2)}, a prefix the IRS does not issue (mistyped?)`;
  return null;
}

export function formatMrn(n: number): string {
  return `RB${String(n).padStart(6, '0')}`;
}
