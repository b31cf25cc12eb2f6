/** "1 patient", "2,000 patients": a count with its noun, grouped the locale's way. */
export function countOf(n: number, singular: string, plural: string, locale: string): string {
  return `${groupedNumber(n, locale)} ${n === 1 ? singular : plural}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "2,000" the locale's way. (Building the formatter is the costly part: one per locale, kept.) */
export function groupedNumber(n: number, locale: string): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(n);
}
