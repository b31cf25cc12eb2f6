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
 *   such dips from splitting a slow jog;
 * - standing ↔ running or walking `STAND_CHANGE` (0.5): a stop at a light is unmistakable (its level
 *   is far from both), so it needs no more than a token cost. A stop is reached and left through a
 *   ramp of up to `RAMP_SECONDS` (10) in which any speed between standing and the moving level is
 *   free, and it stands for at least `MIN_STOP_SECONDS` (5): so a short run cut off by a light
 *   (walk → run → stop) pays one full change, not two for the seconds of slowing down (see
 *   `predecessors`). The ramp's length is how long the smoothed speed takes to fall from running to
 *   standing (a second or two of slowing, the rolling mean, the GPS smoother's blur: 6–10 s on the
 *   traces looked at); both figures were set on development seeds, never the held-out ones.
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
const RAMP_SECONDS = 10;
const MIN_STOP_SECONDS = 5;

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
  // Running and walking are told apart on the speed that keeps its pace through turns where there
  // is one (track-smoothing.ts); standing still stays the distance's (it counts none while standing).
  const pace = series.trackSpeed === null ? speed : rollingMean(rollingMedian3(series.trackSpeed), window);
  const modes = acceptedModes(
    moving.map((i) => pace[i]!),
    SPEED_LIMITS,
  );
  if (modes) return byModes('speed-modes', 'mps', pace, series.trackSpeed ?? series.speed, modes, speed);
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

/**
 * The states of the labelling: standing (0), walking (1) and running (2), then the ramps into and
 * out of a stop: from walking or running down to standing, and from standing up to either, each
 * `RAMP_SECONDS` states long. Smoothed speed takes several seconds to fall to standing at a light
 * and to rise again after it (the person slows and starts over a second or two, the rolling mean
 * and the GPS smoother blur that over several more), and on the way it passes through the levels
 * in between. A ramp second costs nothing while its value lies between standing and the level the
 * ramp leads to, so a stop costs one token change (`STAND_CHANGE`) whatever the person did either
 * side of it. Without ramps, a run of ~20 s between a walk and a light had to pay
 * `RUN_WALK_CHANGE` twice (run → walk → stand, for the seconds of slowing down) and was read as
 * walking.
 */
const STAND = 0;
const WALK = 1;
const RUN = 2;
/** The first seconds of a stop, MIN_STOP_SECONDS states in a row: every stop passes through them. */
const STOP = 3;
/** The four ramps: [first state, the moving state at its far end, down (towards standing) or up]. */
const RAMPS = [0, 1, 2, 3].map((k) => ({ first: STOP + MIN_STOP_SECONDS + k * RAMP_SECONDS, moving: k % 2 === 0 ? WALK : RUN, down: k < 2 }));
const STATE_COUNT = STOP + MIN_STOP_SECONDS + 4 * RAMP_SECONDS;

/**
 * For each state, the states it may be entered from and the cost of each change, in units of
 * (running − walking)². Standing is entered only through the MIN_STOP_SECONDS states of a stop's
 * start, so a stop lasts at least that long: otherwise a dip in a run could pass for a ramp down, a
 * second of "standing" and a ramp up, 2·RAMP_SECONDS seconds for the price of one.
 */
