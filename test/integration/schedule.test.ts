import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, databaseFingerprint, expectError, type TestApp } from './harness';
import { scheduleWorld, type ScheduleWorld } from './schedule-harness';

// The test clock stands at Thu 2026-11-26 09:00 in Chicago (15:00 UTC).
describe('the schedule', () => {
  let t: TestApp;
  let w: ScheduleWorld;
  beforeEach(async () => {
    t = await createTestApp();
    w = await scheduleWorld(t);
  });
  afterEach(() => t.dispose());

  const book = (over: Record<string, unknown> = {}, session = t.sessions.front_desk) =>
    t.call('appointments.book', { patientId: w.patients.ana, therapistId: w.therapist, roomId: w.rooms.one, typeId: w.types.followUp, date: '2026-12-01', start: '09:00', ...over } as never, session);

  it('books a slot in the clinic’s time zone and returns it with names', async () => {
    const r = await book();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.appointments[0]).toMatchObject({
      startsAt: '2026-12-01T15:00:00.000Z', // 09:00 CST
      endsAt: '2026-12-01T15:45:00.000Z',
      localDate: '2026-12-01',
      startMinute: 540,
      endMinute: 585,
      therapistName: 'Theo Therapist',
      roomName: 'Room 1',
      typeName: 'Follow-up',
      patientName: 'Alpha, Ana',
      status: 'booked',
    });
  });

  it('refuses each kind of clash with a reason naming it, and writes nothing', async () => {
    expect((await book()).ok).toBe(true);
    const before = await databaseFingerprint(t);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ patientId: w.patients.ben, roomId: w.rooms.two, start: '09:30' }, /^Theo Therapist is already booked 9:00 – 9:45 AM with Alpha, Ana\.$/],
      [{ patientId: w.patients.ben, therapistId: w.therapist2, start: '09:15' }, /^Room 1 is already in use 9:00 – 9:45 AM \(Theo Therapist with Alpha, Ana\)\.$/],
      [{ therapistId: w.therapist2, roomId: w.rooms.two, start: '09:00' }, /^Alpha, Ana is already booked 9:00 – 9:45 AM with Theo Therapist\.$/],
      [{ patientId: w.patients.ben, start: '16:30' }, /outside Theo Therapist’s working hours on Tuesday \(8:00 AM – 5:00 PM\)/],
      [{ patientId: w.patients.ben, date: '2026-12-05', start: '10:00' }, /outside Theo Therapist’s working hours on Saturday \(no working hours\)/],
    ];
    for (const [over, message] of cases) {
      const r = await book(over);
      expectError(r, 'CONFLICT');
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(await databaseFingerprint(t)).toBe(before);
    await t.ok('blockouts.create', { therapistId: w.therapist, date: '2026-12-01', start: '12:00', end: '13:00', reason: 'Lunch' }, t.sessions.front_desk);
    const lunch = await book({ patientId: w.patients.ben, start: '12:30' });
    expectError(lunch, 'CONFLICT');
    if (!lunch.ok) expect(lunch.error.message).toBe('Theo Therapist is blocked out 12:00 – 1:00 PM (Lunch).');
    await t.ok('blockouts.create', { therapistId: null, date: '2026-12-03', start: '08:00', end: '17:00', reason: 'Staff training' }, t.sessions.admin);
    const closed = await book({ patientId: w.patients.ben, date: '2026-12-03' });
    expectError(closed, 'CONFLICT');
    if (!closed.ok) expect(closed.error.message).toBe('The clinic is blocked out 8:00 AM – 5:00 PM (Staff training).');
    expect((await t.ok('appointments.range', { from: '2026-11-30', to: '2026-12-06' }, t.sessions.admin)).appointments).toHaveLength(1);
  });

  it('lets an admin knowingly double-book with a reason that is kept in the audit log; not the front desk', async () => {
    await book();
    const desk = await book({ patientId: w.patients.ben, roomId: w.rooms.two, override: { reason: 'Short check' } });
    expectError(desk, 'FORBIDDEN');
    const admin = await book({ patientId: w.patients.ben, roomId: w.rooms.two, override: { reason: 'Short post-op check, patient asked' } }, t.sessions.admin);
    expect(admin.ok).toBe(true);
    if (admin.ok) expect(admin.value.appointments[0]!.doubleBookedReason).toBe('Short post-op check, patient asked');
    const last = (await auditRows(t)).at(-1)!;
    expect(last.detail).toContain('DOUBLE-BOOKED by admin: "Short post-op check, patient asked" despite: Theo Therapist is already booked 9:00 – 9:45 AM');
  });

  it('two bookings racing for one slot: exactly one wins', async () => {
    const results = await Promise.all([
      book({ patientId: w.patients.ana }),
      book({ patientId: w.patients.ben }),
      book({ patientId: w.patients.cara }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(['CONFLICT', 'CONFLICT']);
  });

  it('a cancelled or no-show appointment frees its slot', async () => {
    const first = await book();
    if (!first.ok) throw new Error('setup');
    await t.ok('appointments.cancel', { id: first.value.appointments[0]!.id, reason: 'Sick' }, t.sessions.front_desk);
    expect((await book({ patientId: w.patients.ben })).ok).toBe(true);
  });

  it('status flow: booked → arrived (check-in time) → completed; no-show only after the start; therapists only their own', async () => {
    const r = await book({ date: '2026-11-26', start: '08:00' });
    if (!r.ok) throw new Error(r.error.message);
    const id = r.value.appointments[0]!.id;
    const arrived = await t.ok('appointments.setStatus', { id, status: 'arrived' }, t.sessions.front_desk);
    expect(arrived.arrivedAt).toBe('2026-11-26T15:00:00.000Z');
    expectError(await t.call('appointments.setStatus', { id, status: 'no_show' }, t.sessions.front_desk), 'CONFLICT');
    expect((await t.ok('appointments.setStatus', { id, status: 'completed' }, t.sessions.therapist)).status).toBe('completed');
    expectError(await t.call('appointments.cancel', { id, reason: 'x' }, t.sessions.front_desk), 'CONFLICT');

    const later = await book({ date: '2026-11-27', start: '10:00', patientId: w.patients.ben });
    if (!later.ok) throw new Error(later.error.message);
    const laterId = later.value.appointments[0]!.id;
    const early = await t.call('appointments.setStatus', { id: laterId, status: 'no_show' }, t.sessions.front_desk);
    expectError(early, 'CONFLICT');
    if (!early.ok) expect(early.error.message).toContain('once the appointment time has come');

    const other = await book({ therapistId: w.therapist2, roomId: w.rooms.two, patientId: w.patients.cara, date: '2026-11-26', start: '08:00' });
    if (!other.ok) throw new Error(other.error.message);
    expectError(await t.call('appointments.setStatus', { id: other.value.appointments[0]!.id, status: 'arrived' }, t.sessions.therapist), 'FORBIDDEN');
    expectError(await t.call('appointments.setStatus', { id: other.value.appointments[0]!.id, status: 'no_show' }, t.sessions.therapist), 'FORBIDDEN');
  });

  it('therapists see only their own schedule', async () => {
    await book();
    await book({ therapistId: w.therapist2, roomId: w.rooms.two, patientId: w.patients.ben });
    expect((await t.ok('appointments.range', { from: '2026-12-01', to: '2026-12-01' }, t.sessions.front_desk)).appointments).toHaveLength(2);
    const own = (await t.ok('appointments.range', { from: '2026-12-01', to: '2026-12-01', therapistIds: [w.therapist2] }, t.sessions.therapist)).appointments;
    expect(own.map((a) => a.therapistId)).toEqual([w.therapist]);
  });

  it('late cancellation inside the clinic’s window (24 h by default), counted on the patient', async () => {
    const soon = await book({ date: '2026-11-27', start: '08:00' }); // 23 h away
    const far = await book({ date: '2026-11-27', start: '10:00' }); // 25 h away
    if (!soon.ok || !far.ok) throw new Error('setup');
    const [a] = (await t.ok('appointments.cancel', { id: soon.value.appointments[0]!.id, reason: 'Work' }, t.sessions.front_desk)).cancelled;
    const [b] = (await t.ok('appointments.cancel', { id: far.value.appointments[0]!.id, reason: 'Work' }, t.sessions.front_desk)).cancelled;
    expect([a!.lateCancel, b!.lateCancel]).toEqual([true, false]);
    const noShow = await book({ date: '2026-11-26', start: '08:00' });
    if (!noShow.ok) throw new Error(noShow.error.message);
    await t.ok('appointments.setStatus', { id: noShow.value.appointments[0]!.id, status: 'no_show' }, t.sessions.front_desk);
    expect(await t.ok('appointments.patientSummary', { patientId: w.patients.ana }, t.sessions.front_desk)).toMatchObject({ cancellations: 2, lateCancellations: 1, noShows: 1 });
    // The window is clinic policy.
    const clinic = await t.ok('clinic.get', {}, t.sessions.admin);
    await t.ok('clinic.update', { ...clinic, lateCancelHours: 48 }, t.sessions.admin);
    const again = await book({ date: '2026-11-27', start: '11:00' });
    if (!again.ok) throw new Error('setup');
    expect((await t.ok('appointments.cancel', { id: again.value.appointments[0]!.id, reason: 'x' }, t.sessions.front_desk)).cancelled[0]!.lateCancel).toBe(true);
  });

  it('finds the next free slots, honouring hours, bookings and blockouts', async () => {
    await book({ date: '2026-11-27', start: '08:00', typeId: w.types.evaluation });
    await t.ok('blockouts.create', { therapistId: w.therapist, date: '2026-11-27', start: '09:00', end: '11:00', reason: 'Meeting' }, t.sessions.front_desk);
    const { slots } = await t.ok('appointments.findSlots', { therapistId: w.therapist, typeId: w.types.followUp, fromDate: '2026-11-27', limit: 3 }, t.sessions.front_desk);
    expect(slots.map((s) => [s.date, s.startMinute])).toEqual([
      ['2026-11-27', 11 * 60],
      ['2026-11-27', 11 * 60 + 15],
      ['2026-11-27', 11 * 60 + 30],
    ]);
    // Not in the past: today before 09:00 local is gone.
    const today = await t.ok('appointments.findSlots', { therapistId: w.therapist, typeId: w.types.followUp, fromDate: '2026-11-26', limit: 1 }, t.sessions.front_desk);
    expect(today.slots[0]).toMatchObject({ date: '2026-11-26', startMinute: 9 * 60 });
  });

  it('a free slot offered for a room is one the booking accepts: the room and the patient must be free too', async () => {
    // Another therapist has Room 1 at 11:00; Ana is booked with them at 13:00.
    await book({ therapistId: w.therapist2, date: '2026-11-27', start: '11:00' });
    await book({ therapistId: w.therapist2, date: '2026-11-27', start: '13:00', roomId: w.rooms.two });
    const ask = { therapistId: w.therapist, typeId: w.types.followUp, fromDate: '2026-11-27', limit: 40 };
    const withRoom = await t.ok('appointments.findSlots', { ...ask, roomId: w.rooms.one, patientId: w.patients.ana }, t.sessions.front_desk);
    const starts = withRoom.slots.filter((s) => s.date === '2026-11-27').map((s) => s.startMinute);
    for (const clash of [11 * 60, 11 * 60 + 30, 13 * 60, 12 * 60 + 30]) expect(starts).not.toContain(clash);
    expect(starts).toContain(11 * 60 + 45);
    const offered = withRoom.slots.find((s) => s.date === '2026-11-27' && s.startMinute >= 10 * 60)!;
    const hh = `${String(Math.floor(offered.startMinute / 60)).padStart(2, '0')}:${String(offered.startMinute % 60).padStart(2, '0')}`;
    expect((await book({ date: '2026-11-27', start: hh })).ok).toBe(true);
    // Without the room, the therapist alone is asked about (as before).
    const anyRoom = await t.ok('appointments.findSlots', ask, t.sessions.front_desk);
    expect(anyRoom.slots.filter((s) => s.date === '2026-11-27').map((s) => s.startMinute)).toContain(11 * 60);
  });

  it('prints a day sheet whose text names each appointment (pdftotext)', async () => {
    await book({ note: 'Bring running shoes' });
    await book({ start: '10:00', patientId: w.patients.ben, typeId: w.types.evaluation, roomId: w.rooms.two });
    const cancelled = await book({ start: '11:00', patientId: w.patients.cara });
    if (!cancelled.ok) throw new Error('setup');
    await t.ok('appointments.cancel', { id: cancelled.value.appointments[0]!.id, reason: 'Snow' }, t.sessions.front_desk);
    const sheet = await t.ok('schedule.daySheet', { date: '2026-12-01', therapistId: w.therapist }, t.sessions.front_desk);
    expect(sheet.filename).toBe('day-sheet-2026-12-01-theo-therapist.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'runback-pdf-'));
    try {
      const file = join(dir, sheet.filename);
      writeFileSync(file, Buffer.from(sheet.pdfBase64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const s of ['Test Run Clinic', 'Day sheet', 'Tuesday, December 1, 2026', 'Theo Therapist', '9:00 – 9:45 AM', 'Alpha, Ana', 'Follow-up', 'Room 1', '(312) 555-0199', 'Bring running shoes', '10:00 – 11:00 AM', 'Bravo, Ben', 'Initial evaluation', 'Room 2', 'Cancelled: Snow', 'Page 1 of 1']) {
        expect(text, s).toContain(s);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('schedule queries', () => {
  it('a week’s appointments are read through an index, never a table scan (EXPLAIN QUERY PLAN)', async () => {
    const t = await createTestApp();
    try {
      const { appointmentsWithNames } = await import('../../electron/api/handlers/appointment-rows');
      const q = appointmentsWithNames(t.services.db)
        .where('a.startsAt', '>=', '2026-11-30T06:00:00.000Z')
        .where('a.startsAt', '<', '2026-12-07T06:00:00.000Z')
        .where('a.therapistId', 'in', [1, 2, 3])
        .orderBy('a.startsAt')
        .compile();
      const plan = (await t.services.db.executeQuery<{ detail: string }>({ ...q, sql: `explain query plan ${q.sql}` })).rows.map((r) => r.detail);
      const onAppointments = plan.filter((d) => / a\b/.test(d) || d.includes('appointments'));
      expect(onAppointments.join(' | ')).toMatch(/SEARCH a USING INDEX appointments_(start|therapist)/);
      expect(plan.join(' | ')).not.toMatch(/SCAN a\b/);
    } finally {
      await t.dispose();
    }
  });
});
