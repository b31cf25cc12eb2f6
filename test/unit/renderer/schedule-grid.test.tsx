// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Appointment } from '../../../shared/domain/schedule';
import { localToInstant } from '../../../shared/schedule/clinic-time';
import { ScheduleGrid, PX_PER_MINUTE } from '../../../renderer/src/screens/schedule/ScheduleGrid';
import { buildColumns, visibleRange, type TherapistInfo } from '../../../renderer/src/screens/schedule/scheduleModel';

const TZ = 'America/Chicago';
const DATE = '2026-12-01'; // a Tuesday
const COL_WIDTH = 200;

const therapists: TherapistInfo[] = [
  { id: 2, displayName: 'Marisol Reyes, PT, DPT', workingHours: [{ weekday: 2, startMinute: 480, endMinute: 960 }] },
  { id: 3, displayName: 'James Okafor, PT, DPT', workingHours: [{ weekday: 2, startMinute: 480, endMinute: 960 }] },
];

const booked: Appointment = {
  id: 41,
  seriesId: null,
  patientId: 7,
  patientName: 'Garcia, Maria',
  patientPhone: null,
  therapistId: 2,
  therapistName: 'Marisol Reyes, PT, DPT',
  roomId: 1,
  roomName: 'Treatment 1',
  typeId: 2,
  typeName: 'Follow-up',
  typeColour: '#3a7d44',
  startsAt: localToInstant(DATE, 540, TZ),
  endsAt: localToInstant(DATE, 585, TZ),
  localDate: DATE,
  startMinute: 540,
  endMinute: 585,
  status: 'booked',
  arrivedAt: null,
  cancelReason: null,
  lateCancel: true,
  note: null,
  doubleBookedReason: null,
};
const cancelled: Appointment = { ...booked, id: 42, patientName: 'Lee, Sam', startMinute: 600, endMinute: 645, status: 'cancelled', lateCancel: true };

const ppm = PX_PER_MINUTE.day;
/** The range starts at 08:00 (the working day): a pointer at y is at minute 480 + y / ppm. */
const yAt = (minute: number) => (minute - 480) * ppm;

// jsdom does no layout: give each column a box, side by side, from the top of the page.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const key = this.dataset.columnKey;
    const cols = [...document.querySelectorAll<HTMLElement>('[data-column-key].sched-col')];
    const i = key ? cols.indexOf(this) : -1;
    const left = i >= 0 ? i * COL_WIDTH : 0;
    return { x: left, y: 0, left, top: 0, right: left + (i >= 0 ? COL_WIDTH : 1000), bottom: 800, width: COL_WIDTH, height: 800, toJSON: () => ({}) } as DOMRect;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderGrid(canBook = true) {
  const columns = buildColumns({ view: 'day', by: 'therapist', date: DATE, therapists, rooms: [], appointments: [booked, cancelled], blockouts: [], timeZone: TZ, showCancelled: true });
  const handlers = { onSlot: vi.fn(), onBlockSlot: vi.fn(), onOpen: vi.fn(), onMove: vi.fn(), onOpenBlockout: vi.fn() };
  render(
    <ScheduleGrid
      view="day"
      columns={columns}
      range={visibleRange(columns)}
      locale="en-US"
      today="2026-11-26"
      nowMinute={0}
      groupedHeadings={false}
      canBook={canBook}
      canMove={(a) => canBook && a.status === 'booked'}
      pending={new Map()}
      {...handlers}
    />,
  );
  return handlers;
}

const column = (therapistId: number) => screen.getByTestId(`column-${DATE}:t${therapistId}`);

