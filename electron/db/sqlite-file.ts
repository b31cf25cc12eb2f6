import Database from 'better-sqlite3';
import { runWorkerJob } from './worker-job';

/**
 * SQLite's own file tools, in one place: the online backup API, integrity_check and the schema
 * version of a database file. The check, the online backup's copy and a restore's copy run in worker
 * threads (database-check-worker.cjs, database-copy-worker.cjs). (A PostgreSQL backend would back up with its
 * own tools.)
 */

/**
 * Copies the live database at `source` to `dest` with SQLite's online backup while the app keeps
 * working: a separate read-only connection, in a worker thread, copies the last committed state in
 * one read transaction (database-copy-worker.cjs), so a transaction in flight is never half in the
 * copy and the main thread is not held while every page is copied.
 */
export function onlineBackup(source: string, dest: string): Promise<void> {
  return copyInWorker(source, dest);
}

/**
 * Writes the database at `source` into the database at `dest` through SQLite (the backup API with
 * `dest` as the destination), in the same worker as the online backup: every page in one step, one
 * write transaction on `dest`, so a crash mid-way leaves `dest` as it was, and other connections to
 * `dest` see the new contents when it commits. A restore writes a large clinic's file back this way
 * without holding the main thread meanwhile.
 */
export function replaceDatabase(source: string, dest: string): Promise<void> {
  return copyInWorker(source, dest);
}

/** SQLite's backup API from `source` into `dest`, every page in one step, in database-copy-worker.cjs. */
function copyInWorker(source: string, dest: string): Promise<void> {
  return runWorkerJob<null>('database-copy-worker.cjs', { source, dest }).then(() => undefined);
}

export interface RecordCounts {
  patients: number;
  appointments: number;
  runs: number;
  /** null where this Runback has no notes table yet. */
  notes: number | null;
}

export interface DatabaseCheck {
  integrity: 'ok';
  schemaVersion: number;
  counts: RecordCounts;
  hasClinic: boolean;
}

/**
 * Runs integrity_check and reads the version and counts, in a worker thread (the check reads every
 * page: seconds for a large clinic). Rejects with a plain-language Error when the file is not a
 * sound database.
 */
export function checkDatabaseFile(file: string): Promise<DatabaseCheck> {
  return runWorkerJob<DatabaseCheck>('database-check-worker.cjs', { file });
}

/**
 * Whether the database holds a clinic yet: a read-only look at the clinic table and nothing else (no
 * integrity_check), for the daily backup's "is there anything to back up?" on the live database.
 * Throws when the file cannot be opened or read as a database.
 */
export function databaseHasClinic(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'clinic'`).get();
    return table !== undefined && db.prepare('select 1 from clinic limit 1').get() !== undefined;
  } finally {
    db.close();
  }
}
