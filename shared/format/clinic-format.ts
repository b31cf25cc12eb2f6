import type { DistanceUnit } from '../domain/clinic';
import { localeTag, WEEK_START_ISO, type LocaleSettings } from '../domain/locale';
import { formatDistance } from '../units/distance';
import { formatPace, formatSpeed, paceFromSpeed } from '../units/pace';
import { formatDay, formatMinute, formatMinuteRange, parseTypedTime, weekdayNames, weekdaysFrom } from './clock';
import { calendarDateForTyping, formatCalendarDate, formatInstant, formatInstantDate, formatTime, formatTimeRange, localiseDates, parseLocaleDate, typedDatePattern } from './dates';

/** Everything that decides how the clinic's dates, times and distances read. */
export interface ClinicFormatSettings extends LocaleSettings {
  timeZone: string;
  distanceUnit: DistanceUnit;
}

/**
 * The clinic's formatters, in one object for the renderer (useClinic().format) and the server's
 * sentences (loadClinicFormat in electron/api/clinic-format.ts): dates in the clinic's order, times on
 * its clock and in its zone, distances and paces in its unit, weekdays from its first day of the week.
 */
export interface ClinicFormat {
  /** The Intl tag the settings stand for ("en-GB-u-hc-h23"): pass it to any shared/format function. */
  locale: string;
  timeZone: string;
  distanceUnit: DistanceUnit;
  /** ISO weekday the week starts on (1 = Monday … 7 = Sunday). */
  weekStartsOnIso: number;
  /** A calendar date (YYYY-MM-DD): "Mar 7, 1985" (medium), "03/07/1985" (short), "March 7, 1985" (long). */
  date(iso: string, style?: 'short' | 'medium' | 'long'): string;
  /** A calendar date with its weekday: "Tue, Mar 3" (short), "Tue, Mar 3, 2026" (medium), "Tuesday, March 3, 2026" (long). */
  day(iso: string, style?: 'short' | 'medium' | 'long'): string;
  /** An instant (UTC ISO) in the clinic's zone: date and time, date only, time only. */
  instant(iso: string): string;
  instantDate(iso: string): string;
  time(iso: string): string;
  timeRange(startIso: string, endIso: string): string;
  /** Minutes after the clinic's midnight: "9:30 AM" / "09:30"; a range "9:00 – 9:45 AM". */
  minute(minute: number): string;
  minuteRange(start: number, end: number): string;
  /** "3.11 mi" / "5.00 km". */
  distance(metres: number, decimals?: number): string;
  /** "8:52 /mi" from m/s ("—" when not moving). */
  pace(metresPerSecond: number): string;
  /** "6.7 mph" / "10.8 km/h" from m/s. */
  speed(metresPerSecond: number, decimals?: number): string;
  /** How staff type a date here ("MM/DD/YYYY"), reading one back, and writing one for a field. */
  typedDatePattern: string;
  parseTypedDate(text: string): string | null;
  dateForTyping(iso: string): string;
  /** A time typed on either clock ("2:30 PM", "14:30") → minutes after midnight, or null; an example for hints. */
  parseTypedTime(text: string): number | null;
  typedTimeExample: string;
  /** ISO weekdays in the clinic's order, with their names. */
  weekdays(width?: 'short' | 'long'): { iso: number; name: string }[];
  /** Every ISO date inside a sentence, written the clinic's way. */
  dates(text: string): string;
}

export function clinicFormat(settings: ClinicFormatSettings): ClinicFormat {
  const locale = localeTag(settings);
  const { timeZone, distanceUnit } = settings;
  const weekStartsOnIso = WEEK_START_ISO[settings.weekStartsOn];
  return {
    locale,
    timeZone,
    distanceUnit,
    weekStartsOnIso,
    date: (iso, style = 'medium') => formatCalendarDate(iso, locale, style),
    day: (iso, style = 'medium') => formatDay(iso, locale, style),
    instant: (iso) => plain(formatInstant(iso, timeZone, locale)),
    instantDate: (iso) => formatInstantDate(iso, timeZone, locale),
    time: (iso) => plain(formatTime(iso, timeZone, locale)),
    timeRange: (a, b) => formatTimeRange(a, b, timeZone, locale),
    minute: (m) => formatMinute(m, locale),
    minuteRange: (a, b) => formatMinuteRange(a, b, locale),
    distance: (metres, decimals) => formatDistance(metres, distanceUnit, decimals),
    pace: (mps) => {
      const p = paceFromSpeed(mps, distanceUnit);
      return p === null ? '—' : formatPace(p, distanceUnit);
    },
    speed: (mps, decimals) => formatSpeed(mps, distanceUnit, decimals),
    typedDatePattern: typedDatePattern(locale),
    parseTypedDate: (text) => parseLocaleDate(text, locale),
    dateForTyping: (iso) => calendarDateForTyping(iso, locale),
    parseTypedTime,
    typedTimeExample: formatMinute(9 * 60 + 30, locale),
    weekdays: (width = 'short') => {
      const names = weekdayNames(locale, width);
      return weekdaysFrom(weekStartsOnIso).map((iso) => ({ iso, name: names[iso - 1]! }));
    },
    dates: (text) => localiseDates(text, locale),
  };
}

const plain = (s: string) => s.replace(/[\u2009\u202f]/g, ' ');
