import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { SessionUser, User } from '../../../shared/domain/user';
import type { DB, UsersTable } from '../../db/schema';
import { hashPassword } from '../../auth/passwords';
import { defineHandlers } from '../handler';
import { endSessionsOfUser } from '../sessions';

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.lockedUntil,
    npi: row.npi,
    credentials: row.credentials,
    license: row.license,
    createdAt: row.createdAt,
  };
}

export function toSessionUser(row: Selectable<UsersTable>): SessionUser {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

export async function insertUser(
  db: Kysely<DB>,
  input: { username: string; displayName: string; role: User['role']; password: string },
  now: Date,
): Promise<Selectable<UsersTable>> {
  const taken = await db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw new ApiError('CONFLICT', `The username "${input.username}" is already taken.`, { fields: { username: 'This username is already taken' } });
  return db
    .insertInto('users')
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      lockedUntil: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function userOrThrow(db: Kysely<DB>, id: number) {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `There is no user with id ${id}.`);
  return row;
}

export const userHandlers = defineHandlers({
  async 'users.list'(_input, ctx) {
    const rows = await ctx.db.selectFrom('users').selectAll().orderBy('active', 'desc').orderBy('displayName').execute();
    return { users: rows.map(toUser) };
  },

  async 'users.create'(input, ctx) {
    const row = await insertUser(ctx.db, input, ctx.now);
    ctx.audit({ entity: 'user', entityId: row.id, detail: `created ${row.username} as ${row.role}` });
    return toUser(row);
  },

  async 'users.update'({ id, displayName, role, active }, ctx) {
    const before = await userOrThrow(ctx.db, id);
    const losesAdmin = before.role === 'admin' && before.active === 1 && ((role !== undefined && role !== 'admin') || active === false);
    if (losesAdmin) {
      const admins = await ctx.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw new ApiError('CONFLICT', 'At least one active admin must remain: make someone else an admin first.');
    }
    const changes: string[] = [];
    if (displayName !== undefined && displayName !== before.displayName) changes.push(`name → ${displayName}`);
    if (role !== undefined && role !== before.role) changes.push(`role ${before.role} → ${role}`);
    if (active !== undefined && (active ? 1 : 0) !== before.active) changes.push(active ? 'reactivated' : 'deactivated');
    const row = await ctx.db
      .updateTable('users')
      .set({
        ...(displayName !== undefined ? { displayName } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
        updatedAt: ctx.now.toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A role change or a deactivation takes effect now, not at the user's next sign-in.
    if ((role !== undefined && role !== before.role) || active === false) await endSessionsOfUser(ctx.db, id, ctx.now);
    ctx.audit({ entity: 'user', entityId: id, detail: changes.join('; ') || 'no change' });
    return toUser(row);
  },

  async 'users.resetPassword'({ id, password }, ctx) {
    await userOrThrow(ctx.db, id);
    const row = await ctx.db
      .updateTable('users')
      .set({ passwordHash: await hashPassword(password), failedSignIns: 0, lockedUntil: null, updatedAt: ctx.now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await endSessionsOfUser(ctx.db, id, ctx.now);
    ctx.audit({ entity: 'user', entityId: id, detail: 'password reset by admin' });
    return toUser(row);
  },

  async 'users.setBillingIdentity'({ id, npi, credentials, license }, ctx) {
    const before = await userOrThrow(ctx.db, id);
    if (npi !== null) {
      const other = await ctx.db.selectFrom('users').select('displayName').where('npi', '=', npi).where('id', '!=', id).executeTakeFirst();
      if (other) throw new ApiError('CONFLICT', `NPI ${npi} is already ${other.displayName}’s: an individual NPI belongs to one person.`, { fields: { npi: `Already ${other.displayName}’s NPI` } });
      const clinic = await ctx.db.selectFrom('clinic').select('npi').executeTakeFirst();
      if (clinic?.npi === npi) throw new ApiError('VALIDATION', `NPI ${npi} is the clinic’s billing NPI (type 2); a therapist’s individual NPI (type 1) is a different number.`, { fields: { npi: 'This is the clinic’s billing NPI, not an individual one' } });
    }
    const row = await ctx.db.updateTable('users').set({ npi, credentials, license, updatedAt: ctx.now.toISOString() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const changes = ([['NPI', before.npi, npi], ['credentials', before.credentials, credentials], ['licence', before.license, license]] as const)
      .filter(([, a, b]) => a !== b)
      .map(([what, a, b]) => `${what} ${a ?? '(none)'} → ${b ?? '(none)'}`);
    ctx.audit({ entity: 'user', entityId: id, detail: changes.join('; ') || 'no change' });
    return toUser(row);
  },

  async 'users.therapists'(_input, ctx) {
    const rows = await ctx.db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('role', '=', 'therapist')
      .where('active', '=', 1)
      .orderBy('displayName')
      .execute();
    return { therapists: rows };
  },
});
