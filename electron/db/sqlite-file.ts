import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * SQLite's own file tools, in one place: the online backup API, integrity_check and the schema
 * version of a database file; the check itself is in database-check-worker.cjs, run off the main
 * thread. (A PostgreSQL backend would back up with its own tools.)
 */

/** Every page in one step: one read transaction, so the copy is one committed moment of the source. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the live database at `source` to `dest` with SQLite's online backup while the app keeps
 * working. A separate read-only connection reads the last committed state (WAL lets readers and
 * the writer work at once), so a transaction in flight is never half in the copy.
 */
export async function onlineBackup(source: string, dest: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(dest, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
}

/**
 * Writes the database at `source` into the database at `dest` through SQLite (the backup API with
 * `dest` as the destination): one write transaction on `dest`, so a crash mid-way leaves `dest` as
 * it was, and other connections to `dest` see the new contents when it commits.
 */
export async function replaceDatabase(source: string, dest: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(dest, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
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

/** What the worker (database-check-worker.cjs) posts back: its one message. */
type CheckReply = { ok: true; check: DatabaseCheck } | { ok: false; message: string };

/**
 * The worker's file, beside this module's code: electron/db/ when vitest runs the TypeScript,
 * dist-electron/ in the build (vite.node.config.ts copies it there, beside main.cjs and cli.cjs),
 * and app.asar/dist-electron/ packaged (Electron loads worker scripts from the archive).
 */
const CHECK_WORKER = join(__dirname, 'database-check-worker.cjs');

/**
 * Runs integrity_check and reads the version and counts, in a worker thread: the check reads every
 * page (seconds for a large clinic) and the main thread answers requests and IPC meanwhile. Rejects
 * with a plain-language Error when the file is not a sound database. The worker is terminated before
 * the promise settles, whatever happened, so no thread outlives the check (a CLI command still exits).
 */
export function checkDatabaseFile(file: string): Promise<DatabaseCheck> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(CHECK_WORKER, { workerData: { file } });
    } catch (error) {
      reject(new Error(`the database check could not start (${error instanceof Error ? error.message : String(error)})`));
      return;
    }
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      // A worker that already exited resolves terminate() at once; done() runs either way.
      worker.terminate().then(done, done);
    };
    worker.once('message', (reply: CheckReply) => settle(() => (reply.ok ? resolve(reply.check) : reject(new Error(reply.message)))));
    worker.once('error', (error) => settle(() => reject(new Error(`the database check failed to run (${error.message})`))));
    worker.once('exit', (code) => settle(() => reject(new Error(`the database check stopped before it answered (exit code ${code})`))));
  });
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
