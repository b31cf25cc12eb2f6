import { Decoder, Stream, type FileIdMesg, type LapMesg, type RecordMesg, type SessionMesg } from '@garmin/fitsdk';
import type { ActivitySample, ImportRefusal } from '../../shared/running/activity';
import { isValidPosition, pathLengthMeters } from '../../shared/running/geo';
import type { DraftActivity } from './draft';
import { corrupt, emptyTrack, unsupported } from './messages';

/**
 * FIT through Garmin's own SDK. The file's CRC is checked first (`checkIntegrity`); a file that
 * fails it is refused as CORRUPT, even when `read()` could decode a part of it.
 *
 * Why not import the readable part of a cut-short file? What survives is whatever the watch
 * wrote before the cut, with no way to tell how much is missing (the fixture keeps 14 s and 6 m of
 * a run); a silently short run would under-count the week's load that the planner decides on.
 * The refusal says how much could be read, so the clinic can re-export or enter it by hand.
 *
 * One activity per session message (a multisport file gives several); without sessions, one
 * activity from the laps and records.
 */

const SEMICIRCLE_TO_DEG = 180 / 2 ** 31;
/** FIT times count seconds from 1989-12-31T00:00:00Z when not converted to Date. */
const FIT_EPOCH_MS = 631_065_600_000;

function toMs(x: unknown): number | undefined {
  if (x instanceof Date) return Number.isFinite(x.getTime()) ? x.getTime() : undefined;
  if (typeof x === 'number' && Number.isFinite(x)) return FIT_EPOCH_MS + x * 1000;
  return undefined;
}

export function isFitBytes(bytes: Uint8Array): boolean {
  try {
    return Decoder.isFIT(Stream.fromByteArray(bytes));
  } catch {
    return false;
  }
}

