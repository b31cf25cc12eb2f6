import type { DistanceUnit } from '../domain/clinic';
import { formatInstantDate } from '../format/dates';
import { formatDistance, formatDuration, formatSpeed } from '../units';
import type { ImportRefusal, ImportedActivity } from './activity';
import type { Detection } from './run-walk-detection';
import type { PlausibilityConcern } from './plausibility';
import { SPORT_NOUNS, type Sport } from './sport';
import type { TimeRefusal, TimeRepair } from './timestamps';

/**
 * Every sentence the activity import shows to people, in one place: the parsers' refusals and
 * warnings, the preview's one line per activity, the detection method and the confirmations. Each
 * takes the clinic's style, so distances are in the clinic's unit and dates read as dates ("Aug 15,
 * 2015"), never "4.6 km" beside "2.84 mi" or "2015-08-15". The style comes from the clinic's locale
 * setting (loadClinicFormat: its country's language tag, zone and unit).
 */

export interface MessageStyle {
  distanceUnit: DistanceUnit;
  /** How dates and numbers are written: the language tag of the clinic's locale setting. */
  locale: string;
  /** The clinic's time zone: a run at 23:30 UTC in Chicago is on the day Chicago saw. */
  timeZone: string;
}

export const DEFAULT_MESSAGE_STYLE: MessageStyle = { distanceUnit: 'km', locale: 'en-US', timeZone: 'UTC' };

export type FileKind = 'FIT' | 'GPX' | 'TCX' | 'gzip' | 'zip';

const distance = (metres: number, style: MessageStyle) => formatDistance(metres, style.distanceUnit);
const date = (ms: number, style: MessageStyle) => formatInstantDate(new Date(ms).toISOString(), style.timeZone, style.locale);
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

// ─── Refusals ────────────────────────────────────────────────────────────────────────────────

export function corrupt(kind: FileKind, detail: string): ImportRefusal {
  return { code: 'CORRUPT', message: `The ${kind} file is damaged or cut short (${detail}). Export it again from the watch or app, or enter the run by hand.` };
}

/** The parts of a FIT damage report, each a plain clause. */
export const fitDamage = {
  cutShort: (atByte: number) => `it ends at byte ${atByte.toLocaleString('en-US')}, before the end its header announces`,
  stopped: (reason: string) => `reading stopped: ${reason}`,
  stoppedAt: (atByte: number) => `its contents stop making sense at byte ${atByte.toLocaleString('en-US')}`,
  checksum: () => 'its checksum does not match its contents',
  summaryContradicts: () => 'its session summary contradicts itself',
  readable: (records: number, seconds: number) => `only ${count(records, 'track record', 'track records')} covering ${formatDuration(seconds)} could be read`,
};

export function emptyTrack(message: string): ImportRefusal {
  return { code: 'EMPTY_TRACK', message };
}

/** Files that hold no recording to import. */
export const emptyTexts = {
  gpx: (trackPoints: number, waypoints: number, routes: number) => {
    const has: string[] = [];
    if (trackPoints === 1) has.push('a single track point');
    if (waypoints > 0) has.push(`${waypoints} waypoint${waypoints === 1 ? '' : 's'}`);
    if (routes > 0) has.push(`${routes} planned route${routes === 1 ? '' : 's'}`);
    const holds = has.length === 0 ? 'it holds no track points' : `it holds only ${has.join(', ')}`;
    return `This GPX file has no recorded track to import: ${holds}. Export the activity itself (a track with times) from the watch or app.`;
  },
  tcxCourse: () => 'This TCX file holds a course (a planned route), not a recorded activity: export the activity itself from the watch or app.',
  tcxNothing: () => 'This TCX file holds no activity.',
  tcxActivityEmpty: () => 'This TCX activity has no track points and no lap times.',
  fitNothing: () => 'This FIT file holds no activity: no sessions and no track records.',
  fitSessionEmpty: () => 'This FIT file holds no activity: its session has no time, no distance and no track records.',
  fitNotAnActivity: (fileType: string) => `This FIT file is a ${fileType} file, not a recorded activity: export the activity itself from the watch or app.`,
  notReadable: (sourceName: string, why: string) => `Runback can't read "${sourceName}": ${why}.`,
  zipEmpty: (zipName: string) => `The zip "${zipName}" holds no FIT, TCX or GPX files to import.`,
};

export function noTimestamps(kind: 'GPX' | 'TCX', distanceMeters: number, contentHash: string, timed: number, total: number, style: MessageStyle): ImportRefusal {
  const what = timed === 0 ? `This ${kind} track has no times` : `This ${kind} track has times on only ${timed} of its ${total} points`;
  return { code: 'NO_TIMESTAMPS', message: `${what}: distance ${distance(distanceMeters, style)} is known, the duration is not — enter it to import`, distanceMeters, contentHash };
}

