import type { Kysely } from 'kysely';
import { clinicFormat, type ClinicFormat } from '../../shared/format/clinic-format';
import type { DB } from '../db/schema';

/**
 * The clinic's formatters for a handler's sentences (dates in its order, times on its clock and in its
 * zone, distances in its unit): `const f = await loadClinicFormat(ctx.db)`, then `f.date(iso)`,
 * `f.minuteRange(a, b)`, `f.distance(m)`… Never write an ISO date or a metre count into a message.
 */
export async function loadClinicFormat(db: Kysely<DB>): Promise<ClinicFormat> {
  const row = await db.selectFrom('clinic').select(['timeZone', 'distanceUnit', 'dateOrder', 'timeFormat', 'weekStartsOn']).executeTakeFirst();
  // Before setup there is no clinic: the defaults (a US clinic) still read as words.
  return clinicFormat(row ?? { timeZone: 'UTC', distanceUnit: 'mi', dateOrder: 'MDY', timeFormat: '12h', weekStartsOn: 'monday' });
}
