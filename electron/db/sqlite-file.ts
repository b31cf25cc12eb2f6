import Database from 'better-sqlite3';

/**
 * SQLite's own file tools, in one place: the online backup API, integrity_check and the schema
 * version of a database file. (A PostgreSQL backend would back up with its own tools.)
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

/** The tables whose counts a restore reports, by the name each has had. */
const NOTE_TABLES = ['visit_notes', 'notes', 'clinical_notes'];

/** Runs integrity_check and reads the version and counts; throws a plain-language Error when the file is not a sound database. */
export function checkDatabaseFile(file: string): DatabaseCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`it cannot be opened as a database (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      throw new Error(`it is not a sound database (${error instanceof Error ? error.message : String(error)})`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') throw new Error(`SQLite's integrity check found problems: ${problems.slice(0, 3).join('; ')}`);
    const tables = new Set((db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    const count = (table: string) => (tables.has(table) ? (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n : 0);
    const version = tables.has('schema_version') ? ((db.prepare('select version from schema_version').get() as { version: number } | undefined)?.version ?? 0) : 0;
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
