/**
 * The one rule for the paper a printed document defaults to: US Letter in the countries that print on
 * it (the United States and Canada, Mexico and much of Latin America, the Philippines), A4 everywhere
 * else. The handout reads it from the clinic's country; the print dialogs from the screen's locale.
 */
export type Paper = 'letter' | 'a4';

const LETTER_REGIONS: ReadonlySet<string> = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PR']);

/** Letter or A4 for a country or region code ('US', 'gb'); A4 for an unknown one. */
export function paperForRegion(region: string): Paper {
  return LETTER_REGIONS.has(region.trim().toUpperCase()) ? 'letter' : 'a4';
}

/** Letter or A4 for a locale ('en-US', 'es-MX'; a bare language takes its likeliest region, 'en' → US); A4 for one that does not parse. */
export function paperForLocale(locale: string): Paper {
  try {
    return paperForRegion(new Intl.Locale(locale).maximize().region ?? '');
  } catch {
    return 'a4';
  }
}
