import type { LapMesg, RecordMesg, SessionMesg } from '@garmin/fitsdk';
import type { ActivitySample } from '../../shared/running/activity';
import { stepsPerMinuteFactor } from '../../shared/running/cadence';
import { fitNotes, type MessageStyle } from '../../shared/running/import-messages';
import { isPossibleTime } from '../../shared/running/timestamps';
import { isValidPosition } from '../../shared/running/geo';
import { distanceFromPositions, type DraftActivity } from './draft';

/**
 * A FIT file's sessions — one per leg of a multisport file — and the records that belong to each.
 *
 * A session summary is **intact** when its numbers hold together: a length between 0 and a week, a
 * timer no longer than that, a distance that is not beyond any speed, and a start that is a possible
 * time. Its start is checked against its end (`timestamp`) and length: a Garmin fēnix 2 multisport
 * file states one leg's start 45 minutes late, while its end minus its length agrees with its first
 * lap and records; then the start is taken from end and length, with a note.
 *
 * Legs are put in time order; leg i owns the records from its start to the next leg's start (the
 * first leg also those before its own start), so no record is dropped between or before legs.
 */

const SEMICIRCLE_TO_DEG = 180 / 2 ** 31;
/** FIT times count seconds from 1989-12-31T00:00:00Z when not converted to Date. */
const FIT_EPOCH_MS = 631_065_600_000;
const WEEK_S = 7 * 86_400;
/** No recorded sport moves faster than this on average (m/s): a distance beyond it is corrupt. */
const MAX_AVERAGE_MPS = 100;

export function toMs(x: unknown): number | undefined {
  if (x instanceof Date) return Number.isFinite(x.getTime()) ? x.getTime() : undefined;
  if (typeof x === 'number' && Number.isFinite(x)) return FIT_EPOCH_MS + x * 1000;
  return undefined;
}

export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

export interface Leg {
  session: SessionMesg;
  startMs: number;
  elapsed: number;
  timer: number;
  distance: number | undefined;
  /** The stated start when it was replaced by end − length. */
  statedStartMs?: number;
}

/** The session's summary if it is intact, else null. */
export function readSession(s: SessionMesg, nowMs: number): Leg | null {
  const elapsed = num(s.totalElapsedTime);
  const timer = num(s.totalTimerTime) ?? elapsed;
  const distance = num(s.totalDistance);
  if (elapsed === undefined || timer === undefined || elapsed < 0 || elapsed > WEEK_S || timer < 0 || timer > elapsed + 60) return null;
  if (distance !== undefined && (distance < 0 || distance / Math.max(timer, 1) > MAX_AVERAGE_MPS)) return null;
  const stated = toMs(s.startTime);
  const end = toMs(s.timestamp);
  const tolerance = Math.max(60_000, elapsed * 20); // 2 % of the length, at least a minute
  const statedFits = isPossibleTime(stated, nowMs) && (end === undefined || Math.abs(stated + elapsed * 1000 - end) <= tolerance);
  const base = { session: s, elapsed, timer, distance };
  if (statedFits) return { ...base, startMs: stated };
  if (end !== undefined && isPossibleTime(end, nowMs) && isPossibleTime(end - elapsed * 1000, nowMs)) {
    return { ...base, startMs: end - elapsed * 1000, ...(stated === undefined ? {} : { statedStartMs: stated }) };
  }
  return null;
}

/** Records (already time-checked, in time order) split among the legs (in time order). */
export function recordsByLeg(records: ReadonlyArray<{ ms: number; r: RecordMesg }>, legs: readonly Leg[]): Array<Array<{ ms: number; r: RecordMesg }>> {
  const out = legs.map(() => [] as Array<{ ms: number; r: RecordMesg }>);
  let k = 0;
  for (const rec of records) {
    while (k + 1 < legs.length && rec.ms >= legs[k + 1]!.startMs) k++;
    out[k]!.push(rec);
  }
  return out;
}

