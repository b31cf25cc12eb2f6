import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { LATEST_VERSION } from './migrations';
import { DatabaseTooNewError, migrate } from './migrate';
import { ReaderPool } from './reader-pool';
import { camelCaseRows, PrecamelisedRowsPlugin } from './statements';
import type { DB } from './schema';

export interface OpenDatabase {
  /** The one writing connection. */
  db: Kysely<DB>;
  file: string;
  close(): Promise<void>;
}

/** The schema version of an existing file, read without writing a byte to it. */
function peekVersion(file: string): number {
  const ro = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = ro.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = 'schema_version'`).get() as { n: number };
    if (!hasTable.n) return 0;
    const row = ro.prepare('select version from schema_version').get() as { version: number } | undefined;
    return row?.version ?? 0;
  } finally {
    ro.close();
  }
}

/** A Kysely over one better-sqlite3 connection: camelCase in TypeScript, snake_case in SQL, statements kept prepared. */
export function createKysely(raw: Database.Database): Kysely<DB> {
  const plugin = new PrecamelisedRowsPlugin();
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: camelCaseRows(raw, (column) => plugin.rename(column)) }), plugins: [plugin] });
}

/**
 * Opens (creating if needed) the clinic database and brings it to the latest schema. A database
 * written by a newer Runback is refused before anything — not even the WAL switch — touches it.
 */
export async function openDatabase(
  file: string,
  options: { migrate?: boolean; beforeMigrate?: (from: number, to: number) => Promise<void> } = {},
): Promise<OpenDatabase> {
  if (existsSync(file)) {
    const found = peekVersion(file);
    if (found > LATEST_VERSION) throw new DatabaseTooNewError(found, LATEST_VERSION);
    // A clinic's database is backed up before any migration touches it (a new, empty one has nothing to lose).
    if (found > 0 && found < LATEST_VERSION && options.migrate !== false && options.beforeMigrate) await options.beforeMigrate(found, LATEST_VERSION);
  }
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON'); // not on by default in SQLite
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = FULL'); // a clinic record must survive a power cut after commit
  const db = createKysely(raw);
  try {
    // Migrations are written against no particular schema type: each sees the schema as it was.
    if (options.migrate !== false) await migrate(db as unknown as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // From here on a write that finds the lock taken waits asynchronously (transaction.ts), never
  // inside SQLite's busy handler, which would stop the whole process — reads too — while it waits.
  raw.pragma('busy_timeout = 0');
  return { db, file, close: () => db.destroy() };
}

/**
 * Read-only connections to an open database (WAL lets them read while the writer writes). Opened
 * after openDatabase, so the schema is current; closed before it.
 */
export function openReaders(file: string, count: number): ReaderPool {
  const readers = Array.from({ length: count }, () => {
    const raw = new Database(file, { readonly: true, fileMustExist: true });
    raw.pragma('busy_timeout = 5000');
    return createKysely(raw);
  });
  return new ReaderPool(readers);
}
