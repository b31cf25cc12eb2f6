import { tzOffset } from '@date-fns/tz';

const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * A time zone's offset from UTC (minutes) at an instant; NaN for a zone the time-zone database does
 * not know or an invalid instant. Zones change offset at whole minutes and never twice within a
 * quarter of an hour, so a quarter-hour whose first and last millisecond share an offset has it
 * throughout: that offset is kept, and a week of appointments (or every chart asking for today's
 * date) asks the time-zone database a few dozen times instead of at every date it works out.
 */
export function zoneOffsetAt(ms: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const known = zone.get(quarter);
  if (known !== undefined) return known;
  const first = tzOffset(timeZone, new Date(quarter * QUARTER_HOUR_MS));
  if (first !== tzOffset(timeZone, new Date((quarter + 1) * QUARTER_HOUR_MS - 1))) return tzOffset(timeZone, new Date(ms));
  if (zone.size >= 10_000) zone.clear();
  zone.set(quarter, first);
  return first;
}

/** The calendar date (YYYY-MM-DD) of a UTC instant moved by an offset: the wall clock read through UTC getters. */
export function shiftedUtcDate(ms: number, offsetMinutes: number): { date: string; at: Date } {
  const at = new Date(ms + offsetMinutes * 60_000);
  return { date: `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`, at };
}
