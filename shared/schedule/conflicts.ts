import { instantToLocal, weekdayName } from './clinic-time';
import { formatMinuteRange } from '../format/clock';
import type { WorkingInterval } from '../domain/schedule';

export type ConflictKind = 'therapist' | 'room' | 'patient' | 'hours' | 'blockout';

export interface Conflict {
  kind: ConflictKind;
  /** One plain sentence naming what clashes. */
  message: string;
}

/** A booking being checked: instants in UTC, named parties for the messages. */
export interface Candidate {
  startsAt: string;
  endsAt: string;
  therapistId: number;
  therapistName: string;
  roomId: number | null;
  patientId: number;
}

/** An existing appointment that holds a slot (cancelled and no-show ones are not passed in). */
export interface Booked {
  id: number;
  startsAt: string;
  endsAt: string;
  therapistId: number;
  roomId: number | null;
  roomName: string | null;
  patientId: number;
  patientName: string;
  therapistName: string;
}

export interface BlockoutSpan {
  therapistId: number | null;
  startsAt: string;
  endsAt: string;
  reason: string;
}

export interface ConflictContext {
  timeZone: string;
  /** Appointments overlapping the candidate's time (any therapist/room/patient). */
  overlapping: Booked[];
  /** The candidate therapist's working hours. */
  workingHours: WorkingInterval[];
  blockouts: BlockoutSpan[];
  /** The appointment being moved, which cannot clash with itself. */
  ignoreIds?: number[];
  /** How the clinic writes times (its locale tag); US English when not given. */
  locale?: string;
}

const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

function span(startsAt: string, endsAt: string, timeZone: string, locale: string) {
  const s = instantToLocal(startsAt, timeZone);
  const e = instantToLocal(endsAt, timeZone);
  return formatMinuteRange(s.minute, e.date === s.date ? e.minute : 24 * 60, locale);
}

/**
 * Every reason a booking cannot stand, in one list: the therapist, room or patient already booked,
 * outside the therapist's working hours, or inside a blockout. Empty means it fits.
 */
export function findConflicts(c: Candidate, ctx: ConflictContext): Conflict[] {
  const conflicts: Conflict[] = [];
  const ignore = new Set(ctx.ignoreIds ?? []);
  const locale = ctx.locale ?? 'en-US';
  for (const b of ctx.overlapping) {
    if (ignore.has(b.id) || !overlaps(c, b)) continue;
    const when = span(b.startsAt, b.endsAt, ctx.timeZone, locale);
    if (b.therapistId === c.therapistId) {
      conflicts.push({ kind: 'therapist', message: `${c.therapistName} is already booked ${when} with ${b.patientName}.` });
    }
    if (c.roomId !== null && b.roomId === c.roomId) {
      conflicts.push({ kind: 'room', message: `${b.roomName ?? 'The room'} is already in use ${when} (${b.therapistName} with ${b.patientName}).` });
    }
    // Same patient with the same therapist is already reported as the therapist's clash.
    if (b.patientId === c.patientId && b.therapistId !== c.therapistId) {
      conflicts.push({ kind: 'patient', message: `${b.patientName} is already booked ${when} with ${b.therapistName}.` });
    }
  }
  const start = instantToLocal(c.startsAt, ctx.timeZone);
  const end = instantToLocal(c.endsAt, ctx.timeZone);
  const endMinute = end.date === start.date ? end.minute : 24 * 60;
  const fits = ctx.workingHours.some((w) => w.weekday === start.weekday && w.startMinute <= start.minute && endMinute <= w.endMinute);
  if (!fits) {
    const today = ctx.workingHours.filter((w) => w.weekday === start.weekday).sort((a, b) => a.startMinute - b.startMinute);
    const hours = today.length ? today.map((w) => formatMinuteRange(w.startMinute, w.endMinute, locale)).join(', ') : 'no working hours';
    conflicts.push({ kind: 'hours', message: `${formatMinuteRange(start.minute, endMinute, locale)} is outside ${c.therapistName}’s working hours on ${weekdayName(start.weekday)} (${hours}).` });
  }
  for (const b of ctx.blockouts) {
    if ((b.therapistId === null || b.therapistId === c.therapistId) && overlaps(c, b)) {
      const who = b.therapistId === null ? 'The clinic' : c.therapistName;
      conflicts.push({ kind: 'blockout', message: `${who} is blocked out ${span(b.startsAt, b.endsAt, ctx.timeZone, locale)} (${b.reason}).` });
    }
  }
  return conflicts;
}

/** Cancelling inside the clinic's window (default 24 h before the start) counts as a late cancel. */
export function isLateCancellation(startsAt: string, now: Date, windowHours: number): boolean {
  const msBefore = Date.parse(startsAt) - now.getTime();
  return msBefore < windowHours * 3_600_000;
}
