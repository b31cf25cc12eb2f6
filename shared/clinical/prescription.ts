import type { DistanceUnit } from '../domain/clinic';
import { formatDistance } from '../units/distance';
import { addDays } from './calendar';
import type { Reason } from './evidence';
import type { Ladder, LadderStep } from './ladder';
import { describeSession, isContinuous, stepDurationSeconds } from './ladder';
import type { RunningMetrics } from './metrics';
import { median } from './metrics';
import type { ClinicPolicy } from './policy';
import { makeReason } from './rules';

/**
 * Next week's prescription for a rung, shortened by the single-session spike guard: no planned
 * session longer than maxPercentOfLongest % of the longest run in the look-back (Frandsen 2025 ✅:
 * sessions >10% longer than the longest run of the past 30 days raised injury risk). Session length
 * is compared as distance, as in that study, at the patient's recent speed.
 */
export interface Prescription {
  weekStart: string;
  stepId: string;
  /** 1-based position on the ladder, and the ladder's length. */
  stepNumber: number;
  ladderLength: number;
  sessionsPerWeek: number;
  runSeconds: number;
  walkSeconds: number;
  repeats: number;
  sessionSeconds: number;
  /** True when the spike guard shortened the rung's session. */
  shortenedBySpikeGuard: boolean;
  instructions: string;
  expectedSessionDistanceM: number | null;
  expectedWeeklyDistanceM: number | null;
  spikeGuardCapM: number | null;
  surface: string;
  speedGuidance: string;
}

export function sessionsFor(step: LadderStep, policy: ClinicPolicy): number {
  return step.sessionsPerWeek ?? policy.progression.sessionsPerWeek;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function stepLabel(ladder: Ladder, index: number): string {
  return `rung ${index + 1} of ${ladder.length}: ${describeSession(ladder[index]!).replace(/^Run/, 'run')}`;
}

/**
 * The speed next week's distances are estimated at: recent running speed, else recent whole-session
 * speed, else the median speed over the spike guard's look-back (so a reference run always has a speed).
 */
export function speedForPlanning(metrics: RunningMetrics, policy: ClinicPolicy): number | null {
  const { runningMps, overallMps } = metrics.recentSpeed;
  if (runningMps !== null) return runningMps;
  if (overallMps !== null) return overallMps;
  const from = addDays(metrics.asOf, -(policy.spikeGuard.lookbackDays - 1));
  return median(metrics.runs.filter((r) => r.date >= from && r.speedMps !== null).map((r) => r.speedMps!));
}

export interface PrescriptionInput {
  ladder: Ladder;
  stepIndex: number;
  policy: ClinicPolicy;
  /** Metrics as of the last day of the week under review. */
  metrics: RunningMetrics;
  weekStart: string;
  unit: DistanceUnit;
}

/** `prescription` is null when even the shortest session of the rung would break the spike guard. */
export function buildPrescription(input: PrescriptionInput): { prescription: Prescription | null; reasons: Reason[] } {
  const { ladder, stepIndex, policy, metrics, unit } = input;
  const step = ladder[stepIndex]!;
  const sessions = sessionsFor(step, policy);
  const d = (m: number) => formatDistance(m, unit, 2);
  const reasons: Reason[] = [];
  const longest = metrics.longestRecentRun;
  const runMps = speedForPlanning(metrics, policy);
  const walkMps = runMps === null ? null : Math.min(policy.metrics.assumedWalkingSpeedMps, runMps);
  type Session = Pick<LadderStep, 'runSeconds' | 'walkSeconds' | 'repeats'>;
  const distanceOf = (s: Session) => (runMps === null || walkMps === null ? null : s.repeats * (s.runSeconds * runMps + s.walkSeconds * walkMps));
  let session: Session = { runSeconds: step.runSeconds, walkSeconds: step.walkSeconds, repeats: step.repeats };
  let shortened = false;
  let cap: number | null = null;
  const { lookbackDays, maxPercentOfLongest } = policy.spikeGuard;

  if (longest && runMps !== null) {
    cap = (longest.distanceM * maxPercentOfLongest) / 100;
    const expected = distanceOf(session)!;
    const capText = `${d(cap)} (${maxPercentOfLongest}% of the longest run in the past ${lookbackDays} days, ${d(longest.distanceM)} on ${longest.date})`;
    if (expected > cap) {
      // Keep the rung's interval and shorten the session: fewer repeats, or fewer whole minutes of continuous running.
      if (isContinuous(session)) {
        const minutes = Math.floor(cap / runMps / 60);
        session = { runSeconds: minutes * 60, walkSeconds: 0, repeats: minutes >= 1 ? 1 : 0 };
      } else session = { ...session, repeats: Math.floor(cap / distanceOf({ ...session, repeats: 1 })!) };
      if (session.repeats < 1) {
        reasons.push(makeReason('planner.spike-guard', `Even the shortest session of ${stepLabel(ladder, stepIndex)} would be longer than ${capText}: review before running again.`, 'stop-and-review', policy));
        return { prescription: null, reasons };
      }
      shortened = true;
      reasons.push(makeReason('planner.spike-guard', `At the patient's recent speed the rung's session would cover about ${d(expected)}, more than ${capText}: shortened to ${describeSession(session).replace(/^Run/, 'run')}.`, 'adjust', policy));
    } else reasons.push(makeReason('planner.spike-guard', `The planned session (about ${d(expected)}) stays within ${capText}.`, 'info', policy));
  } else if (!longest) {
    reasons.push(makeReason('planner.spike-guard-no-reference', `No run in the past ${lookbackDays} days: the spike guard has no reference, so the rung is prescribed as written and the first sessions set the reference.`, 'info', policy));
  }

  const sessionDistance = distanceOf(session);
  return {
    reasons,
    prescription: {
      weekStart: addDays(input.weekStart, 7),
      stepId: step.id,
      stepNumber: stepIndex + 1,
      ladderLength: ladder.length,
      sessionsPerWeek: sessions,
      runSeconds: session.runSeconds,
      walkSeconds: session.walkSeconds,
      repeats: session.repeats,
      sessionSeconds: stepDurationSeconds(session),
      shortenedBySpikeGuard: shortened,
      instructions: `${describeSession(session)}. Do this ${plural(sessions, 'time')} this week, with at least one rest day between runs.`,
      // Rounded for people; rounding can add at most half a metre to a capped session.
      expectedSessionDistanceM: sessionDistance === null ? null : Math.round(sessionDistance),
      expectedWeeklyDistanceM: sessionDistance === null ? null : Math.round(sessionDistance * sessions),
      spikeGuardCapM: cap === null ? null : Math.round(cap),
      surface: `Level surfaces without hills — a track, flat path or sports field.${policy.progression.holdOnNewSurface ? ' Keep to surfaces already used; a new surface makes the next week a hold week.' : ''} Grass where available is research context, not a requirement.`,
      speedGuidance: 'Easy, conversational pace: effort about 3–5 out of 10. No speed target.',
    },
  };
}
