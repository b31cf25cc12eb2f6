import type { Country } from '../domain/locale';

/** The currency a clinic's country pays in. */
export const CURRENCY_BY_COUNTRY: Record<Country, string> = {
  US: 'USD',
  CA: 'CAD',
  GB: 'GBP',
  IE: 'EUR',
  AU: 'AUD',
  NZ: 'NZD',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  VN: 'VND',
};

/** "$1,234.50" from 123450 cents, in the clinic's locale and currency; money is formatted only here, at the edge. */
export function formatMoney(cents: number, locale: string, currency = 'USD'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/**
 * Reads money as staff type it ("85", "85.5", "$1,085.50") into integer cents, or null when it is
 * not an amount. No floating point: the digits are read as text.
 */
export function parseMoney(text: string): number | null {
  const t = text.trim().replace(/^[$€£]\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
