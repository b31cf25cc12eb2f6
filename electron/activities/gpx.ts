import type { Element } from '@xmldom/xmldom';
import type { ActivitySample, ImportRefusal } from '../../shared/running/activity';
import { haversineMeters, isValidPosition } from '../../shared/running/geo';
import type { DraftActivity } from './draft';
import { emptyTrack, noTimestamps } from './messages';
import { childElements, childNumber, childText, findDescendant, parseXmlTime } from './xml';

/**
 * GPX 1.0 and 1.1 (elements are matched by local name, so either namespace — or none — reads the
 * same). Read with @xmldom/xmldom directly rather than through @tmcw/togeojson: togeojson keeps a
 * point's time only when it has one, so its `times` array stops lining up with the coordinates as
 * soon as one point lacks a time, and it drops one-point segments; here every point keeps its own time.
 *
 * A GPX file is one activity: all its tracks in order (a GPSBabel dump splits one outing into
 * several "ACTIVE LOG" tracks). Routes (`rte`) are planned paths and waypoints are places, not
 * recordings: neither is imported.
 * - Distance: haversine between consecutive points within each segment, none across a segment
 *   break (a segment ends where recording stopped), as gpxpy counts it.
 * - Duration: the time recorded, i.e. the sum of each segment's first-to-last time; elapsed: first
 *   to last time of the whole file.
 * - Times: at least 90 % of the track points must have one; fewer is NO_TIMESTAMPS (the distance
 *   is still reported). The few points without a time are left out of the samples.
 * - Empty segments (`<trkseg></trkseg>`) are skipped; a track of fewer than 2 points is EMPTY_TRACK.
 * - Heart rate: Garmin's TrackPointExtension `hr` (any prefix) or a bare `heartrate`/`hr` extension.
 */

const MIN_TIMED_FRACTION = 0.9;

interface Point {
  lat: number;
  lon: number;
  timeMs?: number;
  heartRate?: number;
  speed?: number;
}

export function parseGpx(root: Element, contentHash: string): DraftActivity | ImportRefusal {
  const tracks = childElements(root, 'trk');
  const segments: Point[][] = [];
  for (const trk of tracks) {
    for (const seg of childElements(trk, 'trkseg')) {
      const pts = childElements(seg, 'trkpt').map(readPoint).filter((p): p is Point => p !== undefined);
      if (pts.length > 0) segments.push(pts);
    }
  }
  const total = segments.reduce((n, s) => n + s.length, 0);
  if (total < 2) return emptyTrack(emptyMessage(root, total));

  const distanceMeters = segments.reduce((sum, seg) => sum + segmentLength(seg), 0);
  const timed = segments.reduce((n, s) => n + s.filter((p) => p.timeMs !== undefined).length, 0);
  if (timed < 2 || timed < total * MIN_TIMED_FRACTION) return noTimestamps('GPX', Math.round(distanceMeters * 100) / 100, contentHash, timed, total);

  const warnings: string[] = [];
  const samples: ActivitySample[] = [];
  let startMs: number | undefined;
  let lastMs = -Infinity;
  let cumulative = 0;
  let recorded = 0;
  let outOfOrder = 0;
  for (const seg of segments) {
    let prev: Point | undefined;
    let segFirst: number | undefined;
    let segLast: number | undefined;
    for (const p of seg) {
      if (prev !== undefined) cumulative += haversineMeters(prev.lat, prev.lon, p.lat, p.lon);
      prev = p;
      if (p.timeMs === undefined) continue;
      if (p.timeMs < lastMs) {
        outOfOrder++;
        continue;
      }
      lastMs = p.timeMs;
      startMs ??= p.timeMs;
      segFirst ??= p.timeMs;
      segLast = p.timeMs;
      const s: ActivitySample = { t: (p.timeMs - startMs) / 1000, distance: cumulative, lat: p.lat, lon: p.lon };
      if (p.heartRate !== undefined) s.heartRate = p.heartRate;
      if (p.speed !== undefined) s.speed = p.speed;
      samples.push(s);
    }
    if (segFirst !== undefined && segLast !== undefined) recorded += (segLast - segFirst) / 1000;
  }
  if (timed < total) warnings.push(`${total - timed} of ${total} track points had no time and were left out of the samples.`);
  if (outOfOrder > 0) warnings.push(`${outOfOrder} track points went back in time and were left out of the samples.`);

  const firstTrack = tracks.find((t) => childElements(t, 'trkseg').some((s) => childElements(s, 'trkpt').length > 0));
  const name = (firstTrack && childText(firstTrack, 'name')) ?? metadataName(root);
  const creator = root.getAttribute('creator')?.trim();
  return {
    format: 'gpx',
    sportText: (firstTrack && childText(firstTrack, 'type')) ?? '',
    ...(name === undefined ? {} : { name }),
    startedAtMs: startMs!,
    distanceMeters,
    distanceSource: 'positions',
    durationSeconds: recorded,
    elapsedSeconds: (lastMs - startMs!) / 1000,
    samples,
    ...(creator ? { device: creator } : {}),
    warnings,
  };
}

function readPoint(el: Element): Point | undefined {
  const lat = Number(el.getAttribute('lat'));
  const lon = Number(el.getAttribute('lon'));
  if (!isValidPosition(lat, lon) || el.getAttribute('lat') === null || el.getAttribute('lon') === null) return undefined;
  const p: Point = { lat, lon };
  const timeMs = parseXmlTime(childText(el, 'time'));
  if (timeMs !== undefined) p.timeMs = timeMs;
  const ext = childElements(el, 'extensions')[0];
  if (ext !== undefined) {
    const hr = Number(findDescendant(ext, ['hr', 'heartrate', 'heartRate'])?.textContent?.trim());
    if (Number.isFinite(hr) && hr > 0 && hr < 255) p.heartRate = hr;
    const speed = Number(findDescendant(ext, ['speed'])?.textContent?.trim());
    if (Number.isFinite(speed) && speed >= 0) p.speed = speed;
  }
  // GPX 1.0 had <speed> on the point itself.
  const speed10 = childNumber(el, 'speed');
  if (p.speed === undefined && speed10 !== undefined && speed10 >= 0) p.speed = speed10;
  return p;
}

function segmentLength(seg: readonly Point[]): number {
  let d = 0;
  for (let i = 1; i < seg.length; i++) d += haversineMeters(seg[i - 1]!.lat, seg[i - 1]!.lon, seg[i]!.lat, seg[i]!.lon);
  return d;
}

function metadataName(root: Element): string | undefined {
  const meta = childElements(root, 'metadata')[0];
  return (meta && childText(meta, 'name')) ?? childText(root, 'name');
}

function emptyMessage(root: Element, trackPoints: number): string {
  const waypoints = childElements(root, 'wpt').length;
  const routes = childElements(root, 'rte').length;
  const has: string[] = [];
  if (trackPoints === 1) has.push('a single track point');
  if (waypoints > 0) has.push(`${waypoints} waypoint${waypoints === 1 ? '' : 's'}`);
  if (routes > 0) has.push(`${routes} planned route${routes === 1 ? '' : 's'}`);
  const holds = has.length === 0 ? 'it holds no track points' : `it holds only ${has.join(', ')}`;
  return `This GPX file has no recorded track to import: ${holds}. Export the activity itself (a track with times) from the watch or app.`;
}
