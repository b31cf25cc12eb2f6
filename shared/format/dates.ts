/**
 * Dates as people read them, never raw ISO: "Mar 7, 1985" (medium) or "03/07/1985" (short) in the
 * given locale. Calendar dates (YYYY-MM-DD) are formatted as dates, not instants, so a time zone
 * can never shift them by a day. Instants (audit times, lock-outs) are shown in the clinic's zone.
 */

import { parseTypedDate, type TypedDateOrder } from '../util/dates';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function utcNoon(iso: string): Date | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

/** The formatter of each calendar style and locale, found without building its options' key each time (every date a chart writes). */
const calendarFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) in the locale's words: "Mar 7, 1985" or, short, "03/07/1985". */
export function formatCalendarDate(iso: string, locale: string, style: 'medium' | 'short' | 'long' = 'medium'): string {
  const date = utcNoon(iso);
  if (!date) return iso;
  const key = `${style}|${locale}`;
  let f = calendarFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'short'
        ? { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }
        : { timeZone: 'UTC', year: 'numeric', month: style === 'long' ? 'long' : 'short', day: 'numeric' };
    calendarFormats.set(key, (f = formatter(locale, options)));
  }
  return f.format(date);
}

/** An instant (ISO 8601 with Z) as a date and time in a time zone: "Mar 7, 2026, 2:05 PM". */
export function formatInstant(iso: string, timeZone: string, locale: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatter(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}

/** Only the time of an instant in a time zone: "2:05 PM". */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatter(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}

/** The order in which the locale writes a numeric date: en-US MDY (03/07/1985), en-GB DMY, en-CA YMD. */
export function dateOrderOf(locale: string): TypedDateOrder {
  const parts = formatter(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2001, 2, 7, 12)));
  const order = parts
    .filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day')
    .map((p) => p.type[0]!.toUpperCase())
    .join('');
  return order === 'DMY' || order === 'YMD' ? order : 'MDY';
}

/** True when the locale writes numeric dates month first (en-US: 03/07/1985). */
export function isMonthFirst(locale: string): boolean {
  return dateOrderOf(locale) === 'MDY';
}

/** A date typed in the locale's order (and always YYYY-MM-DD) → YYYY-MM-DD, or null. */
export function parseLocaleDate(text: string, locale: string): string | null {
  return parseTypedDate(text, dateOrderOf(locale));
}

/** A calendar date written the way staff type it back into a date field: 03/07/1985, 07/03/1985 or 1985-03-07. */
export function calendarDateForTyping(iso: string, locale: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const order = dateOrderOf(locale);
  return order === 'MDY' ? `${m[2]}/${m[3]}/${m[1]}` : order === 'DMY' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The hint shown under a date field: "MM/DD/YYYY", "DD/MM/YYYY" or "YYYY-MM-DD". */
export function typedDatePattern(locale: string): string {
  const order = dateOrderOf(locale);
  return order === 'MDY' ? 'MM/DD/YYYY' : order === 'DMY' ? 'DD/MM/YYYY' : 'YYYY-MM-DD';
}

/** Every ISO date (2026-11-18) in a sentence, written as the locale writes dates ("Nov 18, 2026"). */
export function localiseDates(text: string, locale: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatCalendarDate(iso, locale));
}

/** Only the calendar date of an instant, as the clinic's zone sees it: "Mar 7, 2026". */
export function formatInstantDate(iso: string, timeZone: string, locale: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatter(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(ms));
}

/**
 * A span of two instants as the clinic's wall clock, compactly: "9:00 – 9:45 AM". ICU puts thin and
 * narrow no-break spaces in ranges; they become plain spaces so printed PDFs (standard fonts) show them.
 */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string, locale: string): string {
  return formatter(locale, { timeZone, hour: 'numeric', minute: '2-digit' })
    .formatRange(new Date(Date.parse(startIso)), new Date(Date.parse(endIso)))
    .replace(/[\u2009\u202f]/g, ' ')
    .replace(/\s*–\s*/g, ' – ');
}
