import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, expectError, PATIENT, type TestApp } from './harness';
import { scheduleWorld, type ScheduleWorld } from './schedule-harness';

describe('waitlist', () => {
  let t: TestApp;
  let w: ScheduleWorld;
  beforeEach(async () => {
    t = await createTestApp();
    w = await scheduleWorld(t);
  });
  afterEach(() => t.dispose());

  const patient = async (first: string) => (await t.ok('patients.create', { ...PATIENT, legalFirstName: first, legalLastName: 'Waiter', preferredName: null }, t.sessions.admin)).id;

  it('after a cancellation, shows who fits the freed slot, best first, and books one in the same step', async () => {
    const r = await t.ok('appointments.book', { patientId: w.patients.ana, therapistId: w.therapist, roomId: w.rooms.one, typeId: w.types.followUp, date: '2026-12-01', start: '09:00' }, t.sessions.front_desk);
    const slot = r.appointments[0]!;
    await t.ok('appointments.cancel', { id: slot.id, reason: 'Sick' }, t.sessions.front_desk);

    const anyTime = await patient('Anytime');
    const highPrio = await patient('Urgent');
    const askedTheo = await patient('Loyal');
    const wrongDay = await patient('Fridays');
    const wrongTime = await patient('Evenings');
    const otherTherapist = await patient('Samfan');
    t.clock.advanceMinutes(1);
    await t.ok('waitlist.add', { patientId: anyTime }, t.sessions.front_desk);
    t.clock.advanceMinutes(1);
    await t.ok('waitlist.add', { patientId: askedTheo, therapistId: w.therapist, weekdays: [2, 4], from: '08:00', to: '12:00' }, t.sessions.front_desk);
    t.clock.advanceMinutes(1);
    await t.ok('waitlist.add', { patientId: highPrio, priority: 1 }, t.sessions.front_desk);
    await t.ok('waitlist.add', { patientId: wrongDay, weekdays: [5] }, t.sessions.front_desk);
    await t.ok('waitlist.add', { patientId: wrongTime, from: '16:00', to: '19:00' }, t.sessions.front_desk);
    await t.ok('waitlist.add', { patientId: otherTherapist, therapistId: w.therapist2 }, t.sessions.front_desk);
    expectError(await t.call('waitlist.add', { patientId: anyTime }, t.sessions.front_desk), 'CONFLICT');

    const { matches } = await t.ok('waitlist.matches', { appointmentId: slot.id }, t.sessions.front_desk);
    expect(matches.map((m) => m.entry.patientName)).toEqual(['Waiter, Urgent', 'Waiter, Loyal', 'Waiter, Anytime']);
    expect(matches[1]!.reasons).toEqual(['normal priority', 'asked for this therapist', 'day and time suit', 'waiting since Nov 26, 2026']);

    // Nothing was booked automatically; booking the first match resolves its entry in the same transaction.
    expect((await t.ok('appointments.range', { from: '2026-12-01', to: '2026-12-01', includeCancelled: false }, t.sessions.front_desk)).appointments).toHaveLength(0);
    const booked = await t.ok(
      'appointments.book',
      { patientId: highPrio, therapistId: slot.therapistId, roomId: slot.roomId, typeId: slot.typeId, date: slot.localDate, start: '09:00', waitlistEntryId: matches[0]!.entry.id },
      t.sessions.front_desk,
    );
    expect(booked.appointments[0]!.patientName).toBe('Waiter, Urgent');
    expect((await t.ok('waitlist.list', {}, t.sessions.front_desk)).entries.map((e) => e.patientName)).not.toContain('Waiter, Urgent');
    expect((await auditRows(t)).some((a) => a.action === 'waitlist.booked')).toBe(true);
  });

  it('a waitlist entry of another patient cannot be used to book', async () => {
    const other = await patient('Other');
    const entry = await t.ok('waitlist.add', { patientId: other }, t.sessions.front_desk);
    const r = await t.call('appointments.book', { patientId: w.patients.ana, therapistId: w.therapist, roomId: null, typeId: w.types.followUp, date: '2026-12-01', start: '09:00', waitlistEntryId: entry.id }, t.sessions.front_desk);
    expectError(r, 'CONFLICT');
    expect((await t.ok('appointments.range', { from: '2026-12-01', to: '2026-12-01' }, t.sessions.front_desk)).appointments).toHaveLength(0);
  });

  it('removing an entry keeps it with the reason', async () => {
    const entry = await t.ok('waitlist.add', { patientId: w.patients.ben }, t.sessions.front_desk);
    await t.ok('waitlist.remove', { id: entry.id, reason: 'Found another clinic' }, t.sessions.front_desk);
    expect((await t.ok('waitlist.list', {}, t.sessions.front_desk)).entries).toHaveLength(0);
    const row = await t.services.db.selectFrom('waitlist').selectAll().executeTakeFirstOrThrow();
    expect(row.resolution).toBe('removed: Found another clinic');
  });
});
