import { SPORT_NOUNS, type Sport } from '../../shared/running/sport';
import type { ImportRefusal, ImportedActivity } from '../../shared/running/activity';

/**
 * The refusals, in plain language. Each message is meant to be shown to the clinic as it is;
 * the code lets the screen offer the next step (enter the duration, log as cross-training…).
 */

export type FileKind = 'FIT' | 'GPX' | 'TCX' | 'gzip' | 'zip';

/** "7.3 km" from a kilometre up, "850 m" below. */
export function formatKm(meters: number): string {
  return meters >= 1000 ? `${(meters / 1000).toFixed(1)} km` : `${Math.round(meters)} m`;
}

export function corrupt(kind: FileKind, detail: string): ImportRefusal {
  return {
    code: 'CORRUPT',
    message: `The ${kind} file is damaged or cut short (${detail}). Export it again from the watch or app, or enter the run by hand.`,
  };
}

export function emptyTrack(message: string): ImportRefusal {
  return { code: 'EMPTY_TRACK', message };
}

export function noTimestamps(kind: 'GPX' | 'TCX', distanceMeters: number, contentHash: string, timed: number, total: number): ImportRefusal {
  const what = timed === 0 ? `This ${kind} track has no times` : `This ${kind} track has times on only ${timed} of its ${total} points`;
  return {
    code: 'NO_TIMESTAMPS',
    message: `${what}: distance ${formatKm(distanceMeters)} is known, the duration is not — enter it to import`,
    distanceMeters,
    contentHash,
  };
}

/** "This is a ride (cycling), not a run — it can be logged as cross-training instead." */
export function notARun(sport: Sport, fileSportText: string, activity: ImportedActivity): ImportRefusal {
  const noun = SPORT_NOUNS[sport];
  const words = fileSportText
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
  // "a ride (Ride)" says nothing: name the sport instead.
  const said = words === '' || noun.endsWith(` ${words}`) ? sport : words;
  return {
    code: 'NOT_A_RUN',
    message: `This is ${noun} (${said}), not a run — it can be logged as cross-training instead.`,
    sport,
    activity,
  };
}

export function unsupported(message: string): ImportRefusal {
  return { code: 'UNSUPPORTED', message };
}
