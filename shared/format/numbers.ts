/** "1 patient", "2,000 patients": a count with its noun, grouped the locale's way. */
export function countOf(n: number, singular: string, plural: string, locale: string): string {
  return `${new Intl.NumberFormat(locale).format(n)} ${n === 1 ? singular : plural}`;
}