/** "Leg 3 of 7 of this multisport file is a ride (cycling), not a run — …" */
export function notARun(sport: Sport, fileSportText: string, activity: ImportedActivity): ImportRefusal {
  const noun = SPORT_NOUNS[sport];
  const words = fileSportText
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
  // "a ride (Ride)" says nothing: name the sport instead.
  const said = words === '' || noun.endsWith(` ${words}`) ? sport : words;
  if (words === 'transition') {
    return { code: 'NOT_A_RUN', message: `${legPrefix(activity)}is the transition between two sports, not a run.`, sport, activity, crossTraining: false };
  }
  const start = activity.leg ? `${legPrefix(activity)}is` : 'This is';
  return { code: 'NOT_A_RUN', message: `${start} ${noun} (${said}), not a run — it can be logged as cross-training instead.`, sport, activity };
}

function legPrefix(activity: ImportedActivity): string {
  return activity.leg ? `Leg ${activity.leg.number} of ${activity.leg.of} of this multisport file ` : 'This ';
}

export function notOnFoot(activity: ImportedActivity, medianMps: number | null, fastStretchSeconds: number, style: MessageStyle): ImportRefusal {
  const how =
    medianMps !== null && medianMps > 20 / 3.6
      ? `it moved at a median ${formatSpeed(medianMps, style.distanceUnit)}`
      : `it moved faster than ${formatSpeed(30 / 3.6, style.distanceUnit)} for ${formatDuration(fastStretchSeconds)} on end`;
  return {
    code: 'NOT_ON_FOOT',
    message: `This looks like a ride or a drive, not a run: ${how}, faster than anyone on foot. If it was a ride it can be logged as cross-training; a watch left running in a car is best skipped.`,
    activity,
  };
}

export function unsupported(message: string): ImportRefusal {
  return { code: 'UNSUPPORTED', message };
}

/** A file Runback understands in general but that uses a part of its format Runback cannot read. */
export function unsupportedFeature(feature: string): ImportRefusal {
  return unsupported(`This file uses a feature Runback cannot read yet (${feature}). Export the activity again as GPX or TCX from the watch's app, or enter the run by hand.`);
}

export const zipLimits = {
  tooManyEntries: (zipName: string, entries: number, limit: number) =>
    unsupported(`The zip "${zipName}" holds ${count(entries, 'file', 'files')}, more than the ${limit.toLocaleString('en-US')} Runback reads at once: split the export into smaller zips.`),
  tooLarge: (zipName: string, megabytes: number, limitMegabytes: number) =>
    unsupported(`The activity files in the zip "${zipName}" would unpack to ${megabytes.toLocaleString('en-US')} MB, more than the ${limitMegabytes} MB Runback reads at once: split the export into smaller zips.`),
  entryTooLarge: (name: string) => `Runback skipped "${name}" in the zip: it is too large to be an activity file.`,
  packedOddly: (name: string, method: number) => `Runback skipped "${name}" in the zip: it is packed with a method Runback can't unpack (${method}).`,
};

export function gzipTooLarge(limitMegabytes: number): ImportRefusal {
  return unsupported(`This .gz file unpacks to more than ${limitMegabytes} MB; an activity file is never near that, so Runback stopped unpacking it.`);
}

// ─── Times ───────────────────────────────────────────────────────────────────────────────────

export function badTimes(r: TimeRefusal, style: MessageStyle): ImportRefusal {
  let message: string;
  if (r.kind === 'too-early') {
    const stamped = r.sameMs !== null ? `every point is stamped ${date(r.sameMs, style)}` : `its times start on ${date(r.firstMs, style)}`;
    message = `This file's times cannot be right: ${stamped}, before any GPS watch file existed — the watch's clock was not set. Runback cannot tell when it was run: enter it by hand.`;
  } else if (r.kind === 'future') {
    message = `This file's times cannot be right: it says it was recorded on ${date(r.firstMs, style)}, which is in the future — the watch's clock was set wrong. Enter the run by hand.`;
  } else {
    message = `This file's times cannot be right: its clock jumps from ${date(r.fromMs, style)} to ${date(r.toMs, style)} in the middle, so Runback cannot tell when it was run. Export it again from the watch or app, or enter the run by hand.`;
  }
  return { code: 'BAD_TIMES', message };
}

export function timeRepaired(r: TimeRepair, what: string, style: MessageStyle): string {
  const n = count(r.count, what, `${what}s`);
  if (r.kind === 'too-early') return `${n} had impossible times (stamped ${date(r.firstMs, style)}, before any GPS watch file existed) and ${r.count === 1 ? 'was' : 'were'} left out.`;
  if (r.kind === 'future') return `${n} had times in the future (${date(r.firstMs, style)}) and ${r.count === 1 ? 'was' : 'were'} left out.`;
  if (r.kind === 'apart') return `${n} ${r.count === 1 ? 'was' : 'were'} stamped hours or days apart from the rest (${date(r.firstMs, style)}) and ${r.count === 1 ? 'was' : 'were'} left out.`;
  return `${n} went back in time and ${r.count === 1 ? 'was' : 'were'} left out.`;
}

