import { createContext, useContext } from 'react';
import type { ResponseData } from '../../../shared/api/contract';
import { todayIn } from '../../../shared/util/dates';
import { clinicFormat, type ClinicFormat } from '../../../shared/format/clinic-format';

export type Me = ResponseData<'auth.me'>;

export interface ClinicInfo extends Me {
  /**
   * The clinic's locale setting as an Intl tag ("en-US-u-hc-h12"): pass it to any shared/format
   * function. Dates and times follow the clinic's setting, never the computer's language.
   */
  locale: string;
  /** The clinic's formatters (dates, times, distances, typed dates, weekdays in its order). */
  format: ClinicFormat;
  /** Ask auth.me again (after the clinic's settings changed). */
  refresh: () => void;
}

export const ClinicContext = createContext<ClinicInfo | null>(null);

export function useClinic(): ClinicInfo {
  const value = useContext(ClinicContext);
  if (!value) throw new Error('useClinic outside the signed-in app');
  return value;
}

/** The clinic's calendar date now (YYYY-MM-DD), for ages and "in the future" checks. */
export function useClinicToday(): string {
  return todayIn(useClinic().timeZone);
}

/** The clinic's formatters: `const f = useFormat(); f.date(iso); f.distance(m)`. */
export function useFormat(): ClinicFormat {
  return useClinic().format;
}

/** ClinicInfo from auth.me: the locale tag and formatters built from the clinic's setting. */
export function clinicInfoOf(me: Me, refresh: () => void): ClinicInfo {
  const format = clinicFormat(me);
  return { ...me, locale: format.locale, format, refresh };
}
