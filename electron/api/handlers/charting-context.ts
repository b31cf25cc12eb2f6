import type { Kysely } from 'kysely';
import type { ClinicPolicy } from '../../../shared/clinical/policy';
import type { DistanceUnit } from '../../../shared/domain/clinic';
import { formatCalendarDate } from '../../../shared/format/dates';
import { todayIn } from '../../../shared/util/dates';
import type { DB } from '../../db/schema';
import { clinicTimeAndUnits } from './appointment-rows';
import { loadClinicPolicy } from './clinic-policy';

export interface ChartingContext {
  timeZone: string;
  distanceUnit: DistanceUnit;
  policy: ClinicPolicy;
  locale: string;
  /** A calendar date in the clinic's words ("Mar 3, 2026"), for every sentence staff read. */
  fmt: (date: string) => string;
  today: string;
}

/**
 * What charting handlers need from the clinic: its zone and unit, the policy (unit rule, due rules)
 * and how dates are written. The clinic has no locale setting yet; US English matches the US codes
 * and the schedule's own wording.
 */
export async function chartingContext(db: Kysely<DB>, now: Date): Promise<ChartingContext> {
  const clinic = await clinicTimeAndUnits(db);
  const { policy } = await loadClinicPolicy(db);
  const locale = 'en-US';
  return { timeZone: clinic.timeZone, distanceUnit: clinic.distanceUnit, policy, locale, fmt: (d) => formatCalendarDate(d, locale), today: todayIn(clinic.timeZone, now) };
}

export async function userNames(db: Kysely<DB>, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
