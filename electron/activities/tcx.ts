import type { ActivitySample, ImportRefusal } from '../../shared/running/activity';
import { stepsPerMinuteFactor } from '../../shared/running/cadence';
import { isValidPosition, pathLengthMeters } from '../../shared/running/geo';
import { badTimes, emptyTexts, emptyTrack, noTimestamps, pointsLeftOut, timeRepaired, unsupported } from '../../shared/running/import-messages';
import { checkTimes, isPossibleTime } from '../../shared/running/timestamps';
import { distanceFromPositions, type DraftActivity, type ParseOptions } from './draft';
import { numberOf, parseXmlTime, type XmlHandler } from './xml-stream';

/**
 * Garmin Training Center (TCX) v2, read as a stream (see xml-stream.ts). One activity per `<Activity>`.
 * - Sport: the `Sport` attribute (Running, Biking, Other).
 * - Distance: the sum of the laps' `DistanceMeters` (the device's own total); else the last
 *   track point's cumulative distance; else along the positions after smoothing out GPS noise.
 * - Duration: the sum of the laps' `TotalTimeSeconds` (timer time); elapsed: from the start to the
 *   last track point (or the end of the last lap).
 * - Speed and cadence: the ActivityExtension `TPX/Speed` and `TPX/RunCadence` (strides a minute).
 *   Heart rate: `HeartRateBpm/Value`.
 * - Times that cannot be true are checked (timestamps.ts): left out with a warning, or refused.
 */

interface Lap {
  startMs?: number;
  seconds?: number;
  meters?: number;
}

interface Point {
  time: number;
  lat: number;
  lon: number;
  distance: number;
  hr: number;
  speed: number;
  cad: number;
}

interface ActivityState {
  sport: string;
  id?: number;
  laps: Lap[];
  points: Point[];
  creator?: string;
}

export class TcxReader implements XmlHandler {
  private readonly results: Array<DraftActivity | ImportRefusal> = [];
  private activity: ActivityState | null = null;
  private lap: Lap | null = null;
  private point: Point | null = null;
  private activityCount = 0;
  private hasCourses = false;

  constructor(
    private readonly contentHash: string,
    private readonly options: ParseOptions,
  ) {}

  open(name: string, attributes: Readonly<Record<string, string>>, path: readonly string[]): void {
    const parent = path[path.length - 1];
    if (name === 'Courses' && parent === 'TrainingCenterDatabase') this.hasCourses = true;
    else if (name === 'Activity' && parent === 'Activities') {
      this.activityCount++;
      this.activity = { sport: attributes['Sport'] ?? '', laps: [], points: [] };
    } else if (name === 'Lap' && parent === 'Activity' && this.activity !== null) {
      const startMs = parseXmlTime(attributes['StartTime']);
      this.lap = startMs === undefined ? {} : { startMs };
      this.activity.laps.push(this.lap);
    } else if (name === 'Trackpoint' && this.activity !== null) {
      this.point = { time: NaN, lat: NaN, lon: NaN, distance: NaN, hr: NaN, speed: NaN, cad: NaN };
    }
  }

  close(name: string, text: string, path: readonly string[]): void {
    const parent = path[path.length - 1];
    const a = this.activity;
    if (a === null) return;
    const p = this.point;
    if (p !== null) {
      if (name === 'Trackpoint') {
        if (!isValidPosition(p.lat, p.lon)) {
          p.lat = NaN;
          p.lon = NaN;
        }
        a.points.push(p);
        this.point = null;
      } else if (name === 'Time' && parent === 'Trackpoint') p.time = parseXmlTime(text) ?? NaN;
      else if (name === 'LatitudeDegrees') p.lat = numberOf(text) ?? NaN;
      else if (name === 'LongitudeDegrees') p.lon = numberOf(text) ?? NaN;
      else if (name === 'DistanceMeters' && parent === 'Trackpoint') p.distance = nonNegative(numberOf(text));
      else if (name === 'Value' && parent === 'HeartRateBpm') {
        const hr = numberOf(text);
        if (hr !== undefined && hr > 0 && hr < 255) p.hr = hr;
      } else if (name === 'Speed' && path.includes('Extensions')) p.speed = nonNegative(numberOf(text));
      else if (name === 'RunCadence' && path.includes('Extensions')) p.cad = nonNegative(numberOf(text));
      return;
    }
    const lap = this.lap;
    if (lap !== null && parent === 'Lap') {
      if (name === 'TotalTimeSeconds') {
        const v = numberOf(text);
        if (v !== undefined) lap.seconds = v;
      } else if (name === 'DistanceMeters') {
        const v = numberOf(text);
        if (v !== undefined) lap.meters = v;
      }
      return;
    }
    if (name === 'Lap') this.lap = null;
    else if (name === 'Id' && parent === 'Activity') {
      const id = parseXmlTime(text);
      if (id !== undefined) a.id = id;
    } else if (name === 'Name' && parent === 'Creator' && path[path.length - 2] === 'Activity') a.creator = text || undefined;
    else if (name === 'Activity') {
      this.results.push(buildActivity(a, this.contentHash, this.options));
      this.activity = null;
    }
  }

