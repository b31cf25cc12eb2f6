import type { Weekday } from '../clinical/calendar';

/**
 * The clinic's locale setting: how its staff write dates and times, where its week starts and which
 * country its addresses are in. Every screen and every sentence the server writes follows it (not
 * the computer's language). shared/format/clinic-format.ts turns it into formatters.
 */

/** The order of a numeric date: 03/07/1985 (MDY), 07/03/1985 (DMY) or 1985-03-07 (YMD). */
export const DATE_ORDERS = ['MDY', 'DMY', 'YMD'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  MDY: 'Month first — 03/07/1985',
  DMY: 'Day first — 07/03/1985',
  YMD: 'Year first — 1985-03-07',
};

export const TIME_FORMATS = ['12h', '24h'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

export const TIME_FORMAT_LABELS: Record<TimeFormat, string> = { '12h': '12-hour — 2:30 PM', '24h': '24-hour — 14:30' };

/** Days a calendar week may start on (the schedule's week view, weekday lists). */
export const WEEK_START_DAYS = ['monday', 'sunday', 'saturday'] as const satisfies readonly Weekday[];
export type WeekStartDay = (typeof WEEK_START_DAYS)[number];

export const WEEK_START_LABELS: Record<WeekStartDay, string> = { monday: 'Monday', sunday: 'Sunday', saturday: 'Saturday' };

/** ISO weekday (1 = Monday … 7 = Sunday) of a week-start day. */
export const WEEK_START_ISO: Record<WeekStartDay, number> = { monday: 1, sunday: 7, saturday: 6 };

/** Countries whose postal codes Runback checks; the clinic's country is also its patients'. */
export const COUNTRIES = ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'DE', 'FR', 'NL', 'VN'] as const;
export type Country = (typeof COUNTRIES)[number];

export const COUNTRY_LABELS: Record<Country, string> = {
  US: 'United States',
  CA: 'Canada',
  GB: 'United Kingdom',
  IE: 'Ireland',
  AU: 'Australia',
  NZ: 'New Zealand',
  DE: 'Germany',
  FR: 'France',
  NL: 'Netherlands',
  VN: 'Vietnam',
};

/** What the postal-code field is called, and an example of one, in each country. */
export const POSTAL_CODE_WORDS: Record<Country, { label: string; example: string }> = {
  US: { label: 'ZIP code', example: '62701 or 62701-1234' },
  CA: { label: 'Postal code', example: 'K1A 0B1' },
  GB: { label: 'Postcode', example: 'SW1A 1AA' },
  IE: { label: 'Eircode', example: 'D02 X285' },
  AU: { label: 'Postcode', example: '2000' },
  NZ: { label: 'Postcode', example: '6011' },
  DE: { label: 'Postleitzahl', example: '10115' },
  FR: { label: 'Code postal', example: '75001' },
  NL: { label: 'Postcode', example: '1012 AB' },
  VN: { label: 'Postal code', example: '700000' },
};

export interface LocaleSettings {
  dateOrder: DateOrder;
  timeFormat: TimeFormat;
  weekStartsOn: WeekStartDay;
}

export const DEFAULT_LOCALE_SETTINGS: LocaleSettings = { dateOrder: 'MDY', timeFormat: '12h', weekStartsOn: 'monday' };

/**
 * The settings as a BCP 47 tag every Intl formatter understands: English words (month and weekday
 * names) in the chosen date order, with the chosen clock as a Unicode extension ("en-GB-u-hc-h23").
 * Everything that formats takes this tag, so one setting reaches every screen.
 */
export function localeTag(s: Pick<LocaleSettings, 'dateOrder' | 'timeFormat'>): string {
  const base = s.dateOrder === 'DMY' ? 'en-GB' : s.dateOrder === 'YMD' ? 'en-CA' : 'en-US';
  return `${base}-u-hc-${s.timeFormat === '24h' ? 'h23' : 'h12'}`;
}