export function parseFit(bytes: Uint8Array): DraftActivity[] | ImportRefusal {
  if (bytes.length === 0) return corrupt('FIT', 'the file is empty');
  if (!isFitBytes(bytes)) return corrupt('FIT', 'it does not start with a FIT header');
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  const intact = decoder.checkIntegrity();
  let result: ReturnType<Decoder['read']>;
  try {
    result = decoder.read({ mergeHeartRates: true });
  } catch (e) {
    return corrupt('FIT', `the decoder stopped: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { messages, errors } = result;
  if (!intact || errors.length > 0) return corrupt('FIT', damageDetail(bytes.length, errors, messages.recordMesgs ?? []));

  const fileId: FileIdMesg | undefined = messages.fileIdMesgs?.[0];
  const fileType = fileId?.type === undefined ? undefined : String(fileId.type);
  if (fileType !== undefined && fileType !== 'activity') {
    return unsupported(`This FIT file is a ${fileType} file, not a recorded activity: export the activity itself from the watch or app.`);
  }
  const records = (messages.recordMesgs ?? []).filter((r) => toMs(r.timestamp) !== undefined);
  const sessions = (messages.sessionMesgs ?? []).filter((s) => toMs(s.startTime ?? s.timestamp) !== undefined);
  const laps = messages.lapMesgs ?? [];
  const device = deviceName(fileId);
  const fallbackSport = messages.sportMesgs?.[0]?.sport ?? laps[0]?.sport;

  if (sessions.length === 0) {
    if (records.length === 0) return emptyTrack('This FIT file holds no activity: no sessions and no track records.');
    return [fromRecordsOnly(records, laps, fallbackSport === undefined ? '' : String(fallbackSport), device)];
  }
  const drafts = sessions.map((s, i) => fromSession(s, sessionRecords(records, sessions, i), device, sessions.length > 1 ? i : undefined));
  const empty = drafts.every((d) => d.samples.length === 0 && d.distanceMeters === 0 && d.durationSeconds === 0);
  if (empty) return emptyTrack('This FIT file holds no activity: its session has no time, no distance and no track records.');
  return drafts;
}

function damageDetail(size: number, errors: readonly Error[], records: readonly RecordMesg[]): string {
  const first = errors[0]?.message ?? '';
  const at = /at byte (\d+)/.exec(first)?.[1];
  const parts: string[] = [];
  if (/end of stream/i.test(first)) parts.push(`it ends at byte ${at ?? size}, before the end its header announces`);
  else if (first !== '') parts.push(`reading stopped: ${first.replace(/^FIT Runtime Error /, '')}`);
  else parts.push('its checksum does not match its contents');
  const times = records.map((r) => toMs(r.timestamp)).filter((t): t is number => t !== undefined);
  if (times.length >= 2) {
    const seconds = Math.round((times[times.length - 1]! - times[0]!) / 1000);
    parts.push(`only ${records.length} track records covering ${seconds} s could be read`);
  }
  return parts.join('; ');
}

function deviceName(fileId: FileIdMesg | undefined): string | undefined {
  if (fileId === undefined) return undefined;
  const maker = fileId.manufacturer === undefined ? '' : String(fileId.manufacturer);
  const product = fileId.productName ?? fileId.garminProduct ?? fileId.faveroProduct ?? fileId.product;
  const makerText = maker === '' ? '' : maker.charAt(0).toUpperCase() + maker.slice(1);
  const text = [makerText, product === undefined ? '' : String(product)].filter((x) => x !== '').join(' ');
  return text === '' ? undefined : text;
}

/** Records that belong to session i: from its start to the next session's start. */
function sessionRecords(records: readonly RecordMesg[], sessions: readonly SessionMesg[], i: number): RecordMesg[] {
  if (sessions.length === 1) return [...records];
  const start = sessionStart(sessions[i]!);
  const next = sessions[i + 1];
  const end = next === undefined ? Infinity : sessionStart(next);
  return records.filter((r) => {
    const t = toMs(r.timestamp)!;
    return t >= start && t < end;
  });
}

function sessionStart(s: SessionMesg): number {
  return toMs(s.startTime ?? s.timestamp)!;
}

function toSamples(records: readonly RecordMesg[], startMs: number): ActivitySample[] {
  const samples: ActivitySample[] = [];
  for (const r of records) {
    const t = Math.max(0, (toMs(r.timestamp)! - startMs) / 1000);
    const s: ActivitySample = { t };
    const distance = r.distance;
    if (typeof distance === 'number' && Number.isFinite(distance) && distance >= 0) s.distance = distance;
    const speed = r.enhancedSpeed ?? r.speed;
    if (typeof speed === 'number' && Number.isFinite(speed) && speed >= 0) s.speed = speed;
    if (typeof r.heartRate === 'number' && r.heartRate > 0 && r.heartRate < 255) s.heartRate = r.heartRate;
    if (typeof r.positionLat === 'number' && typeof r.positionLong === 'number') {
      const lat = r.positionLat * SEMICIRCLE_TO_DEG;
      const lon = r.positionLong * SEMICIRCLE_TO_DEG;
      if (isValidPosition(lat, lon)) {
        s.lat = lat;
        s.lon = lon;
      }
    }
    samples.push(s);
  }
  return samples;
}

/** Distance from the samples when the file has no total: the watch's own distance, else GPS positions. */
function distanceFromSamples(samples: readonly ActivitySample[]): { meters: number; source: DraftActivity['distanceSource'] } {
  let last: number | undefined;
  for (const s of samples) if (s.distance !== undefined) last = Math.max(last ?? 0, s.distance);
  if (last !== undefined) return { meters: last, source: 'samples' };
  return { meters: pathLengthMeters(samples), source: 'positions' };
}

function fromSession(s: SessionMesg, records: readonly RecordMesg[], device: string | undefined, index: number | undefined): DraftActivity {
  const startMs = sessionStart(s);
  const samples = toSamples(records, startMs);
  const lastT = samples.length > 0 ? samples[samples.length - 1]!.t : 0;
  const elapsed = num(s.totalElapsedTime) ?? lastT;
  const timer = num(s.totalTimerTime) ?? elapsed;
  const fileTotal = num(s.totalDistance);
  const dist = fileTotal === undefined ? distanceFromSamples(samples) : { meters: fileTotal, source: 'file-total' as const };
  const warnings: string[] = [];
  if (index !== undefined) warnings.push(`This is session ${index + 1} of a multi-session file.`);
  if (samples.length === 0) warnings.push('The file has no track records: only its totals were imported.');
  return {
    format: 'fit',
    sportText: s.sport === undefined ? '' : String(s.sport),
    ...(s.subSport === undefined ? {} : { subSportText: String(s.subSport) }),
    startedAtMs: startMs,
    distanceMeters: dist.meters,
    distanceSource: dist.source,
    durationSeconds: timer,
    elapsedSeconds: elapsed,
    samples,
    ...(device === undefined ? {} : { device }),
    warnings,
  };
}

function fromRecordsOnly(records: readonly RecordMesg[], laps: readonly LapMesg[], sportText: string, device: string | undefined): DraftActivity {
  const startMs = Math.min(...laps.map((l) => toMs(l.startTime) ?? Infinity), toMs(records[0]!.timestamp)!);
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
    durationSeconds: lapTimer > 0 ? lapTimer : elapsed,
    elapsedSeconds: elapsed,
    samples,
    ...(device === undefined ? {} : { device }),
    warnings: ['The file has no session summary: totals were taken from its laps and records.'],
  };
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}
