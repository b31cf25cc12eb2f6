import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * How long a write waits for the write lock another program (the CLI, a second window's process)
 * holds, and how it waits: asynchronously, so the process keeps answering reads meanwhile.
 * `sleep` and the time it counts are injectable: tests hold the lock for "a minute" without waiting one.
 */
export interface LockWait {
  sleep(ms: number): Promise<void>;
  /** Give up after this much waiting in total (milliseconds slept). */
  limitMs: number;
}

export const DEFAULT_LOCK_WAIT: LockWait = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  limitMs: 60_000,
};

/** The write lock stayed taken for longer than LockWait.limitMs: nothing was written. */
export class DatabaseBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super(`The database stayed locked by another program for ${Math.round(waitedMs / 1000)} s`);
    this.name = 'DatabaseBusyError';
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

async function beginImmediate(conn: Kysely<unknown>, wait: LockWait) {
  let waited = 0;
  let delay = 2;
  for (;;) {
    try {
      await conn.executeQuery(BEGIN_IMMEDIATE);
      return;
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (waited >= wait.limitMs) throw new DatabaseBusyError(waited);
    }
    await wait.sleep(delay);
    waited += delay;
    delay = Math.min(delay * 2, 100);
  }
}

export interface WriteOptions {
  /** Decides, for a thrown error, whether the transaction's writes are kept (committed) anyway. */
  keep?: (error: unknown) => boolean;
  lockWait?: LockWait;
  /**
   * Commit without waiting for the disk (synchronous=NORMAL for this one transaction): for the
   * bookkeeping of reads only (access-log rows, session activity), never for a record change. WAL
   * keeps the database consistent either way; a power cut may lose the last such rows.
   */
  relaxedDurability?: boolean;
}

/**
 * Runs `work` on one connection inside BEGIN IMMEDIATE … COMMIT. IMMEDIATE takes the write lock up
 * front, so two processes (desktop and CLI) queue for it instead of failing mid-transaction, and
 * within one process Kysely's single SQLite connection serialises callers: two racing writes can
 * never interleave. Any throw rolls everything back unless `keep` says the failure must be committed.
 */
export async function inImmediateTransaction<T, D = DB>(db: Kysely<D>, work: (trx: Kysely<D>) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const { keep = () => false, lockWait = DEFAULT_LOCK_WAIT, relaxedDurability = false } = options;
  return db.connection().execute(async (conn) => {
    // 2 = FULL; a connection already below NORMAL (the demo generator's) is left as it is.
    const level = relaxedDurability ? Number((await conn.executeQuery<{ synchronous: number }>(SYNCHRONOUS)).rows[0]?.synchronous ?? 2) : null;
    const relax = level !== null && level > 1;
    if (relax) await conn.executeQuery(SYNCHRONOUS_NORMAL);
    try {
      await beginImmediate(conn as Kysely<unknown>, lockWait);
      try {
        const result = await work(conn);
        await conn.executeQuery(COMMIT);
        return result;
      } catch (error) {
        await conn.executeQuery(keep(error) ? COMMIT : ROLLBACK);
        throw error;
      }
    } finally {
      if (relax) await conn.executeQuery(CompiledQuery.raw(`pragma synchronous = ${level}`));
    }
  });
}

/**
 * Runs `work` in a read transaction (a deferred BEGIN that never asks for the write lock): every
 * query in it sees one consistent snapshot, and in WAL mode it never waits for a writer.
 */
export async function inReadTransaction<T, D = DB>(db: Kysely<D>, work: (trx: Kysely<D>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await conn.executeQuery(BEGIN);
    try {
      const result = await work(conn);
      await conn.executeQuery(COMMIT);
      return result;
    } catch (error) {
      await conn.executeQuery(ROLLBACK);
      throw error;
    }
  });
}

// Every call begins and ends a transaction (a read's bookkeeping a relaxed one): their text as it
// is, not a query tree each time.
const BEGIN = CompiledQuery.raw('begin');
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const SYNCHRONOUS = CompiledQuery.raw('pragma synchronous');
const SYNCHRONOUS_NORMAL = CompiledQuery.raw('pragma synchronous = NORMAL');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');
