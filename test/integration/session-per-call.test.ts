import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import { DATABASE_FILE } from '../../electron/app/data-dir';
import { ReaderPool } from '../../electron/db/reader-pool';
import { createTestApp, expectError, sessionFor, type TestApp } from './harness';
import { tracingKysely } from './statement-trace';

/**
 * Nothing about a session is kept between calls: each call reads its session, its user and the
 * clinic's settings afresh, in its own transaction. So a change another program makes to the same
 * file (the command line, a second copy of the app on the data folder) counts from the very next call.
 */
describe('a session is checked on every call', () => {
  let t: TestApp;
  let other: Database.Database;
  beforeAll(async () => {
    t = await createTestApp();
    // Another program's connection to the same database file.
    other = new Database(join(t.dataDir, DATABASE_FILE));
    other.pragma('busy_timeout = 5000');
  });
  afterAll(async () => {
    other.close();
    await t.dispose();
  });
  let token: string;
  beforeEach(async () => {
    other.prepare('update users set active = 1, role = ? where id = ?').run('therapist', t.userIds.therapist);
    token = await sessionFor(t, 'therapist');
    await t.ok('auth.me', {}, token);
  });

  const sessionId = async () => (await t.services.db.selectFrom('sessions').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;

  it('another program signs the session out: the very next call is refused', async () => {
    other.prepare('update sessions set ended_at = ? where id = ?').run(t.clock.now.toISOString(), await sessionId());
    expectError(await t.call('auth.me', {}, token), 'UNAUTHENTICATED');
    expectError(await t.call('patients.list', { query: '', limit: 10 }, token), 'UNAUTHENTICATED');
  });

  it('another program deactivates the user: the very next call is refused', async () => {
    other.prepare('update users set active = 0 where id = ?').run(t.userIds.therapist);
    expectError(await t.call('auth.me', {}, token), 'UNAUTHENTICATED');
  });

  it('the session expires between two calls: the second is refused', async () => {
    other.prepare('update sessions set expires_at = ? where id = ?').run(new Date(t.clock.now.getTime() + 60_000).toISOString(), await sessionId());
    await t.ok('auth.me', {}, token);
    t.clock.advanceMinutes(1);
    expectError(await t.call('auth.me', {}, token), 'UNAUTHENTICATED');
  });

  it('another program changes the role: the very next call has the new role', async () => {
    await t.ok('today.get', {}, token);
    other.prepare('update users set role = ? where id = ?').run('front_desk', t.userIds.therapist);
    expectError(await t.call('today.get', {}, token), 'FORBIDDEN');
    expect((await t.ok('auth.me', {}, token)).user.role).toBe('front_desk');
  });

  it('another program changes the clinic’s settings: the very next call uses them', async () => {
    other.prepare('update clinic set time_zone = ?, date_order = ?, name = ?').run('Asia/Ho_Chi_Minh', 'DMY', 'Phòng khám Chạy Lại');
    const me = await t.ok('auth.me', {}, token);
    expect([me.timeZone, me.dateOrder, me.clinicName]).toEqual(['Asia/Ho_Chi_Minh', 'DMY', 'Phòng khám Chạy Lại']);
    other.prepare('update clinic set time_zone = ?, date_order = ?, name = ?').run('America/Chicago', 'MDY', 'Test Run Clinic');
  });

  it('every call looks its session up again: ten calls, ten lookups', async () => {
    const reader = tracingKysely(t);
    try {
      const dispatch = createDispatcher({ ...t.services, readers: new ReaderPool([reader.db]) });
      for (let i = 0; i < 10; i++) expect((await dispatch({ channel: 'auth.me', input: {}, sessionToken: token, transport: 'direct' })).ok).toBe(true);
      expect(reader.trace.filter((s) => /from "sessions"/.test(s.sql))).toHaveLength(10);
    } finally {
      await reader.close();
    }
  });
});
