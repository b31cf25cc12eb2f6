import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/domain/user';
import { compiledQuery } from '../db/compiled-query';
import type { DB } from '../db/schema';
import type { AuditNote } from './context';

// Every call that writes or opens a record appends a row: the insert is compiled once.
const insertAudit = compiledQuery((db: Kysely<DB>, at: string, userId: number | null, username: string | null, action: string, entity: string | null, entityId: string | null, detail: string | null) =>
  db.insertInto('auditLog').values({ at, userId, username, action, entity, entityId, detail }),
);

/** Appends one audit row; always called inside the transaction of the change it records. */
export async function writeAudit(db: Kysely<DB>, at: Date, user: SessionUser | null, note: AuditNote & { action: string }) {
  await insertAudit(
    db,
    at.toISOString(),
    user && user.id > 0 ? user.id : null,
    user?.username ?? null,
    note.action,
    note.entity ?? null,
    note.entityId == null ? null : String(note.entityId),
    note.detail ?? null,
  );
}
