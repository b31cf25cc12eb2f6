import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV Runback writes goes through here: UTF-8 with a byte-order mark (spreadsheet programs then
 * read accented names right), one header row, CRLF lines, quoting by csv-stringify.
 *
 * A text cell that begins with =, +, -, @ (or a tab or carriage return) is a formula to a spreadsheet
 * program: opening the file would run it (OWASP "CSV injection"). Such cells get a leading apostrophe,
 * which spreadsheets show as text. Numbers stay numbers: a negative amount is not text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export function neutralised(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function cellText(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return neutralised(v);
}

export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const records: string[][] = [header.map((h) => neutralised(h))];
  for (const row of rows) records.push(row.map(cellText));
  return `\ufeff${stringify(records, { record_delimiter: 'windows' })}`;
}
