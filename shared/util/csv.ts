/**
 * CSV for spreadsheets (RFC 4180, CRLF, a BOM so Excel reads UTF-8 names). Text that a spreadsheet
 * would run as a formula (starting with =, +, -, @, or a tab or carriage return: OWASP "CSV
 * injection") gets a leading apostrophe, so a patient named "=HYPERLINK(…)" stays text. Numbers we
 * produce ourselves are passed as numbers and left alone (a refund's "-12.00" must stay a number).
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Numbers already formatted for a spreadsheet ("-12.00") that must stay numbers. */
export class CsvNumber {
  constructor(readonly text: string) {}
}

export function csvText(rows: readonly (readonly (CsvCell | CsvNumber)[])[]): string {
  return `\ufeff${rows.map((r) => r.map((c) => (c instanceof CsvNumber ? c.text : csvCell(c))).join(',')).join('\r\n')}\r\n`;
}
