import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '../../shared/clinical/ladder';
import { createTestApp, expectError, startPlan, type TestApp } from './harness';
import { scheduleWorld, type ScheduleWorld } from './schedule-harness';

describe('Today: a therapist’s own day', () => {
  let t: TestApp;
  let w: ScheduleWorld;
  beforeAll(async () => {
    t = await createTestApp(); // now: Thu 2026-11-26, 09:00 in Chicago
    w = await scheduleWorld(t);
    const desk = t.sessions.front_desk;
    const book = (patientId: number, therapistId: number, start: string) =>
      t.ok('appointments.book', { patientId, therapistId, roomId: null, typeId: w.types.followUp, date: '2026-11-26', start }, desk);
    const first = await book(w.patients.ana, w.therapist, '10:00');
    await book(w.patients.ben, w.therapist, '11:00');
    await book(w.patients.cara, w.therapist2, '10:00');
    await t.ok('appointments.setStatus', { id: first.appointments[0]!.id, status: 'arrived' }, desk);
    // Ana's plan began two clinic weeks ago: both weeks are over and nobody has reviewed them.
    await startPlan(t, { patientId: w.patients.ana, startDate: '2026-11-09', startingStepId: DEFAULT_LADDER[0]!.id }, t.sessions.therapist);
    // Cara (the other therapist's patient) has an overdue week too, but is not this therapist's.
    await startPlan(t, { patientId: w.patients.cara, startDate: '2026-11-09', startingStepId: DEFAULT_LADDER[0]!.id }, t.sessions.therapist);
  });
  afterAll(() => t.dispose());

  it('lists the therapist’s own appointments today, with who has arrived', async () => {
    const d = await t.ok('today.get', {}, t.sessions.therapist);
    expect(d.date).toBe('2026-11-26');
    expect(d.therapist?.id).toBe(w.therapist);
    expect(d.appointments.map((a) => [a.patientName, a.status])).toEqual([
      ['Alpha, Ana', 'arrived'],
      ['Bravo, Ben', 'booked'],
    ]);
    // A therapist cannot look at someone else's day.
    const other = await t.ok('today.get', { therapistId: w.therapist2 }, t.sessions.therapist);
    expect(other.therapist?.id).toBe(w.therapist);
  });

  it('names the plan weeks of the therapist’s patients that wait for a review (not other therapists’ patients)', async () => {
    const d = await t.ok('today.get', {}, t.sessions.therapist);
    expect(d.reviewsDue.map((r) => [r.patientName, r.weekStart, r.reviewed])).toEqual([['Alpha, Ana', '2026-11-09', false]]);
  });

  it('an admin chooses whose day; the front desk has the schedule instead', async () => {
    const d = await t.ok('today.get', { therapistId: w.therapist2 }, t.sessions.admin);
    expect(d.appointments.map((a) => a.patientName)).toEqual(['Charlie, Cara']);
    expect(d.therapists.map((x) => x.id)).toEqual(expect.arrayContaining([w.therapist, w.therapist2]));
    expectError(await t.call('today.get', {}, t.sessions.front_desk), 'FORBIDDEN');
  });
});