describe('schedule grid', () => {
  it('shows appointments as buttons that say when, who, what and their status', () => {
    const h = renderGrid();
    const a = screen.getByRole('button', { name: /Garcia, Maria/ });
    expect(a.getAttribute('aria-label')?.replace(/[\u2009\u202f]/g, ' ')).toBe('9:00 – 9:45 AM, Garcia, Maria, Follow-up, Treatment 1, with Marisol Reyes');
    const c = screen.getByRole('button', { name: /Lee, Sam/ });
    expect(c).toHaveAccessibleName(/Late cancellation/);
    expect(c).toHaveTextContent('Late cancel');
    fireEvent.click(a);
    expect(h.onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 41 }));
  });

  it('a click on an empty slot books at the quarter hour it falls in; a drag books the dragged length', () => {
    const h = renderGrid();
    const col = column(3);
    fireEvent.pointerDown(col, { button: 0, pointerId: 1, clientX: 300, clientY: yAt(10 * 60 + 20) });
    fireEvent.pointerUp(col, { button: 0, pointerId: 1, clientX: 300, clientY: yAt(10 * 60 + 20) });
    expect(h.onSlot).toHaveBeenLastCalledWith(expect.objectContaining({ start: 615, column: expect.objectContaining({ therapistId: 3 }) }));
    expect(h.onSlot.mock.calls[0]![0].duration).toBeUndefined();

    fireEvent.pointerDown(col, { button: 0, pointerId: 2, clientX: 300, clientY: yAt(13 * 60 + 5) });
    fireEvent.pointerMove(col, { pointerId: 2, clientX: 300, clientY: yAt(13 * 60 + 40) });
    fireEvent.pointerMove(col, { pointerId: 2, clientX: 300, clientY: yAt(14 * 60 + 10) });
    fireEvent.pointerUp(col, { pointerId: 2, clientX: 300, clientY: yAt(14 * 60 + 10) });
    expect(h.onSlot).toHaveBeenLastCalledWith(expect.objectContaining({ start: 780, duration: 75 }));
  });

  it('Shift-drag asks to block the time instead', () => {
    const h = renderGrid();
    const col = column(2);
    fireEvent.pointerDown(col, { button: 0, pointerId: 1, shiftKey: true, clientX: 50, clientY: yAt(12 * 60) });
    fireEvent.pointerMove(col, { pointerId: 1, clientX: 50, clientY: yAt(12 * 60 + 29) });
    fireEvent.pointerUp(col, { pointerId: 1, clientX: 50, clientY: yAt(12 * 60 + 29) });
    expect(h.onBlockSlot).toHaveBeenCalledWith(expect.objectContaining({ start: 720, duration: 30 }));
    expect(h.onSlot).not.toHaveBeenCalled();
  });

  it('dragging an appointment to another therapist and time proposes that move, snapped to 15 minutes', () => {
    const h = renderGrid();
    const a = screen.getByRole('button', { name: /Garcia, Maria/ });
    fireEvent.pointerDown(a, { button: 0, pointerId: 1, clientX: 50, clientY: yAt(9 * 60 + 10) });
    fireEvent.pointerMove(a, { pointerId: 1, clientX: 120, clientY: yAt(10 * 60) });
    fireEvent.pointerMove(a, { pointerId: 1, clientX: 260, clientY: yAt(10 * 60 + 42) });
    fireEvent.pointerUp(a, { pointerId: 1, clientX: 260, clientY: yAt(10 * 60 + 42) });
    // Grabbed 10 minutes into it; dropped at 10:42 → starts 10:32 → snaps to 10:30, in Okafor's column.
    expect(h.onMove).toHaveBeenCalledWith(expect.objectContaining({ id: 41 }), { date: DATE, start: 630, duration: 45, therapistId: 3, roomId: 1 });
    expect(h.onOpen).not.toHaveBeenCalled();
  });

  it('dragging the bottom edge changes the length', () => {
    const h = renderGrid();
    const handle = screen.getByRole('button', { name: /Garcia, Maria/ }).querySelector('[data-resize]')!;
    fireEvent.pointerDown(handle, { button: 0, pointerId: 1, clientX: 50, clientY: yAt(9 * 60 + 45) });
    fireEvent.pointerMove(handle, { pointerId: 1, clientX: 50, clientY: yAt(10 * 60 + 14) });
    fireEvent.pointerUp(handle, { pointerId: 1, clientX: 50, clientY: yAt(10 * 60 + 14) });
    expect(h.onMove).toHaveBeenCalledWith(expect.objectContaining({ id: 41 }), { date: DATE, start: 540, duration: 75, therapistId: 2, roomId: 1 });
  });

  it('offers nothing to book or move to a role that cannot (a therapist)', () => {
    const h = renderGrid(false);
    fireEvent.pointerDown(column(3), { button: 0, pointerId: 1, clientX: 300, clientY: yAt(600) });
    fireEvent.pointerUp(column(3), { button: 0, pointerId: 1, clientX: 300, clientY: yAt(600) });
    expect(h.onSlot).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: /Garcia, Maria/ }).querySelector('[data-resize]')).toBeNull();
  });

  it('in the week of everyone, a day off reads the therapist’s initials (not a cut name) and a closed day keeps room for its date', () => {
    const columns = buildColumns({ view: 'week', by: 'therapist', date: DATE, therapists, rooms: [], appointments: [booked], blockouts: [], timeZone: TZ, showCancelled: true, weekStartsOn: 1 });
    const { container } = render(
      <ScheduleGrid
        view="week"
        columns={columns}
        range={visibleRange(columns)}
        locale="en-US"
        today="2026-11-26"
        nowMinute={0}
        groupedHeadings
        canBook
        canMove={() => true}
        pending={new Map()}
        onShowTherapist={vi.fn()}
        onSlot={vi.fn()}
        onBlockSlot={vi.fn()}
        onOpen={vi.fn()}
        onMove={vi.fn()}
        onOpenBlockout={vi.fn()}
      />,
    );
    // Tuesday: both work, by last name; Wednesday: neither, by initials, full name on hover and for screen readers.
    const headings = screen.getAllByRole('button', { name: /: show only their week$/ });
    expect(headings).toHaveLength(14);
    const byDay = (i: number) => headings.slice(i * 2, i * 2 + 2).map((h) => h.textContent);
    expect(byDay(1)).toEqual(['Reyes', 'Okafor']);
    expect(byDay(2)).toEqual(['MR', 'JO']);
    expect(headings[4]).toHaveAccessibleName('Marisol Reyes, PT, DPT: show only their week');
    expect(headings[4]).toHaveAttribute('data-tooltip', 'Marisol Reyes, PT, DPT');
    // Closed columns are narrow, but each day where nobody works keeps at least 48 px per column (96 px for its date).
    const template = (container.querySelector('.sched-table') as HTMLElement).style.getPropertyValue('--cols');
    expect(template.split(/ (?=minmax)/)[4]).toBe('minmax(max(calc(var(--col-min) * 0.5), 48px), 0.35fr)');
    expect(template.split(/ (?=minmax)/)[2]).toBe('minmax(var(--col-min), 1fr)');
  });
});
