import { z } from 'zod';
import { SPORTS } from './sport';

/**
 * An activity read from a watch or app file (FIT, TCX, GPX), before it becomes a logged run.
 * The parsers live in electron/activities (they need Node and the file-format libraries); the
 * shape lives here so the API contract, the renderer and the clinical rules can use it.
 */

export const ACTIVITY_FORMATS = ['fit', 'tcx', 'gpx'] as const;
export type ActivityFormat = (typeof ACTIVITY_FORMATS)[number];

/** One point of the recording. `t` is seconds from `startedAt`; the rest is present when the file has it. */
export const activitySampleSchema = z.strictObject({
  t: z.number().min(0),
  /** Cumulative metres from the start. */
  distance: z.number().min(0).optional(),
  /** Metres per second, as the device measured it (FIT, TCX speed extension). */
  speed: z.number().min(0).optional(),
  /**
   * Metres per second along GPS positions after smoothing, kept through turns
   * (turn-following-speed.ts): what run/walk detection reads when the distance is our own.
   */
  trackSpeed: z.number().min(0).optional(),
  heartRate: z.number().min(0).max(300).optional(),
  /** Steps a minute, both feet (FIT, TCX and GPX write strides a minute; the parsers double them). */
  cadence: z.number().min(0).max(400).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
export type ActivitySample = z.output<typeof activitySampleSchema>;

export const importedActivitySchema = z.strictObject({
  /** The file name (for a zip entry: its path inside the zip). */
  sourceName: z.string(),
  /** The zip the file came from, when it came from one (a Strava bulk export). */
  archiveName: z.string().optional(),
  format: z.enum(ACTIVITY_FORMATS),
  sport: z.enum(SPORTS),
  /** The file's finer label as it wrote it (treadmill, trail, indoorRunning…). */
  subSport: z.string().optional(),
  /** The activity's own name (GPX track name, Strava's activity name). */
  name: z.string().optional(),
  /** UTC, ISO 8601 with milliseconds ("2015-08-15T14:45:08.000Z"). */
  startedAt: z.iso.datetime(),
  distanceMeters: z.number().min(0),
  /** Timer time (pauses left out) when the file records it, else elapsed time. */
  durationSeconds: z.number().min(0),
  /** First to last moment of the recording, pauses included. */
  elapsedSeconds: z.number().min(0),
  samples: z.array(activitySampleSchema),
  /**
   * sha256 (hex) of the activity file's own bytes — after gunzip for a .gz or a zip entry — so the
   * same recording imported as .fit, .fit.gz or inside a Strava export gets the same hash.
   */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The recording device or app as the file names it ("Garmin fenix2", "Forerunner 410…"). */
  device: z.string().optional(),
  /**
   * Where distance came from: the file's session/lap totals, the device's own cumulative distance
   * records ('samples'), or the GPS positions after smoothing ('positions', see track-smoothing.ts).
   */
  distanceSource: z.enum(['file-total', 'positions', 'samples']),
  /**
   * One leg of a multisport file (1-based, in time order): its identity is the file's hash and this
   * number, so each leg is its own activity. Absent for a file that holds one activity.
   */
  leg: z.strictObject({ number: z.number().int().min(1), of: z.number().int().min(2) }).optional(),
  /** Spans (seconds from the start) when the recording was paused: left out of run and walk time. */
  pauses: z.array(z.strictObject({ start: z.number().min(0), end: z.number().min(0) })).optional(),
});
export type ImportedActivity = z.output<typeof importedActivitySchema>;

/**
 * Why a file (or one activity in it) was not imported. Each code has a plain-language message
 * meant to be shown as it is.
 * - CORRUPT: the file is damaged or cut short.
 * - EMPTY_TRACK: no track points (a GPX of waypoints only, a track of one point, an empty file).
 * - NO_TIMESTAMPS: positions but no times — the distance is known, the duration must be entered.
 * - BAD_TIMES: its times cannot be true (a clock never set, in the future, jumping by days).
 * - NOT_A_RUN: a ride, swim, paddle… — `activity` is the parsed file, to offer as cross-training.
 * - NOT_ON_FOOT: it moved at the speed of a bike or a car (`activity` as for NOT_A_RUN).
 * - UNSUPPORTED: not a FIT, TCX or GPX file (or a .gz or zip of them), a file type that is not a
 *   recorded activity, a feature Runback cannot read yet, or a zip past the size limits.
 */
export const IMPORT_REFUSAL_CODES = ['CORRUPT', 'EMPTY_TRACK', 'NO_TIMESTAMPS', 'BAD_TIMES', 'NOT_A_RUN', 'NOT_ON_FOOT', 'UNSUPPORTED'] as const;
export type ImportRefusalCode = (typeof IMPORT_REFUSAL_CODES)[number];

export type ImportRefusal =
  | { code: 'CORRUPT'; message: string }
  | { code: 'EMPTY_TRACK'; message: string }
  | { code: 'NO_TIMESTAMPS'; message: string; distanceMeters: number; contentHash: string }
  | { code: 'BAD_TIMES'; message: string }
  /** `crossTraining: false` for what is no exercise of its own (a multisport file's transition). */
  | { code: 'NOT_A_RUN'; message: string; sport: ImportedActivity['sport']; activity: ImportedActivity; crossTraining?: false }
  | { code: 'NOT_ON_FOOT'; message: string; activity: ImportedActivity }
  | { code: 'UNSUPPORTED'; message: string };
