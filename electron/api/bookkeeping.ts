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
   * once they are in the database, so no record is shown without its access-log row.
   */
  async flush(db: Kysely<DB>, lockWait: LockWait): Promise<void> {
    if (this.writes.length === 0) return;
    const writes = this.writes.splice(0);
    await inImmediateTransaction(
      db,
      async (trx) => {
        for (const write of writes) await write(trx);
      },
      { lockWait, relaxedDurability: true },
    );
  }
}
