import { shiftedUtcDate, zoneOffsetAt } from './zone-offset';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (no 2023-02-30) as its UTC midnight in milliseconds, or null. */
export function isoDateUtcMs(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const date = new Date(ms);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? ms : null;
}

/** True when `text` is a real calendar date written YYYY-MM-DD (no 2023-02-30). */
export function isIsoDate(text: string): boolean {
  return isoDateUtcMs(text) !== null;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Today's calendar date in a time zone, as YYYY-MM-DD: every chart asks, so the zone's offset comes
 * from the per-quarter-hour cache appointments use (zone-offset.ts). A zone the time-zone database
 * does not know (or an invalid instant) goes to Intl, which throws a RangeError for it as it always did.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const ms = now.getTime();
  const offset = zoneOffsetAt(ms, timeZone);
  if (!Number.isNaN(offset)) return shiftedUtcDate(ms, offset).date;
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(now);
}

/** Whole years between a date of birth and a calendar date (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The order of a typed numeric date (shared/domain/locale's DateOrder, repeated here to keep util/ free of domain/). */
export type TypedDateOrder = 'MDY' | 'DMY' | 'YMD';

/**
 * Reads a date typed by a person: 2024-03-07 always; otherwise three numbers separated by / . or -
 * in the clinic's order (3/7/1985 is March 7 where months come first, July 3 where days come first).
 * Returns YYYY-MM-DD, or null when the text is not a whole, real date.
 */
export function parseTypedDate(text: string, order: TypedDateOrder = 'MDY'): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const ymd = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(t);
  if (ymd) return realDate(ymd[1]!, ymd[2]!, ymd[3]!);
  const other = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!other || order === 'YMD') return null;
  const [first, second, year] = [other[1]!, other[2]!, other[3]!];
  return order === 'DMY' ? realDate(year, second, first) : realDate(year, first, second);
}

function realDate(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "Mar", "march", "Sept." → 3, 3, 9; null for anything that is not (the start of) an English month name. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

/**
 * A date written with the month's name, the way the screens write it: "Mar 26, 1945", "March 26 1945",
 * "26 Mar 1945". Finds it inside a longer text and says where, so a search can take it out.
 */
export function findWrittenDate(text: string): { iso: string; start: number; end: number } | null {
  const monthFirst = /\b([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})\b/g;
  const dayFirst = /\b(\d{1,2})\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})\b/g;
  for (const m of text.matchAll(monthFirst)) {
    const month = monthNumber(m[1]!);
    const iso = month ? realDate(m[3]!, String(month), m[2]!) : null;
    if (iso) return { iso, start: m.index, end: m.index + m[0].length };
  }
  for (const m of text.matchAll(dayFirst)) {
    const month = monthNumber(m[2]!);
    const iso = month ? realDate(m[3]!, String(month), m[1]!) : null;
    if (iso) return { iso, start: m.index, end: m.index + m[0].length };
  }
  return null;
}
