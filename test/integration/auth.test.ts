import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, databaseFingerprint, expectError, PASSWORDS, type TestApp } from './harness';

describe('sign-in, lockout, auto-lock and sessions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it('setup happens once: a second clinic is refused and nothing changes', async () => {
    const before = await databaseFingerprint(t);
    const again = await t.call('setup.createClinic', {
      clinic: { name: 'Other', addressLine1: 'x', city: 'x', region: 'x', postalCode: '60601', phone: '3125550100', timeZone: 'UTC', distanceUnit: 'mi' },
      admin: { username: 'other', displayName: 'Other', password: 'other-password' },
    });
    expectError(again, 'CONFLICT');
    expect(await databaseFingerprint(t)).toBe(before);
    expect(await t.ok('setup.status', {})).toEqual({ clinicExists: true, clinicName: 'Test Run Clinic' });
  });

  it('refuses a wrong password with one plain message, for known and unknown users alike', async () => {
    const wrong = await t.call('auth.signIn', { username: 'desk', password: 'nope-nope-nope' });
    const unknown = await t.call('auth.signIn', { username: 'ghost', password: 'nope-nope-nope' });
    expectError(wrong, 'UNAUTHENTICATED');
    expectError(unknown, 'UNAUTHENTICATED');
    if (!wrong.ok && !unknown.ok) expect(wrong.error.message).toBe(unknown.error.message);
    const rows = await auditRows(t);
    expect(rows.filter((r) => r.action === 'auth.signIn.failed')).toHaveLength(2);
  });

  it('usernames are case-insensitive', async () => {
    expect((await t.ok('auth.signIn', { username: 'DESK', password: PASSWORDS.front_desk })).user.username).toBe('desk');
  });

  it('locks an account for 5 minutes after 5 failed sign-ins, then lets the right password in', async () => {
    for (let i = 1; i <= 4; i++) expectError(await t.call('auth.signIn', { username: 'desk', password: `wrong-${i}` }), 'UNAUTHENTICATED');
    const fifth = await t.call('auth.signIn', { username: 'desk', password: 'wrong-5' });
    expectError(fifth, 'LOCKED');
    if (!fifth.ok) expect(fifth.error.message).toContain('locked for 5 minutes');
    // Even the right password is refused while locked.
    const during = await t.call('auth.signIn', { username: 'desk', password: PASSWORDS.front_desk });
    expectError(during, 'LOCKED');
    t.clock.advanceMinutes(4);
    const stillLocked = await t.call('auth.signIn', { username: 'desk', password: PASSWORDS.front_desk });
    expectError(stillLocked, 'LOCKED');
    if (!stillLocked.ok) expect(stillLocked.error.message).toContain('1 more minute');
    t.clock.advanceMinutes(1.1);
    expect((await t.ok('auth.signIn', { username: 'desk', password: PASSWORDS.front_desk })).user.role).toBe('front_desk');
    const user = await t.services.db.selectFrom('users').selectAll().where('username', '=', 'desk').executeTakeFirstOrThrow();
    expect(user.failedSignIns).toBe(0);
  });

  it('a successful sign-in resets the failure count', async () => {
    for (let i = 0; i < 4; i++) await t.call('auth.signIn', { username: 'desk', password: 'wrong-one' });
    await t.ok('auth.signIn', { username: 'desk', password: PASSWORDS.front_desk });
    for (let i = 0; i < 4; i++) expectError(await t.call('auth.signIn', { username: 'desk', password: 'wrong-two' }), 'UNAUTHENTICATED');
  });

  it('auto-locks a session idle longer than the clinic setting; the same user unlocks with the password', async () => {
    const s = t.sessions.front_desk;
    await t.ok('patients.list', {}, s);
    t.clock.advanceMinutes(9);
    await t.ok('auth.heartbeat', {}, s); // activity keeps it open
    t.clock.advanceMinutes(9);
    await t.ok('patients.list', {}, s);
    t.clock.advanceMinutes(10.5);
    expectError(await t.call('patients.list', {}, s), 'LOCKED');
    const wrong = await t.call('auth.unlock', { password: 'wrong-password' }, s);
    expectError(wrong, 'UNAUTHENTICATED');
    if (!wrong.ok) expect(wrong.error.fields).toEqual({ password: 'That password is not right' });
    expectError(await t.call('patients.list', {}, s), 'LOCKED');
    const unlocked = await t.ok('auth.unlock', { password: PASSWORDS.front_desk }, s);
    expect(unlocked.sessionToken).toBe(s);
    await t.ok('patients.list', {}, s);
  });

  it('follows the clinic’s auto-lock setting', async () => {
    await t.ok('clinic.update', { ...(await t.ok('clinic.get', {}, t.sessions.admin)), idleLockMinutes: 2 }, t.sessions.admin);
    t.clock.advanceMinutes(2.5);
    expectError(await t.call('auth.me', {}, t.sessions.therapist), 'LOCKED');
  });

  it('the Lock button locks at once; another user signing in at the lock screen ends the first session', async () => {
    const first = t.sessions.front_desk;
    await t.ok('auth.lock', {}, first);
    expectError(await t.call('patients.list', {}, first), 'LOCKED');
    const second = await t.ok('auth.signIn', { username: 'thera', password: PASSWORDS.therapist, replaceSession: first });
    expect(second.user.username).toBe('thera');
    expectError(await t.call('patients.list', {}, first), 'UNAUTHENTICATED');
    expectError(await t.call('auth.unlock', { password: PASSWORDS.front_desk }, first), 'UNAUTHENTICATED');
    await t.ok('patients.list', {}, second.sessionToken);
    expect((await auditRows(t)).some((r) => r.action === 'auth.sessionEnded' && r.detail === 'replaced by thera')).toBe(true);
  });

  it('sessions expire after 12 hours and end at sign-out', async () => {
    const s = t.sessions.therapist;
    // Active all shift long (a heartbeat every 9 minutes, inside the 10-minute auto-lock) …
    for (let m = 0; m < 12 * 60 - 9; m += 9) {
      t.clock.advanceMinutes(9);
      await t.ok('auth.heartbeat', {}, s);
    }
    // … and still the session ends at 12 hours.
    t.clock.advanceMinutes(9);
    expectError(await t.call('auth.me', {}, s), 'UNAUTHENTICATED');
    const fresh = (await t.ok('auth.signIn', { username: 'thera', password: PASSWORDS.therapist })).sessionToken;
    await t.ok('auth.signOut', {}, fresh);
    expectError(await t.call('auth.me', {}, fresh), 'UNAUTHENTICATED');
  });

  it('stores only hashes of passwords and session tokens', async () => {
    const users = await t.services.db.selectFrom('users').select('passwordHash').execute();
    for (const u of users) expect(u.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const sessions = await t.services.db.selectFrom('sessions').select('tokenHash').execute();
    expect(sessions.map((s) => s.tokenHash)).not.toContain(t.sessions.admin);
  });
});

