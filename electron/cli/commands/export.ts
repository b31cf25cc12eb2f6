import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ExportFile } from '../../../shared/api/exports';
import { DATABASE_FILE, defaultDataDir } from '../../app/data-dir';
import { openApp, type OpenApp } from '../../app/open-app';
import { osUser } from '../actor';

export interface ExportOptions {
  patient?: string;
  all?: boolean;
  format: string;
  out: string;
}

/** Finds the patient by MRN, asks the API for the file, and writes it (never over an existing file). */
export async function exportToFile(app: OpenApp, options: ExportOptions): Promise<{ exitCode: number; line: string }> {
  const refuse = (why: string) => ({ exitCode: 2, line: `runback export: ${why} Nothing was written.` });
  if (options.format !== 'fhir' && options.format !== 'csv') return refuse(`--format is fhir or csv, not “${options.format}”.`);
  if (options.all === !!options.patient) return refuse('Give either --patient MRN or --all.');
  if (options.all && options.format !== 'csv') return refuse('The whole clinic exports as CSV only (--all --format csv); a FHIR bundle holds one patient.');
  const out = resolve(options.out);
  if (existsSync(out)) return refuse(`${out} already exists.`);
  const actor = osUser();
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await app.dispatch({ channel, input, transport: 'cli', cliActor: actor });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  let file: ExportFile;
  if (options.all) file = await call<ExportFile>('export.clinic', {});
  else {
    const mrn = options.patient!.trim();
    const found = await call<{ rows: { id: number; mrn: string }[] }>('patients.list', { query: mrn, includeArchived: true, limit: 5 });
    const patient = found.rows.find((r) => r.mrn.toLowerCase() === mrn.toLowerCase());
    if (!patient) return refuse(`there is no patient with MRN ${mrn}.`);
    file = await call<ExportFile>('export.patient', { patientId: patient.id, format: options.format });
  }
  writeFileSync(out, Buffer.from(file.base64, 'base64'), { flag: 'wx' });
  return { exitCode: 0, line: `Wrote ${out}: ${file.summary}.` };
}

export function registerExportCommand(program: Command) {
  program
    .command('export')
    .description('Export one patient (FHIR R4 bundle or CSV zip) or the whole clinic (CSV zip, one file per table); audited.')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .option('--patient <mrn>', 'the patient’s MRN, e.g. RB000123')
    .option('--all', 'the whole clinic (with --format csv)')
    .requiredOption('--format <format>', 'fhir or csv')
    .requiredOption('--out <file>', 'the file to write (never written over)')
    .action(async (opts: { dataDir?: string; patient?: string; all?: boolean; format: string; out: string }) => {
      const dataDir = resolve(opts.dataDir ?? defaultDataDir());
      if (!existsSync(join(dataDir, DATABASE_FILE))) {
        process.stderr.write(`runback export: there is no Runback clinic in ${dataDir}.\n`);
        process.exitCode = 2;
        return;
      }
      const app = await openApp(dataDir);
      try {
        const result = await exportToFile(app, { ...opts, all: opts.all === true });
        (result.exitCode ? process.stderr : process.stdout).write(`${result.line}\n`);
        process.exitCode = result.exitCode;
      } finally {
        await app.close();
      }
    });
}
