import { Encoder, Profile, type ActivityMesg, type Encodable, type EventMesg, type FileIdMesg, type LapMesg, type RecordMesg, type SessionMesg } from '@garmin/fitsdk';

const SEMICIRCLES_PER_DEGREE = 2 ** 31 / 180;
const METRES_PER_DEGREE_LAT = 111_320;

/** Speed (m/s) in second `t` of the hour: a 5-minute walk, 20 × (1:30 run / 1:00 walk), then a walk. */
function speedAt(t: number): number {
  if (t < 300 || t >= 300 + 20 * 150) return 1.45;
  return (t - 300) % 150 < 90 ? 2.9 : 1.4;
}

/**
 * The bench's one-hour watch file when none is given: a run-walk session recorded every second
 * (3,601 records with position, distance, speed and heart rate), as a Garmin watch writes it.
 */
export function oneHourRunWalkFit(start: Date): Uint8Array {
  const encoder = new Encoder();
  const at = (t: number) => new Date(start.getTime() + t * 1000);
  const MESG = Profile.MesgNum;
  const fileId: Encodable<FileIdMesg> = { mesgNum: MESG['FILE_ID']!, type: 'activity', manufacturer: 'development', product: 9, serialNumber: 9009, timeCreated: start };
  encoder.writeMesg(fileId);
  const begin: Encodable<EventMesg> = { mesgNum: MESG['EVENT']!, timestamp: start, event: 'timer', eventType: 'start' };
  encoder.writeMesg(begin);
  let distance = 0;
  const lat0 = 41.8781;
  const lon0 = -87.6298;
  const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((lat0 * Math.PI) / 180);
  for (let t = 0; t <= 3600; t++) {
    if (t > 0) distance += speedAt(t - 1);
    // A few metres of slow GPS wander across the straight path.
    const wander = 3 * Math.sin(t / 47) + 1.5 * Math.sin(t / 13);
    const record: Encodable<RecordMesg> = {
      mesgNum: MESG['RECORD']!,
      timestamp: at(t),
      positionLat: Math.round((lat0 + wander / METRES_PER_DEGREE_LAT) * SEMICIRCLES_PER_DEGREE),
      positionLong: Math.round((lon0 + distance / metresPerDegreeLon) * SEMICIRCLES_PER_DEGREE),
      distance,
      speed: speedAt(t),
      heartRate: Math.round(speedAt(t) > 2 ? 150 + 5 * Math.sin(t / 30) : 118 + 4 * Math.sin(t / 30)),
    };
    encoder.writeMesg(record);
  }
  const end = at(3600);
  const stop: Encodable<EventMesg> = { mesgNum: MESG['EVENT']!, timestamp: end, event: 'timer', eventType: 'stopAll' };
  encoder.writeMesg(stop);
  const lap: Encodable<LapMesg> = { mesgNum: MESG['LAP']!, timestamp: end, startTime: start, totalElapsedTime: 3600, totalTimerTime: 3600, totalDistance: distance, sport: 'running', event: 'lap', eventType: 'stop' };
  encoder.writeMesg(lap);
  const session: Encodable<SessionMesg> = {
    mesgNum: MESG['SESSION']!,
    timestamp: end,
    startTime: start,
    totalElapsedTime: 3600,
    totalTimerTime: 3600,
    totalDistance: distance,
    sport: 'running',
    subSport: 'generic',
    firstLapIndex: 0,
    numLaps: 1,
    event: 'session',
    eventType: 'stop',
  };
  encoder.writeMesg(session);
  const activity: Encodable<ActivityMesg> = { mesgNum: MESG['ACTIVITY']!, timestamp: end, totalTimerTime: 3600, numSessions: 1, type: 'manual', event: 'activity', eventType: 'stop' };
  encoder.writeMesg(activity);
  return encoder.close();
}
