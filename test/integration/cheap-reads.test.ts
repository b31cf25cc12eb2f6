import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Call } from '../../electron/api/dispatcher';
import { ReaderPool } from '../../electron/db/reader-pool';
import type { ChannelName } from '../../shared/api/contract';
import { createTestApp, databaseFingerprint, PATIENT, type TestApp } from './harness';
import { scheduleWorld, type ScheduleWorld } from './schedule-harness';
import { tracingKysely, type Traced } from './statement-trace';

/**
 * What a read costs, counted through the whole dispatcher (session, role, handler, response check,
 * bookkeeping) instead of timed: the statements it runs on its read-only connection, their plans and
 * rows, and that the writing connection is not used at all.
 */
describe('a read through the dispatcher', () => {
  let t: TestApp;
  let w: ScheduleWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await scheduleWorld(t);
  });
  afterAll(() => t.dispose());

  /** Runs one call with the app's readers replaced by one tracing read-only connection. */
  async function traced(channel: ChannelName, input: unknown, sessionToken: string): Promise<{ ok: boolean; trace: Traced[]; wrote: boolean }> {
    const reader = tracingKysely(t);
    const before = await databaseFingerprint(t);
    try {
      const dispatch = createDispatcher({ ...t.services, readers: new ReaderPool([reader.db]) });
      const result = await dispatch({ channel, input, sessionToken, transport: 'direct' } satisfies Call);
      return { ok: result.ok, trace: reader.trace.filter((s) => !/^(begin|commit|rollback)\b/i.test(s.sql.trim())), wrote: (await databaseFingerprint(t)) !== before };
    } finally {
      await reader.close();
    }
  }

  it('an empty call is one lookup by index, one row, and writes nothing', async () => {
    const { ok, trace, wrote } = await traced('auth.me', {}, t.sessions.front_desk);
    expect(ok).toBe(true);
    expect(wrote).toBe(false);
    // The session with its user, and the clinic's settings joined (the clinic has one row): one statement.
    expect(trace).toHaveLength(1);
    const [session] = trace;
    expect(session!.sql).toMatch(/from "sessions".*join "clinic"/);
    expect(session!.plan).toMatch(/SEARCH sessions USING INDEX/);
    expect(session!.plan).not.toMatch(/SCAN (?!clinic\b)\w+/);
    expect(session!.rows).toBe(1);
  });

  it('a week of appointments runs the same few statements whether it holds 10 or 30 appointments', async () => {
    const week = { from: '2026-11-30', to: '2026-12-06' };
    // Follow-ups of 45 minutes from 08:00, alternating between the two therapists and their rooms.
    const bookDay = async (date: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const minute = 8 * 60 + Math.floor(i / 2) * 45;
        const start = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const [therapistId, roomId, patientId] = i % 2 ? [w.therapist2, w.rooms.two, w.patients.ben] : [w.therapist, w.rooms.one, w.patients.ana];
        await t.ok('appointments.book', { patientId, therapistId, roomId, typeId: w.types.followUp, date, start }, t.sessions.admin);
      }
    };
    await bookDay('2026-12-01', 10);
    const ten = await traced('appointments.range', week, t.sessions.front_desk);
    await bookDay('2026-12-02', 10);
    await bookDay('2026-12-03', 10);
    const thirty = await traced('appointments.range', week, t.sessions.front_desk);
    expect([ten.ok, thirty.ok]).toEqual([true, true]);
    expect([ten.wrote, thirty.wrote]).toEqual([false, false]);
    expect(thirty.trace.map((s) => s.sql)).toEqual(ten.trace.map((s) => s.sql));
    expect(thirty.trace.map((s) => s.plan)).toEqual(ten.trace.map((s) => s.plan));
    // The session (with the clinic's time zone), the appointments with their names joined: no query per row.
    expect(ten.trace).toHaveLength(2);
    const appointments = (x: { trace: Traced[] }) => x.trace.find((s) => /from "appointments"/.test(s.sql))!;
    expect(appointments(ten).plan).toMatch(/SEARCH a USING INDEX appointments_/);
    expect([appointments(ten).rows, appointments(thirty).rows]).toEqual([10, 30]);
  });

  it('a search keystroke reads the clinic row only in its session lookup', async () => {
    await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Ngọc Ánh', legalLastName: 'Đặng' }, t.sessions.front_desk);
    const { ok, trace } = await traced('patients.list', { query: 'dang', limit: 100 }, t.sessions.front_desk);
    expect(ok).toBe(true);
    expect(trace[0]!.sql).toMatch(/from "sessions".*join "clinic"/);
    // The date order it parses a typed date of birth in comes with the session: no statement reads the clinic alone.
    expect(trace.filter((s) => /^\s*select\b(?:(?!\bjoin\b).)*\bfrom "clinic"/is.test(s.sql))).toEqual([]);
  });

  it('opening a record owes its access-log row, and nothing else', async () => {
    const patient = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng' }, t.sessions.front_desk);
    const before = await t.services.db.selectFrom('auditLog').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const { ok, trace } = await traced('patients.get', { id: patient.id }, t.sessions.front_desk);
    expect(ok).toBe(true);
    expect(trace.every((s) => !/^\s*(insert|update|delete)\b/i.test(s.sql))).toBe(true);
    const after = await t.services.db.selectFrom('auditLog').select(['action', 'entityId']).where('id', '>', before.id).execute();
    expect(after).toEqual([{ action: 'patients.get', entityId: String(patient.id) }]);
  });
});