function predecessors(): Array<Array<[from: number, cost: number]>> {
  const into: Array<Array<[number, number]>> = [
    [
      [STAND, 0],
      [STOP + MIN_STOP_SECONDS - 1, 0],
    ],
    [
      [WALK, 0],
      [STAND, STAND_CHANGE],
      [RUN, RUN_WALK_CHANGE],
    ],
    [
      [RUN, 0],
      [STAND, STAND_CHANGE],
      [WALK, RUN_WALK_CHANGE],
    ],
  ];
  into[STOP] = [
    [WALK, STAND_CHANGE],
    [RUN, STAND_CHANGE],
  ];
  for (let k = 1; k < MIN_STOP_SECONDS; k++) into[STOP + k] = [[STOP + k - 1, 0]];
  for (const ramp of RAMPS) {
    // A ramp is passed through once: each of its seconds is a state of its own, entered only from
    // the one before, so it lasts at most RAMP_SECONDS; it ends in a stop (down) or in walking or
    // running (up), from any of its seconds.
    const [from, to] = ramp.down ? [ramp.moving, STOP] : [STAND, ramp.moving];
    for (let k = 0; k < RAMP_SECONDS; k++) {
      into[ramp.first + k] = [k === 0 ? [from, STAND_CHANGE] : [ramp.first + k - 1, 0]];
      into[to]!.push([ramp.first + k, 0]);
    }
  }
  return into;
}

/** `predecessors()` flattened once: state s is entered from `from[first[s] … first[s + 1])` at `change[…]`. */
const INTO = (() => {
  const into = predecessors();
  const first = new Int32Array(STATE_COUNT + 1);
  const from: number[] = [];
  const change: number[] = [];
  for (let s = 0; s < STATE_COUNT; s++) {
    first[s] = from.length;
    for (const [p, c] of into[s]!) {
      from.push(p);
      change.push(c);
    }
  }
  first[STATE_COUNT] = from.length;
  return { first, from: Int32Array.from(from), change: Float64Array.from(change) };
})();

/**
 * The cheapest labelling of `values` with the states above (see the top of this file). Linear: a
 * running cost and a back pointer per second and state, in typed arrays (it runs on every import).
 */
function viterbi(values: Float64Array, levels: Levels): IntervalKind[] {
  const n = values.length;
  const gap2 = (levels.run - levels.walk) ** 2;
  const { first, from: fromState, change: changeCost } = INTO;
  const changeAt = changeCost.map((c) => c * gap2);
  // What a second costs in each state: its squared distance to the state's level; in a ramp, to
  // the span between standing and the ramp's moving level.
  const ceiling = new Float64Array(STATE_COUNT);
  ceiling[STAND] = levels.stand;
  ceiling[WALK] = levels.walk;
  ceiling[RUN] = levels.run;
  ceiling.fill(levels.stand, STOP, STOP + MIN_STOP_SECONDS);
  for (const ramp of RAMPS) ceiling.fill(ramp.moving === WALK ? levels.walk : levels.run, ramp.first, ramp.first + RAMP_SECONDS);
  const secondCost = (s: number, x: number) => (s < STOP + MIN_STOP_SECONDS ? (x - ceiling[s]!) ** 2 : x > ceiling[s]! ? (x - ceiling[s]!) ** 2 : x < levels.stand ? (levels.stand - x) ** 2 : 0);
  const back = new Uint8Array(n * STATE_COUNT);
  let cost = new Float64Array(STATE_COUNT);
  let next = new Float64Array(STATE_COUNT);
  for (let s = STOP; s < STATE_COUNT; s++) cost[s] = Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    for (let s = 0; s < STATE_COUNT; s++) {
      let best = i === 0 ? cost[s]! : Infinity;
      let from = s;
      if (i > 0) {
        for (let k = first[s]!; k < first[s + 1]!; k++) {
          const p = fromState[k]!;
          const c = cost[p]! + changeAt[k]!;
          if (c < best) {
            best = c;
            from = p;
          }
        }
      }
      back[i * STATE_COUNT + s] = from;
      next[s] = best + secondCost(s, x);
    }
    [cost, next] = [next, cost];
  }
  let state = 0;
  for (let s = 1; s < STATE_COUNT; s++) if (cost[s]! < cost[state]!) state = s;
  const labels = new Array<IntervalKind>(n);
  for (let i = n - 1; i >= 0; i--) {
    // Standing and the ramps into and out of it are recovery: walking.
    labels[i] = state === RUN ? 'run' : 'walk';
    state = back[i * STATE_COUNT + state]!;
  }
  return labels;
}