describe('user administration', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it('adds a user, refuses a taken username with a field message', async () => {
    const u = await t.ok('users.create', { username: 'New.User', displayName: 'New User', role: 'therapist', password: 'new-user-password' }, t.sessions.admin);
    expect(u).toMatchObject({ username: 'new.user', role: 'therapist', active: true });
    const dup = await t.call('users.create', { username: 'NEW.USER', displayName: 'Again', role: 'front_desk', password: 'another-password' }, t.sessions.admin);
    expectError(dup, 'CONFLICT');
    if (!dup.ok) expect(dup.error.fields).toEqual({ username: 'This username is already taken' });
  });

  it('deactivating a user ends their sessions and refuses their sign-in; reactivating restores it', async () => {
    await t.ok('users.update', { id: t.userIds.front_desk, active: false }, t.sessions.admin);
    expectError(await t.call('patients.list', {}, t.sessions.front_desk), 'UNAUTHENTICATED');
    const refused = await t.call('auth.signIn', { username: 'desk', password: PASSWORDS.front_desk });
    expectError(refused, 'FORBIDDEN');
    if (!refused.ok) expect(refused.error.message).toContain('deactivated');
    await t.ok('users.update', { id: t.userIds.front_desk, active: true }, t.sessions.admin);
    await t.ok('auth.signIn', { username: 'desk', password: PASSWORDS.front_desk });
  });

  it('re-roling takes effect at once', async () => {
    await t.ok('users.update', { id: t.userIds.front_desk, role: 'admin' }, t.sessions.admin);
    expectError(await t.call('users.list', {}, t.sessions.front_desk), 'UNAUTHENTICATED');
    const s = (await t.ok('auth.signIn', { username: 'desk', password: PASSWORDS.front_desk })).sessionToken;
    expect((await t.ok('users.list', {}, s)).users.length).toBe(3);
  });

  it('keeps at least one active admin', async () => {
    const demote = await t.call('users.update', { id: t.userIds.admin, role: 'therapist' }, t.sessions.admin);
    expectError(demote, 'CONFLICT');
    expectError(await t.call('users.update', { id: t.userIds.admin, active: false }, t.sessions.admin), 'CONFLICT');
    await t.ok('users.update', { id: t.userIds.therapist, role: 'admin' }, t.sessions.admin);
    await t.ok('users.update', { id: t.userIds.admin, role: 'therapist' }, t.sessions.admin);
  });

  it('a password reset clears a lockout, ends sessions and sets the new password', async () => {
    for (let i = 0; i < 5; i++) await t.call('auth.signIn', { username: 'thera', password: 'wrong-wrong' });
    expectError(await t.call('auth.signIn', { username: 'thera', password: PASSWORDS.therapist }), 'LOCKED');
    await t.ok('users.resetPassword', { id: t.userIds.therapist, password: 'brand-new-password' }, t.sessions.admin);
    expectError(await t.call('auth.me', {}, t.sessions.therapist), 'UNAUTHENTICATED');
    expectError(await t.call('auth.signIn', { username: 'thera', password: PASSWORDS.therapist }), 'UNAUTHENTICATED');
    await t.ok('auth.signIn', { username: 'thera', password: 'brand-new-password' });
    const audit = await auditRows(t);
    expect(audit.some((r) => r.action === 'users.resetPassword' && r.detail === 'password reset by admin')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('brand-new-password');
  });

  it('unknown user ids are NOT_FOUND', async () => {
    expectError(await t.call('users.update', { id: 999, active: false }, t.sessions.admin), 'NOT_FOUND');
  });
});
