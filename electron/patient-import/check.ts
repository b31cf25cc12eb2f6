import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { ApiError } from '../../shared/api/errors';
import { IMPORT_MAX_ROWS, type ImportRow } from '../../shared/api/patientImport';
import type { PatientFields } from '../../shared/domain/patient';
import { checkRow, quickPersonKey, type ImportMapping } from '../../shared/domain/patient-import';
import { foldForSearch } from '../../shared/util/text';
import { todayIn } from '../../shared/util/dates';
import { clinicProblem } from '../api/handlers/patients';
import type { DB } from '../db/schema';

export interface ParsedCsv {
  headers: string[];
  /** Each data row as header → cell. */
  rows: Record<string, string>[];
}

/** A CSV file as other systems write them: a header row, UTF-8 (a byte-order mark is fine), comma, semicolon or tab separated. */
export function parseCsv(text: string): ParsedCsv {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new ApiError('VALIDATION', `The file is not a readable CSV${e.lines ? ` (near line ${e.lines})` : ''}: ${e.message.split('.')[0]}.`, { fields: { csv: 'The file is not a readable CSV' } });
  }
  const [header, ...data] = records;
  if (!header || header.every((h) => !h.trim())) throw new ApiError('VALIDATION', 'The file has no header row: its first line must name the columns.', { fields: { csv: 'No header row' } });
  const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
  if (new Set(headers).size !== headers.length) throw new ApiError('VALIDATION', 'Two columns of the header row have the same name: rename one.', { fields: { csv: 'Duplicate column names' } });
  if (data.length > IMPORT_MAX_ROWS) throw new ApiError('VALIDATION', `The file has ${data.length.toLocaleString('en')} rows; one import takes at most ${IMPORT_MAX_ROWS.toLocaleString('en')}: split it.`, { fields: { csv: 'Too many rows' } });
  return { headers, rows: data.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']))) };
}

export interface CheckedRow extends ImportRow {
  fields: PatientFields | null;
}

/**
 * Checks rows [from, to) of the file: each row's own problems, the clinic's rules (a birth date
 * after today, a postal code of another country), a duplicate of an earlier row in the file, or of
 * a patient already on file (same name and date of birth, accents and case aside).
 */
export async function checkRows(db: Kysely<DB>, file: ParsedCsv, mapping: ImportMapping, exclude: ReadonlySet<number>, now: Date, from = 0, to = file.rows.length): Promise<CheckedRow[]> {
  const clinic = await db.selectFrom('clinic').select(['timeZone', 'country']).executeTakeFirstOrThrow();
  const today = todayIn(clinic.timeZone, now);
  const firstRowOf = new Map<string, number>();
  const out: CheckedRow[] = [];
  for (let i = 0; i < Math.min(to, file.rows.length); i++) {
    const rowNumber = i + 1;
    const excluded = exclude.has(rowNumber);
    if (i < from) {
      // Rows before this page only matter as the first of a person (a cheap key, not a full check).
      const key = excluded ? null : quickPersonKey(file.rows[i]!, mapping);
      if (key !== null && !firstRowOf.has(key)) firstRowOf.set(key, rowNumber);
      continue;
    }
    const checked = checkRow(file.rows[i]!, mapping);
    const fields = checked.ok ? checked.fields : null;
    const problems = checked.ok ? [] : checked.problems;
    const key = quickPersonKey(file.rows[i]!, mapping);
    if (key !== null) {
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) problems.push(`The same person as row ${earlier} (name and date of birth)`);
      else if (!excluded) firstRowOf.set(key, rowNumber);
    }
    if (fields) {
      const clinicRule = clinicProblem(fields, clinic, today);
      if (clinicRule) problems.push(clinicRule.message);
    }
    const name = fields ? `${fields.legalLastName}, ${fields.legalFirstName}` : nameOf(file.rows[i]!, mapping);
    out.push({ row: rowNumber, name, dateOfBirth: fields?.dateOfBirth ?? null, problems, excluded, fields: problems.length ? null : fields });
  }
  await markPatientsOnFile(db, out);
  return out;
}

function nameOf(row: Record<string, string>, m: ImportMapping): string {
  const cell = (h: string | null | undefined) => (h ? (row[h] ?? '').trim() : '');
  const parts = [cell(m.columns.legalLastName), cell(m.columns.legalFirstName)].filter(Boolean);
  return (parts.length ? parts.join(', ') : cell(m.columns.fullName)).slice(0, 120);
}

/** Rows that name a patient already on file, by folded name and date of birth (one query per page). */
async function markPatientsOnFile(db: Kysely<DB>, rows: CheckedRow[]) {
  const candidates = rows.filter((r) => r.fields);
  const dates = [...new Set(candidates.map((r) => r.fields!.dateOfBirth))];
  if (!dates.length) return;
  const onFile = new Map<string, string>();
  for (let i = 0; i < dates.length; i += 500) {
    const found = await db.selectFrom('patients').select(['mrn', 'firstNameKey', 'lastNameKey', 'dateOfBirth']).where('dateOfBirth', 'in', dates.slice(i, i + 500)).execute();
    for (const p of found) onFile.set(`${p.lastNameKey}|${p.firstNameKey}|${p.dateOfBirth}`, p.mrn);
  }
  for (const r of candidates) {
    const f = r.fields!;
    const mrn = onFile.get(`${foldForSearch(f.legalLastName)}|${foldForSearch(f.legalFirstName)}|${f.dateOfBirth}`);
    if (mrn) {
      r.problems.push(`Already on file as ${mrn} (same name and date of birth)`);
      r.fields = null;
    }
  }
}
