import type { IntervalKind } from './run-walk-summary';
import { rollingMean, rollingMedian3, type PerSecondSeries } from './run-walk-series';
import { fitTwoModes, type TwoModes } from './two-modes';

/**
 * How a session's seconds are told apart into running and walking — by the person's own levels
 * first, a fixed line only as the fallback:
 * 1. cadence, when the file has it for most of the moving time: the session's two step rates
 *    ('cadence-modes'), else a fixed step rate ('cadence-threshold'). Running has a flight phase and
 *    a higher step rate even at a walking speed, so cadence tells a slow jog from a brisk walk
 *    better than speed can;
 * 2. the session's two speeds ('speed-modes');
 * 3. the clinic's fixed speed thresholds ('speed-threshold'), when the session moved at one pace
 *    throughout (a continuous run, a walk) and there are no two levels to find.
 *
 * With two levels, each second is classed by the most likely sequence of states (Viterbi, two
 * states) on the smoothed values clipped to the two levels, with a cost for each change of state:
 * a change must be worth `SWITCH_COST_SECONDS` seconds spent fully at the other level (chosen on the
 * test generator's tracks: lower lets GPS wander split a slow jog, higher misses a 20-second run
 * after a stop at a light). With a fixed threshold, each second is classed with hysteresis (see
 * `classifyWithHysteresis`).
 *
 * The acceptance limits below are CLINIC POLICY chosen with the test generator, not evidence:
 * walking faster than 8.3 km/h or jogging slower than 6.1 km/h are not separated by speed.
 */

export const DETECTION_METHODS = ['cadence-modes', 'speed-modes', 'cadence-threshold', 'speed-threshold'] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

export interface Detection {
  method: DetectionMethod;
  /** 'mps' for speed methods, 'spm' (steps a minute) for cadence methods. */
  unit: 'mps' | 'spm';
  /** The walking and running levels: the two modes, or the thresholds' typical levels. */
  walkLevel: number;
  runLevel: number;
  /** For threshold methods: walking turns into running at/above `runAbove`, back below `walkBelow`. */
  runAbove?: number;
  walkBelow?: number;
}

export interface DetectionThresholds {
  runAboveMps: number;
  walkBelowMps: number;
  cadenceRunAboveSpm: number;
  cadenceWalkBelowSpm: number;
  smoothingSeconds: number;
}

/** Below this smoothed speed a second is standing still (a light, a paused stride). */
export const STANDING_MPS = 0.5;
/** Cadence is used when at least this share of the moving seconds has a step rate. */
const CADENCE_COVERAGE = 0.8;
const SPEED_LIMITS = { walkMax: 2.3, runMin: 1.7, ratio: 1.2 };
const CADENCE_LIMITS = { walkMax: 145, runMin: 135, ratio: 1.12 };
/** Ashman's D for two levels to count as two (above 2 the two are cleanly separated). */
const MIN_SEPARATION = 2;
/** Each level must hold this share of the moving seconds, and at least MIN_MODE_SECONDS. */
const MIN_MODE_SHARE = 0.04;
const MIN_MODE_SECONDS = 30;
export const SWITCH_COST_SECONDS = 3;

export interface Classified {
  detection: Detection;
  labels: IntervalKind[];
  /** The per-second values boundaries are placed on, clipped to the two levels. */
  levelled: Float64Array;
}

/** Picks the method and classes each second. Null when the series is empty. */
export function detectRunWalk(series: PerSecondSeries, t: DetectionThresholds): Classified | null {
  const n = series.speed.length;
  if (n === 0) return null;
  const window = t.smoothingSeconds | 1;
  const speed = rollingMean(rollingMedian3(series.speed), window);
  const moving: number[] = [];
  for (let i = 0; i < n; i++) if (speed[i]! >= STANDING_MPS) moving.push(i);

  if (series.cadence !== null && moving.length > 0) {
    const cadence = rollingMean(rollingMedian3(series.cadence), window);
    const stepping = moving.filter((i) => cadence[i]! > 0);
    if (stepping.length >= CADENCE_COVERAGE * moving.length) {
      const modes = acceptedModes(
        stepping.map((i) => cadence[i]!),
        CADENCE_LIMITS,
      );
      // Standing still has no steps: it is walking (recovery), so it takes the walking level.
      if (modes) return byModes('cadence-modes', 'spm', cadence, series.cadence, modes, speed);
      return byThreshold({ method: 'cadence-threshold', unit: 'spm', walkLevel: t.cadenceWalkBelowSpm - 25, runLevel: t.cadenceRunAboveSpm + 20, runAbove: t.cadenceRunAboveSpm, walkBelow: t.cadenceWalkBelowSpm }, cadence, series.cadence, speed);
    }
  }
  const modes = acceptedModes(
    moving.map((i) => speed[i]!),
    SPEED_LIMITS,
  );
  if (modes) return byModes('speed-modes', 'mps', speed, series.speed, modes, speed);
  return byThreshold(
    { method: 'speed-threshold', unit: 'mps', walkLevel: Math.min(1.4, t.walkBelowMps * 0.75), runLevel: Math.max(2.8, t.runAboveMps * 1.25), runAbove: t.runAboveMps, walkBelow: t.walkBelowMps },
    speed,
    series.speed,
    speed,
  );
}

