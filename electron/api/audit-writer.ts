import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/domain/user';
import type { DB } from '../db/schema';
import type { AuditNote } from './context';

/** Appends one audit row; always called inside the transaction of the change it records. */
export async function writeAudit(db: Kysely<DB>, at: Date, user: SessionUser | null, note: AuditNote & { action: string }) {
  await db
    .insertInto('auditLog')
    .values({
      at: at.toISOString(),
      userId: user && user.id > 0 ? user.id : null,
      username: user?.username ?? null,
      action: note.action,
      entity: note.entity ?? null,
      entityId: note.entityId == null ? null : String(note.entityId),
      detail: note.detail ?? null,
    })
    .execute();
}
