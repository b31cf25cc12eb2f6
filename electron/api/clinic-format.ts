import type { Kysely } from 'kysely';
import { clinicFormat, type ClinicFormat, type ClinicFormatSettings } from '../../shared/format/clinic-format';
import type { DB } from '../db/schema';
import { clinicSettings } from './clinic-settings';

// Before setup there is no clinic: the defaults (a US clinic) still read as words.
const BEFORE_SETUP: ClinicFormatSettings = { timeZone: 'UTC', distanceUnit: 'mi', dateOrder: 'MDY', timeFormat: '12h', weekStartsOn: 'monday' };

/** The formatters of the last settings seen: building them asks Intl for the locale's patterns. */
let lastFormat: { key: string; format: ClinicFormat } | null = null;

/**
 * The clinic's formatters for a handler's sentences (dates in its order, times on its clock and in its
 * zone, distances in its unit): `const f = await loadClinicFormat(ctx.db)`, then `f.date(iso)`,
 * `f.minuteRange(a, b)`, `f.distance(m)`… Never write an ISO date or a metre count into a message.
 */
export async function loadClinicFormat(db: Kysely<DB>): Promise<ClinicFormat> {
  const { timeZone, distanceUnit, dateOrder, timeFormat, weekStartsOn } = (await clinicSettings(db)) ?? BEFORE_SETUP;
  const key = [timeZone, distanceUnit, dateOrder, timeFormat, weekStartsOn].join('\u0000');
  // The formatters are pure functions of these five settings: the same object serves every call.
  if (lastFormat?.key !== key) lastFormat = { key, format: Object.freeze(clinicFormat({ timeZone, distanceUnit, dateOrder, timeFormat, weekStartsOn })) };
  return lastFormat.format;
}