function acceptedModes(values: number[], limits: { walkMax: number; runMin: number; ratio: number }): TwoModes | null {
  const m = fitTwoModes(values);
  if (m === null) return null;
  const shareLow = m.weightLow;
  const shareHigh = 1 - m.weightLow;
  const clear = m.separation >= MIN_SEPARATION && m.high >= m.low * limits.ratio;
  const plausible = m.low <= limits.walkMax && m.high >= limits.runMin;
  const enough = Math.min(shareLow, shareHigh) >= MIN_MODE_SHARE && Math.min(shareLow, shareHigh) * values.length >= MIN_MODE_SECONDS;
  return clear && plausible && enough ? m : null;
}

function clip(values: Float64Array, lo: number, hi: number, standing: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = standing[i]! < STANDING_MPS ? lo : Math.min(hi, Math.max(lo, values[i]!));
  return out;
}

function byModes(method: DetectionMethod, unit: 'mps' | 'spm', smooth: Float64Array, raw: Float64Array, m: TwoModes, speed: Float64Array): Classified {
  const labels = viterbi(clip(smooth, m.low, m.high, speed), m.low, m.high, SWITCH_COST_SECONDS);
  return { detection: { method, unit, walkLevel: m.low, runLevel: m.high }, labels, levelled: clip(raw, m.low, m.high, speed) };
}

function byThreshold(detection: Detection, smooth: Float64Array, raw: Float64Array, speed: Float64Array): Classified {
  const labels = classifyWithHysteresis(smooth, detection.runAbove!, detection.walkBelow!);
  return { detection, labels, levelled: clip(raw, detection.walkLevel, detection.runLevel, speed) };
}

/**
 * Walking turns into running when the value reaches `runAbove`, running into walking when it drops
 * below `walkBelow`; in between the state holds, so noise near one line does not flip it.
 */
export function classifyWithHysteresis(values: Float64Array, runAbove: number, walkBelow: number): IntervalKind[] {
  const labels = new Array<IntervalKind>(values.length);
  let state: IntervalKind = values[0]! >= runAbove ? 'run' : 'walk';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (state === 'walk' && v >= runAbove) state = 'run';
    else if (state === 'run' && v < walkBelow) state = 'walk';
    labels[i] = state;
  }
  return labels;
}

/**
 * The cheapest labelling of `values` (already clipped to [walk, run]) where a second costs its squared
 * distance to its state's level and a change of state costs `switchSeconds`·(run − walk)².
 */
function viterbi(values: Float64Array, walk: number, run: number, switchSeconds: number): IntervalKind[] {
  const n = values.length;
  const gap = run - walk;
  const penalty = switchSeconds * gap * gap;
  // back[i]: bit 0 = walk's predecessor is run, bit 1 = run's predecessor is walk.
  const back = new Uint8Array(n);
  let costWalk = 0;
  let costRun = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const eWalk = (x - walk) ** 2;
    const eRun = (x - run) ** 2;
    if (i === 0) {
      costWalk = eWalk;
      costRun = eRun;
      continue;
    }
    let flags = 0;
    let nextWalk = costWalk;
    if (costRun + penalty < nextWalk) {
      nextWalk = costRun + penalty;
      flags |= 1;
    }
    let nextRun = costRun;
    if (costWalk + penalty < nextRun) {
      nextRun = costWalk + penalty;
      flags |= 2;
    }
    back[i] = flags;
    costWalk = nextWalk + eWalk;
    costRun = nextRun + eRun;
  }
  const labels = new Array<IntervalKind>(n);
  let state: IntervalKind = costWalk <= costRun ? 'walk' : 'run';
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = state;
    const flags = back[i]!;
    if (state === 'walk' && flags & 1) state = 'run';
    else if (state === 'run' && flags & 2) state = 'walk';
  }
  return labels;
}
