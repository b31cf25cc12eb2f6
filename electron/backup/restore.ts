import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { LATEST_VERSION } from '../db/migrations';
import type { DB } from '../db/schema';
import { onlineBackup, replaceDatabase, type RecordCounts } from '../db/sqlite-file';
import { inImmediateTransaction } from '../db/transaction';
import { writeAudit } from '../api/audit-writer';
import type { BackupService } from './backup-service';
import { restoreReferencedFiles } from './backup-files';

export const UNDO_FOLDER = 'restore-undo';

type Verified = Awaited<ReturnType<BackupService['verify']>>;

export interface RestoreReport {
  /** The backup's file name. */
  from: string;
  /** When the backup was taken (null for a bare database file). */
  takenAt: string | null;
  schemaVersion: number;
  /** The version after bringing the restored database up to this Runback. */
  migratedTo: number;
  counts: RecordCounts;
  /** The files (attachments, photos) put back into the data folder (those already there and sound are left as they are). */
  filesRestored: number;
  /** The database as it was before the restore, kept so the restore can be undone (null when there was none). */
  undoFile: string | null;
}

/** The databases kept aside by restores, newest first. */
export function undoFiles(dataDir: string): { file: string; keptAt: string }[] {
  const dir = join(dataDir, UNDO_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^runback-before-restore-.*\.sqlite$/.test(n))
    .map((n) => ({ file: join(dir, n), keptAt: statSync(join(dir, n)).mtime.toISOString() }))
    .sort((a, b) => b.file.localeCompare(a.file));
}

/**
 * Keeps the current database aside: an online backup when it reads, else its raw files as they are
 * (a damaged database is still evidence, and may hold what the backup does not).
 */
async function setAside(service: BackupService, at: Date, removeLive: boolean): Promise<string | null> {
  const live = service.databaseFile;
  if (!existsSync(live)) return null;
  const dir = join(service.dataDir, UNDO_FOLDER);
  mkdirSync(dir, { recursive: true });
  const aside = join(dir, `runback-before-restore-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.sqlite`);
  rmSync(aside, { force: true });
  try {
    await onlineBackup(live, aside);
    if (removeLive) removeDatabaseFiles(live);
    return aside;
  } catch {
    rmSync(aside, { force: true });
    const damaged = aside.replace(/\.sqlite$/, '-as-found.sqlite');
    for (const suffix of ['', '-wal']) if (existsSync(live + suffix)) copyFileSync(live + suffix, damaged + suffix);
    // A damaged file cannot take the backup API's writes: the restored copy replaces it whole.
    if (removeLive) removeDatabaseFiles(live);
    return damaged;
  }
}

function removeDatabaseFiles(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** Every session ends (everyone signs in again) and the restore is in the restored database's audit log. */
async function afterRestore(db: Kysely<DB>, at: Date, by: { username: string; displayName: string }, detail: string) {
  await inImmediateTransaction(db, async (trx) => {
    await trx.updateTable('sessions').set({ endedAt: at.toISOString() }).where('endedAt', 'is', null).execute();
    // The restoring admin may not exist in the restored database: the row names them, without a user id.
    await writeAudit(trx, at, { id: 0, username: by.username, displayName: by.displayName, role: 'admin' }, { action: 'backups.restore', entity: 'clinic', detail: `${detail} (by ${by.displayName})` });
  });
}

/**
 * Restores a backup into the data folder: verified whole first (decrypts, integrity check, schema
 * not newer than this Runback), the current database kept aside, the backup written in through
 * SQLite, then brought up to this Runback's schema. `liveDb` is the open app's connection (the
 * restore then runs between its calls); without it the database is opened here (the CLI).
 */
export async function restoreBackup(
  service: BackupService,
  options: { file: string; passphrase?: string; at: Date; by: { username: string; displayName: string }; liveDb?: Kysely<DB>; verified?: Verified },
): Promise<RestoreReport> {
  const { staged, check, createdAt, files } = options.verified ?? (await service.verify(options.file, options.passphrase));
  try {
    const detail = `Restored from ${basename(options.file)}`;
    mkdirSync(service.dataDir, { recursive: true });
    // Files first: they are content-addressed, so adding them changes nothing the current records
    // read, and a restore stopped here leaves the database as it was.
    const filesRestored = await restoreReferencedFiles(files.list, files.folder, service.files, files.key, () => service.scratch('file'));
    let undoFile: string | null = null;
    let migratedTo = check.schemaVersion;
    if (options.liveDb) {
      await options.liveDb.connection().execute(async (conn) => {
        undoFile = await setAside(service, options.at, false);
        await replaceDatabase(staged, service.databaseFile);
        migratedTo = (await migrate(conn as unknown as Kysely<unknown>)).to;
        await afterRestore(conn, options.at, options.by, detail);
      });
    } else {
      undoFile = await setAside(service, options.at, true);
      await replaceDatabase(staged, service.databaseFile);
      const opened = await openDatabase(service.databaseFile);
      try {
        migratedTo = LATEST_VERSION;
        await afterRestore(opened.db, options.at, options.by, detail);
      } finally {
        await opened.close();
      }
    }
    service.log.info(`${detail}; the database before it is kept at ${undoFile ?? '(there was none)'}`);
    return { from: basename(options.file), takenAt: createdAt, schemaVersion: check.schemaVersion, migratedTo, counts: check.counts, filesRestored, undoFile };
  } finally {
    rmSync(staged, { force: true });
  }
}
