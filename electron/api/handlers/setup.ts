import { ApiError } from '../../../shared/api/errors';
import { forgetCallReads } from '../call-scope';
import { defineHandlers } from '../handler';
import { startSession } from '../sessions';
import { insertUser, toSessionUser } from './users';

export const setupHandlers = defineHandlers({
  async 'setup.status'(_input, ctx) {
    const clinic = await ctx.db.selectFrom('clinic').select('name').executeTakeFirst();
    return { clinicExists: clinic !== undefined, clinicName: clinic?.name ?? null };
  },

  async 'setup.createClinic'({ clinic, admin }, ctx) {
    const existing = await ctx.db.selectFrom('clinic').select('id').executeTakeFirst();
    if (existing) throw new ApiError('CONFLICT', 'This data folder already holds a clinic: sign in instead.');
    const now = ctx.now.toISOString();
    const { phone, ...rest } = clinic;
    await ctx.db.insertInto('clinic').values({ id: 1, ...rest, phone: phone ?? '', createdAt: now, updatedAt: now }).execute();
    forgetCallReads(ctx.db);
    const user = await insertUser(ctx.db, { ...admin, role: 'admin' }, ctx.now);
    const sessionToken = await startSession(ctx.db, user.id, ctx.now);
    const actor = toSessionUser(user);
    ctx.audit({ entity: 'clinic', entityId: 1, detail: `clinic "${clinic.name}" created`, actor });
    ctx.audit({ action: 'users.create', entity: 'user', entityId: user.id, detail: `first admin ${user.username}`, actor });
    return { sessionToken, user: actor, idleLockMinutes: clinic.idleLockMinutes };
  },
});
