import type { Appointment, AppointmentStatus, Blockout, Room, WorkingInterval } from '../../../../shared/domain/schedule';
import { addDays, instantToLocal, isoWeekday, startOfWeek } from '../../../../shared/schedule/clinic-time';

/**
 * What the schedule grid shows, as plain data: columns (a therapist, a room, or a day × therapist),
 * each with its bookable hours, blockouts and appointments in clinic minutes; where each
 * appointment sits when several overlap; snapping. No DOM and no time zone of the browser: every
 * date is the clinic's calendar date and every time is minutes after the clinic's midnight.
 */

/** Appointments start and end on a quarter hour when dragged. */
export const SNAP_MINUTES = 15;
export const DAY_MINUTES = 24 * 60;

export type ScheduleView = 'day' | 'week';
export type GroupBy = 'therapist' | 'room';

export interface TherapistInfo {
  id: number;
  displayName: string;
  workingHours: WorkingInterval[];
}

/** A stretch of one day in minutes after midnight: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface BlockoutSpan extends Span {
  id: number;
  reason: string;
  therapistId: number | null;
}

/** Where a booking or a drop lands: the fields a column decides. */
export interface ColumnTarget {
  date: string;
  /** The therapist this column books for; null in a room column (the appointment keeps its own). */
  therapistId: number | null;
  /** A room column's room (null = no room); undefined in therapist columns (the appointment keeps its own). */
  roomId?: number | null;
}

export interface Column extends ColumnTarget {
  key: string;
  label: string;
  /** A short name for narrow columns (the last name). */
  shortLabel: string;
  /** Week view: the date heading this column sits under. */
  group: string;
  /** Hours someone can be booked; the rest of the column is shaded. */
  working: Span[];
  blockouts: BlockoutSpan[];
  appointments: Appointment[];
  /** Nobody works and nothing is booked (a closed day): drawn narrow. */
  closed: boolean;
}

export interface BuildInput {
  view: ScheduleView;
  by: GroupBy;
  /** The day shown (day view) or any day of the week shown (week view). */
  date: string;
  /** The therapists whose columns are shown (already filtered by role and choice). */
  therapists: TherapistInfo[];
  rooms: Room[];
  appointments: Appointment[];
  blockouts: Blockout[];
  timeZone: string;
  /** Cancelled and no-show appointments are drawn (faded) unless this is false. */
  showCancelled: boolean;
  weekStartsOn?: number;
}

export const INACTIVE_STATUSES: readonly AppointmentStatus[] = ['cancelled', 'no_show'];
export const isActive = (a: Pick<Appointment, 'status'>) => !INACTIVE_STATUSES.includes(a.status);

