import { addDays, isoWeekday, localToInstant } from './clinic-time';
import { findConflicts, type Booked, type BlockoutSpan } from './conflicts';
import type { WorkingInterval } from '../domain/schedule';

export interface FreeSlotQuery {
  therapistId: number;
  therapistName: string;
  /** The room that must be free as well (null: no room). */
  roomId?: number | null;
  /** The patient who must not be booked elsewhere at that time. */
  patientId?: number;
  /** How a locale writes times (for the conflict check's messages; unused in the result). */
  locale?: string;
  durationMinutes: number;
  /** First date to look at (YYYY-MM-DD, clinic zone) and how many days onwards. */
  fromDate: string;
  days: number;
  /** Nothing before this instant (now) is offered. */
  notBefore: string;
  timeZone: string;
  workingHours: WorkingInterval[];
  booked: Booked[];
  blockouts: BlockoutSpan[];
  /** Slots start on this grid (minutes). */
  stepMinutes?: number;
  limit?: number;
}

/**
 * The next free starts for a therapist, honouring working hours, bookings and blockouts — and the
 * room and patient when given, so a slot offered here is one booking then accepts.
 */
export function findFreeSlots(q: FreeSlotQuery): { startsAt: string; endsAt: string; date: string; startMinute: number }[] {
  const step = q.stepMinutes ?? 15;
  const limit = q.limit ?? 10;
  const found: { startsAt: string; endsAt: string; date: string; startMinute: number }[] = [];
  const roomId = q.roomId ?? null;
  const patientId = q.patientId ?? -1;
  const mine = q.booked.filter((b) => b.therapistId === q.therapistId || (roomId !== null && b.roomId === roomId) || b.patientId === patientId);
  for (let d = 0; d < q.days && found.length < limit; d++) {
    const date = addDays(q.fromDate, d);
    const weekday = isoWeekday(date);
    const intervals = q.workingHours.filter((w) => w.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
    for (const w of intervals) {
      for (let m = Math.ceil(w.startMinute / step) * step; m + q.durationMinutes <= w.endMinute && found.length < limit; m += step) {
        const startsAt = localToInstant(date, m, q.timeZone);
        if (startsAt < q.notBefore) continue;
        const endsAt = localToInstant(date, m + q.durationMinutes, q.timeZone);
        const conflicts = findConflicts(
          { startsAt, endsAt, therapistId: q.therapistId, therapistName: q.therapistName, roomId, patientId },
          { timeZone: q.timeZone, overlapping: mine, workingHours: q.workingHours, blockouts: q.blockouts },
        );
        if (conflicts.length === 0) found.push({ startsAt, endsAt, date, startMinute: m });
      }
    }
  }
  return found;
}
