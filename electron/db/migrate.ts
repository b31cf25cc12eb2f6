import { sql, type Kysely } from 'kysely';
import { MIGRATIONS, LATEST_VERSION } from './migrations';
import type { Migration } from './migrations/migration';
import { inImmediateTransaction } from './transaction';

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(
      `This data folder was written by a newer version of Runback (database version ${found}; this version knows up to ${known}). ` +
        'Install the newer Runback to open it. Nothing was changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export async function readSchemaVersion(db: Kysely<unknown>): Promise<number> {
  const table = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'schema_version'`.execute(db);
  if (!table.rows[0]?.n) return 0;
  const row = await sql<{ version: number }>`select version from schema_version`.execute(db);
  return row.rows[0]?.version ?? 0;
}

/**
 * Applies every pending migration, and the new version number, in ONE transaction: a crash or a
 * failing step leaves the database exactly as it was. `target` exists for migration tests.
 */
export async function migrate(
  db: Kysely<unknown>,
  target: number = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ from: number; to: number }> {
  const latest = migrations.length;
  return inImmediateTransaction(db, async (trx) => {
    const from = await readSchemaVersion(trx);
    if (from > latest) throw new DatabaseTooNewError(from, latest);
    if (from === 0) {
      await sql`create table schema_version (version integer not null)`.execute(trx);
      await sql`insert into schema_version (version) values (0)`.execute(trx);
    }
    let version = from;
    for (const m of migrations) {
      if (m.version <= from || m.version > target) continue;
      if (m.version !== version + 1) throw new Error(`Migration ${m.version} (${m.name}) is out of order after ${version}`);
      await m.up(trx);
      version = m.version;
    }
    await sql`update schema_version set version = ${version}`.execute(trx);
    return { from, to: version };
  });
}
