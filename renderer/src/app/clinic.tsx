import { createContext, useContext } from 'react';
import type { ResponseData } from '../../../shared/api/contract';
import { todayIn } from '../../../shared/util/dates';

export type Me = ResponseData<'auth.me'>;

export interface ClinicInfo extends Me {
  /** How this computer writes dates and numbers (the clinic's staff use it). */
  locale: string;
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

export function systemLocale(): string {
  const lang = typeof navigator !== 'undefined' ? (navigator.languages?.[0] ?? navigator.language) : undefined;
  try {
    return lang ? Intl.getCanonicalLocales(lang)[0] ?? 'en-US' : 'en-US';
  } catch {
    return 'en-US';
  }
}
