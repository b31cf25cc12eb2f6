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
  /** Import activities that need confirmation (very short or slow) too. */
  confirm?: boolean;
}

type Outcome = { itemId: string; outcome: 'imported' | 'duplicate' | 'skipped'; runId: number | null };

/**
 * One line per activity, saying what happened to it — taken from what the commit did, not from
 * what the preview expected: imported / skipped as duplicate / needs confirmation / refused.
 */
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
  const wanted = (i: ImportItem) => i.status === 'ready' || (i.status === 'needs-confirmation' && options.confirm === true);
  const choices = items.map((i) => (wanted(i) ? { itemId: i.itemId, action: 'import' as const, ...(i.status === 'needs-confirmation' ? { confirmed: true } : {}) } : { itemId: i.itemId, action: 'skip' as const }));
  const { outcomes } = await call<{ outcomes: Outcome[] }>('runImport.commit', { stageId, choices });
  const outcomeOf = new Map(outcomes.map((o) => [o.itemId, o.outcome]));
  for (const i of items) {
    const outcome = outcomeOf.get(i.itemId);
    const warned = i.warnings.length > 0 ? ` (${i.warnings.join(' ')})` : '';
    if (outcome === 'imported') lines.push(`imported: ${i.fileName} — ${i.summary ?? i.message}${warned}`);
    else if (i.status === 'duplicate') lines.push(`skipped as duplicate: ${i.fileName} — ${i.message}`);
    else if (outcome === 'duplicate') lines.push(`skipped as duplicate: ${i.fileName} — already in the log or earlier in this import.`);
    else if (i.status === 'needs-confirmation') {
      refused++;
      lines.push(`needs confirmation, not imported: ${i.fileName} — ${i.message} (run again with --confirm to import it)`);
    } else {
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
    .option('--confirm', 'also import activities that need confirmation (very short, or slower than a walk)')
    .argument('<files...>', 'activity files')
    .action(async (files: string[], opts: { dataDir?: string; patient: string; confirm?: boolean }) => {
      const app = await openApp(resolve(opts.dataDir ?? defaultDataDir()));
      try {
        const result = await importRuns(app, { patient: opts.patient, files, confirm: opts.confirm === true });
        process.stdout.write(`${result.lines.join('\n')}\n`);
        process.exitCode = result.exitCode;
      } finally {
        await app.close();
      }
    });
}
