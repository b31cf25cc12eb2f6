import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ImportRow } from '../../../shared/api/patientImport';
import { importMappingSchema, type ImportMapping } from '../../../shared/domain/patient-import';
import { DATABASE_FILE, defaultDataDir } from '../../app/data-dir';
import { openApp, type OpenApp } from '../../app/open-app';
import { osUser } from '../actor';

export interface ImportPatientsOptions {
  file: string;
  mapping: string;
  /** Data row numbers to leave out (1 = the first row under the header). */
  exclude?: number[];
  /** Rows checked per step (each step is a progress line). */
  pageSize?: number;
}

const SHOWN_PROBLEMS = 25;

/**
 * Checks the whole file a page at a time (a progress line per page), lists the rows to fix, and
 * imports only when none is left: all or nothing, in one transaction.
 */
export async function importPatients(app: OpenApp, options: ImportPatientsOptions, progress: (line: string) => void = () => {}): Promise<{ exitCode: number; lines: string[] }> {
  const refuse = (why: string) => ({ exitCode: 2, lines: [`runback import-patients: ${why} Nothing was imported.`] });
  let csv: string;
  let mapping: ImportMapping;
  try {
    csv = readFileSync(options.file, 'utf8');
  } catch (error) {
    return refuse(`${options.file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  try {
    const parsed = importMappingSchema.safeParse(JSON.parse(readFileSync(options.mapping, 'utf8')));
    if (!parsed.success) return refuse(`${options.mapping} is not a column mapping: ${parsed.error.issues[0]?.message ?? ''} (see docs/import.md).`);
    mapping = parsed.data;
  } catch (error) {
    return refuse(`${options.mapping} cannot be read as JSON (${(error as Error).message}).`);
  }
  const actor = osUser();
  const call = async <T>(channel: string, input: unknown): Promise<T | { error: string }> => {
    const r = await app.dispatch({ channel, input, transport: 'cli', cliActor: actor });
    return r.ok ? (r.value as T) : { error: r.error.message };
  };
  const exclude = options.exclude ?? [];
  const bad: ImportRow[] = [];
  for (let offset = 0, total = 1; offset < total; ) {
    const page = await call<{ total: number; checked: number; mappingProblems: string[]; rows: ImportRow[] }>('patientImport.check', { csv, mapping, exclude, offset, limit: options.pageSize ?? 1000 });
    if ('error' in page) return refuse(page.error);
    if (page.mappingProblems.length) return refuse(page.mappingProblems.join(' '));
    total = page.total;
    offset = page.checked;
    bad.push(...page.rows.filter((r) => !r.excluded && r.problems.length));
    progress(`checked ${page.checked.toLocaleString('en')} of ${page.total.toLocaleString('en')} rows, ${bad.length.toLocaleString('en')} to fix`);
    if (page.total === 0) break;
  }
  if (bad.length) {
    const lines = bad.slice(0, SHOWN_PROBLEMS).map((r) => `row ${r.row} (${r.name || 'no name'}): ${r.problems.join('; ')}`);
    if (bad.length > SHOWN_PROBLEMS) lines.push(`… and ${bad.length - SHOWN_PROBLEMS} more rows.`);
    lines.push(`Nothing was imported: fix these ${bad.length} rows in the file, or leave them out with --exclude ${bad.slice(0, 5).map((r) => r.row).join(',')}${bad.length > 5 ? ',…' : ''}.`);
    return { exitCode: 1, lines };
  }
  const done = await call<{ imported: number; excluded: number; firstMrn: string | null; lastMrn: string | null }>('patientImport.commit', { csv, mapping, exclude, fileName: basename(options.file) });
  if ('error' in done) return refuse(done.error);
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const mrns = done.firstMrn === done.lastMrn ? done.firstMrn : `${done.firstMrn}–${done.lastMrn}`;
  return { exitCode: 0, lines: [`Imported ${count(done.imported, 'patient', 'patients')} (${mrns})${done.excluded ? `; ${count(done.excluded, 'row', 'rows')} left out` : ''}.`] };
}

export function registerImportPatientsCommand(program: Command) {
  program
    .command('import-patients')
    .description('Import patients from another system’s CSV file with a column mapping (docs/import.md): every row is checked first; one bad row imports nothing.')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--mapping <file>', 'the column mapping (JSON): {"columns": {"legalLastName": "Surname", …}, "dateOrder": "MDY"}')
    .option('--exclude <rows>', 'data rows to leave out, e.g. 3,17,250 (1 = the first row under the header)')
    .argument('<file>', 'the CSV file')
    .action(async (file: string, opts: { dataDir?: string; mapping: string; exclude?: string }) => {
      const dataDir = resolve(opts.dataDir ?? defaultDataDir());
      if (!existsSync(join(dataDir, DATABASE_FILE))) {
        process.stderr.write(`runback import-patients: there is no Runback clinic in ${dataDir}.\n`);
        process.exitCode = 2;
        return;
      }
      const exclude = (opts.exclude ?? '').split(',').filter(Boolean).map(Number);
      if (exclude.some((n) => !Number.isInteger(n) || n < 1)) {
        process.stderr.write('runback import-patients: --exclude takes row numbers, e.g. 3,17,250. Nothing was imported.\n');
        process.exitCode = 2;
        return;
      }
      const app = await openApp(dataDir);
      try {
        const result = await importPatients(app, { file, mapping: opts.mapping, exclude }, (line) => process.stderr.write(`${line}\n`));
        (result.exitCode ? process.stderr : process.stdout).write(`${result.lines.join('\n')}\n`);
        process.exitCode = result.exitCode;
      } finally {
        await app.close();
      }
    });
}
