import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/domain/user';
import type { DB } from '../db/schema';
import { inImmediateTransaction, type LockWait } from '../db/transaction';
import { writeAudit } from './audit-writer';
import type { AuditNote } from './context';
import { lockSession, touchSession } from './sessions';

/**
 * The writes a call owes the record besides its handler's own: the idle lock it found, the session's
 * activity, and its audit rows.
 */
export interface Bookkeeping {
  /** `seenLastActiveAt`: the session's last activity when the call found it idle. */
  lockSession(sessionId: number, seenLastActiveAt: string): Promise<void>;
  touchSession(sessionId: number): Promise<void>;
  audit(user: SessionUser | null, note: AuditNote & { action: string }): Promise<void>;
}

/** A write call's bookkeeping: written at once, in the call's own transaction. */
export function bookkeepingIn(trx: Kysely<DB>, now: Date): Bookkeeping {
  return {
    lockSession: (id, seen) => lockSession(trx, id, seen),
    touchSession: (id) => touchSession(trx, id, now),
    audit: (user, note) => writeAudit(trx, now, user, note),
  };
}

type Write = (trx: Kysely<DB>) => Promise<void>;

/**
 * A read call's bookkeeping: noted while the read runs on a read-only connection, then written in
 * one short write transaction after it. Most reads owe nothing (activity is written at most every
 * few seconds) and never ask for the write lock at all.
 */
export class DeferredBookkeeping implements Bookkeeping {
  private readonly writes: Write[] = [];

  constructor(private readonly now: Date) {}

  lockSession(id: number, seenLastActiveAt: string) {
    this.writes.push((trx) => lockSession(trx, id, seenLastActiveAt));
    return Promise.resolve();
  }

  touchSession(id: number) {
    this.writes.push((trx) => touchSession(trx, id, this.now));
    return Promise.resolve();
  }

  audit(user: SessionUser | null, note: AuditNote & { action: string }) {
    this.writes.push((trx) => writeAudit(trx, this.now, user, note));
    return Promise.resolve();
  }

  /**
   * Writes what was noted. The rows record a read, not a change to the record, so they are committed
   * without waiting for the disk (see WriteOptions.relaxedDurability); the call still answers only
   * once they are in the database, so no record is shown without its access-log row. Reads that
   * finish together share one transaction (see GroupWriter): a chart's four calls, one commit.
   */
  async flush(db: Kysely<DB>, lockWait: LockWait): Promise<void> {
    if (this.writes.length === 0) return;
    await groupWriterOf(db, lockWait).write(this.writes.splice(0));
  }
}

interface Waiting {
  writes: Write[];
  settle(error?: unknown): void;
}

/**
 * Writes the bookkeeping of reads in as few transactions as they allow: what was handed in while
 * the previous transaction ran, or while this one waited for the lock, goes in together. Each commit
 * appends to the WAL and changes the file under every reader (SQLite then drops the readers' page
 * caches), so four calls opening a chart paid four of each. The rows are the same, in the order the
 * calls handed them in. If a shared transaction fails, each call's rows are tried alone, so one
 * call's failure is never another's.
 */
class GroupWriter {
  private readonly waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly lockWait: LockWait,
  ) {}

  write(writes: Write[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ writes, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.running) return;
      // The first waits for the event loop's next turn: reads asked together (a chart's four calls)
      // run on their connections within this turn, SQLite being synchronous, so their rows all go in
      // one transaction. Started at once, the first read's commit went alone, and each commit made the
      // readers still running drop their page caches: three commits per chart opened instead of one.
      this.running = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        let batch: Waiting[] = [];
        try {
          // The batch is taken once the lock is held: calls that finished meanwhile join it.
          await this.transaction(async (trx) => {
            batch = this.waiting.splice(0);
            for (const { writes } of batch) for (const write of writes) await write(trx);
          });
          for (const one of batch) one.settle();
        } catch (error) {
          // The lock never came (another program held it past the limit): every call waiting for it is refused.
          if (batch.length === 0) for (const one of this.waiting.splice(0)) one.settle(error);
          else if (batch.length === 1) batch[0]!.settle(error);
          else for (const one of batch) await this.alone(one);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async alone(one: Waiting) {
    try {
      await this.transaction(async (trx) => {
        for (const write of one.writes) await write(trx);
      });
      one.settle();
    } catch (error) {
      one.settle(error);
    }
  }

  private transaction(work: (trx: Kysely<DB>) => Promise<void>) {
    return inImmediateTransaction(this.db, work, { lockWait: this.lockWait, relaxedDurability: true });
  }
}

/** One group writer per writing connection (the app's, a test's). */
const groupWriters = new WeakMap<Kysely<DB>, GroupWriter>();

function groupWriterOf(db: Kysely<DB>, lockWait: LockWait): GroupWriter {
  let writer = groupWriters.get(db);
  if (!writer) {
    writer = new GroupWriter(db, lockWait);
    groupWriters.set(db, writer);
  }
  return writer;
}