export const fitNotes = {
  summaryUsed: (damage: string) =>
    `The file is damaged (${damage}), but its session summary is intact: the run's date, distance and time were taken from it, without its track, so it has no run/walk intervals.`,
  checksumOnly: () => 'The file\'s checksum does not match its contents, so a few bytes may be damaged; its session summary is intact and was used for the totals.',
  startRepaired: (style: MessageStyle, statedMs: number) =>
    `The file's session summary gave a start time (${date(statedMs, style)}) that does not fit its own length; the start was taken from its end time and length instead.`,
  noRecords: () => 'The file has no track records: only its totals were imported.',
  noSession: () => 'The file has no session summary: totals were taken from its laps and records.',
};

export function pointsLeftOut(count_: number, total: number, why: string): string {
  return `${count_} of ${total} track points ${why} and were left out of the samples.`;
}

// ─── The preview: one line per activity ──────────────────────────────────────────────────────

export function activityLine(a: { sport: Sport; startedAt: string; distanceMeters: number; durationSeconds: number; description: string | null }, style: MessageStyle): string {
  const what = `${SPORT_NOUNS[a.sport]} on ${date(Date.parse(a.startedAt), style)}: ${distance(a.distanceMeters, style)} in ${formatDuration(a.durationSeconds)}${a.description ? `, ${a.description}` : ''}`;
  return what.charAt(0).toUpperCase() + what.slice(1);
}

export function alreadyLogged(dup: { date: string; distanceM: number }, style: MessageStyle): string {
  return `Already in the log (${date(Date.parse(`${dup.date}T12:00:00Z`), { ...style, timeZone: 'UTC' })}, ${distance(dup.distanceM, style)}): skipped.`;
}

export function duplicateInBatch(otherFileName: string): string {
  return `The same activity as ${otherFileName}, earlier in this import: skipped.`;
}

export function confirmQuestion(concerns: readonly PlausibilityConcern[], a: { distanceMeters: number; durationSeconds: number }, style: MessageStyle): string {
  if (concerns.includes('short')) {
    return `This lasted only ${formatDuration(a.durationSeconds)} and covered ${distance(a.distanceMeters, style)} — was the watch started by accident? Import it only if it was a real session.`;
  }
  const speed = a.durationSeconds > 0 ? a.distanceMeters / a.durationSeconds : 0;
  return `This "run" averaged ${formatSpeed(speed, style.distanceUnit)}, slower than a slow walk — was the watch left running? Import it only if it was a real session.`;
}

/** How the run and walk intervals were told apart, in the clinic's units. */
export function detectionText(d: Detection, style: MessageStyle): string {
  const level = (v: number) => (d.unit === 'spm' ? `${Math.round(v)}` : formatSpeed(v, style.distanceUnit));
  const unit = d.unit === 'spm' ? ' steps a minute' : '';
  switch (d.method) {
    case 'cadence-modes':
      return `Run and walk told apart by this session's own two step rates (${level(d.walkLevel)} and ${level(d.runLevel)}${unit}).`;
    case 'speed-modes':
      return `Run and walk told apart by this session's own two paces (${level(d.walkLevel)} and ${level(d.runLevel)}).`;
    case 'cadence-threshold':
      return `One step rate throughout: told apart by the clinic's fixed step rate (running from ${level(d.runAbove!)}${unit}).`;
    case 'speed-threshold':
      return `One pace throughout: told apart by the clinic's fixed speed (running from ${level(d.runAbove!)}).`;
  }
}

/** How a logged run's intervals were found, for its details ("…split into run and walk intervals by …"). */
export const DETECTION_METHOD_LABELS: Record<Detection['method'], string> = {
  'cadence-modes': "the session's own two step rates",
  'speed-modes': "the session's own two paces",
  'cadence-threshold': "the clinic's fixed step rate",
  'speed-threshold': "the clinic's fixed speed",
};

/** A leg of a multisport file, named in the one line per activity. */
export function legFileName(fileName: string, leg: { number: number; of: number } | undefined): string {
  return leg ? `${fileName} (leg ${leg.number} of ${leg.of})` : fileName;
}

/** Why the commit refused a choice (the whole import is then refused and nothing is written). */
export const commitRefusals = {
  confirm: () => 'it is very short or slow for a session: confirm it was real to import it.',
  crossTrainingOnly: () => 'it is not a run; it can only be logged as cross-training.',
  needsDateAndDuration: () => 'the track has no times: give its date and duration to import it.',
  wrapped: (name: string, why: string) => `${name}: ${why} Nothing was imported.`,
};
