import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ImportItem } from '../../../shared/api/running';
import { defaultDataDir } from '../../app/data-dir';
import { openApp, type OpenApp } from '../../app/open-app';
import { osUser } from '../actor';

export interface ImportRunsOptions {
  dataDir: string;
  patient: string;
  files: string[];
}

/** One line per activity: imported / skipped as duplicate / refused with the reason. */
export async function importRuns(app: OpenApp, options: Omit<ImportRunsOptions, 'dataDir'>): Promise<{ exitCode: number; lines: string[] }> {
  const actor = osUser();
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await app.dispatch({ channel, input, transport: 'cli', cliActor: actor });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const found = await call<{ rows: { id: number; mrn: string }[] }>('patients.list', { query: options.patient, includeArchived: true, limit: 5 });
  const patient = found.rows.find((r) => r.mrn.toLowerCase() === options.patient.toLowerCase());
  if (!patient) return { exitCode: 2, lines: [`runback import-runs: there is no patient with MRN ${options.patient}. Nothing was imported.`] };

  const files: { name: string; base64: string }[] = [];
  const lines: string[] = [];
  let refused = 0;
  for (const f of options.files) {
    try {
      files.push({ name: basename(f), base64: readFileSync(f).toString('base64') });
    } catch (error) {
      refused++;
      lines.push(`refused: ${f} — the file cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  if (!files.length) return { exitCode: 1, lines };
  const { stageId, total } = await call<{ stageId: string; total: number }>('runImport.stage', { patientId: patient.id, files });
  const items: ImportItem[] = [];
  for (let done = 0; done < total; ) {
    const page = await call<{ done: number; items: ImportItem[] }>('runImport.preview', { stageId, count: 25 });
    done = page.done;
    items.push(...page.items);
  }
  const choices = items.map((i) => ({ itemId: i.itemId, action: i.status === 'ready' ? ('import' as const) : ('skip' as const) }));
  await call('runImport.commit', { stageId, choices });
  for (const i of items) {
    if (i.status === 'ready') lines.push(`imported: ${i.fileName} — ${i.message}`);
    else if (i.status === 'duplicate') lines.push(`skipped as duplicate: ${i.fileName} — ${i.message}`);
    else {
      refused++;
      lines.push(`refused: ${i.fileName} — ${i.message}`);
    }
  }
  return { exitCode: refused ? 1 : 0, lines };
}

export function registerImportRunsCommand(program: Command) {
  program
    .command('import-runs')
    .description('Import FIT, TCX, GPX files (also .gz, or a Strava export zip) into a patient’s running log; one line per activity.')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--patient <mrn>', 'the patient’s MRN, e.g. RB000123')
    .argument('<files...>', 'activity files')
    .action(async (files: string[], opts: { dataDir?: string; patient: string }) => {
      const app = await openApp(resolve(opts.dataDir ?? defaultDataDir()));
      try {
        const result = await importRuns(app, { patient: opts.patient, files });
        process.stdout.write(`${result.lines.join('\n')}\n`);
        process.exitCode = result.exitCode;
      } finally {
        await app.close();
      }
    });
}
