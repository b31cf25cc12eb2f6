'use strict';
/**
 * The online backup's copy, and a restore's write of a backup into the live file (onlineBackup and
 * replaceDatabase in sqlite-file.ts), run in a worker thread (runWorkerJob in worker-job.ts starts it):
 * copying every page of a large clinic's database took most of a second of the main thread in one piece.
 *
 * Every page in one step: one read transaction on a separate read-only connection, so the copy is
 * one committed moment of the source (WAL lets the app's writer go on meanwhile, and a transaction in
 * flight is never half in the copy). Posts { ok: true, value: null } or { ok: false, message, code }.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const ALL_PAGES = 0x7fffffff;

async function copyDatabase(source, dest) {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(dest, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
}

if (!parentPort) throw new Error('database-copy-worker.cjs runs as a worker thread (see runWorkerJob in worker-job.ts).');
copyDatabase(workerData.source, workerData.dest).then(
  () => parentPort.postMessage({ ok: true, value: null }),
  (error) => parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), code: typeof error?.code === 'string' ? error.code : undefined }),
);
