import type { DistanceUnit } from '../domain/clinic';
import { addDays, daysBetween, isWithin, startOfWeek } from './calendar';
import type { Reason, ReasonEffect } from './evidence';
import type { HomeExercise } from './exercises';
import { getExercise } from './exercises';
import type { GateStatus } from './gates';
import { evaluateGates, gateInfoSentence } from './gates';
import type { OutcomeCheck, OutcomeScorePoint } from './outcomeGate';
import { evaluateOutcomeGate, outcomeCheckSentence } from './outcomeGate';
import type { PlanDecisionKind, PlanWeek, TherapistOverride } from './history';
import { effectiveDecision } from './history';
import type { Ladder } from './ladder';
import { stepIndex } from './ladder';
import type { RunningMetrics } from './metrics';
import { computeRunningMetrics } from './metrics';
import type { PainTrend, PainZone, RunPainAssessment, WeekPainSummary } from './pain';
import { summarizeWeekPain } from './pain';
import type { ClinicPolicy } from './policy';
import type { Prescription } from './prescription';
import { buildPrescription, plural, sessionsFor, stepLabel } from './prescription';
import type { Reassessment } from './reassessment';
import type { ResearchContext } from './researchContext';
import { buildResearchContext } from './researchContext';
import { makeReason } from './rules';
import type { Run } from './runs';
import { activeRedFlags, sortRuns } from './runs';
import type { RedFlagAction, ScreenFlag } from './redFlags';
import { activeScreenFlags } from './redFlags';
import { addRedFlagReasons } from './redFlagRules';

/**
 * The run-walk planner (clinical.md §2.5, synthesised; the clinic signs it off as policy). At the end
 * of a plan week it decides progress one rung / hold / regress one rung / stop and review, and writes
 * next week's prescription, with every reason behind the decision. Pure: same input → same output.
 *
 * Order of precedence: red flags and severe flares → stop (a cauda-equina sign also asks for urgent
 * medical assessment today); red pain → regress (or stop when it keeps happening); anything that
 * argues for holding → hold, or review once the plan has held too long on one rung; otherwise
 * progress. Gates and the caution window can only turn a progress into a hold. The spike guard then
 * shortens the prescribed session if needed. The acute:chronic ratio is computed for display only
 * and is never read here (clinical.md §2.3).
 */
export interface PlannerInput {
  policy: ClinicPolicy;
  ladder: Ladder;
  /** First day of the plan (for week numbers and cumulative distance). */
  planStart: string;
  /** First day of the week under review; the decision is taken at its end. */
  weekStart: string;
  currentStepId: string;
  /** The patient's usual pain (0–10), against which next-morning pain is read. */
  baselinePain: number | null;
  /** Stored plan weeks; may include the week under review (its check-in and any override). */
  history: readonly PlanWeek[];
  runs: readonly Run[];
  reassessments: readonly Reassessment[];
  /** The episode's NPRS and ODI scores (the first is the baseline); absent or empty when none were recorded. */
  outcomes?: readonly OutcomeScorePoint[];
  distanceUnit: DistanceUnit;
}

export interface WeekReviewed {
  weekStart: string;
  weekEnd: string;
  weekNumber: number;
  stepId: string;
  sessionsLogged: number;
  sessionsCompletedAtStep: number;
  prescribedSessions: number;
  pain: {
    zone: PainZone | null;
    peak: number | null;
    previousPeak: number | null;
    trend: PainTrend;
    worstNextMorningRise: number | null;
    runsMissingScores: number;
  };
  redFlags: ScreenFlag[];
}

export interface HistoryOverride {
  weekStart: string;
  decision: PlanDecisionKind;
  engineDecision: PlanDecisionKind | null;
  reason: string;
  by: string | null;
  date: string | null;
}

export interface PlanDecision {
  weekReviewed: WeekReviewed;
  decision: PlanDecisionKind;
  /** What the rules alone decided (differs from `decision` only under a therapist override). */
  engineDecision: PlanDecisionKind;
  override: TherapistOverride | null;
  /** The most urgent red-flag action of the week: urgent medical assessment, stop and refer, or stop until review. */
  redFlagAction: RedFlagAction | null;
  fromStepId: string;
  toStepId: string | null;
  prescription: Prescription | null;
  reasons: Reason[];
  homeExercises: HomeExercise[];
  gates: GateStatus[];
  /** Questionnaires against the episode's baseline, as the review read them (absent in decisions stored before). */
  outcomeChecks: OutcomeCheck[];
  researchContext: ResearchContext;
  metrics: Pick<
    RunningMetrics,
    'rolling7DistanceM' | 'rolling28DistanceM' | 'longestRecentRun' | 'cumulativeDistanceM' | 'adherence' | 'softSurfaceShare' | 'meanRunningSpeedMps' | 'recentSpeed' | 'acwr'
  >;
  overridesInHistory: HistoryOverride[];
}

