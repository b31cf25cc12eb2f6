import { isoDateUtcMs } from '../util/dates';

/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings. Dates are already in the clinic's time zone (the
 * caller converts), so a day is a calendar day: doing the maths at UTC midnight keeps DST out of it.
 */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const MS_PER_DAY = 86_400_000;

function toUtcMs(date: string): number {
  const ms = isoDateUtcMs(date);
  if (ms === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(toUtcMs(date)).getUTCDay()]!;
}

/** The first day of the clinic week holding `date`. */
export function startOfWeek(date: string, weekStartsOn: Weekday): string {
  const offset = (new Date(toUtcMs(date)).getUTCDay() - WEEKDAYS.indexOf(weekStartsOn) + 7) % 7;
  return addDays(date, -offset);
}

/** True when `date` lies in [from, to], both inclusive. ISO strings compare as dates. */
export function isWithin(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

