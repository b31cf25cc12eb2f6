import { instantToLocal } from './clinic-time';
import type { WaitlistEntry } from '../domain/schedule';

export interface Slot {
  startsAt: string;
  endsAt: string;
  therapistId: number;
  typeId: number | null;
}

export interface WaitlistMatch {
  entry: WaitlistEntry;
  /** Why this entry fits, in the order staff read them. */
  reasons: string[];
}

/**
 * The waitlisted patients who fit a freed slot, best first: an entry fits when its preferred
 * therapist, weekdays and time window (each optional) all allow the slot. Best = higher priority,
 * then asked for this very therapist, then waiting longest. Nothing is booked here.
 */
export function rankWaitlist(entries: WaitlistEntry[], slot: Slot, timeZone: string): WaitlistMatch[] {
  const start = instantToLocal(slot.startsAt, timeZone);
  const end = instantToLocal(slot.endsAt, timeZone);
  const matches: (WaitlistMatch & { exactTherapist: boolean })[] = [];
  for (const entry of entries) {
    if (entry.therapistId !== null && entry.therapistId !== slot.therapistId) continue;
    if (entry.weekdays.length > 0 && !entry.weekdays.includes(start.weekday)) continue;
    if (entry.fromMinute !== null && start.minute < entry.fromMinute) continue;
    if (entry.toMinute !== null && end.minute > entry.toMinute) continue;
    if (entry.typeId !== null && slot.typeId !== null && entry.typeId !== slot.typeId) continue;
    const reasons = [
      entry.priority === 1 ? 'high priority' : entry.priority === 3 ? 'low priority' : 'normal priority',
      entry.therapistId !== null ? 'asked for this therapist' : 'any therapist',
      entry.weekdays.length || entry.fromMinute !== null || entry.toMinute !== null ? 'day and time suit' : 'any day or time',
      // The day the entry was made in the clinic's zone (not UTC's), as a calendar date.
      `waiting since ${instantToLocal(entry.createdAt, timeZone).date}`,
    ];
    matches.push({ entry, reasons, exactTherapist: entry.therapistId !== null });
  }
  matches.sort(
    (a, b) =>
      a.entry.priority - b.entry.priority ||
      Number(b.exactTherapist) - Number(a.exactTherapist) ||
      a.entry.createdAt.localeCompare(b.entry.createdAt) ||
      a.entry.id - b.entry.id,
  );
  return matches.map(({ entry, reasons }) => ({ entry, reasons }));
}
