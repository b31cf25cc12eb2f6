import { describeRule, type WeeklyRule } from '../../../../shared/schedule/recurrence';
import { formatCalendarDate } from '../../../../shared/format/dates';
import type { WaitlistEntry } from '../../../../shared/domain/schedule';

/**
 * Clock times and dates as the locale writes them ("9:30 AM" or "09:30"; "Thu, Nov 26"). They are
 * the clinic's wall-clock values already (minutes after the clinic's midnight, calendar dates), so
 * they are formatted in UTC: the browser's own zone can never shift them.
 */

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

const clockDate = (minute: number) => new Date(Date.UTC(2001, 0, 1, Math.floor(minute / 60), minute % 60));
const noonOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};

/** 570 → "9:30 AM" (en-US) or "09:30" (en-GB). 1440 (midnight at the end of the day) reads as 12:00 AM / 24:00. */
export function formatMinute(minute: number, locale: string): string {
  if (minute >= 1440) return uses12Hour(locale) ? clock(locale).format(clockDate(0)) : '24:00';
  return clock(locale).format(clockDate(minute));
}

/** 12-hour locales: "9:30 AM"; 24-hour locales: "09:30" (two-digit hours, as timetables write them). */
function clock(locale: string): Intl.DateTimeFormat {
  return fmt(locale, { hour: uses12Hour(locale) ? 'numeric' : '2-digit', minute: '2-digit' });
}

/** The narrowest columns: "9:30" (the gutter says AM or PM) or "09:30". */
export function formatMinuteShort(minute: number, locale: string): string {
  if (!uses12Hour(locale)) return formatMinute(minute, locale);
  const h = Math.floor(minute / 60) % 12 || 12;
  return `${h}:${String(minute % 60).padStart(2, '0')}`;
}

/** "9:00 – 9:45 AM" (one AM/PM where both share it). */
export function formatMinuteRange(start: number, end: number, locale: string): string {
  if (end >= 1440) return `${formatMinute(start, locale)} – ${formatMinute(end, locale)}`;
  return clock(locale).formatRange(clockDate(start), clockDate(end));
}

export function uses12Hour(locale: string): boolean {
  const cycle = fmt(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h12' || cycle === 'h11';
}

/** The grid's hour labels: "8 AM" or "08:00". */
export function formatHour(hour: number, locale: string): string {
  if (uses12Hour(locale)) return fmt(locale, { hour: 'numeric' }).format(clockDate(hour * 60));
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "Thursday, November 26, 2026" (long), "Thu, Nov 26" (short), "Thu 26" (tiny: week columns). */
export function formatDay(date: string, locale: string, style: 'long' | 'medium' | 'short' | 'tiny' = 'medium'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }
      : style === 'medium'
        ? { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }
        : style === 'short'
          ? { weekday: 'short', month: 'short', day: 'numeric' }
          : { weekday: 'short', day: 'numeric' };
  return fmt(locale, options).format(noonOf(date));
}

/** "Nov 23 – 29, 2026" for a week. */
export function formatDateRange(from: string, to: string, locale: string): string {
  return fmt(locale, { year: 'numeric', month: 'short', day: 'numeric' }).formatRange(noonOf(from), noonOf(to));
}

/** Weekday names in the locale, Monday first: ["Mon", …] or ["Monday", …]. */
export function weekdayNames(locale: string, width: 'short' | 'long' = 'short'): string[] {
  // 2001-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => fmt(locale, { weekday: width }).format(new Date(Date.UTC(2001, 0, 1 + i, 12))));
}

/** "Every week on Tuesday and Thursday, 8 times" or "… until Jan 15, 2027" (a date as the locale writes it). */
export function describeRepeat(rule: Omit<WeeklyRule, 'startsOn'>, locale: string): string {
  const base = describeRule({ startsOn: '2001-01-01', weekdays: rule.weekdays, intervalWeeks: rule.intervalWeeks, count: rule.count ?? null, until: null });
  if (rule.count || !rule.until) return base;
  return `${base}, until ${formatCalendarDate(rule.until, locale)}`;
}

/** "1 hour 15 min", "45 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} hour${h === 1 ? '' : 's'}` : `${h} h ${m} min`;
}

/** A waitlist entry's wishes in a few words: "Tue, Thu · 7:00 AM – 12:00 PM · with Linh Nguyen". */
export function describeWaitlistWishes(e: Pick<WaitlistEntry, 'weekdays' | 'fromMinute' | 'toMinute' | 'therapistName'>, locale: string, typeName?: string | null): string {
  const names = weekdayNames(locale);
  const parts: string[] = [];
  parts.push(e.weekdays.length ? e.weekdays.map((d) => names[d - 1]).join(', ') : 'Any day');
  if (e.fromMinute !== null && e.toMinute !== null) parts.push(formatMinuteRange(e.fromMinute, e.toMinute, locale));
  else if (e.fromMinute !== null) parts.push(`from ${formatMinute(e.fromMinute, locale)}`);
  else if (e.toMinute !== null) parts.push(`until ${formatMinute(e.toMinute, locale)}`);
  else parts.push('any time');
  parts.push(e.therapistName ? `with ${e.therapistName.split(',')[0]}` : 'any therapist');
  if (typeName) parts.push(typeName);
  return parts.join(' · ');
}