const EFFECT_RANK: Record<ReasonEffect, number> = { 'stop-and-review': 0, regress: 1, review: 2, hold: 3, adjust: 4, progress: 5, info: 6 };

/** Output only: figures in the decision JSON are for people; the maths above uses full precision. */
function round2<T extends number | null>(v: T): T {
  return (v === null ? null : Math.round(v * 100) / 100) as T;
}

/** What a next-morning score was read against, in words. */
function morningReference(p: RunPainAssessment): string {
  return p.referenceKind === 'baseline' ? `the patient's usual ${p.reference}/10` : `${p.reference}/10 before that run`;
}

function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
  return words[n - 1] ?? `${n}th`;
}

function targetIndex(decision: PlanDecisionKind, index: number, ladder: Ladder): number {
  if (decision === 'progress') return Math.min(index + 1, ladder.length - 1);
  if (decision === 'regress') return Math.max(index - 1, 0);
  return index;
}

export function decideNextWeek(input: PlannerInput): PlanDecision {
  const { policy, ladder, weekStart, currentStepId, distanceUnit: unit } = input;
  const index = stepIndex(ladder, currentStepId);
  if (index < 0) throw new Error(`Step "${currentStepId}" is not on the ladder`);
  const currentStep = ladder[index]!;
  const weekEnd = addDays(weekStart, 6);
  const weekNumber = Math.floor(daysBetween(startOfWeek(input.planStart, policy.weekStartsOn), weekStart) / 7) + 1;

  const history = [...input.history].sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
  const thisWeek = history.find((h) => h.weekStart === weekStart) ?? null;
  const past = history.filter((h) => h.weekStart < weekStart);
  const runs = sortRuns(input.runs).filter((r) => r.date <= weekEnd);
  const weekRuns = runs.filter((r) => isWithin(r.date, weekStart, weekEnd));
  const previousWeek = addDays(weekStart, -7);
  const previousWeekEnd = addDays(weekStart, -1);
  const previousWeekRuns = runs.filter((r) => isWithin(r.date, previousWeek, previousWeekEnd));

  const reasons: Reason[] = [];
  const add = (ruleId: string, sentence: string, effect: ReasonEffect) => reasons.push(makeReason(ruleId, sentence, effect, policy));

  // --- Red flags: from the week's red-flag screens and from the week's runs.
  const seen = new Map<ScreenFlag, string[]>();
  const note = (flag: ScreenFlag, where: string) => seen.set(flag, [...new Set([...(seen.get(flag) ?? []), where])]);
  if (thisWeek) for (const f of activeScreenFlags(thisWeek.redFlags)) note(f, 'in the red-flag screen this week');
  for (const r of weekRuns) for (const f of activeRedFlags(r.redFlags)) note(f, `with the run on ${r.date}`);
  const redFlagAction = addRedFlagReasons(seen, thisWeek?.physicianAssessed ?? [], add);

  // --- Sessions completed at the current rung since the patient last moved onto it.
  const weekOf = (date: string) => history.find((h) => isWithin(date, h.weekStart, addDays(h.weekStart, 6)));
  const stepOfRun = (r: Run) => r.stepId ?? (isWithin(r.date, weekStart, weekEnd) ? currentStepId : (weekOf(r.date)?.stepId ?? null));
  let blockStart = weekStart;
  for (let i = past.length - 1; i >= 0; i--) {
    const w = past[i]!;
    if (w.stepId !== currentStepId || w.weekStart !== addDays(blockStart, -7)) break;
    blockStart = w.weekStart;
  }
  const sessionsAtStep = runs.filter((r) => isWithin(r.date, blockStart, weekEnd) && !r.stoppedEarly && stepOfRun(r) === currentStepId).length;

  // --- Pain this week.
  const pain: WeekPainSummary = summarizeWeekPain(weekRuns, previousWeekRuns, policy, input.baselinePain);
  const { greenMax, amberMax } = policy.pain;
  const peakRuns = pain.runs.filter((p) => p.peak !== null && p.peak === pain.peak).map((p) => p.date);
  if (pain.peak !== null) {
    const when = peakRuns.length === 1 ? ` (${peakRuns[0]})` : '';
    if (pain.peak > amberMax)
      add('pain.zones', `Pain during or after runs this week peaked at ${pain.peak}/10${when}, above the clinic's ${amberMax}/10 ceiling.`, 'regress');
    else if (pain.peak > greenMax)
      add('pain.zones', `Pain during or after runs this week peaked at ${pain.peak}/10${when}, in the acceptable ${greenMax + 1 === amberMax ? amberMax : `${greenMax + 1}–${amberMax}`}/10 zone but above the ${greenMax}/10 green ceiling.`, 'hold');
    else add('pain.zones', `Pain during or after runs this week stayed at or below ${pain.peak}/10, within the clinic's ${greenMax}/10 green ceiling.`, 'progress');
  }
  const morning = pain.runs.filter((p) => p.nextMorningRise !== null);
  for (const p of morning) {
    const ref = morningReference(p);
    if (p.nextMorningZone === 'red')
      add('pain.next-morning', `The morning after the run on ${p.date} pain was ${p.nextMorning}/10, ${plural(p.nextMorningRise!, 'point')} above ${ref} (a rise of ${policy.pain.nextMorningRedRise} or more counts as worse at 24 hours).`, 'regress');
    else if (p.nextMorningZone === 'amber')
      add('pain.next-morning', `The morning after the run on ${p.date} pain was ${p.nextMorning}/10, ${plural(p.nextMorningRise!, 'point')} above ${ref}: not yet settled.`, 'hold');
  }
  if (morning.length && morning.every((p) => p.nextMorningZone === 'green'))
    add('pain.next-morning', `Next-morning pain was back to the usual level after ${morning.length === 1 ? 'the run' : morning.length === 2 ? 'both runs' : `all ${morning.length} runs`} scored this week.`, 'progress');
  if (pain.trend === 'rising')
    add('pain.week-trend', `Peak run pain rose from ${pain.previousPeak}/10 last week to ${pain.peak}/10 this week; pain should not increase week to week.`, 'hold');
  if (pain.runsMissingScores > 0 && policy.pain.requireScoresToProgress)
    add('pain.scores-required', `${plural(pain.runsMissingScores, 'run')} this week ${pain.runsMissingScores === 1 ? 'has' : 'have'} no during or next-morning pain score (or no usual pain to compare with), so tolerance cannot be confirmed.`, 'hold');

  // --- A severe flare stops the progression for review: a step back is not enough.
  const { severeFlarePeak, severeFlareNextMorningRise } = policy.pain;
  for (const p of pain.runs) {
    const during = p.peak !== null && p.peak >= severeFlarePeak ? `pain reached ${p.peak}/10 during or straight after the run on ${p.date}` : null;
    const ref = morningReference(p);
    const morning =
      p.nextMorningRise !== null && p.nextMorningRise >= severeFlareNextMorningRise ? `the next morning pain was ${p.nextMorning}/10, ${plural(p.nextMorningRise, 'point')} above ${ref}` : null;
    if (during || morning)
      add(
        'pain.severe-flare',
        `Severe flare: ${[during, morning].filter(Boolean).join(', and ')} (the clinic treats ${severeFlarePeak}/10 or more, or a rise of ${severeFlareNextMorningRise} or more the next morning, as a severe flare). Stop the progression and review the patient before the next run.`,
        'stop-and-review',
      );
  }

  // --- Volume of work at this rung.
  const minSessions = policy.progression.minSessionsAtStep;
  if (weekRuns.length === 0) add('planner.no-runs', 'No runs were logged this week, so there is nothing to judge tolerance on.', 'hold');
  if (sessionsAtStep < minSessions)
    add('planner.min-sessions', `${plural(sessionsAtStep, 'session')} completed at this rung so far; the clinic asks for at least ${minSessions} before progressing.`, 'hold');
  else add('planner.min-sessions', `${plural(sessionsAtStep, 'session')} completed at this rung (at least ${minSessions} needed to progress).`, 'progress');

  // --- First week on a new surface.
  if (policy.progression.holdOnNewSurface) {
    const earlier = runs.filter((r) => r.date < weekStart);
    const known = new Set(earlier.map((r) => r.surface).filter((s) => s !== null));
    const fresh = [...new Set(weekRuns.map((r) => r.surface).filter((s): s is NonNullable<typeof s> => s !== null && !known.has(s)))];
    if (earlier.length && fresh.length) add('planner.new-surface', `This was the first week on ${fresh.join(' and ')}: repeat the rung before adding load.`, 'hold');
  }

  // --- Mobility gates from the latest reassessment.
  const gates = evaluateGates(input.reassessments, weekEnd, policy);
  for (const g of gates) {
    if (g.active) {
      const names = g.exercises.map((id) => getExercise(id).name).join('; ');
      add(g.ruleId, `The reassessment on ${g.reassessmentDate} found ${g.findings.join('; ')}: hold the interval progression and add to the home program: ${names}.`, 'hold');
    } else {
      const info = gateInfoSentence(g);
      if (info) add(info.ruleId, info.sentence, 'info');
    }
  }

  // --- Questionnaires against the episode's baseline: the patient's own report of pain and disability.
  const outcomeChecks = evaluateOutcomeGate(input.outcomes ?? [], weekEnd, policy);
  for (const c of outcomeChecks) add('gate.outcomes-worse', outcomeCheckSentence(c), c.active ? 'hold' : 'info');

  // --- The clinic's caution window (clinic policy; not a trial finding).
  const cw = policy.cautionWindow;
  if (cw.enabled && weekNumber >= cw.fromWeek && weekNumber <= cw.toWeek)
    add(
      'planner.caution-window',
      `Plan week ${weekNumber} is inside the clinic's caution window (${cw.fromWeek === cw.toWeek ? `week ${cw.fromWeek}` : `weeks ${cw.fromWeek}–${cw.toWeek}`}). This is clinic policy: ASTEROID's published results do not report flare-ups around week 6.${cw.action === 'hold' ? ' Hold rather than progress.' : ''}`,
      cw.action === 'hold' ? 'hold' : 'info',
    );

  // --- The engine's decision.
  const consecutiveRegressions = (() => {
    let n = 0;
    for (let i = past.length - 1; i >= 0 && effectiveDecision(past[i]!) === 'regress'; i--) n++;
    return n;
  })();
  const has = (e: ReasonEffect) => reasons.some((r) => r.effect === e);
  let engineDecision: PlanDecisionKind;
  if (has('stop-and-review')) engineDecision = 'stop-and-review';
  else if (has('regress')) {
    if (consecutiveRegressions >= policy.progression.maxConsecutiveRegressions) {
      add('planner.not-improving', `The plan has already stepped back ${plural(consecutiveRegressions, 'week')} in a row (the clinic reviews after ${policy.progression.maxConsecutiveRegressions}) and this week calls for another step back: symptoms are not improving, so stop and review.`, 'stop-and-review');
      engineDecision = 'stop-and-review';
    } else {
      engineDecision = 'regress';
      add('planner.regress-on-red', index === 0 ? 'Step back: already on the first rung, so repeat it (consider fewer sessions this week).' : `Step back one rung to ${stepLabel(ladder, index - 1)}.`, 'regress');
    }
  } else if (has('hold')) {
    // Holds in a row on this rung, this week included: the plan is not moving, so ask for a review.
    let held = 1;
    for (let i = past.length - 1, cursor = weekStart; i >= 0; i--) {
      const w = past[i]!;
      const d = effectiveDecision(w);
      if (w.weekStart !== addDays(cursor, -7) || w.stepId !== currentStepId || (d !== 'hold' && d !== 'review')) break;
      held++;
      cursor = w.weekStart;
    }
    const limit = policy.progression.reviewAfterHolds;
    if (held >= limit) {
      engineDecision = 'review';
      add(
        'planner.stalled',
        `This is the ${ordinal(held)} week in a row on rung ${index + 1} of ${ladder.length} without progressing (the clinic reviews after ${limit}): review the patient — reassess, and consider stepping back or changing the plan. Until then, repeat the rung.`,
        'review',
      );
    } else {
      engineDecision = 'hold';
      add('planner.hold', `Repeat ${stepLabel(ladder, index)} next week.`, 'hold');
    }
  } else if (index === ladder.length - 1) {
    engineDecision = 'hold';
    add('planner.top-of-ladder', 'Every progression criterion was met, and this is the last rung: continuous running. Hold here; what comes next is the therapist\'s call.', 'hold');
  } else {
    engineDecision = 'progress';
    add('planner.progress', `All progression criteria met: step up one rung to ${stepLabel(ladder, index + 1)}.`, 'progress');
  }

  // --- A therapist's override for this week wins, and is shown first.
  const override = thisWeek?.override ?? null;
  let decision = override?.decision ?? engineDecision;
  let toIndex: number | null = decision === 'stop-and-review' ? null : override?.stepId ? stepIndex(ladder, override.stepId) : targetIndex(decision, index, ladder);
  if (toIndex !== null && toIndex < 0) throw new Error(`Override step "${override?.stepId}" is not on the ladder`);
  const overrideReason = override
    ? makeReason(
        'planner.override',
        `Therapist override${override.by ? ` by ${override.by}` : ''}${override.date ? ` on ${override.date}` : ''}: ${decision}${toIndex !== null ? ` to ${stepLabel(ladder, toIndex)}` : ''} — "${override.reason}". The rules alone said ${engineDecision}.`,
        decision === 'stop-and-review' ? 'stop-and-review' : decision,
        policy,
      )
    : null;

  // --- Metrics for the week (the ACWR rides along for display only).
  const prescribedFor = (w: string): number | null => {
    if (w === weekStart) return sessionsFor(currentStep, policy);
    const entry = history.find((h) => h.weekStart === w);
    const step = entry ? ladder[stepIndex(ladder, entry.stepId)] : undefined;
    return step ? sessionsFor(step, policy) : null;
  };
  const metrics = computeRunningMetrics({ runs, asOf: weekEnd, policy, planStart: input.planStart, prescribedSessions: prescribedFor });

  // --- Next week's prescription, shortened by the spike guard when needed.
  let prescription: Prescription | null = null;
  if (toIndex !== null) {
    const built = buildPrescription({ ladder, stepIndex: toIndex, policy, metrics, weekStart, unit });
    reasons.push(...built.reasons);
    prescription = built.prescription;
    if (!prescription) {
      decision = 'stop-and-review';
      if (!override) engineDecision = 'stop-and-review';
      toIndex = null;
    }
  }

  const homeExercises = [...new Set(gates.filter((g) => g.active).flatMap((g) => g.exercises))].map(getExercise);
  // Reasons to stop come first whatever was decided (a red flag must not sink under an override), then
  // those for the decision taken, then the rest by weight, each group in rule order.
  const rank = (r: Reason) => (r.effect === 'stop-and-review' ? -2 : r.effect === decision ? -1 : EFFECT_RANK[r.effect]);
  const ordered = reasons.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map((x) => x.r);

  return {
    weekReviewed: {
      weekStart,
      weekEnd,
      weekNumber,
      stepId: currentStepId,
      sessionsLogged: weekRuns.length,
      sessionsCompletedAtStep: sessionsAtStep,
      prescribedSessions: sessionsFor(currentStep, policy),
      pain: {
        zone: pain.zone,
        peak: pain.peak,
        previousPeak: pain.previousPeak,
        trend: pain.trend,
        worstNextMorningRise: pain.worstNextMorningRise,
        runsMissingScores: pain.runsMissingScores,
      },
      redFlags: [...seen.keys()],
    },
    decision,
    engineDecision,
    override,
    redFlagAction,
    fromStepId: currentStepId,
    toStepId: toIndex === null ? null : ladder[toIndex]!.id,
    prescription,
    reasons: overrideReason ? [overrideReason, ...ordered] : ordered,
    homeExercises,
    gates,
    outcomeChecks,
    researchContext: buildResearchContext(metrics, weekNumber, unit),
    metrics: {
      rolling7DistanceM: Math.round(metrics.rolling7DistanceM),
      rolling28DistanceM: Math.round(metrics.rolling28DistanceM),
      longestRecentRun: metrics.longestRecentRun,
      cumulativeDistanceM: Math.round(metrics.cumulativeDistanceM),
      adherence: metrics.adherence && { ...metrics.adherence, ratio: round2(metrics.adherence.ratio) },
      softSurfaceShare: round2(metrics.softSurfaceShare),
      meanRunningSpeedMps: round2(metrics.meanRunningSpeedMps),
      recentSpeed: { ...metrics.recentSpeed, runningMps: round2(metrics.recentSpeed.runningMps), overallMps: round2(metrics.recentSpeed.overallMps) },
      acwr: { ...metrics.acwr, acuteM: Math.round(metrics.acwr.acuteM), chronicWeeklyM: Math.round(metrics.acwr.chronicWeeklyM), ratio: round2(metrics.acwr.ratio) },
    },
    overridesInHistory: past
      .filter((w) => w.override)
      .map((w) => ({ weekStart: w.weekStart, decision: w.override!.decision, engineDecision: w.engineDecision, reason: w.override!.reason, by: w.override!.by, date: w.override!.date })),
  };
}
