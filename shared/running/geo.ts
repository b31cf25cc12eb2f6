/**
 * Great-circle distance on a sphere of the mean Earth radius (IUGG R1 = 6,371,008.8 m). Over the
 * few metres between two GPS fixes the error against the WGS-84 ellipsoid is under 0.5 %, well
 * inside GPS noise.
 */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Haversine distance in metres between two points given in degrees. */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** True for a latitude/longitude pair that can be a real position (not NaN, not out of range). */
export function isValidPosition(lat: number | undefined, lon: number | undefined): boolean {
  return lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** Length of a path through the points that have a position, in order (haversine between neighbours). */
export function pathLengthMeters(points: ReadonlyArray<{ lat?: number; lon?: number }>): number {
  let total = 0;
  let prevLat: number | undefined;
  let prevLon: number | undefined;
  for (const p of points) {
    if (p.lat === undefined || p.lon === undefined) continue;
    if (prevLat !== undefined && prevLon !== undefined) total += haversineMeters(prevLat, prevLon, p.lat, p.lon);
    prevLat = p.lat;
    prevLon = p.lon;
  }
  return total;
}
