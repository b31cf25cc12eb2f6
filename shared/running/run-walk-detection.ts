import type { IntervalKind } from './run-walk-summary';
import type { Levels } from './run-walk-boundaries';
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
 * With two levels, each second is classed by the most likely sequence of states (Viterbi) on the
 * smoothed values, with three states — standing (level 0), walking and running — of which standing
 * and walking are both recovery ('walk'). A second costs its squared distance to its state's
 * level; a change of state costs a share of (running − walking)²:
 * - running ↔ walking `RUN_WALK_CHANGE` (5): a walk inside a run must be worth five seconds spent
 *   fully at the other level at each end. A smoothed GPS track reads a few metres short wherever it
 *   cuts a corner or loses a fix, which looks like a 10–20 s dip towards walking; this cost keeps
 *   such dips from splitting a slow jog, and still finds a 20 s run between a walk and a light;
 * - standing ↔ running or walking `STAND_CHANGE` (0.5): a stop at a light is unmistakable (its level
 *   is far from both), so it needs no more than a token cost, and a short run cut off by a light
 *   (walk → run → stop) pays mostly one full change, not two.
 * The running level used for classing is `RUN_LINE_SHIFT` (20 %) of the way down towards walking
 * from the session's running mode: a smoothed GPS speed reads low while running (corners cut,
 * fixes lost) far more often than it reads high while walking — on the test generator's tracks
 * with 3 m error, running seconds fall below the halfway line about eight times as often as walking
 * seconds rise above it; both are about equally rare at 40 % of the way up, which is where this
 * puts the line. These three figures were chosen on the generator's tracks (seeds 1–60 and
 * 1001–1060) and checked on others (test/integration/activities/accuracy.test.ts), not taken from
 * any source.
 *
 * With a fixed threshold, each second is classed with hysteresis (see `classifyWithHysteresis`).
 * Either way, the exact place of each change is found afterwards (run-walk-boundaries.ts).
 *
 * The acceptance limits below are CLINIC POLICY chosen with the test generator, not evidence: a
 * "walking" level faster than 7.2 km/h (2 m/s, where fast walking meets slow running — the figure
 * clinical.md notes) is a slower stretch of a run, and jogging slower than 6.1 km/h is not
 * separated by speed.
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
/** By cadence, standing is hardly a step: a slow walk uphill can read under STANDING_MPS and still step ~90 times a minute. */
const STANDING_SPM = 40;
/** Cadence is used when at least this share of the moving seconds has a step rate. */
const CADENCE_COVERAGE = 0.8;
const SPEED_LIMITS = { walkMax: 2, runMin: 1.7, ratio: 1.2 };
const CADENCE_LIMITS = { walkMax: 145, runMin: 135, ratio: 1.12 };
/** Ashman's D for two levels to count as two (above 2 the two are cleanly separated). */
const MIN_SEPARATION = 2;
/** Each level must hold this share of the moving seconds, and at least MIN_MODE_SECONDS. */
const MIN_MODE_SHARE = 0.04;
const MIN_MODE_SECONDS = 30;
/** See the top of this file. */
const RUN_WALK_CHANGE = 5;
const STAND_CHANGE = 0.5;
const RUN_LINE_SHIFT = 0.2;

export interface Classified {
  detection: Detection;
  labels: IntervalKind[];
  /** The per-second values boundaries are placed on (speed or cadence; glitches capped). */
  values: Float64Array;
  /** 1 where the person stood still (smoothed speed under STANDING_MPS, or cadence under STANDING_SPM when cadence decides). */
  standing: Uint8Array;
  /** The level of each state in `values`' unit: a change lies halfway between two of them. */
  levels: Levels;
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

function byModes(method: DetectionMethod, unit: 'mps' | 'spm', smooth: Float64Array, raw: Float64Array, m: TwoModes, speed: Float64Array): Classified {
  const runLine = m.high - RUN_LINE_SHIFT * (m.high - m.low);
  const labels = viterbi(capped(smooth, runLine), { stand: 0, walk: m.low, run: runLine });
  return {
    detection: { method, unit, walkLevel: m.low, runLevel: m.high },
    labels,
    values: capped(raw, 2 * m.high - m.low),
    standing: standingMask(unit === 'spm' ? smooth : speed, unit === 'spm' ? STANDING_SPM : STANDING_MPS),
    levels: { stand: 0, walk: m.low, run: runLine },
  };
}

function byThreshold(detection: Detection, smooth: Float64Array, raw: Float64Array, speed: Float64Array): Classified {
  const labels = classifyWithHysteresis(smooth, detection.runAbove!, detection.walkBelow!);
  return {
    detection,
    labels,
    values: capped(raw, 2 * detection.runLevel - detection.walkLevel),
    standing: detection.unit === 'spm' ? standingMask(smooth, STANDING_SPM) : standingMask(speed, STANDING_MPS),
    levels: { stand: 0, walk: detection.walkBelow!, run: detection.runAbove! },
  };
}

/** Values within [0, hi]: a glitch (a jump read as a sprint) weighs no more than running does. */
function capped(values: Float64Array, hi: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.min(hi, Math.max(0, values[i]!));
  return out;
}

function standingMask(values: Float64Array, below: number): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! < below ? 1 : 0;
  return out;
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

const STATES = ['stand', 'walk', 'run'] as const;

/**
 * The cheapest labelling of `values` with the three states (see the top of this file). Linear: three
 * running costs and a back pointer per second and state.
 */
function viterbi(values: Float64Array, levels: Levels): IntervalKind[] {
  const n = values.length;
  const gap2 = (levels.run - levels.walk) ** 2;
  const level = STATES.map((s) => levels[s]);
  // Of two different states, only walk (1) and run (2) add up to 3.
  const change = (a: number, b: number) => (a === b ? 0 : a + b === 3 ? RUN_WALK_CHANGE : STAND_CHANGE) * gap2;
  const back = new Uint8Array(n * 3);
  let cost = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const next = [0, 0, 0];
    for (let s = 0; s < 3; s++) {
      let best = i === 0 ? 0 : Infinity;
      let from = s;
      for (let p = 0; i > 0 && p < 3; p++) {
        const c = cost[p]! + change(p, s);
        if (c < best) {
          best = c;
          from = p;
        }
      }
      back[i * 3 + s] = from;
      next[s] = best + (x - level[s]!) ** 2;
    }
    cost = next;
  }
  let state = cost.indexOf(Math.min(...cost));
  const labels = new Array<IntervalKind>(n);
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = STATES[state] === 'run' ? 'run' : 'walk';
    state = back[i * 3 + state]!;
  }
  return labels;
}
