import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema';
import { csvText, type CsvValue } from './csv';
import { EXPORT_TABLES, snakeCase, type ExportTable } from './clinic-tables';

/** Any table, for the export's one generic loop (each table's rows are written as they are). */
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
type AnyQuery = SelectQueryBuilder<Record<string, Record<string, unknown>>, string, Record<string, unknown>>;

export interface TableColumns {
  table: ExportTable;
  /** camelCase (Kysely's names), in the database's column order. */
  columns: string[];
}

/** Each exported table's columns, from the database itself (Kysely's portable introspection). */
export async function exportColumns(db: Kysely<DB>): Promise<TableColumns[]> {
  const tables = await db.introspection.getTables();
  return EXPORT_TABLES.map((table) => {
    const meta = tables.find((t) => t.name === table.file);
    if (!meta) throw new Error(`The database has no table ${table.file}`);
    const camel = (n: string) => n.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    return { table, columns: meta.columns.map((c) => camel(c.name)).filter((c) => !table.omit?.includes(c)) };
  });
}

/** One table's rows, or only those that belong to a patient (null: a table with no patient data). */
function rowsQuery(db: AnyDb, table: ExportTable, columns: string[], patientId: number | null): AnyQuery | null {
  const base = () => db.selectFrom(table.name).select(columns);
  if (patientId === null) return base();
  const scope = table.patient;
  if (scope === null) return null;
  if ('self' in scope) return base().where('id', '=', patientId);
  if ('audit' in scope) return base().where('entity', '=', 'patient').where('entityId', '=', String(patientId));
  if ('parents' in scope) {
    // A row naming one of several tables belongs to the patient when the row it names does.
    return base().where((eb) =>
      eb.or(
        Object.entries(scope.parents).map(([entity, parentName]) => {
          const parent = EXPORT_TABLES.find((t) => t.name === parentName)!;
          return eb.and([eb(scope.entityColumn, '=', entity), eb(scope.idColumn, 'in', rowsQuery(db, parent, ['id'], patientId)!)]);
        }),
      ),
    );
  }
  if ('parent' in scope) {
    const parent = EXPORT_TABLES.find((t) => t.name === scope.parent)!;
    const parentIds = rowsQuery(db, parent, [scope.parentColumn], patientId)!;
    return base().where(scope.column, 'in', parentIds);
  }
  return base().where(scope.column, '=', patientId);
}

const cell = (v: unknown): CsvValue => (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v));

/**
 * The clinic (or one patient's rows of it) as a zip of CSV files, one per table, with a README that
 * says what each holds. Column names are the database's; units as the database keeps them (see
 * docs/export.md).
 */
export async function clinicCsvZip(db: Kysely<DB>, options: { patientId: number | null; readme: string }): Promise<{ zip: Uint8Array; rows: Record<string, number> }> {
  const files: Zippable = { 'README.txt': strToU8(options.readme) };
  const rows: Record<string, number> = {};
  for (const { table, columns } of await exportColumns(db)) {
    const query = rowsQuery(db as unknown as AnyDb, table, columns, options.patientId);
    if (!query) continue;
    const found = await query.orderBy(columns.includes('id') ? 'id' : columns[0]!).execute();
    rows[table.file] = found.length;
    files[`${table.file}.csv`] = strToU8(
      csvText(
        columns.map(snakeCase),
        found.map((r) => columns.map((c) => cell(r[c]))),
      ),
    );
  }
  return { zip: zipSync(files, { level: 6 }), rows };
}

/** The README inside every CSV zip, and the body of docs/export.md's column list. */
export function exportReadme(tables: TableColumns[], heading: string): string {
  const lines = [
    heading,
    '',
    'One CSV file per table: UTF-8 (with a byte-order mark), one header row, comma-separated, CRLF lines.',
    'Times ending in Z are UTC instants (ISO 8601); plain dates (YYYY-MM-DD) are calendar dates in the clinic’s time zone.',
    'Money is in integer cents, distances in metres, durations in seconds; pain scores are 0–10. Columns ending _json hold JSON.',
    'A text cell that would start with =, +, - or @ starts with an apostrophe (so spreadsheet programs do not run it as a formula).',
    '',
  ];
  for (const { table, columns } of tables) {
    lines.push(`${table.file}.csv: ${table.description}`, `  columns: ${columns.map(snakeCase).join(', ')}`, '');
  }
  return lines.join('\n');
}

export const EXPORT_DOC_COMMAND = 'UPDATE_EXPORT_DOC=1 npx vitest run test/integration/export.test.ts';

/** docs/export.md: what an export holds, from the same registry and database the export reads. */
export function exportDocMarkdown(tables: TableColumns[]): string {
  return [
    '# Exports: what leaves Runback, and in what shape',
    '',
    `<!-- Generated from electron/export/ (regenerate: ${EXPORT_DOC_COMMAND}). -->`,
    '',
    'From a patient’s chart (Export, admins and therapists) or `runback export --data-dir DIR --patient MRN --format fhir|csv --out FILE`;',
    'the whole clinic with `runback export --data-dir DIR --all --format csv --out FILE` or Settings → Import and export (admins). Every export is audited.',
    '',
    '## One patient as FHIR R4',
    '',
    'A `collection` Bundle (JSON, typed with @types/fhir): the Patient (US Core Patient; MRN as identifier); each episode’s diagnoses as',
    'Conditions (US Core encounter diagnosis, ICD-10-CM, resolved once the episode is discharged); each **signed** note as an Encounter',
    '(ambulatory), its pain scores as Observations (LOINC 72514-3, US Core screening and assessment), its billed lines as Procedures',
    '(CPT with Runback’s own short labels; units, minutes and modifiers in the note) and the note itself as a DocumentReference holding',
    'its PDF; each logged run as an Observation (category activity; distance in m, durations in s, pain around the run as LOINC 72514-3',
    'components). Runs and note types have no standard code: they carry Runback’s own system `urn:runback:codes`. Drafts and discarded',
    'notes are not part of the record and are left out. Each outcome questionnaire’s current score (a corrected record gives way to its',
    'correction) is an Observation (category survey): NPRS as LOINC 72514-3, the ODI total as LOINC 97909-6, the modified ODI, PSFS,',
    'Roland-Morris and STarT Back under `urn:runback:codes` (no LOINC code found); tied to the visit’s Encounter when filled in at a signed',
    'note. Item answers stay in Runback (their wording may be licensed); the CSV export holds them by item number.',
    '',
    '## CSV (one patient, or the whole clinic)',
    '',
    'A zip of CSV files, one per table (one patient: only the tables and rows about them). Left out: sign-in sessions, password hashes,',
    'internal counters and the search index. The same text is the zip’s README.txt:',
    '',
    '```text',
    exportReadme(tables, 'Runback export').trimEnd(),
    '```',
    '',
  ].join('\n');
}
