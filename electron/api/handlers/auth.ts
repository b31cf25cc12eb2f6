import { ApiError } from '../../../shared/api/errors';
import { dummyPasswordHash, verifyPassword } from '../../auth/passwords';
import { writeAudit } from '../audit-writer';
import { clinicSettings } from '../clinic-settings';
import { defineHandlers } from '../handler';
import { endSession, idleLockMinutes, requireSession, resolveSession, startSession } from '../sessions';
import { checkPasswordOrThrow } from './auth-checks';
import { toSessionUser } from './users';

export const authHandlers = defineHandlers({
  async 'auth.signIn'({ username, password, replaceSession }, ctx) {
    const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (!user) {
      await verifyPassword(password, await dummyPasswordHash()); // same time as a real check
      await writeAudit(ctx.db, ctx.now, null, { action: 'auth.signIn.failed', detail: `unknown username "${username.slice(0, 40)}"` });
      throw new ApiError('UNAUTHENTICATED', 'Username or password is wrong.', { commit: true });
    }
    await checkPasswordOrThrow(ctx.db, user, password, ctx.now, 'auth.signIn');
    // Signing in at a locked screen as someone else ends the first user's session.
    if (replaceSession) {
      const previous = await resolveSession(ctx.db, replaceSession, ctx.now);
      if (previous) {
        await endSession(ctx.db, previous.id, ctx.now);
        ctx.audit({ action: 'auth.sessionEnded', entity: 'user', entityId: previous.user.id, detail: `replaced by ${user.username}` });
      }
    }
    const sessionToken = await startSession(ctx.db, user.id, ctx.now);
    ctx.audit({ entity: 'user', entityId: user.id, actor: toSessionUser(user) });
    return { sessionToken, user: toSessionUser(user), idleLockMinutes: await idleLockMinutes(ctx.db) };
  },

  async 'auth.unlock'({ password }, ctx) {
    const session = requireSession(ctx.session);
    const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', session.user.id).executeTakeFirstOrThrow();
    await checkPasswordOrThrow(ctx.db, user, password, ctx.now, 'auth.unlock');
    await ctx.db.updateTable('sessions').set({ locked: 0, lastActiveAt: ctx.now.toISOString() }).where('id', '=', session.id).execute();
    ctx.audit({ entity: 'user', entityId: user.id });
    return { sessionToken: session.token, user: toSessionUser(user), idleLockMinutes: await idleLockMinutes(ctx.db) };
  },

  async 'auth.lock'(_input, ctx) {
    const session = requireSession(ctx.session);
    await ctx.db.updateTable('sessions').set({ locked: 1 }).where('id', '=', session.id).execute();
    ctx.audit({ entity: 'user', entityId: session.user.id });
    return { locked: true as const };
  },

  async 'auth.heartbeat'(_input, ctx) {
    return { idleLockMinutes: await idleLockMinutes(ctx.db) };
  },

  async 'auth.signOut'(_input, ctx) {
    const session = requireSession(ctx.session);
    await endSession(ctx.db, session.id, ctx.now);
    ctx.audit({ entity: 'user', entityId: session.user.id });
    return { signedOut: true as const };
  },

  async 'auth.me'(_input, ctx) {
    const clinic = await clinicSettings(ctx.db);
    if (!clinic) throw new Error('The clinic is not set up yet');
    return {
      user: ctx.user,
      clinicName: clinic.name,
      timeZone: clinic.timeZone,
      distanceUnit: clinic.distanceUnit,
      idleLockMinutes: clinic.idleLockMinutes,
      country: clinic.country,
      dateOrder: clinic.dateOrder,
      timeFormat: clinic.timeFormat,
      weekStartsOn: clinic.weekStartsOn,
    };
  },
});
