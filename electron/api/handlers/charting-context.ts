import type { Kysely } from 'kysely';
import type { ClinicPolicy } from '../../../shared/clinical/policy';
import type { DistanceUnit } from '../../../shared/domain/clinic';
import type { ClinicFormat } from '../../../shared/format/clinic-format';
import { todayIn } from '../../../shared/util/dates';
import type { DB } from '../../db/schema';
import { loadClinicFormat } from '../clinic-format';
import { loadClinicPolicy } from './clinic-policy';

export interface ChartingContext {
  timeZone: string;
  distanceUnit: DistanceUnit;
  policy: ClinicPolicy;
  /** The clinic's locale setting as an Intl tag, for shared/format functions and the PDF. */
  locale: string;
  /** The clinic's formatters (dates in its order, times on its clock, distances in its unit). */
  format: ClinicFormat;
  /** A calendar date in the clinic's words ("Mar 3, 2026" or "3 Mar 2026"), for every sentence staff read. */
  fmt: (date: string) => string;
  today: string;
}

/**
 * What charting handlers need from the clinic: its zone and unit, the policy (unit rule, due rules)
 * and how dates, times and distances are written (its locale setting, through loadClinicFormat).
 */
export async function chartingContext(db: Kysely<DB>, now: Date): Promise<ChartingContext> {
  const format = await loadClinicFormat(db);
  const { policy } = await loadClinicPolicy(db);
  const { timeZone, distanceUnit, locale } = format;
  return { timeZone, distanceUnit, policy, locale, format, fmt: (d) => format.date(d), today: todayIn(timeZone, now) };
}

export async function userNames(db: Kysely<DB>, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
