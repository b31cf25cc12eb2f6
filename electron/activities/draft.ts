import type { ActivityFormat, ActivitySample, ImportedActivity } from '../../shared/running/activity';
import type { ParsedFile } from '../../shared/running/parsed-file';
import { analyseActivity } from '../../shared/running/analysis';
import { DEFAULT_MESSAGE_STYLE, notARun, notOnFoot, type MessageStyle } from '../../shared/running/import-messages';
import { isRunWalkSport, normaliseSport } from '../../shared/running/sport';
import { smoothTrack } from '../../shared/running/track-smoothing';

/** What a format parser found for one activity, before sport rules and provenance are applied. */
export interface DraftActivity {
  format: ActivityFormat;
  /** The sport as the file wrote it ('' when it does not say). */
  sportText: string;
  subSportText?: string;
  name?: string;
  startedAtMs: number;
  distanceMeters: number;
  distanceSource: ImportedActivity['distanceSource'];
  durationSeconds: number;
  elapsedSeconds: number;
  samples: ActivitySample[];
  pauses?: Array<{ start: number; end: number }>;
  leg?: { number: number; of: number };
  device?: string;
  warnings: string[];
}

/** What parsing needs from outside: the time now (times after it are impossible) and the clinic's style for messages. */
export interface ParseOptions {
  nowMs: number;
  style: MessageStyle;
}

export function parseOptions(partial: Partial<ParseOptions> = {}): ParseOptions {
  return { nowMs: partial.nowMs ?? Date.now(), style: partial.style ?? DEFAULT_MESSAGE_STYLE };
}

/** Where the bytes came from, and what a Strava export's activities.csv says about them. */
export interface SourceContext {
  sourceName: string;
  archiveName?: string;
  contentHash: string;
  /** Strava's "Activity Type" ("Run", "Ride"…): preferred over the file's own sport when it names one. */
  sportOverride?: string;
  /** Strava's "Activity Name". */
  nameOverride?: string;
}

export function withSource<T extends object>(ctx: SourceContext, rest: T): T & { sourceName: string; archiveName?: string } {
  return ctx.archiveName === undefined ? { sourceName: ctx.sourceName, ...rest } : { sourceName: ctx.sourceName, archiveName: ctx.archiveName, ...rest };
}

/**
 * Sport, name and provenance applied to a parser's draft; then the run/walk analysis, and the
 * refusals that need it: not a run-walk sport, or moving at the speed of a bike or a car.
 */
export function finalise(d: DraftActivity, ctx: SourceContext, options: ParseOptions): ParsedFile {
  const fromFile = normaliseSport(d.sportText, d.subSportText);
  const fromCsv = ctx.sportOverride === undefined ? undefined : normaliseSport(ctx.sportOverride);
  const useCsv = fromCsv !== undefined && fromCsv.sport !== 'unknown';
  const { sport, subSport } = useCsv ? { sport: fromCsv.sport, subSport: fromCsv.subSport ?? fromFile.subSport } : fromFile;
  const name = ctx.nameOverride?.trim() || d.name?.trim() || undefined;
  const activity: ImportedActivity = {
    sourceName: ctx.sourceName,
    ...(ctx.archiveName === undefined ? {} : { archiveName: ctx.archiveName }),
    format: d.format,
    sport,
    ...(subSport === undefined ? {} : { subSport }),
    ...(name === undefined ? {} : { name }),
    startedAt: new Date(d.startedAtMs).toISOString(),
    distanceMeters: round2(Math.max(0, d.distanceMeters)),
    durationSeconds: round3(Math.max(0, d.durationSeconds)),
    elapsedSeconds: round3(Math.max(0, d.elapsedSeconds)),
    samples: d.samples,
    contentHash: ctx.contentHash,
    ...(d.device === undefined ? {} : { device: d.device }),
    distanceSource: d.distanceSource,
    ...(d.leg === undefined ? {} : { leg: d.leg }),
    ...(d.pauses === undefined ? {} : { pauses: d.pauses }),
  };
  if (!isRunWalkSport(sport)) {
    const said = useCsv ? ctx.sportOverride! : d.sportText;
    return withSource(ctx, { ok: false as const, reason: notARun(sport, said, activity) });
  }
  const analysis = analyseActivity(activity);
  const p = analysis.plausibility;
  if (p.verdict === 'not-on-foot') return withSource(ctx, { ok: false as const, reason: notOnFoot(activity, p.medianMovingMps, p.fastStretchSeconds, options.style) });
  return withSource(ctx, { ok: true as const, activity, warnings: d.warnings, analysis });
}

/**
 * Distance along the samples' positions after smoothing out GPS noise (track-smoothing.ts). The
 * samples get the smoothed cumulative distance, so run/walk detection reads the same smoothed track.
 */
export function distanceFromPositions(samples: ActivitySample[]): number {
  const located = samples.filter((s) => s.lat !== undefined && s.lon !== undefined);
  if (located.length < 2) return 0;
  const smoothed = smoothTrack([located.map((s) => ({ t: s.t, lat: s.lat!, lon: s.lon! }))]);
  located.forEach((s, i) => {
    s.distance = smoothed.distance[i]!;
    s.trackSpeed = smoothed.turnSpeed[i]!;
  });
  return smoothed.distance[located.length - 1]!;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
