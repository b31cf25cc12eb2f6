import { TZDate } from '@date-fns/tz';
import { addDays, WEEKDAYS, weekdayOf } from '../clinical/calendar';
import { shiftedUtcDate, zoneOffsetAt } from '../util/zone-offset';

/**
 * The one place where clinic wall-clock time meets UTC instants. Appointments are stored as UTC
 * instants and always created from a calendar date + minutes after midnight in the clinic's time
 * zone, so "every Tuesday at 9:00" stays at 9:00 across daylight-saving changes.
 */

export interface LocalTime {
  /** YYYY-MM-DD in the clinic's zone. */
  date: string;
  /** Minutes after local midnight (0–1439). */
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export function localToInstant(date: string, minute: number, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new TZDate(y, m - 1, d, Math.floor(minute / 60), minute % 60, timeZone);
  return new Date(local.getTime()).toISOString();
}

export function instantToLocal(instant: string | Date, timeZone: string): LocalTime {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const { date, at: t } = shiftedUtcDate(ms, zoneOffsetAt(ms, timeZone));
  return { date, minute: t.getUTCHours() * 60 + t.getUTCMinutes(), weekday: t.getUTCDay() === 0 ? 7 : t.getUTCDay() };
}

/** "09:30" → 570. */
export function parseClockTime(text: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** 570 → "09:30" (the form of a typed or stored time, not a displayed one). */
export function formatClockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

// Calendar arithmetic on YYYY-MM-DD strings lives in one module; the schedule re-uses it.
export { addDays, daysBetween } from '../clinical/calendar';

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = WEEKDAYS.indexOf(weekdayOf(date));
  return day === 0 ? 7 : day;
}

/** The first day of the week holding `date`, weeks starting on `startsOn` (ISO weekday). */
export function startOfWeek(date: string, startsOn = 1): string {
  return addDays(date, -((isoWeekday(date) - startsOn + 7) % 7));
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const weekdayName = (isoDay: number) => WEEKDAY_NAMES[isoDay - 1] ?? '?';
