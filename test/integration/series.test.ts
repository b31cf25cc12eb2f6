import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './harness';
import { scheduleWorld, type ScheduleWorld } from './schedule-harness';

describe('recurring series', () => {
  let t: TestApp;
  let w: ScheduleWorld;
  beforeEach(async () => {
    t = await createTestApp();
    w = await scheduleWorld(t);
  });
  afterEach(() => t.dispose());

  const desk = () => t.sessions.front_desk;
  const bookSeries = async (recurrence: object, over: object = {}) => {
    const r = await t.call('appointments.book', { patientId: w.patients.ana, therapistId: w.therapist, roomId: w.rooms.one, typeId: w.types.followUp, date: '2026-12-01', start: '09:00', recurrence, ...over } as never, desk());
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const range = async () => (await t.ok('appointments.range', { from: '2026-11-30', to: '2027-06-30' }, desk())).appointments;
  const view = async () => (await range()).map((a) => `${a.localDate} ${String(Math.floor(a.startMinute / 60)).padStart(2, '0')}:${String(a.startMinute % 60).padStart(2, '0')} ${a.status}`);

  it('"every week on Tue and Thu for 8 weeks": 16 appointments sharing one stored rule', async () => {
    const { appointments, seriesId } = await bookSeries({ weekdays: [2, 4], count: 16 });
    expect(appointments).toHaveLength(16);
    expect(new Set(appointments.map((a) => a.seriesId))).toEqual(new Set([seriesId]));
    expect(appointments.map((a) => a.localDate).slice(0, 4)).toEqual(['2026-12-01', '2026-12-03', '2026-12-08', '2026-12-10']);
    expect(appointments.at(-1)!.localDate).toBe('2027-01-21');
    const detail = await t.ok('appointments.get', { id: appointments[0]!.id }, desk());
    expect(detail.seriesDescription).toBe('Every week on Tuesday and Thursday, 16 times');
    const opened = (await t.ok('audit.list', { action: 'appointments.get' }, t.sessions.admin)).entries[0]!;
    expect(opened.detail).toMatch(/^appointment of Dec 1, 2026, 9:00 AM opened$/);
    const series = await t.services.db.selectFrom('appointmentSeries').selectAll().executeTakeFirstOrThrow();
    expect(series.rrule).toBe('DTSTART:20261201T000000Z\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;WKST=MO;COUNT=16');
  });

  it('"until a date" ends on that date; a clash anywhere refuses the whole series, naming the date in words and how many dates fit', async () => {
    await t.ok('blockouts.create', { therapistId: w.therapist, date: '2026-12-15', start: '08:00', end: '12:00', reason: 'Course' }, desk());
    const r = await t.call('appointments.book', { patientId: w.patients.ana, therapistId: w.therapist, roomId: null, typeId: w.types.followUp, date: '2026-12-01', start: '09:00', recurrence: { weekdays: [2], until: '2026-12-29' } }, desk());
    expectError(r, 'CONFLICT');
    if (!r.ok) {
      expect(r.error.message).toBe('Tue, Dec 15: Theo Therapist is blocked out 8:00 AM – 12:00 PM (Course).');
      expect(r.error.fields).toMatchObject({ _fitting: '4', _dates: '5' });
    }
    expect(await range()).toHaveLength(0);
    const ok = await bookSeries({ weekdays: [2], until: '2026-12-29' }, { start: '13:00' });
    expect(ok.appointments.map((a) => a.localDate)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29']);
  });

  it('“book the ones that fit”: a clashing series books the dates that fit and names each one left out, with its reasons', async () => {
    await t.ok('blockouts.create', { therapistId: w.therapist, date: '2026-12-15', start: '08:00', end: '12:00', reason: 'Course' }, desk());
    const r = await bookSeries({ weekdays: [2], count: 5 }, { roomId: null, skipConflicting: true });
    expect(r.appointments.map((a) => a.localDate)).toEqual(['2026-12-01', '2026-12-08', '2026-12-22', '2026-12-29']);
    expect(r.skipped).toEqual([{ date: '2026-12-15', reasons: ['Theo Therapist is blocked out 8:00 AM – 12:00 PM (Course).'] }]);
    expect(new Set(r.appointments.map((a) => a.seriesId))).toEqual(new Set([r.seriesId]));
    // Nothing fits: refused as before, nothing written.
    const none = await t.call('appointments.book', { patientId: w.patients.ben, therapistId: w.therapist, roomId: null, typeId: w.types.followUp, date: '2026-12-01', start: '09:00', recurrence: { weekdays: [2], count: 2 }, skipConflicting: true }, desk());
    expectError(none, 'CONFLICT');
    expect(await range()).toHaveLength(4);
  });

  it('a clinic that writes dates day first and a 24-hour clock reads its refusals that way', async () => {
    const clinic = await t.ok('clinic.get', {}, t.sessions.admin);
    await t.ok('clinic.update', { ...clinic, dateOrder: 'DMY', timeFormat: '24h' }, t.sessions.admin);
    await t.ok('blockouts.create', { therapistId: w.therapist, date: '2026-12-15', start: '08:00', end: '12:00', reason: 'Course' }, desk());
    const r = await t.call('appointments.book', { patientId: w.patients.ana, therapistId: w.therapist, roomId: null, typeId: w.types.followUp, date: '2026-12-01', start: '09:00', recurrence: { weekdays: [2], count: 3, until: undefined } }, desk());
    expectError(r, 'CONFLICT');
    if (!r.ok) expect(r.error.message).toBe('Tue 15 Dec: Theo Therapist is blocked out 08:00 – 12:00 (Course).');
  });

  it('keeps 09:00 local across the daylight-saving change (UTC instants shift by an hour)', async () => {
    const { appointments } = await bookSeries({ weekdays: [2], count: 4 }, { date: '2027-03-02' });
    expect(appointments.map((a) => [a.localDate, a.startMinute, a.startsAt])).toEqual([
      ['2027-03-02', 540, '2027-03-02T15:00:00.000Z'],
      ['2027-03-09', 540, '2027-03-09T15:00:00.000Z'],
      ['2027-03-16', 540, '2027-03-16T14:00:00.000Z'], // DST began 14 March 2027
      ['2027-03-23', 540, '2027-03-23T14:00:00.000Z'],
    ]);
  });

  it('edits one occurrence: the others and the rule stay; later series edits leave the exception alone', async () => {
    const { appointments } = await bookSeries({ weekdays: [2], count: 4 });
    const [, second] = appointments;
    await t.ok('appointments.move', { id: second!.id, date: '2026-12-09', start: '14:00', durationMinutes: 45, therapistId: w.therapist, roomId: w.rooms.one, scope: 'one' }, desk());
    expect(await view()).toEqual(['2026-12-01 09:00 booked', '2026-12-09 14:00 booked', '2026-12-15 09:00 booked', '2026-12-22 09:00 booked']);
    await t.ok('appointments.move', { id: appointments[0]!.id, date: '2026-12-01', start: '10:00', durationMinutes: 45, therapistId: w.therapist, roomId: w.rooms.one, scope: 'all' }, desk());
    expect(await view()).toEqual(['2026-12-01 10:00 booked', '2026-12-09 14:00 booked', '2026-12-15 10:00 booked', '2026-12-22 10:00 booked']);
  });

  it('"this and following": the series splits, history stays on the old rule, the rest follows the new one', async () => {
    const { appointments, seriesId } = await bookSeries({ weekdays: [2, 4], count: 6 });
    const third = appointments[2]!; // Tue 8 Dec
    // Move Tue/Thu 09:00 → Wed/Fri 11:00 from the third occurrence on (one day later).
    await t.ok('appointments.move', { id: third.id, date: '2026-12-09', start: '11:00', durationMinutes: 45, therapistId: w.therapist, roomId: w.rooms.two, scope: 'following' }, desk());
    expect(await view()).toEqual([
      '2026-12-01 09:00 booked',
      '2026-12-03 09:00 booked',
      '2026-12-09 11:00 booked',
      '2026-12-11 11:00 booked',
      '2026-12-16 11:00 booked',
      '2026-12-18 11:00 booked',
    ]);
    const series = await t.services.db.selectFrom('appointmentSeries').selectAll().orderBy('id').execute();
    expect(series).toHaveLength(2);
    expect(series[0]!.rrule).toContain('UNTIL=20261207');
    expect(series[1]).toMatchObject({ splitFromSeriesId: seriesId, startMinute: 660, roomId: w.rooms.two });
    expect(series[1]!.rrule).toContain('BYDAY=WE,FR');
    const after = await range();
    expect(after.slice(0, 2).every((a) => a.seriesId === seriesId)).toBe(true);
    expect(after.slice(2).every((a) => a.seriesId === series[1]!.id)).toBe(true);
  });

  it('cancels one, this and following, or the whole series — nothing is deleted', async () => {
    const { appointments } = await bookSeries({ weekdays: [2], count: 5 });
    await t.ok('appointments.cancel', { id: appointments[1]!.id, reason: 'Holiday', scope: 'one' }, desk());
    await t.ok('appointments.cancel', { id: appointments[3]!.id, reason: 'Moving away', scope: 'following' }, desk());
    expect(await view()).toEqual(['2026-12-01 09:00 booked', '2026-12-08 09:00 cancelled', '2026-12-15 09:00 booked', '2026-12-22 09:00 cancelled', '2026-12-29 09:00 cancelled']);
    const series = await t.services.db.selectFrom('appointmentSeries').select('rrule').executeTakeFirstOrThrow();
    expect(series.rrule).toContain('UNTIL=20261221');
    await t.ok('appointments.cancel', { id: appointments[0]!.id, reason: 'Discharged', scope: 'all' }, desk());
    expect((await range()).map((a) => a.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect((await range()).map((a) => a.cancelReason)).toEqual(['Discharged', 'Holiday', 'Discharged', 'Moving away', 'Moving away']);
    // The audit log says which visits went, by their date and time (no row ids).
    const said = (await t.ok('audit.list', { action: 'appointments.cancel' }, t.sessions.admin)).entries.map((e) => e.detail).reverse();
    expect(said).toEqual([
      'cancelled the appointment of Dec 8, 2026, 9:00 AM: Holiday',
      'cancelled the appointment of Dec 22, 2026, 9:00 AM and the one after it in its series: Moving away',
      'cancelled the appointment of Dec 1, 2026, 9:00 AM and the rest of its series (2 in all): Discharged',
    ]);
  });

  it('a series-wide move that would clash is refused whole', async () => {
    const { appointments } = await bookSeries({ weekdays: [2], count: 3 });
    await t.call('appointments.book', { patientId: w.patients.ben, therapistId: w.therapist, roomId: null, typeId: w.types.followUp, date: '2026-12-15', start: '10:00' }, desk());
    const r = await t.call('appointments.move', { id: appointments[0]!.id, date: '2026-12-01', start: '10:00', durationMinutes: 45, therapistId: w.therapist, roomId: w.rooms.one, scope: 'all' }, desk());
    expectError(r, 'CONFLICT');
    if (!r.ok) expect(r.error.message).toBe('Tue, Dec 15: Theo Therapist is already booked 10:00 – 10:45 AM with Bravo, Ben.');
    expect((await view()).filter((v) => v.includes('09:00'))).toHaveLength(3);
  });
});
