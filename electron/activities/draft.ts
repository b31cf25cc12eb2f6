import type { ActivityFormat, ActivitySample, ImportedActivity, ParsedFile } from '../../shared/running/activity';
import { isRunWalkSport, normaliseSport } from '../../shared/running/sport';
import { notARun } from './messages';

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
  device?: string;
  warnings: string[];
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

export function finalise(d: DraftActivity, ctx: SourceContext): ParsedFile {
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
  };
  if (!isRunWalkSport(sport)) {
    const said = useCsv ? ctx.sportOverride! : d.sportText;
    return withSource(ctx, { ok: false as const, reason: notARun(sport, said, activity) });
  }
  return withSource(ctx, { ok: true as const, activity, warnings: d.warnings });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
