import { Encoder, Profile, type ActivityMesg, type Encodable, type EventMesg, type FileIdMesg, type LapMesg, type RecordMesg, type SessionMesg } from '@garmin/fitsdk';
import type { SyntheticSample } from '../../unit/running/synthetic';

/**
 * Builds a FIT activity with the SDK's own Encoder (toolchain pitfall P16: numeric MesgNum with
 * `!`, messages typed as Encodable<…> before writeMesg, positions in semicircles).
 */

const DEG_TO_SEMICIRCLE = 2 ** 31 / 180;
const MESG = Profile.MesgNum;

export interface EncodeOptions {
  start: Date;
  samples: readonly SyntheticSample[];
  sport?: string;
  subSport?: string;
  /** Heart rate for sample i. */
  heartRate?: (i: number) => number;
  /** Leave out the session message (and laps), as some devices do. */
  withoutSession?: boolean;
  /** Replace record i's time (a corrupt clock). */
  recordTime?: (i: number, time: Date) => Date;
  /** Cadence for sample i, strides a minute as FIT records it. */
  cadence?: (i: number) => number;
}

export function encodeFitActivity(o: EncodeOptions): Uint8Array {
  const enc = new Encoder();
  const at = (t: number) => new Date(o.start.getTime() + t * 1000);
  const last = o.samples[o.samples.length - 1]!;
  const end = at(last.t);
  const fileId: Encodable<FileIdMesg> = { mesgNum: MESG['FILE_ID']!, type: 'activity', manufacturer: 'development', product: 1, serialNumber: 1234, timeCreated: o.start };
  enc.writeMesg(fileId);
  const startEvent: Encodable<EventMesg> = { mesgNum: MESG['EVENT']!, timestamp: o.start, event: 'timer', eventType: 'start' };
  enc.writeMesg(startEvent);
  o.samples.forEach((s, i) => {
    const r: Encodable<RecordMesg> = {
      mesgNum: MESG['RECORD']!,
      timestamp: o.recordTime ? o.recordTime(i, at(s.t)) : at(s.t),
      positionLat: Math.round(s.lat * DEG_TO_SEMICIRCLE),
      positionLong: Math.round(s.lon * DEG_TO_SEMICIRCLE),
      distance: s.distance,
      speed: s.speed,
      ...(o.heartRate ? { heartRate: o.heartRate(i) } : {}),
      ...(o.cadence ? { cadence: o.cadence(i) } : {}),
    };
    enc.writeMesg(r);
  });
  const stopEvent: Encodable<EventMesg> = { mesgNum: MESG['EVENT']!, timestamp: end, event: 'timer', eventType: 'stopAll' };
  enc.writeMesg(stopEvent);
  if (!o.withoutSession) {
    const sport = (o.sport ?? 'running') as LapMesg['sport'];
    const lap: Encodable<LapMesg> = { mesgNum: MESG['LAP']!, timestamp: end, startTime: o.start, totalElapsedTime: last.t, totalTimerTime: last.t, totalDistance: last.distance, sport, event: 'lap', eventType: 'stop' };
    enc.writeMesg(lap);
    const session: Encodable<SessionMesg> = {
      mesgNum: MESG['SESSION']!,
      timestamp: end,
      startTime: o.start,
      totalElapsedTime: last.t,
      totalTimerTime: last.t,
      totalDistance: last.distance,
      sport,
      subSport: (o.subSport ?? 'generic') as SessionMesg['subSport'],
      firstLapIndex: 0,
      numLaps: 1,
      event: 'session',
      eventType: 'stop',
    };
    enc.writeMesg(session);
  }
  const activity: Encodable<ActivityMesg> = { mesgNum: MESG['ACTIVITY']!, timestamp: end, totalTimerTime: last.t, numSessions: o.withoutSession ? 0 : 1, type: 'manual', event: 'activity', eventType: 'stop' };
  enc.writeMesg(activity);
  return enc.close();
}

/** A multisport file: one session per part, back to back (e.g. a run, then a ride). */
export function encodeFitMultisport(start: Date, parts: ReadonlyArray<{ samples: readonly SyntheticSample[]; sport: string }>): Uint8Array {
  const enc = new Encoder();
  const fileId: Encodable<FileIdMesg> = { mesgNum: MESG['FILE_ID']!, type: 'activity', manufacturer: 'development', product: 1, timeCreated: start };
  enc.writeMesg(fileId);
  let offset = 0;
  parts.forEach((part, k) => {
    const at = (t: number) => new Date(start.getTime() + (offset + t) * 1000);
    for (const s of part.samples) {
      const r: Encodable<RecordMesg> = { mesgNum: MESG['RECORD']!, timestamp: at(s.t), distance: s.distance, speed: s.speed };
      enc.writeMesg(r);
    }
    const last = part.samples[part.samples.length - 1]!;
    const sport = part.sport as SessionMesg['sport'];
    const lap: Encodable<LapMesg> = { mesgNum: MESG['LAP']!, messageIndex: k, timestamp: at(last.t), startTime: at(0), totalElapsedTime: last.t, totalTimerTime: last.t, totalDistance: last.distance, sport };
    enc.writeMesg(lap);
    const session: Encodable<SessionMesg> = { mesgNum: MESG['SESSION']!, messageIndex: k, timestamp: at(last.t), startTime: at(0), totalElapsedTime: last.t, totalTimerTime: last.t, totalDistance: last.distance, sport, firstLapIndex: k, numLaps: 1 };
    enc.writeMesg(session);
    offset += last.t + 1;
  });
  const activity: Encodable<ActivityMesg> = { mesgNum: MESG['ACTIVITY']!, timestamp: new Date(start.getTime() + offset * 1000), numSessions: parts.length, type: 'manual' };
  enc.writeMesg(activity);
  return enc.close();
}
