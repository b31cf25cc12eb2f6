import type { DistanceUnit } from '../domain/clinic';

/** The international mile (1959 agreement): exact, so conversions round-trip. */
export const METRES_PER_MILE = 1609.344;
export const METRES_PER_KM = 1000;

export function metresPerUnit(unit: DistanceUnit): number {
  return unit === 'km' ? METRES_PER_KM : METRES_PER_MILE;
}

/** Metres → kilometres or miles (unrounded; round only when formatting). */
export function metresToUnit(metres: number, unit: DistanceUnit): number {
  return metres / metresPerUnit(unit);
}

/** Kilometres or miles → metres, the only distance unit stored. */
export function unitToMetres(value: number, unit: DistanceUnit): number {
  return value * metresPerUnit(unit);
}

export function distanceUnitLabel(unit: DistanceUnit): string {
  return unit === 'km' ? 'km' : 'mi';
}

/** "5.00 km" / "3.11 mi". Two decimals by default: a run-walk session is often under 3 km. */
export function formatDistance(metres: number, unit: DistanceUnit, decimals = 2): string {
  return `${metresToUnit(metres, unit).toFixed(decimals)} ${distanceUnitLabel(unit)}`;
}
