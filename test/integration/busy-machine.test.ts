import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/app/data-dir';
import { createDispatcher, type Call } from '../../electron/api/dispatcher';
import type { Handler } from '../../electron/api/handler';
import { handlers } from '../../electron/api/handlers';
import { openApp } from '../../electron/app/open-app';
import type { LockWait } from '../../electron/db/transaction';
import type { ChannelName } from '../../shared/api/contract';
import { createTestApp, databaseFingerprint, expectError, PASSWORDS, PATIENT, type TestApp } from './harness';

/**
 * A slow machine must never make a call fail. Each test here makes "slow" happen on purpose and
 * without waiting for it: a call still running when the app closes, a write lock held by another
 * program for as long as the test likes (the wait's clock is the test's), reads while it is held.
 */

/** A lock wait whose sleeps cost nothing; `onSleep` runs at each one (the other program's turn). */
function steppedLockWait(onSleep: (sleeps: number) => void, limitMs = 60_000): LockWait & { sleeps: number } {
  const wait = {
    sleeps: 0,
    limitMs,
    async sleep() {
      wait.sleeps += 1;
      onSleep(wait.sleeps);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return wait;
}

/**
 * A dispatcher whose `channel` stops inside its handler until the test lets it go on: a read that a
 * busy machine made slow, with other calls answered meanwhile. `inside` resolves once it has stopped.
 */
function slowedIn<K extends ChannelName>(app: TestApp, channel: K) {
  let release = () => {};
  let stopped = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const inside = new Promise<void>((resolve) => (stopped = resolve));
  const real = handlers[channel] as Handler<K>;
  const slowed: Handler<K> = async (input, ctx) => {
    stopped();
    await held;
    return real(input, ctx);
  };
  const dispatch = createDispatcher(app.services, { ...handlers, [channel]: slowed });
  const call = (name: ChannelName, input: unknown, sessionToken: string) => dispatch({ channel: name, input, sessionToken, transport: 'direct' } satisfies Call);
  return { call, inside, release };
}

describe('on a busy machine', () => {
  let t: TestApp | null = null;
  let other: Database.Database | null = null;
  afterEach(async () => {
    if (other?.inTransaction) other.exec('rollback');
    other?.close();
    other = null;
    await t?.dispose();
    t = null;
  });

  /** Another program's connection holding the write lock, as the CLI importing runs would. */
  const holdWriteLock = (app: TestApp) => {
    other = new Database(join(app.dataDir, DATABASE_FILE));
    other.exec('begin immediate');
    return other;
  };

  it('a call still running when the app closes finishes and is saved; calls after that are refused, not crashed', async () => {
    // The npm test failure: a test's setup outlived its hook timeout, the teardown closed the app,
    // and the setup's next call (workingHours.set, rooms.save) found the database closed: INTERNAL.
    const app = await createTestApp();
    // users.create hashes a password (scrypt, long on a busy machine) inside its write transaction.
    const running = app.call('users.create', { username: 'sam', displayName: 'Sam Second', role: 'therapist', password: 'second-password' }, app.sessions.admin);
    const closing = app.close();
    const refused = await app.call('rooms.save', { name: 'Room 1' }, app.sessions.admin);
    expectError(refused, 'UNAVAILABLE');
    if (!refused.ok) expect(refused.error.message).toMatch(/closing/);
    const created = await running;
    expect(created.ok, JSON.stringify(created)).toBe(true);
    await closing;
    expect(app.errors).toEqual([]);
    const again = await openApp(app.dataDir, { log: { info: () => {}, error: () => {} } });
    try {
      const users = await again.services.db.selectFrom('users').select('username').execute();
      expect(users.map((u) => u.username)).toContain('sam');
      expect(await again.services.db.selectFrom('rooms').select('id').execute()).toEqual([]);
    } finally {
      await again.close();
    }
    t = app; // disposes the folder (closing twice is harmless)
  });

  it('a write waits as long as another program holds the lock, and reads go on meanwhile', async () => {
    let release = () => {};
    const wait = steppedLockWait((sleeps) => {
      // 300 sleeps of up to 100 ms: the other program held the lock for about half a minute.
      if (sleeps === 300) release();
    });
    t = await createTestApp({ lockWait: wait });
    const app = t;
    const lock = holdWriteLock(app);
    release = () => lock.exec('commit');
    const write = app.call('patients.create', PATIENT, app.sessions.front_desk);
    // While the write waits: reads answer, without taking the lock (patients.get also writes its
    // access-log row, so it waits too — but a list without a search owes nothing).
    const list = await app.call('patients.list', {}, app.sessions.therapist);
    expect(list.ok).toBe(true);
    const me = await app.call('auth.me', {}, app.sessions.admin);
    expect(me.ok).toBe(true);
    expect(wait.sleeps).toBeLessThan(300);
    const created = await write;
    expect(created.ok, JSON.stringify(created)).toBe(true);
    expect(wait.sleeps).toBe(300);
    expect((await app.ok('patients.list', {}, app.sessions.therapist)).total).toBe(1);
  });

  it('a write whose lock stays taken past the limit is refused as UNAVAILABLE and writes nothing', async () => {
    const wait = steppedLockWait(() => {}, 5_000);
    t = await createTestApp({ lockWait: wait });
    const app = t;
    holdWriteLock(app);
    const result = await app.call('patients.create', PATIENT, app.sessions.front_desk);
    expectError(result, 'UNAVAILABLE');
    if (!result.ok) expect(result.error.message).toMatch(/busy.*Nothing was saved/);
    other!.exec('rollback');
    expect(app.errors).toEqual([]);
    expect((await app.ok('patients.list', {}, app.sessions.front_desk)).total).toBe(0);
  });

  it('a read never asks for the write lock unless it owes a row, and then writes only that', async () => {
    const wait = steppedLockWait(() => {
      throw new Error('a read waited for the write lock');
    });
    t = await createTestApp({ lockWait: wait });
    const app = t;
    const patient = await app.ok('patients.create', PATIENT, app.sessions.front_desk);
    const before = await databaseFingerprint(app);
    holdWriteLock(app);
    // Within a few seconds of the last activity, an unaudited read owes nothing at all.
    app.clock.advanceMinutes(2 / 60);
    for (const channel of ['auth.me', 'clinic.get', 'users.therapists', 'schedule.settings'] as const) {
      expect((await app.call(channel, {}, app.sessions.front_desk)).ok, channel).toBe(true);
    }
    expect((await app.call('patients.list', { sort: 'name' }, app.sessions.front_desk)).ok).toBe(true);
    other!.exec('rollback');
    expect(await databaseFingerprint(app)).toBe(before);
    // Opening a record owes its access-log row, written after the read, before the answer.
    await app.ok('patients.get', { id: patient.id }, app.sessions.front_desk);
    const rows = await app.services.db.selectFrom('auditLog').select(['action', 'entityId']).orderBy('id', 'desc').limit(1).execute();
    expect(rows).toEqual([{ action: 'patients.get', entityId: String(patient.id) }]);
  });

  it('records session activity at most every five seconds, and the idle lock still holds', async () => {
    t = await createTestApp();
    const app = t;
    const lastActive = async () =>
      (await app.services.db.selectFrom('sessions').select('lastActiveAt').orderBy('id').execute()).map((r) => r.lastActiveAt);
    const start = await lastActive();
    app.clock.advanceMinutes(4 / 60);
    await app.ok('auth.me', {}, app.sessions.front_desk);
    expect(await lastActive()).toEqual(start);
    app.clock.advanceMinutes(2 / 60);
    await app.ok('auth.me', {}, app.sessions.front_desk);
    const after = await lastActive();
    expect(after.filter((v, i) => v !== start[i])).toEqual([app.clock.now.toISOString()]);
    // Ten idle minutes after that recorded activity, the session locks (and the lock is written).
    app.clock.advanceMinutes(10.1);
    expectError(await app.call('auth.me', {}, app.sessions.front_desk), 'LOCKED');
    const locked = await app.services.db.selectFrom('sessions').select('locked').where('lastActiveAt', '=', after.find((v, i) => v !== start[i])!).execute();
    expect(locked).toEqual([{ locked: 1 }]);
  });

  it('a slow read that found the session idle does not lock it again after an unlock committed meanwhile', async () => {
    t = await createTestApp();
    const app = t;
    const desk = app.sessions.front_desk;
    const slow = slowedIn(app, 'setup.status');
    app.clock.advanceMinutes(11);
    // The read sees the idle session (its lock is owed) and then takes its time …
    const read = slow.call('setup.status', {}, desk);
    await slow.inside;
    // … while the user types their password at the lock screen.
    const unlocked = await slow.call('auth.unlock', { password: PASSWORDS.front_desk }, desk);
    expect(unlocked.ok, JSON.stringify(unlocked)).toBe(true);
    slow.release();
    expect((await read).ok).toBe(true);
    expect((await app.call('auth.me', {}, desk)).ok).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('a slow read never moves the session’s last activity back past a later call’s', async () => {
    t = await createTestApp();
    const app = t;
    const desk = app.sessions.front_desk;
    const slow = slowedIn(app, 'clinic.get');
    app.clock.advanceMinutes(1);
    const read = slow.call('clinic.get', {}, desk); // its activity (at +1 min) is owed
    await slow.inside;
    app.clock.advanceMinutes(1);
    await app.ok('patients.create', PATIENT, desk); // activity at +2 min, written at once
    const later = app.clock.now.toISOString();
    slow.release();
    expect((await read).ok).toBe(true);
    const row = await app.services.db.selectFrom('sessions').select('lastActiveAt').where('userId', '=', app.userIds.front_desk).executeTakeFirstOrThrow();
    expect(row.lastActiveAt).toBe(later);
    // So the idle lock counts from +2 min: 9.5 minutes later the session is still open.
    app.clock.advanceMinutes(9.5);
    expect((await app.call('auth.me', {}, desk)).ok).toBe(true);
  });

  it('a write that waited for the lock is stamped with the time it got it, not the time it asked', async () => {
    const asked = new Date('2026-11-26T15:00:00.000Z').toISOString();
    let release = () => {};
    const wait = steppedLockWait((sleeps) => {
      t!.clock.advanceMinutes(0.1); // six seconds pass each sleep
      if (sleeps === 5) release();
    });
    t = await createTestApp({ lockWait: wait });
    const app = t;
    expect(app.clock.now.toISOString()).toBe(asked);
    const lock = holdWriteLock(app);
    release = () => lock.exec('commit');
    const created = await app.ok('patients.create', PATIENT, app.sessions.front_desk);
    const got = app.clock.now.toISOString();
    expect(got > asked).toBe(true);
    const rows = await app.services.db.selectFrom('auditLog').select('at').where('action', '=', 'patients.create').where('entityId', '=', String(created.id)).execute();
    expect(rows).toEqual([{ at: got }]);
  });
});
