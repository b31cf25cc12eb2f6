import { describeRule, type WeeklyRule } from '../../../../shared/schedule/recurrence';
import { formatCalendarDate } from '../../../../shared/format/dates';
import type { WaitlistEntry } from '../../../../shared/domain/schedule';
import { formatMinute, formatMinuteRange, weekdayNames } from '../../../../shared/format/clock';

// The clock and day formats moved to shared/format/clock.ts (the server's sentences use them too).
export { formatDateRange, formatDay, formatHour, formatMinute, formatMinuteRange, formatMinuteShort, uses12Hour, weekdayNames, weekdaysFrom } from '../../../../shared/format/clock';

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
