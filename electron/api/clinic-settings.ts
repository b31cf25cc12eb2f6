import type { Kysely } from 'kysely';
import type { DistanceUnit } from '../../shared/domain/clinic';
import type { Country, DateOrder, TimeFormat, WeekStartDay } from '../../shared/domain/locale';
import type { ClinicFormatSettings } from '../../shared/format/clinic-format';
import { compiledQuery } from '../db/compiled-query';
import type { DB } from '../db/schema';
import { knownForCall, oncePerCall } from './call-scope';

/** The clinic row's settings handlers work with: its name, zone, unit, late-cancel window, auto-lock and locale. */
export interface ClinicSettings extends ClinicFormatSettings {
  name: string;
  country: Country;
  timeZone: string;
  distanceUnit: DistanceUnit;
  lateCancelHours: number;
  idleLockMinutes: number;
  dateOrder: DateOrder;
  timeFormat: TimeFormat;
  weekStartsOn: WeekStartDay;
}

/** The clinic row's columns that make its settings (the session lookup reads them too, see sessions.ts). */
export const CLINIC_SETTINGS_COLUMNS = ['name', 'country', 'timeZone', 'distanceUnit', 'lateCancelHours', 'idleLockMinutes', 'dateOrder', 'timeFormat', 'weekStartsOn'] as const;

const readSettings = compiledQuery((db: Kysely<DB>) => db.selectFrom('clinic').select(CLINIC_SETTINGS_COLUMNS).limit(1));

const CALL_KEY = 'clinic';

/** The clinic's settings, read once per call; undefined before setup. */
export function clinicSettings(db: Kysely<DB>): Promise<ClinicSettings | undefined> {
  return oncePerCall(db, CALL_KEY, async () => (await readSettings(db))[0]);
}

/**
 * The settings a call has already read in its own transaction (the session lookup joins the clinic
 * row): its later clinicSettings() answer with them instead of reading the same row again.
 */
export function clinicSettingsRead(db: Kysely<DB>, settings: ClinicSettings | undefined): void {
  knownForCall(db, CALL_KEY, settings);
}

/** The clinic's time zone, distance unit and late-cancel window (after setup, as every signed-in call is). */
export async function clinicTimeAndUnits(db: Kysely<DB>): Promise<Pick<ClinicSettings, 'timeZone' | 'distanceUnit' | 'lateCancelHours'>> {
  const settings = await clinicSettings(db);
  if (!settings) throw new Error('The clinic is not set up yet');
  return settings;
}
