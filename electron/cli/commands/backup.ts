import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DATABASE_FILE, defaultDataDir } from '../../app/data-dir';
import { fileLogger } from '../../app/logger';
import { BackupService } from '../../backup/backup-service';
import { BackupError } from '../../backup/errors';
import { restoreBackup } from '../../backup/restore';
import type { RecordCounts } from '../../db/sqlite-file';

/** The passphrase is read from a file (never typed on the command line, where shells keep history): its first line. */
export function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BackupError('NOT_FOUND', `The passphrase file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const first = text.split(/\r?\n/)[0] ?? '';
  if (!first) throw new BackupError('PASSPHRASE_NEEDED', `The passphrase file ${file} is empty: its first line is the passphrase.`);
  return first;
}

/** "26 Nov 2026, 15:00 UTC": the CLI cannot know the reader's zone, so it says which it uses. */
export function utcWords(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${date}, ${d.toISOString().slice(11, 16)} UTC`;
}

export function countsInWords(c: RecordCounts): string {
  const n = (v: number, one: string, many: string) => `${v.toLocaleString('en')} ${v === 1 ? one : many}`;
  const parts = [n(c.patients, 'patient', 'patients'), n(c.appointments, 'appointment', 'appointments'), n(c.runs, 'run', 'runs')];
  if (c.notes !== null) parts.push(n(c.notes, 'note', 'notes'));
  return parts.join(', ');
}

function serviceFor(dataDir: string): BackupService {
  return new BackupService(dataDir, join(dataDir, DATABASE_FILE), () => new Date(), fileLogger(dataDir));
}

function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

async function refusedAs(command: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`runback ${command}: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description('Back up the clinic while it is in use (SQLite online backup, integrity-checked, read back). Encrypted with --passphrase-file, or with the clinic’s backup passphrase when one is set in Settings.')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--out <file>', 'the backup file to write (never written over)')
    .option('--passphrase-file <file>', 'encrypt with the passphrase on this file’s first line')
    .action(async (opts: { dataDir?: string; out: string; passphraseFile?: string }) =>
      refusedAs('backup', async () => {
        const service = serviceFor(resolve(opts.dataDir ?? defaultDataDir()));
        const passphrase = opts.passphraseFile ? readPassphraseFile(opts.passphraseFile) : undefined;
        const out = await service.backup('manual', { out: opts.out, passphrase });
        const lines = [
          `Backed up to ${out.file} (${(out.bytes / 1e6).toFixed(1)} MB, ${out.encrypted ? 'encrypted' : 'NOT encrypted: keep it as safe as the patients’ records'}).`,
          `Integrity check: ok. It holds ${countsInWords(out.check.counts)}.`,
          `Attached files and photos: ${out.files.referenced}, kept beside the backup (${out.files.copied} copied this time; each file is kept once for every backup in that folder).`,
          ...(out.lostFiles.length ? [`WARNING: already missing or damaged in the data folder, so not in the backup: ${out.lostFiles.join('; ')}.`] : []),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  program
    .command('restore')
    .description('Restore a backup into the data folder: checked whole first; the current database is kept aside so the restore can be undone.')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--from <file>', 'the backup file (or a Runback database file)')
    .option('--passphrase-file <file>', 'the passphrase of an encrypted backup, on this file’s first line')
    .action(async (opts: { dataDir?: string; from: string; passphraseFile?: string }) =>
      refusedAs('restore', async () => {
        const dataDir = resolve(opts.dataDir ?? defaultDataDir());
        const service = serviceFor(dataDir);
        const passphrase = opts.passphraseFile ? readPassphraseFile(opts.passphraseFile) : undefined;
        const actor = operator();
        const report = await restoreBackup(service, { file: resolve(opts.from), passphrase, at: new Date(), by: { username: `cli:${actor}`, displayName: `Command line (${actor})` } });
        const lines = [
          `Restored ${report.from}${report.takenAt ? ` (taken ${utcWords(report.takenAt)})` : ''} into ${dataDir}.`,
          `It holds ${countsInWords(report.counts)}${report.filesRestored ? `; ${report.filesRestored} attached ${report.filesRestored === 1 ? 'file was' : 'files were'} put back into the data folder` : ''}. Everyone signs in again.`,
          report.undoFile
            ? `The database as it was before is kept at ${report.undoFile}\nTo undo: runback restore --from "${report.undoFile}" --data-dir "${dataDir}"`
            : 'There was no database here before.',
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );
}
