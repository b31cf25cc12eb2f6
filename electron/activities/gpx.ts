import type { ActivitySample, ImportRefusal } from '../../shared/running/activity';
import { stepsPerMinuteFactor } from '../../shared/running/cadence';
import { isValidPosition, pathLengthMeters } from '../../shared/running/geo';
import { badTimes, emptyTexts, emptyTrack, noTimestamps, pointsLeftOut, timeRepaired } from '../../shared/running/import-messages';
import { checkTimes } from '../../shared/running/timestamps';
import { smoothTrack } from '../../shared/running/track-smoothing';
import type { DraftActivity, ParseOptions } from './draft';
import { numberOf, parseXmlTime, type XmlHandler } from './xml-stream';

/**
 * GPX 1.0 and 1.1, read as a stream (see xml-stream.ts). A GPX file is one activity: all its
 * tracks in order (a GPSBabel dump splits one outing into several "ACTIVE LOG" tracks). Routes
 * (`rte`) are planned paths and waypoints are places, not recordings: neither is imported.
 * - Distance: along the track after smoothing out GPS noise (track-smoothing.ts), within each
 *   segment, none across a segment break (a segment ends where recording stopped).
 * - Duration: the time recorded, the sum of each segment's first-to-last time; the breaks between
 *   segments are the activity's pauses. Elapsed: first to last time of the whole file.
 * - Times: at least 90 % of the track points must have one, else NO_TIMESTAMPS (the distance —
 *   measured point to point, as there are no times to smooth with — is still reported). Times that
 *   cannot be true are checked (timestamps.ts): left out with a warning, or the file refused.
 * - Heart rate, cadence, speed: Garmin's TrackPointExtension (`hr`, `cad`, any prefix), a bare
 *   `heartrate`/`cadence`/`speed` extension, or GPX 1.0's `<speed>`.
 */

const MIN_TIMED_FRACTION = 0.9;

/** One segment's points as parallel arrays of numbers (NaN where a point lacks the value). */
interface Segment {
  lat: number[];
  lon: number[];
  time: number[];
  hr: number[];
  speed: number[];
  cad: number[];
}

export class GpxReader implements XmlHandler {
  private readonly segments: Segment[] = [];
  private current: Segment | null = null;
  private point: { lat: number; lon: number; time: number; hr: number; extSpeed: number; speed10: number; cad: number } | null = null;
  private trackName: string | undefined;
  private trackType: string | undefined;
  private trackHasPoints = false;
  private firstTrack: { name?: string; type?: string } | null = null;
  private metaName: string | undefined;
  private rootName: string | undefined;
  private waypoints = 0;
  private routes = 0;
  creator: string | undefined;

  open(name: string, attributes: Readonly<Record<string, string>>, path: readonly string[]): void {
    const parent = path[path.length - 1];
    if (name === 'gpx' && path.length === 0) this.creator = attributes['creator']?.trim() || undefined;
    else if (name === 'wpt' && parent === 'gpx') this.waypoints++;
    else if (name === 'rte' && parent === 'gpx') this.routes++;
    else if (name === 'trk' && parent === 'gpx') {
      this.trackName = undefined;
      this.trackType = undefined;
      this.trackHasPoints = false;
    } else if (name === 'trkseg' && parent === 'trk') this.current = { lat: [], lon: [], time: [], hr: [], speed: [], cad: [] };
    else if (name === 'trkpt' && parent === 'trkseg' && this.current !== null) {
      const lat = Number(attributes['lat']);
      const lon = Number(attributes['lon']);
      const valid = attributes['lat'] !== undefined && attributes['lon'] !== undefined && isValidPosition(lat, lon);
      this.point = valid ? { lat, lon, time: NaN, hr: NaN, extSpeed: NaN, speed10: NaN, cad: NaN } : null;
    }
  }

  close(name: string, text: string, path: readonly string[]): void {
    const parent = path[path.length - 1];
    const p = this.point;
    if (p !== null && path.includes('trkpt')) {
      if (name === 'time' && parent === 'trkpt') p.time = parseXmlTime(text) ?? NaN;
      else if (name === 'speed' && parent === 'trkpt') p.speed10 = nonNegative(numberOf(text));
      else if (path.includes('extensions')) {
        if (name === 'hr' || name === 'heartrate' || name === 'heartRate') {
          const hr = numberOf(text);
          if (hr !== undefined && hr > 0 && hr < 255) p.hr = hr;
        } else if (name === 'cad' || name === 'cadence') p.cad = nonNegative(numberOf(text));
        else if (name === 'speed') p.extSpeed = nonNegative(numberOf(text));
      }
      return;
    }
    if (name === 'trkpt' && p !== null && this.current !== null) {
      const seg = this.current;
      seg.lat.push(p.lat);
      seg.lon.push(p.lon);
      seg.time.push(p.time);
      seg.hr.push(p.hr);
      seg.speed.push(Number.isNaN(p.extSpeed) ? p.speed10 : p.extSpeed);
      seg.cad.push(p.cad);
      this.trackHasPoints = true;
      this.point = null;
    } else if (name === 'trkseg' && this.current !== null) {
      if (this.current.lat.length > 0) this.segments.push(this.current);
      this.current = null;
    } else if (name === 'name' && parent === 'trk') this.trackName = text || undefined;
    else if (name === 'type' && parent === 'trk') this.trackType = text || undefined;
    else if (name === 'trk' && this.trackHasPoints && this.firstTrack === null) {
      this.firstTrack = { ...(this.trackName ? { name: this.trackName } : {}), ...(this.trackType ? { type: this.trackType } : {}) };
    } else if (name === 'name' && parent === 'metadata') this.metaName = text || undefined;
    else if (name === 'name' && parent === 'gpx') this.rootName = text || undefined;
  }

