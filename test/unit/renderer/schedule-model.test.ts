import { describe, expect, it } from 'vitest';
import type { Appointment, Blockout } from '../../../shared/domain/schedule';
import { localToInstant } from '../../../shared/schedule/clinic-time';
import {
  blockoutOn,
  buildColumns,
  columnGroups,
  datesOf,
  draggedSpan,
  isSameTarget,
  layoutLanes,
  moveTarget,
  stepDate,
  unionSpans,
  visibleRange,
  type TherapistInfo,
} from '../../../renderer/src/screens/schedule/scheduleModel';
import { describeRepeat, formatHour, formatMinute, formatMinuteRange, formatMinuteShort, formatDay } from '../../../renderer/src/screens/schedule/scheduleFormat';

const TZ = 'America/Chicago';

const reyes: TherapistInfo = {
  id: 2,
  displayName: 'Marisol Reyes, PT, DPT',
  workingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, startMinute: 8 * 60, endMinute: 12 * 60 },
    { weekday, startMinute: 12 * 60 + 30, endMinute: 16 * 60 + 30 },
  ]),
};
const okafor: TherapistInfo = { id: 3, displayName: 'James Okafor, PT, DPT', workingHours: [{ weekday: 6, startMinute: 8 * 60, endMinute: 12 * 60 }] };

let nextId = 1;
function appt(over: Partial<Appointment>): Appointment {
  const date = over.localDate ?? '2026-12-01';
  const start = over.startMinute ?? 9 * 60;
  const end = over.endMinute ?? start + 45;
  return {
    id: nextId++,
    seriesId: null,
    patientId: 1,
    patientName: 'Garcia, Maria',
    patientPhone: null,
    therapistId: 2,
    therapistName: reyes.displayName,
    roomId: 1,
    roomName: 'Treatment 1',
    typeId: 2,
    typeName: 'Follow-up',
    typeColour: '#3a7d44',
    startsAt: localToInstant(date, start, TZ),
    endsAt: localToInstant(date, end, TZ),
    localDate: date,
    startMinute: start,
    endMinute: end,
    status: 'booked',
    arrivedAt: null,
    cancelReason: null,
    lateCancel: false,
    note: null,
    doubleBookedReason: null,
    ...over,
  };
}

const rooms = [
  { id: 1, name: 'Treatment 1', active: true },
  { id: 2, name: 'Treatment 2', active: true },
  { id: 3, name: 'Old room', active: false },
];

