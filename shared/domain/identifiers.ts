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

/** EIN (federal tax id): nine digits, written XX-XXXXXXX. */
export function normalizeEin(text: string): string | null {
  const d = digitsOnly(text);
  return d.length === 9 ? `${d.slice(0, 2)}-${d.slice(2)}` : null;
}

export function formatMrn(n: number): string {
  return `RB${String(n).padStart(6, '0')}`;
}