  finish(contentHash: string, options: ParseOptions): DraftActivity | ImportRefusal {
    const segments = this.segments;
    const total = segments.reduce((n, s) => n + s.lat.length, 0);
    if (total < 2) return emptyTrack(this.emptyMessage(total));
    const times: number[] = [];
    for (const s of segments) for (const t of s.time) times.push(t);
    const timed = times.filter((t) => !Number.isNaN(t)).length;
    if (timed < 2 || timed < total * MIN_TIMED_FRACTION) {
      const metres = segments.reduce((sum, s) => sum + pathLengthMeters(s.lat.map((lat, i) => ({ lat, lon: s.lon[i]! }))), 0);
      return noTimestamps('GPX', Math.round(metres * 100) / 100, contentHash, timed, total, options.style);
    }
    const check = checkTimes(times, options.nowMs);
    if (check.refusal !== null) return badTimes(check.refusal, options.style);
    if (check.kept < 2) return emptyTrack(this.emptyMessage(check.kept));

    // The kept points, segment by segment, on seconds from the first kept time.
    let startMs = NaN;
    for (let i = 0; i < times.length; i++) {
      if (check.keep[i]) {
        startMs = times[i]!;
        break;
      }
    }
    const cadFactor = stepsPerMinuteFactor(segments.flatMap((s) => s.cad.filter((c) => !Number.isNaN(c))));
    const kept: Array<{ points: Array<{ t: number; lat: number; lon: number }>; extra: Array<{ hr: number; speed: number; cad: number }> }> = [];
    let k = 0;
    for (const s of segments) {
      const points: Array<{ t: number; lat: number; lon: number }> = [];
      const extra: Array<{ hr: number; speed: number; cad: number }> = [];
      for (let i = 0; i < s.lat.length; i++, k++) {
        if (!check.keep[k]) continue;
        points.push({ t: (s.time[i]! - startMs) / 1000, lat: s.lat[i]!, lon: s.lon[i]! });
        extra.push({ hr: s.hr[i]!, speed: s.speed[i]!, cad: s.cad[i]! * cadFactor });
      }
      if (points.length > 0) kept.push({ points, extra });
    }
    const smoothed = smoothTrack(kept.map((s) => s.points));
    const samples: ActivitySample[] = [];
    const pauses: Array<{ start: number; end: number }> = [];
    let recorded = 0;
    let n = 0;
    for (const [index, seg] of kept.entries()) {
      const first = seg.points[0]!.t;
      const last = seg.points[seg.points.length - 1]!.t;
      recorded += last - first;
      if (index > 0) {
        const previousEnd = kept[index - 1]!.points.at(-1)!.t;
        if (first > previousEnd) pauses.push({ start: previousEnd, end: first });
      }
      seg.points.forEach((p, i) => {
        const e = seg.extra[i]!;
        const sample: ActivitySample = { t: p.t, distance: smoothed.distance[n]!, trackSpeed: smoothed.turnSpeed[n]!, lat: p.lat, lon: p.lon };
        if (!Number.isNaN(e.hr)) sample.heartRate = e.hr;
        if (!Number.isNaN(e.speed)) sample.speed = e.speed;
        if (!Number.isNaN(e.cad) && e.cad <= 400) sample.cadence = e.cad;
        samples.push(sample);
        n++;
      });
    }
    const warnings: string[] = [];
    if (timed < total) warnings.push(pointsLeftOut(total - timed, total, 'had no time'));
    for (const r of check.repairs) warnings.push(timeRepaired(r, 'track point', options.style));
    const name = this.firstTrack?.name ?? this.metaName ?? this.rootName;
    return {
      format: 'gpx',
      sportText: this.firstTrack?.type ?? '',
      ...(name === undefined ? {} : { name }),
      startedAtMs: startMs,
      distanceMeters: samples[samples.length - 1]!.distance!,
      distanceSource: 'positions',
      durationSeconds: recorded,
      elapsedSeconds: samples[samples.length - 1]!.t,
      samples,
      ...(pauses.length > 0 ? { pauses } : {}),
      ...(this.creator ? { device: this.creator } : {}),
      warnings,
    };
  }

  private emptyMessage(trackPoints: number): string {
    return emptyTexts.gpx(trackPoints, this.waypoints, this.routes);
  }

}

function nonNegative(x: number | undefined): number {
  return x !== undefined && x >= 0 ? x : NaN;
}