describe('schedule model', () => {
  it('covers a day or a Monday-to-Sunday week, and steps by a day or a week', () => {
    expect(datesOf('day', '2026-12-02')).toEqual(['2026-12-02']);
    expect(datesOf('week', '2026-12-02')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(stepDate('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(stepDate('week', '2026-12-02', -1)).toBe('2026-11-25');
  });

  it('builds one column per therapist with their hours, blockouts and appointments', () => {
    const a = appt({ therapistId: 2 });
    const huddle: Blockout = { id: 9, therapistId: null, startsAt: localToInstant('2026-12-01', 12 * 60, TZ), endsAt: localToInstant('2026-12-01', 12 * 60 + 30, TZ), reason: 'Team huddle' };
    const cols = buildColumns({ view: 'day', by: 'therapist', date: '2026-12-01', therapists: [reyes, okafor], rooms, appointments: [a], blockouts: [huddle], timeZone: TZ, showCancelled: true });
    expect(cols.map((c) => c.label)).toEqual([reyes.displayName, okafor.displayName]);
    expect(cols[0]!.working).toEqual([
      { start: 480, end: 720 },
      { start: 750, end: 990 },
    ]);
    expect(cols[0]!.appointments.map((x) => x.id)).toEqual([a.id]);
    expect(cols[0]!.blockouts).toEqual([{ id: 9, reason: 'Team huddle', therapistId: null, start: 720, end: 750 }]);
    // Okafor does not work on Tuesdays and has nothing booked: a closed column, still shown.
    expect(cols[1]).toMatchObject({ working: [], closed: true, therapistId: 3 });
  });

  it('builds room columns (retired rooms only when booked, then "No room") shaded by when anyone works', () => {
    const inOld = appt({ roomId: 3, roomName: 'Old room' });
    const noRoom = appt({ roomId: null, roomName: null, startMinute: 600 });
    const cols = buildColumns({ view: 'day', by: 'room', date: '2026-12-01', therapists: [reyes, okafor], rooms, appointments: [inOld, noRoom], blockouts: [], timeZone: TZ, showCancelled: true });
    expect(cols.map((c) => c.label)).toEqual(['Treatment 1', 'Treatment 2', 'Old room', 'No room']);
    expect(cols.map((c) => c.roomId)).toEqual([1, 2, 3, null]);
    expect(cols[3]!.appointments).toEqual([noRoom]);
    expect(cols[0]!.therapistId).toBeNull();
    expect(cols[0]!.working).toEqual(unionSpans([...reyes.workingHours.filter((w) => w.weekday === 2).map((w) => ({ start: w.startMinute, end: w.endMinute }))]));
  });

  it('builds a week as day × therapist columns, grouped by date, hiding cancelled visits on request', () => {
    const cancelled = appt({ status: 'cancelled', localDate: '2026-12-02' });
    const kept = appt({ localDate: '2026-12-02', startMinute: 600 });
    const cols = buildColumns({ view: 'week', by: 'therapist', date: '2026-12-02', therapists: [reyes, okafor], rooms, appointments: [cancelled, kept], blockouts: [], timeZone: TZ, showCancelled: false });
    expect(cols).toHaveLength(14);
    expect(columnGroups(cols).map((g) => [g.date, g.count])).toEqual(datesOf('week', '2026-12-02').map((d) => [d, 2]));
    expect(cols.find((c) => c.date === '2026-12-02' && c.therapistId === 2)!.appointments).toEqual([kept]);
    expect(columnGroups(cols).at(-1)!.closed).toBe(true); // Sunday: nobody works
  });

  it('cuts a blockout to the day shown; a leave day until 23:59 covers the whole day', () => {
    const leave: Blockout = { id: 1, therapistId: 3, startsAt: localToInstant('2026-12-03', 0, TZ), endsAt: localToInstant('2026-12-03', 23 * 60 + 59, TZ), reason: 'Annual leave' };
    expect(blockoutOn(leave, '2026-12-03', TZ)).toMatchObject({ start: 0, end: 1440 });
    expect(blockoutOn(leave, '2026-12-04', TZ)).toBeNull();
    const overnight: Blockout = { id: 2, therapistId: null, startsAt: localToInstant('2026-12-03', 22 * 60, TZ), endsAt: localToInstant('2026-12-04', 2 * 60, TZ), reason: 'Maintenance' };
    expect(blockoutOn(overnight, '2026-12-03', TZ)).toMatchObject({ start: 1320, end: 1440 });
    expect(blockoutOn(overnight, '2026-12-04', TZ)).toMatchObject({ start: 0, end: 120 });
  });

  it('shows whole hours from the earliest working hour or booking to the latest', () => {
    const early = appt({ startMinute: 6 * 60 + 45, endMinute: 7 * 60 + 30 });
    const cols = buildColumns({ view: 'day', by: 'therapist', date: '2026-12-01', therapists: [reyes], rooms, appointments: [early], blockouts: [], timeZone: TZ, showCancelled: true });
    expect(visibleRange(cols)).toEqual({ start: 6 * 60, end: 17 * 60 });
    expect(visibleRange([])).toEqual({ start: 480, end: 1080 });
  });

  it('puts overlapping appointments side by side, the ones that hold the slot on the left', () => {
    const cancelled = appt({ id: 100, startMinute: 540, endMinute: 585, status: 'cancelled' });
    const replacement = appt({ id: 101, startMinute: 540, endMinute: 585 });
    const later = appt({ id: 102, startMinute: 570, endMinute: 615 });
    const alone = appt({ id: 103, startMinute: 660, endMinute: 705 });
    const lanes = layoutLanes([cancelled, replacement, later, alone]);
    expect(lanes.get(101)).toEqual({ lane: 0, lanes: 3 });
    expect(lanes.get(100)).toEqual({ lane: 1, lanes: 3 });
    expect(lanes.get(102)).toEqual({ lane: 2, lanes: 3 });
    expect(lanes.get(103)).toEqual({ lane: 0, lanes: 1 });
  });

  it('snaps a dragged range to quarter hours in either direction', () => {
    expect(draggedSpan(9 * 60 + 7, 10 * 60 + 20)).toEqual({ start: 540, end: 630 });
    expect(draggedSpan(10 * 60 + 20, 9 * 60 + 7)).toEqual({ start: 540, end: 630 });
    expect(draggedSpan(600, 605)).toEqual({ start: 600, end: 615 });
  });

  it('a drop keeps what the column does not decide (room in a therapist column, therapist in a room column)', () => {
    const a = appt({ therapistId: 2, roomId: 1 });
    expect(moveTarget(a, { date: '2026-12-02', therapistId: 3 }, 600, 45)).toEqual({ date: '2026-12-02', start: 600, duration: 45, therapistId: 3, roomId: 1 });
    expect(moveTarget(a, { date: '2026-12-01', therapistId: null, roomId: null }, 540, 45)).toEqual({ date: '2026-12-01', start: 540, duration: 45, therapistId: 2, roomId: null });
    expect(isSameTarget(a, moveTarget(a, { date: a.localDate, therapistId: 2 }, a.startMinute, 45))).toBe(true);
  });
});

/** Intl writes thin and narrow no-break spaces ("9:00 – 9:45 AM"); compare the words. */
const plain = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('schedule formats', () => {
  it('writes clinic times the locale’s way, whatever the browser’s zone', () => {
    expect(plain(formatMinute(570, 'en-US'))).toBe('9:30 AM');
    expect(formatMinute(570, 'en-GB')).toBe('09:30');
    expect(formatMinuteShort(13 * 60 + 15, 'en-US')).toBe('1:15');
    expect(plain(formatMinuteRange(540, 585, 'en-US'))).toBe('9:00 – 9:45 AM');
    expect(plain(formatHour(13, 'en-US'))).toBe('1 PM');
    expect(formatHour(13, 'de-DE')).toBe('13:00');
    expect(formatDay('2026-11-26', 'en-US', 'long')).toBe('Thursday, November 26, 2026');
  });

  it('says a repeat rule in plain words', () => {
    expect(describeRepeat({ weekdays: [4, 2], intervalWeeks: 1, count: 8 }, 'en-US')).toBe('Every week on Tuesday and Thursday, 8 times');
    expect(describeRepeat({ weekdays: [1], intervalWeeks: 2, until: '2027-01-15' }, 'en-US')).toBe('Every 2 weeks on Monday, until Jan 15, 2027');
  });
});

describe('waitlist: days waiting are calendar days in the clinic’s zone', () => {
  it('an entry made at 7 PM on Nov 30 in Chicago (01:00 UTC on Dec 1) has waited one day on Dec 1, not “today”', async () => {
    const { daysWaiting, waitingText } = await import('../../../renderer/src/screens/schedule/WaitlistPanel');
    expect(daysWaiting('2026-12-01T01:00:00.000Z', '2026-12-01', 'America/Chicago')).toBe(1);
    expect(waitingText(daysWaiting('2026-12-01T01:00:00.000Z', '2026-12-01', 'America/Chicago'))).toBe('yesterday');
    expect(daysWaiting('2026-12-01T15:00:00.000Z', '2026-12-01', 'America/Chicago')).toBe(0);
    expect(waitingText(9)).toBe('9 days');
  });

  it('names a therapist’s narrow week column by last name, with the first initial when two share it', async () => {
    const { columnNames } = await import('../../../renderer/src/screens/schedule/scheduleModel');
    expect(Object.fromEntries(columnNames(['Marisol Reyes, PT, DPT', 'Linh Nguyen, PT, OCS', 'Ana Reyes, PT']))).toEqual({
      'Marisol Reyes, PT, DPT': 'M. Reyes',
      'Linh Nguyen, PT, OCS': 'Nguyen',
      'Ana Reyes, PT': 'A. Reyes',
    });
  });
});