export function toSamples(records: ReadonlyArray<{ ms: number; r: RecordMesg }>, startMs: number): ActivitySample[] {
  const factor = stepsPerMinuteFactor(records.map(({ r }) => num(r.cadence) ?? 0));
  return records.map(({ ms, r }) => {
    const s: ActivitySample = { t: Math.max(0, (ms - startMs) / 1000) };
    const distance = num(r.distance);
    if (distance !== undefined && distance >= 0) s.distance = distance;
    const speed = num(r.enhancedSpeed) ?? num(r.speed);
    if (speed !== undefined && speed >= 0) s.speed = speed;
    const hr = num(r.heartRate);
    if (hr !== undefined && hr > 0 && hr < 255) s.heartRate = hr;
    const cadence = num(r.cadence);
    if (cadence !== undefined && cadence > 0 && cadence < 255) s.cadence = Math.min(400, (cadence + (num(r.fractionalCadence) ?? 0)) * factor);
    if (typeof r.positionLat === 'number' && typeof r.positionLong === 'number') {
      const lat = r.positionLat * SEMICIRCLE_TO_DEG;
      const lon = r.positionLong * SEMICIRCLE_TO_DEG;
      if (isValidPosition(lat, lon)) {
        s.lat = lat;
        s.lon = lon;
      }
    }
    return s;
  });
}

/** Distance from the samples when the file has no total: the watch's own distance, else the smoothed positions. */
export function distanceFromSamples(samples: ActivitySample[]): { meters: number; source: DraftActivity['distanceSource'] } {
  let last: number | undefined;
  for (const s of samples) if (s.distance !== undefined) last = Math.max(last ?? 0, s.distance);
  if (last !== undefined) return { meters: last, source: 'samples' };
  return { meters: distanceFromPositions(samples), source: 'positions' };
}

export function legDraft(leg: Leg, records: ReadonlyArray<{ ms: number; r: RecordMesg }>, withSamples: boolean, device: string | undefined, number: { number: number; of: number } | undefined, style: MessageStyle): DraftActivity {
  // The first leg keeps records from before its stated start: its start moves back to them.
  const startMs = records.length > 0 ? Math.min(leg.startMs, records[0]!.ms) : leg.startMs;
  const samples = withSamples ? toSamples(records, startMs) : [];
  const dist = leg.distance === undefined ? distanceFromSamples(samples) : { meters: leg.distance, source: 'file-total' as const };
  const sportText = leg.session.sport === undefined ? '' : String(leg.session.sport);
  const warnings: string[] = [];
  if (leg.statedStartMs !== undefined) warnings.push(fitNotes.startRepaired(style, leg.statedStartMs));
  if (withSamples && samples.length === 0) warnings.push(fitNotes.noRecords());
  return {
    format: 'fit',
    sportText,
    ...(leg.session.subSport === undefined ? {} : { subSportText: String(leg.session.subSport) }),
    startedAtMs: startMs,
    distanceMeters: dist.meters,
    distanceSource: dist.source,
    durationSeconds: leg.timer,
    // From the (possibly earlier) start to the session's end.
    elapsedSeconds: leg.elapsed + (leg.startMs - startMs) / 1000,
    samples,
    ...(number === undefined ? {} : { leg: number }),
    ...(device === undefined ? {} : { device }),
    warnings,
  };
}

/** Without any session: one activity from the laps and records (some devices write none). */
export function recordsOnlyDraft(records: ReadonlyArray<{ ms: number; r: RecordMesg }>, laps: readonly LapMesg[], sportText: string, device: string | undefined, nowMs: number): DraftActivity {
  const lapStarts = laps.map((l) => toMs(l.startTime)).filter((t): t is number => isPossibleTime(t, nowMs));
  const startMs = Math.min(...lapStarts, records[0]!.ms);
  const samples = toSamples(records, startMs);
  const elapsed = samples[samples.length - 1]!.t;
  const lapTimer = laps.reduce((sum, l) => sum + (num(l.totalTimerTime) ?? 0), 0);
  const lapDistance = laps.reduce((sum, l) => sum + (num(l.totalDistance) ?? 0), 0);
  const dist = lapDistance > 0 ? { meters: lapDistance, source: 'file-total' as const } : distanceFromSamples(samples);
  return {
    format: 'fit',
    sportText,
    startedAtMs: startMs,
    distanceMeters: dist.meters,
    distanceSource: dist.source,
    durationSeconds: lapTimer > 0 && lapTimer <= elapsed + 60 ? lapTimer : elapsed,
    elapsedSeconds: elapsed,
    samples,
    ...(device === undefined ? {} : { device }),
    warnings: [fitNotes.noSession()],
  };
}
