'use strict';
/**
 * The database check, run in a worker thread (checkDatabaseFile in sqlite-file.ts starts it through
 * runWorkerJob, worker-job.ts, which says why these scripts are plain CommonJS): integrity_check
 * reads every page of the file, seconds for a large clinic, and on the main thread it froze every
 * request (and in Electron all IPC) while a backup ran.
 *
 * It posts one message, { ok: true, value: check } or { ok: false, message }; the message is the
 * plain-language reason the callers wrap ("the database may be damaged: <message>").
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

/** The tables whose counts a restore reports, by the name each has had. */
const NOTE_TABLES = ['visit_notes', 'notes', 'clinical_notes'];

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

/** integrity_check, then the schema version and the counts; throws a plain-language Error when the file is not a sound database. */
function checkDatabaseFile(file) {
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`it cannot be opened as a database (${describe(error)})`);
  }
  try {
    let problems;
    try {
      problems = db.pragma('integrity_check').map((r) => r.integrity_check);
    } catch (error) {
      throw new Error(`it is not a sound database (${describe(error)})`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') throw new Error(`SQLite's integrity check found problems: ${problems.slice(0, 3).join('; ')}`);
    const tables = new Set(db.prepare(`select name from sqlite_master where type = 'table'`).all().map((r) => r.name));
    const count = (table) => (tables.has(table) ? db.prepare(`select count(*) as n from "${table}"`).get().n : 0);
    const version = tables.has('schema_version') ? (db.prepare('select version from schema_version').get()?.version ?? 0) : 0;
    const notesTable = NOTE_TABLES.find((t) => tables.has(t));
    return {
      integrity: 'ok',
      schemaVersion: version,
      counts: { patients: count('patients'), appointments: count('appointments'), runs: count('runs'), notes: notesTable ? count(notesTable) : null },
      hasClinic: count('clinic') > 0,
    };
  } finally {
    db.close();
  }
}

if (!parentPort) throw new Error('database-check-worker.cjs runs as a worker thread (see runWorkerJob in worker-job.ts).');
try {
  parentPort.postMessage({ ok: true, value: checkDatabaseFile(workerData.file) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: describe(error) });
}