/** The dates a view covers. */
export function datesOf(view: ScheduleView, date: string, weekStartsOn = 1): string[] {
  if (view === 'day') return [date];
  const first = startOfWeek(date, weekStartsOn);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** The step of prev/next: a day or a week. */
export function stepDate(view: ScheduleView, date: string, direction: 1 | -1): string {
  return addDays(date, direction * (view === 'day' ? 1 : 7));
}

export function workingSpans(t: Pick<TherapistInfo, 'workingHours'>, date: string): Span[] {
  const weekday = isoWeekday(date);
  return t.workingHours
    .filter((w) => w.weekday === weekday)
    .map((w) => ({ start: w.startMinute, end: w.endMinute }))
    .sort((a, b) => a.start - b.start);
}

/** Overlapping or touching spans merged, in order. */
export function unionSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The part of a blockout that falls on `date`, in clinic minutes (a leave day runs 00:00–24:00). */
export function blockoutOn(b: Blockout, date: string, timeZone: string): BlockoutSpan | null {
  const s = instantToLocal(b.startsAt, timeZone);
  const e = instantToLocal(b.endsAt, timeZone);
  if (s.date > date || e.date < date) return null;
  const start = s.date < date ? 0 : s.minute;
  let end = e.date > date ? DAY_MINUTES : e.minute;
  if (end === DAY_MINUTES - 1) end = DAY_MINUTES; // "until 23:59" means the whole day
  if (end <= start) return null;
  return { id: b.id, reason: b.reason, therapistId: b.therapistId, start, end };
}

/** "Reyes" for "Marisol Reyes, PT, DPT"; "M. Reyes" when another therapist shares the last name. */
export function columnNames(names: readonly string[]): Map<string, string> {
  const last = (n: string) => shortName(n).split(/\s+/).at(-1) ?? n;
  const counts = new Map<string, number>();
  for (const n of names) counts.set(last(n), (counts.get(last(n)) ?? 0) + 1);
  return new Map(names.map((n) => [n, (counts.get(last(n)) ?? 0) > 1 ? `${shortName(n)[0]}. ${last(n)}` : last(n)]));
}

/** Initials for the narrowest column (a day off): "Linh Nguyen, PT, OCS" → "LN". */
export function initialsOf(name: string): string {
  const words = shortName(name).split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** A therapist's display name without the credentials after the comma: "Marisol Reyes". */
export function shortName(name: string): string {
  return name.split(',')[0]!.trim();
}

export function buildColumns(input: BuildInput): Column[] {
  const { view, by, therapists, timeZone } = input;
  const dates = datesOf(view, input.date, input.weekStartsOn);
  const shown = input.showCancelled ? input.appointments : input.appointments.filter(isActive);
  const appointmentsOn = (date: string) => shown.filter((a) => a.localDate === date);
  const blockoutsOn = (date: string) => input.blockouts.map((b) => blockoutOn(b, date, timeZone)).filter((b): b is BlockoutSpan => b !== null);

  const short = columnNames(therapists.map((t) => t.displayName));
  const therapistColumn = (t: TherapistInfo, date: string, group: string): Column => {
    const working = workingSpans(t, date);
    const appointments = appointmentsOn(date).filter((a) => a.therapistId === t.id);
    return {
      key: `${date}:t${t.id}`,
      date,
      therapistId: t.id,
      label: t.displayName,
      shortLabel: short.get(t.displayName) ?? shortName(t.displayName),
      group,
      working,
      blockouts: blockoutsOn(date).filter((b) => b.therapistId === null || b.therapistId === t.id),
      appointments,
      closed: working.length === 0 && appointments.length === 0,
    };
  };

  if (view === 'week') return dates.flatMap((date) => therapists.map((t) => therapistColumn(t, date, date)));
  const date = dates[0]!;
  if (by === 'therapist') return therapists.map((t) => therapistColumn(t, date, date));

  // One column per room in use (and any retired room that still has a booking today), then "No room".
  const todays = appointmentsOn(date);
  const open = unionSpans(therapists.flatMap((t) => workingSpans(t, date)));
  const clinicBlockouts = blockoutsOn(date).filter((b) => b.therapistId === null);
  const rooms: { id: number | null; name: string }[] = input.rooms.filter((r) => r.active || todays.some((a) => a.roomId === r.id));
  if (todays.some((a) => a.roomId === null)) rooms.push({ id: null, name: 'No room' });
  return rooms.map((r) => {
    const appointments = todays.filter((a) => a.roomId === r.id);
    return {
      key: `${date}:r${r.id ?? 'none'}`,
      date,
      therapistId: null,
      roomId: r.id,
      label: r.name,
      shortLabel: r.name,
      group: date,
      working: open,
      blockouts: clinicBlockouts,
      appointments,
      closed: false,
    };
  });
}

/** The hours the grid shows: from the earliest working hour or booking to the latest, in whole hours. */
export function visibleRange(columns: Column[], fallback: Span = { start: 8 * 60, end: 18 * 60 }): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const c of columns) {
    for (const s of c.working) {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    for (const a of c.appointments) {
      start = Math.min(start, a.startMinute);
      end = Math.max(end, a.endMinute);
    }
  }
  if (start === Infinity) return fallback;
  return { start: Math.max(0, Math.floor(start / 60) * 60), end: Math.min(DAY_MINUTES, Math.ceil(end / 60) * 60) };
}

export interface LanePlace {
  /** 0-based lane within its cluster of overlapping appointments. */
  lane: number;
  lanes: number;
}

/**
 * Side-by-side places for overlapping appointments (a double-booking, or a cancelled visit under
 * its replacement): each cluster of overlaps is split into as many lanes as it needs; appointments
 * that hold the slot take the left lanes.
 */
export function layoutLanes(appointments: Pick<Appointment, 'id' | 'startMinute' | 'endMinute' | 'status'>[]): Map<number, LanePlace> {
  const sorted = [...appointments].sort(
    (a, b) => a.startMinute - b.startMinute || Number(isActive(b)) - Number(isActive(a)) || b.endMinute - a.endMinute || a.id - b.id,
  );
  const places = new Map<number, LanePlace>();
  let cluster: { id: number; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const c of cluster) places.set(c.id, { lane: c.lane, lanes: laneEnds.length });
    cluster = [];
    laneEnds = [];
  };
  for (const a of sorted) {
    if (a.startMinute >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= a.startMinute);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(a.endMinute);
    } else laneEnds[lane] = a.endMinute;
    cluster.push({ id: a.id, lane });
    clusterEnd = Math.max(clusterEnd, a.endMinute);
  }
  close();
  return places;
}

export const snapDown = (minute: number, step = SNAP_MINUTES) => Math.floor(minute / step) * step;
export const snapNearest = (minute: number, step = SNAP_MINUTES) => Math.round(minute / step) * step;
export const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** A span dragged out from `anchor` to `current` (either direction), at least one slot long. */
export function draggedSpan(anchor: number, current: number, step = SNAP_MINUTES): Span {
  const a = snapDown(anchor, step);
  const c = snapDown(current, step);
  return c >= a ? { start: a, end: c + step } : { start: c, end: a + step };
}

/** True when the minute falls inside one of the spans. */
export const within = (minute: number, spans: Span[]) => spans.some((s) => minute >= s.start && minute < s.end);

/** The columns' date headings in week view, each with how many columns it spans. */
export function columnGroups(columns: Column[]): { date: string; count: number; closed: boolean }[] {
  const groups: { date: string; count: number; closed: boolean }[] = [];
  for (const c of columns) {
    const last = groups.at(-1);
    if (last && last.date === c.group) {
      last.count++;
      last.closed &&= c.closed;
    } else groups.push({ date: c.group, count: 1, closed: c.closed });
  }
  return groups;
}

/** Where an appointment would go if dropped on a column: the fields that change and those kept. */
export function moveTarget(a: Appointment, column: ColumnTarget, start: number, duration: number) {
  return {
    date: column.date,
    start,
    duration,
    therapistId: column.therapistId ?? a.therapistId,
    roomId: column.roomId === undefined ? a.roomId : column.roomId,
  };
}

export type MoveTarget = ReturnType<typeof moveTarget>;

export function isSameTarget(a: Appointment, t: MoveTarget): boolean {
  return a.localDate === t.date && a.startMinute === t.start && a.endMinute - a.startMinute === t.duration && a.therapistId === t.therapistId && a.roomId === t.roomId;
}
