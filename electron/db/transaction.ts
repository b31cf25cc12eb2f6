import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * Runs `work` on one connection inside BEGIN IMMEDIATE … COMMIT. IMMEDIATE takes the write lock up
 * front, so two processes (desktop and CLI) queue on busy_timeout instead of failing mid-transaction,
 * and within one process Kysely's single SQLite connection serialises callers: two racing writes can
 * never interleave. Any throw rolls everything back unless `keep` says the failure must be committed.
 */
export async function inImmediateTransaction<T, D = DB>(
  db: Kysely<D>,
  work: (trx: Kysely<D>) => Promise<T>,
  keep: (error: unknown) => boolean = () => false,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql.raw(keep(error) ? 'commit' : 'rollback').execute(conn);
      throw error;
    }
  });
}
