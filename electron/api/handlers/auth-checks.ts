import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { DB, UsersTable } from '../../db/schema';
import { verifyPassword } from '../../auth/passwords';
import { writeAudit } from '../audit-writer';

/** Five wrong passwords in a row lock the account for five minutes (issue #2; clinic policy). */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 5;

type UserRow = Selectable<UsersTable>;

function minutesLeft(lockedUntil: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 60_000));
}

/**
 * Checks a password for a known user, counting failures and locking the account on the fifth.
 * Failures are thrown with commit: the count and the audit row must survive the refusal.
 */
export async function checkPasswordOrThrow(db: Kysely<DB>, user: UserRow, password: string, now: Date, action: string) {
  const actor = { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    await writeAudit(db, now, actor, { action: `${action}.refused`, entity: 'user', entityId: user.id, detail: 'account locked' });
    const n = minutesLeft(user.lockedUntil, now);
    throw new ApiError('LOCKED', `Too many failed sign-ins: this account is locked for ${n} more minute${n === 1 ? '' : 's'}.`, { commit: true });
  }
  if (await verifyPassword(password, user.passwordHash)) {
    if (user.failedSignIns > 0 || user.lockedUntil) {
      await db.updateTable('users').set({ failedSignIns: 0, lockedUntil: null }).where('id', '=', user.id).execute();
    }
    if (user.active !== 1) {
      await writeAudit(db, now, actor, { action: `${action}.refused`, entity: 'user', entityId: user.id, detail: 'account deactivated' });
      throw new ApiError('FORBIDDEN', 'This account has been deactivated: ask an admin.', { commit: true });
    }
    return;
  }
  const failures = user.failedSignIns + 1;
  const lock = failures >= MAX_FAILED_SIGN_INS;
  await db
    .updateTable('users')
    .set(lock ? { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() } : { failedSignIns: failures })
    .where('id', '=', user.id)
    .execute();
  await writeAudit(db, now, actor, {
    action: `${action}.failed`,
    entity: 'user',
    entityId: user.id,
    detail: lock ? `wrong password; account locked for ${LOCKOUT_MINUTES} minutes` : `wrong password (${failures} in a row)`,
  });
  if (lock) {
    throw new ApiError('LOCKED', `Too many failed sign-ins: this account is locked for ${LOCKOUT_MINUTES} minutes.`, { commit: true });
  }
  // At the lock screen the user is known, so the form can say which field is wrong; at sign-in it cannot.
  if (action === 'auth.unlock') throw new ApiError('UNAUTHENTICATED', 'That password is not right.', { commit: true, fields: { password: 'That password is not right' } });
  throw new ApiError('UNAUTHENTICATED', 'Username or password is wrong.', { commit: true });
}
