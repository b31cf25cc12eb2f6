import type { DistanceUnit } from '../domain/clinic';
import { metresPerUnit } from './distance';

export const SECONDS_PER_HOUR = 3600;

/** Metres per second from a distance and a duration; null when either is not positive. */
export function speedMps(distanceM: number, durationS: number): number | null {
  if (!(distanceM > 0) || !(durationS > 0)) return null;
  return distanceM / durationS;
}

/** m/s → km/h or mph. */
export function speedInUnit(metresPerSecond: number, unit: DistanceUnit): number {
  return (metresPerSecond * SECONDS_PER_HOUR) / metresPerUnit(unit);
}

/** km/h or mph → m/s. */
export function speedFromUnit(value: number, unit: DistanceUnit): number {
  return (value * metresPerUnit(unit)) / SECONDS_PER_HOUR;
}

export function kmhToMps(kmh: number): number {
  return speedFromUnit(kmh, 'km');
}

export function mpsToKmh(mps: number): number {
  return speedInUnit(mps, 'km');
}

/** Seconds per km or per mile for a speed in m/s; null when not moving. */
export function paceFromSpeed(metresPerSecond: number, unit: DistanceUnit): number | null {
  if (!(metresPerSecond > 0)) return null;
  return metresPerUnit(unit) / metresPerSecond;
}

/** Seconds per km or per mile for a distance and duration; null when either is not positive. */
export function pace(distanceM: number, durationS: number, unit: DistanceUnit): number | null {
  const v = speedMps(distanceM, durationS);
  return v === null ? null : paceFromSpeed(v, unit);
}

export function speedUnitLabel(unit: DistanceUnit): string {
  return unit === 'km' ? 'km/h' : 'mph';
}

export function paceUnitLabel(unit: DistanceUnit): string {
  return unit === 'km' ? '/km' : '/mi';
}

/** "6:05 /km". Rounds to the whole second first so 5:59.6 shows as 6:00, never "5:60". */
export function formatPace(secondsPerUnit: number, unit: DistanceUnit): string {
  const total = Math.round(secondsPerUnit);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')} ${paceUnitLabel(unit)}`;
}

/** "10.8 km/h" / "6.7 mph" from m/s. */
export function formatSpeed(metresPerSecond: number, unit: DistanceUnit, decimals = 1): string {
  return `${speedInUnit(metresPerSecond, unit).toFixed(decimals)} ${speedUnitLabel(unit)}`;
}
