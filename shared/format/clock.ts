/**
 * Clinic wall-clock times and calendar days as a locale writes them ("9:30 AM" or "09:30";
 * "Thu, Nov 26"). The values are the clinic's already (minutes after the clinic's midnight, calendar
 * dates), so they are formatted in UTC: the computer's own zone can never shift them. ICU's thin and
 * narrow no-break spaces become plain spaces, so printed PDFs and plain-text exports show them.
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

const plain = (s: string) => s.replace(/[\u2009\u202f]/g, ' ');
/** Ranges read the same in every locale: "9:00 – 9:45 AM", "09:00 – 09:45", "23 – 29 Nov 2026". */
const spacedRange = (s: string) => plain(s).replace(/\s*–\s*/g, ' – ');
const clockDate = (minute: number) => new Date(Date.UTC(2001, 0, 1, Math.floor(minute / 60), minute % 60));
const noonOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};

export function uses12Hour(locale: string): boolean {
  const cycle = fmt(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h12' || cycle === 'h11';
}

/** 12-hour locales: "9:30 AM"; 24-hour locales: "09:30" (two-digit hours, as timetables write them). */
function clock(locale: string): Intl.DateTimeFormat {
  return fmt(locale, { hour: uses12Hour(locale) ? 'numeric' : '2-digit', minute: '2-digit' });
}

/** 570 → "9:30 AM" or "09:30". 1440 (midnight at the end of the day) reads as 12:00 AM / 24:00. */
export function formatMinute(minute: number, locale: string): string {
  if (minute >= 1440) return uses12Hour(locale) ? plain(clock(locale).format(clockDate(0))) : '24:00';
  return plain(clock(locale).format(clockDate(minute)));
}

/**
 * A time of day as staff type it, on either clock: "9:30 AM", "9:30am", "9 pm", "12:15 a.m.",
 * "14:30", "09:30", "1430" or "930" → minutes after midnight; null for anything else. Without AM or
 * PM the hours are the 24-hour clock's (so "2:30" is early morning, never a guess).
 */
export function parseTypedTime(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))? ?(a\.?m\.?|p\.?m\.?)?$/.exec(t);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (minute > 59) return null;
  const half = m[3]?.[0];
  if (half) {
    if (hour < 1 || hour > 12) return null;
    return ((hour % 12) + (half === 'p' ? 12 : 0)) * 60 + minute;
  }
  // Bare one- or two-digit hours need no minutes ("9" → 9:00); "930" and "1430" carry them.
  if (hour > 23) return null;
  return hour * 60 + minute;
}

/** The narrowest columns: "9:30" (the gutter says AM or PM) or "09:30". */
export function formatMinuteShort(minute: number, locale: string): string {
  if (!uses12Hour(locale)) return formatMinute(minute, locale);
  const h = Math.floor(minute / 60) % 12 || 12;
  return `${h}:${String(minute % 60).padStart(2, '0')}`;
}

/** "9:00 – 9:45 AM" (one AM/PM where both share it), "09:00 – 09:45". */
export function formatMinuteRange(start: number, end: number, locale: string): string {
  if (end >= 1440) return `${formatMinute(start, locale)} – ${formatMinute(end, locale)}`;
  return spacedRange(clock(locale).formatRange(clockDate(start), clockDate(end)));
}

/** The grid's hour labels: "8 AM" or "08:00". */
export function formatHour(hour: number, locale: string): string {
  if (uses12Hour(locale)) return plain(fmt(locale, { hour: 'numeric' }).format(clockDate(hour * 60)));
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "Thursday, November 26, 2026" (long), "Thu, Nov 26, 2026" (medium), "Thu, Nov 26" (short), "Thu 26" (tiny). */
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
  return spacedRange(fmt(locale, { year: 'numeric', month: 'short', day: 'numeric' }).formatRange(noonOf(from), noonOf(to)));
}

/** Weekday names in the locale, Monday first (index = ISO weekday − 1): ["Mon", …] or ["Monday", …]. */
export function weekdayNames(locale: string, width: 'short' | 'long' = 'short'): string[] {
  // 2001-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => fmt(locale, { weekday: width }).format(new Date(Date.UTC(2001, 0, 1 + i, 12))));
}

/** The ISO weekdays (1 = Monday … 7 = Sunday) in the clinic's week order, starting on `firstIso`. */
export function weekdaysFrom(firstIso: number): number[] {
  return Array.from({ length: 7 }, (_, i) => ((firstIso - 1 + i) % 7) + 1);
}
