import type { DistanceUnit } from '../../../../shared/domain/clinic';
import type { RunRecord } from '../../../../shared/domain/running';
import type { ClinicPolicy } from '../../../../shared/clinical/policy';
import { RED_FLAGS, type Run } from '../../../../shared/clinical/runs';
import { deriveRun } from '../../../../shared/clinical/metrics';
import { zoneForScore, type PainZone } from '../../../../shared/clinical/pain';
import { formatDuration } from '../../../../shared/units/duration';
import { formatPace, paceFromSpeed, speedMps } from '../../../../shared/units/pace';

/**
 * What staff type, read the forgiving way: distances with a dot or a comma, durations as minutes
 * ("30"), m:ss ("28:30") or h:mm:ss ("1:05:00"), run-walk shapes as "8 × 1:00/1:30".
 */

/** "5", "5.2", "5,2" → 5.2; null when not a plain non-negative number. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return null;
  return Number(t);
}

/** "30" (minutes), "28:30" (m:ss), "1:05:00" (h:mm:ss), ":45" (seconds) → seconds; null when unreadable. */
export function parseDurationText(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 60);
  const m = /^(?:(\d+):)?(\d*):(\d{1,2})$/.exec(t);
  if (!m) return null;
  const h = m[1] === undefined ? 0 : Number(m[1]);
  const min = m[2] === '' ? 0 : Number(m[2]);
  const s = Number(m[3]);
  if (s >= 60 || (m[1] !== undefined && min >= 60)) return null;
  return h * 3600 + min * 60 + s;
}

export interface IntervalShape {
  repeats: number;
  runSeconds: number;
  walkSeconds: number;
}

/**
 * "8 × 1:00/1:30", "8x1/1.5", "8 x (1:00 run / 1:30 walk)" → 8 repeats of 60 s running and 90 s
 * walking. Plain numbers are minutes, as in the duration field.
 */
export function parseIntervalShape(text: string): IntervalShape | null {
  const m = /^\s*(\d{1,3})\s*[x×*]\s*\(?\s*([\d:.]+)\s*(?:run)?\s*\/\s*([\d:.]+)\s*(?:walk)?\s*\)?\s*$/i.exec(text);
  if (!m) return null;
  const repeats = Number(m[1]);
  const runSeconds = parseDurationText(m[2]!);
  const walkSeconds = parseDurationText(m[3]!);
  if (!repeats || runSeconds === null || walkSeconds === null || runSeconds <= 0) return null;
  return { repeats, runSeconds, walkSeconds };
}

/** Seconds as the duration field shows them: "28:30", "1:05:00". */
export function durationForTyping(seconds: number | null): string {
  return seconds === null ? '' : formatDuration(seconds);
}

/** Metres as the distance field shows them in the clinic's unit ("3.11"), without trailing zeros. */
export function distanceForTyping(metres: number, unit: DistanceUnit): string {
  const v = metres / (unit === 'km' ? 1000 : 1609.344);
  return String(Math.round(v * 100) / 100);
}

/** A stored run in the shape the clinical rules read (the same mapping the server uses). */
export function toClinicalRun(r: RunRecord): Run {
  return {
    id: r.id,
    date: r.date,
    distanceM: r.distanceM,
    durationS: r.durationS,
    runSeconds: r.runSeconds,
    walkSeconds: r.walkSeconds,
    surface: r.surface,
    pain: { before: r.painBefore, during: r.painDuring, after: r.painAfter, nextMorning: r.painNextMorning },
    rpe: r.rpe,
    stepId: r.stepId,
    stoppedEarly: r.stoppedEarly,
    redFlags: Object.fromEntries(RED_FLAGS.map((f) => [f, r.redFlags.includes(f)])) as Run['redFlags'],
  };
}

export type SpeedBasis = 'laps' | 'continuous' | 'estimated' | 'unknown';

export interface RunningSpeed {
  mps: number | null;
  basis: SpeedBasis;
}

type SpeedInput = Pick<RunRecord, 'date' | 'distanceM' | 'durationS' | 'runSeconds' | 'walkSeconds'> & { intervals?: RunRecord['intervals'] };

/**
 * Speed while running. From the watch's laps when every run interval carries its distance (exact);
 * otherwise the rules engine's deriveRun: exact for a continuous run, estimated for a run-walk session
 * (walking taken away at the clinic's assumed walking speed), unknown when that does not fit.
 */
export function runningSpeed(run: SpeedInput, policy: ClinicPolicy): RunningSpeed {
  const runs = (run.intervals ?? []).filter((iv) => iv.kind === 'run');
  if (runs.length && runs.every((iv) => iv.distanceMeters !== undefined)) {
    const seconds = runs.reduce((a, iv) => a + (iv.endSecond - iv.startSecond), 0);
    const metres = runs.reduce((a, iv) => a + (iv.distanceMeters ?? 0), 0);
    const v = speedMps(metres, seconds);
    if (v !== null) return { mps: v, basis: 'laps' };
  }
  const d = deriveRun(
    {
      date: run.date,
      distanceM: run.distanceM,
      durationS: run.durationS,
      runSeconds: run.runSeconds,
      walkSeconds: run.walkSeconds,
      surface: null,
      pain: { before: null, during: null, after: null, nextMorning: null },
      rpe: null,
      stepId: null,
      stoppedEarly: false,
      redFlags: { restOrNightPain: false, newLegSymptoms: false, swelling: false, limp: false },
    },
    policy,
  );
  return { mps: d.runningSpeedMps, basis: d.runningSpeedBasis };
}

/** "8:52 /mi", "≈ 8:52 /mi" for an estimate, "—" when unknown. */
export function paceText(speed: RunningSpeed, unit: DistanceUnit): string {
  if (speed.mps === null) return '—';
  const p = paceFromSpeed(speed.mps, unit);
  if (p === null) return '—';
  return `${speed.basis === 'estimated' ? '≈ ' : ''}${formatPace(p, unit)}`;
}

export const SPEED_BASIS_LABELS: Record<SpeedBasis, string> = {
  laps: 'from the watch’s run laps',
  continuous: 'continuous run',
  estimated: 'estimated: walking taken out at the clinic’s assumed walking speed',
  unknown: 'running-only pace not known (no run and walk times): whole-session pace shown',
};

/** Whole-session pace, walking included. */
export function sessionPaceText(distanceM: number, durationS: number, unit: DistanceUnit): string {
  const v = speedMps(distanceM, durationS);
  const p = v === null ? null : paceFromSpeed(v, unit);
  return p === null ? '—' : formatPace(p, unit);
}

export const ZONE_WORDS: Record<PainZone, string> = { green: 'fine', amber: 'acceptable', red: 'too much' };
export const ZONE_MARKS: Record<PainZone, string> = { green: '●', amber: '▲', red: '■' };

/** The zone of a pain during or after a run under the clinic's policy. */
export function painZone(score: number | null, policy: ClinicPolicy): PainZone | null {
  return score === null ? null : zoneForScore(score, policy);
}

/** Stored planner sentences carry ISO dates ("on 2026-11-18"): shown as the clinic writes dates. */
export { localiseDates } from '../../../../shared/format/dates';

export const SOURCE_LABELS: Record<RunRecord['source'], string> = {
  manual: 'By hand',
  fit: 'FIT file',
  tcx: 'TCX file',
  gpx: 'GPX file',
  strava: 'Strava',
};

export const KIND_LABELS: Record<RunRecord['kind'], string> = { run: 'Run', walk: 'Walk', cross_training: 'Cross-training' };
