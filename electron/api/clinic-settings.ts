import type { Kysely } from 'kysely';
import type { DistanceUnit } from '../../shared/domain/clinic';
import type { DateOrder, TimeFormat, WeekStartDay } from '../../shared/domain/locale';
import type { ClinicFormatSettings } from '../../shared/format/clinic-format';
import { compiledQuery } from '../db/compiled-query';
import type { DB } from '../db/schema';
import { oncePerCall } from './call-scope';

/** The clinic row's settings handlers work with: its zone, unit, late-cancel window and locale. */
export interface ClinicSettings extends ClinicFormatSettings {
  timeZone: string;
  distanceUnit: DistanceUnit;
  lateCancelHours: number;
  dateOrder: DateOrder;
  timeFormat: TimeFormat;
  weekStartsOn: WeekStartDay;
}

const readSettings = compiledQuery((db: Kysely<DB>) =>
  db.selectFrom('clinic').select(['timeZone', 'distanceUnit', 'lateCancelHours', 'dateOrder', 'timeFormat', 'weekStartsOn']).limit(1),
);

/** The clinic's settings, read once per call; undefined before setup. */
export function clinicSettings(db: Kysely<DB>): Promise<ClinicSettings | undefined> {
  return oncePerCall(db, 'clinic', async () => (await readSettings(db))[0]);
}

/** The clinic's time zone, distance unit and late-cancel window (after setup, as every signed-in call is). */
export async function clinicTimeAndUnits(db: Kysely<DB>): Promise<Pick<ClinicSettings, 'timeZone' | 'distanceUnit' | 'lateCancelHours'>> {
  const settings = await clinicSettings(db);
  if (!settings) throw new Error('The clinic is not set up yet');
  return settings;
}
