import type { Element } from '@xmldom/xmldom';
import type { ActivitySample, ImportRefusal } from '../../shared/running/activity';
import { isValidPosition, pathLengthMeters } from '../../shared/running/geo';
import type { DraftActivity } from './draft';
import { emptyTrack, noTimestamps, unsupported } from './messages';
import { childElements, childNumber, childText, findDescendant, firstChild, parseXmlTime } from './xml';

/**
 * Garmin Training Center (TCX) v2, read with @xmldom/xmldom. One activity per `<Activity>`.
 * - Sport: the `Sport` attribute (Running, Biking, Other).
 * - Distance: the sum of the laps' `DistanceMeters` (the device's own total); else the last
 *   track point's cumulative distance; else haversine over the positions.
 * - Duration: the sum of the laps' `TotalTimeSeconds` (timer time); elapsed: from the start to the
 *   last track point (or the end of the last lap).
 * - Speed: the ActivityExtension `TPX/Speed` when present. Heart rate: `HeartRateBpm/Value`.
 */

interface Lap {
  startMs?: number;
  seconds?: number;
  meters?: number;
}

export function parseTcx(root: Element, contentHash: string): Array<DraftActivity | ImportRefusal> {
  const activitiesEl = firstChild(root, 'Activities');
  const activities = activitiesEl === undefined ? [] : childElements(activitiesEl, 'Activity');
  if (activities.length === 0) {
    const hasCourses = firstChild(root, 'Courses') !== undefined;
    return [
      hasCourses
        ? unsupported('This TCX file holds a course (a planned route), not a recorded activity: export the activity itself from the watch or app.')
        : emptyTrack('This TCX file holds no activity.'),
    ];
  }
  return activities.map((a) => parseActivity(a, contentHash));
}

function parseActivity(activity: Element, contentHash: string): DraftActivity | ImportRefusal {
  const laps: Lap[] = [];
  const samples: ActivitySample[] = [];
  const points: Array<{ timeMs?: number; sample: Omit<ActivitySample, 't'> }> = [];
  for (const lapEl of childElements(activity, 'Lap')) {
    const lap: Lap = {};
    const startMs = parseXmlTime(lapEl.getAttribute('StartTime') ?? undefined);
    if (startMs !== undefined) lap.startMs = startMs;
    const seconds = childNumber(lapEl, 'TotalTimeSeconds');
    if (seconds !== undefined) lap.seconds = seconds;
    const meters = childNumber(lapEl, 'DistanceMeters');
    if (meters !== undefined) lap.meters = meters;
    laps.push(lap);
    for (const track of childElements(lapEl, 'Track')) {
      for (const tp of childElements(track, 'Trackpoint')) points.push(readTrackpoint(tp));
    }
  }

  const idMs = parseXmlTime(childText(activity, 'Id'));
  const firstTimed = points.find((p) => p.timeMs !== undefined)?.timeMs;
  const startMs = idMs ?? laps[0]?.startMs ?? firstTimed;
  const lapSeconds = laps.every((l) => l.seconds !== undefined) && laps.length > 0 ? laps.reduce((s, l) => s + l.seconds!, 0) : undefined;
  const lapMeters = laps.length > 0 && laps.every((l) => l.meters !== undefined) ? laps.reduce((s, l) => s + l.meters!, 0) : undefined;

  const timedPoints = points.filter((p) => p.timeMs !== undefined);
  if (points.length === 0 && (lapSeconds === undefined || lapSeconds <= 0)) return emptyTrack('This TCX activity has no track points and no lap times.');
  if (startMs === undefined || (timedPoints.length < points.length * 0.9 && lapSeconds === undefined)) {
    const withPos = points.map((p) => ({ t: 0, ...p.sample }));
    return noTimestamps('TCX', lapMeters ?? pathLengthMeters(withPos), contentHash, timedPoints.length, points.length);
  }

  let lastMs = startMs;
  for (const p of timedPoints) {
    if (p.timeMs! < lastMs && samples.length > 0) continue;
    lastMs = Math.max(lastMs, p.timeMs!);
    samples.push({ t: Math.max(0, (p.timeMs! - startMs) / 1000), ...p.sample });
  }
  const lapEnd = Math.max(...laps.map((l) => (l.startMs !== undefined && l.seconds !== undefined ? l.startMs + l.seconds * 1000 : -Infinity)));
  const endMs = samples.length > 0 ? lastMs : Number.isFinite(lapEnd) ? lapEnd : startMs;
  const elapsed = (endMs - startMs) / 1000;

  let distance: { meters: number; source: DraftActivity['distanceSource'] };
  const lastSampleDistance = samples.reduce<number | undefined>((m, s) => (s.distance === undefined ? m : Math.max(m ?? 0, s.distance)), undefined);
  if (lapMeters !== undefined && lapMeters > 0) distance = { meters: lapMeters, source: 'file-total' };
  else if (lastSampleDistance !== undefined) distance = { meters: lastSampleDistance, source: 'samples' };
  else distance = { meters: pathLengthMeters(samples), source: 'positions' };

  const creator = firstChild(activity, 'Creator');
  const device = creator === undefined ? undefined : childText(creator, 'Name');
  const warnings: string[] = [];
  if (timedPoints.length < points.length) warnings.push(`${points.length - timedPoints.length} of ${points.length} track points had no time and were left out of the samples.`);
  return {
    format: 'tcx',
    sportText: activity.getAttribute('Sport') ?? '',
    startedAtMs: startMs,
    distanceMeters: distance.meters,
    distanceSource: distance.source,
    durationSeconds: lapSeconds ?? elapsed,
    elapsedSeconds: elapsed,
    samples,
    ...(device === undefined ? {} : { device }),
    warnings,
  };
}

function readTrackpoint(tp: Element): { timeMs?: number; sample: Omit<ActivitySample, 't'> } {
  const sample: Omit<ActivitySample, 't'> = {};
  const pos = firstChild(tp, 'Position');
  if (pos !== undefined) {
    const lat = childNumber(pos, 'LatitudeDegrees');
    const lon = childNumber(pos, 'LongitudeDegrees');
    if (isValidPosition(lat, lon)) {
      sample.lat = lat!;
      sample.lon = lon!;
    }
  }
  const distance = childNumber(tp, 'DistanceMeters');
  if (distance !== undefined && distance >= 0) sample.distance = distance;
  const hrEl = firstChild(tp, 'HeartRateBpm');
  const hr = hrEl === undefined ? undefined : childNumber(hrEl, 'Value');
  if (hr !== undefined && hr > 0 && hr < 255) sample.heartRate = hr;
  const ext = firstChild(tp, 'Extensions');
  const speed = ext === undefined ? NaN : Number(findDescendant(ext, ['Speed'])?.textContent?.trim());
  if (Number.isFinite(speed) && speed >= 0) sample.speed = speed;
  const timeMs = parseXmlTime(childText(tp, 'Time'));
  return timeMs === undefined ? { sample } : { timeMs, sample };
}