  finish(): Array<DraftActivity | ImportRefusal> {
    if (this.activityCount > 0) return this.results;
    return [this.hasCourses ? unsupported(emptyTexts.tcxCourse()) : emptyTrack(emptyTexts.tcxNothing())];
  }
}

function buildActivity(a: ActivityState, contentHash: string, options: ParseOptions): DraftActivity | ImportRefusal {
  const { laps, points } = a;
  const lapSeconds = laps.length > 0 && laps.every((l) => l.seconds !== undefined) ? laps.reduce((s, l) => s + l.seconds!, 0) : undefined;
  const lapMeters = laps.length > 0 && laps.every((l) => l.meters !== undefined) ? laps.reduce((s, l) => s + l.meters!, 0) : undefined;
  if (points.length === 0 && (lapSeconds === undefined || lapSeconds <= 0)) return emptyTrack(emptyTexts.tcxActivityEmpty());

  const times = points.map((p) => p.time);
  const timed = times.filter((t) => !Number.isNaN(t)).length;
  const check = checkTimes(times, options.nowMs);
  if (check.refusal !== null) return badTimes(check.refusal, options.style);
  const firstKept = points.find((_, i) => check.keep[i])?.time;
  const lapStart = laps.map((l) => l.startMs).find((t) => isPossibleTime(t, options.nowMs));
  const startMs = isPossibleTime(a.id, options.nowMs) ? a.id : (lapStart ?? firstKept);
  if (startMs === undefined || (timed < points.length * 0.9 && lapSeconds === undefined)) {
    const withPos = points.filter((p) => !Number.isNaN(p.lat));
    return noTimestamps('TCX', lapMeters ?? pathLengthMeters(withPos), contentHash, timed, points.length, options.style);
  }

  const keptPoints = points.filter((_, i) => check.keep[i]);
  const cadFactor = stepsPerMinuteFactor(keptPoints.map((p) => p.cad).filter((c) => !Number.isNaN(c)));
  const samples: ActivitySample[] = keptPoints.map((p) => {
    const s: ActivitySample = { t: Math.max(0, (p.time - startMs) / 1000) };
    if (!Number.isNaN(p.distance)) s.distance = p.distance;
    if (!Number.isNaN(p.speed)) s.speed = p.speed;
    if (!Number.isNaN(p.hr)) s.heartRate = p.hr;
    if (!Number.isNaN(p.cad) && p.cad * cadFactor <= 400) s.cadence = p.cad * cadFactor;
    if (!Number.isNaN(p.lat)) {
      s.lat = p.lat;
      s.lon = p.lon;
    }
    return s;
  });
  const lapEnd = Math.max(...laps.map((l) => (l.startMs !== undefined && l.seconds !== undefined && isPossibleTime(l.startMs, options.nowMs) ? l.startMs + l.seconds * 1000 : -Infinity)));
  const lastMs = keptPoints.length > 0 ? keptPoints[keptPoints.length - 1]!.time : Number.isFinite(lapEnd) ? lapEnd : startMs;
  const elapsed = Math.max(0, (lastMs - startMs) / 1000);

  let distance: { meters: number; source: DraftActivity['distanceSource'] };
  const lastSampleDistance = samples.reduce<number | undefined>((m, s) => (s.distance === undefined ? m : Math.max(m ?? 0, s.distance)), undefined);
  if (lapMeters !== undefined && lapMeters > 0) distance = { meters: lapMeters, source: 'file-total' };
  else if (lastSampleDistance !== undefined) distance = { meters: lastSampleDistance, source: 'samples' };
  else distance = { meters: distanceFromPositions(samples), source: 'positions' };

  const warnings: string[] = [];
  if (timed < points.length) warnings.push(pointsLeftOut(points.length - timed, points.length, 'had no time'));
  for (const r of check.repairs) warnings.push(timeRepaired(r, 'track point', options.style));
  return {
    format: 'tcx',
    sportText: a.sport,
    startedAtMs: startMs,
    distanceMeters: distance.meters,
    distanceSource: distance.source,
    durationSeconds: lapSeconds ?? elapsed,
    elapsedSeconds: elapsed,
    samples,
    ...(a.creator === undefined ? {} : { device: a.creator }),
    warnings,
  };
}

function nonNegative(x: number | undefined): number {
  return x !== undefined && x >= 0 ? x : NaN;
}
