import type { Weekday } from '../clinical/calendar';
import { addDays } from '../clinical/calendar';
import type { PlanWeek } from '../clinical/history';
import type { Ladder } from '../clinical/ladder';
import { isContinuous, stepDurationSeconds, stepIndex } from '../clinical/ladder';
import { decideNextWeek, type PlanDecision } from '../clinical/planner';
import type { ClinicPolicy } from '../clinical/policy';
import type { Prescription } from '../clinical/prescription';
import { screenFlagsRecord } from '../clinical/redFlags';
import type { Run } from '../clinical/runs';
import { redFlagsRecord } from '../clinical/runs';
import type { DateOrder } from '../domain/locale';
import { formatDay } from '../format/clock';
import type { Translator } from '../i18n/translate';
import type { CalendarWeek, RunWalkCalendar } from './handout-parts';

/** The session the plan holds for a week: the rung and the sessions as prescribed (a spike-guard shortening included). */
export type PlannedSession = Pick<Prescription, 'stepId' | 'sessionsPerWeek' | 'runSeconds' | 'walkSeconds' | 'repeats' | 'shortenedBySpikeGuard'>;

export interface RunWalkCalendarInput {
  /** The patient's active plan, or null when there is none (then there is no calendar). */
  plan: {
    /** The plan's first day (week numbers count from it, as the planner's caution window does). */
    startDate: string;
    /** The plan's sessions a week (the planner runs with it in place of the policy's, as plans.review does). */
    sessionsPerWeek: number;
    /** The week the plan prescribes now: the current week, or the next one once the current one is decided. */
    weekStart: string;
    session: PlannedSession;
    /** The patient's recent running speed (m/s) from the plan's metrics; null when no run has a speed yet. */
    runningSpeedMps: number | null;
  } | null;
  ladder: Ladder;
  policy: ClinicPolicy;
  /** The clinic's week start and date order (the patient's language gives the words). */
  weekStartsOn: Weekday;
  dateOrder: DateOrder;
  t: Translator;
}

const WEEKS = 4;
const BASELINE = 1;

/** Patient-facing words for a length of time in the translator's language: "1 minute 45 seconds". */
export function timeWords(seconds: number, t: Translator): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (m === 0) return t.count('time.seconds', s);
  if (s === 0) return t.count('time.minutes', m);
  return t.text('time.minutes-seconds', { minutes: t.count('time.minutes', m), seconds: t.count('time.seconds', s) });
}

export function sessionWords(s: Pick<PlannedSession, 'runSeconds' | 'walkSeconds' | 'repeats'>, t: Translator): string {
  const total = timeWords(stepDurationSeconds(s), t);
  if (isContinuous(s)) return t.text('calendar.session.continuous', { total });
  return t.count('calendar.session.intervals', s.repeats, { run: timeWords(s.runSeconds, t), walk: timeWords(s.walkSeconds, t), total });
}

/** The locale dates print in: the patient's language, in the clinic's day-month order where the language has both. */
function dateLocale(t: Translator, order: DateOrder): string {
  if (t.language === 'es') return 'es';
  return order === 'DMY' ? 'en-GB' : 'en-US';
}

/**
 * A good week at a session, as the planner reads one: every prescribed session done on its rung, on
 * the same kind of ground, at the patient's speed, pain in the green zone and back to usual the next
 * morning, no red flags. Without a known speed every session is costed at walking pace, so sessions
 * compare by their length in time alone.
 */
function goodWeek(weekStart: string, session: PlannedSession, speedMps: number, walkMps: number): Run[] {
  const days = Array.from({ length: session.sessionsPerWeek }, (_, i) => Math.floor((i * 7) / session.sessionsPerWeek));
  const runS = session.runSeconds * session.repeats;
  const walkS = session.walkSeconds * session.repeats;
  return days.map((d) => ({
    date: addDays(weekStart, d),
    distanceM: runS * speedMps + walkS * Math.min(walkMps, speedMps),
    durationS: runS + walkS,
    runSeconds: runS,
    walkSeconds: walkS,
    surface: 'track',
    pain: { before: BASELINE, during: BASELINE, after: BASELINE, nextMorning: BASELINE },
    rpe: 4,
    stepId: session.stepId,
    stoppedEarly: false,
    redFlags: redFlagsRecord([]),
  }));
}

function conditionKey(decision: PlanDecision, ladder: Ladder): string {
  if (decision.decision === 'progress') return 'calendar.condition.progress';
  if (decision.decision === 'review') return 'calendar.condition.review';
  return stepIndex(ladder, decision.fromStepId) === ladder.length - 1 ? 'calendar.condition.top' : 'calendar.condition.hold';
}

/**
 * The next four weeks of run-walk sessions for the handout. Week 1 is what the plan prescribes now;
 * each later week is what the planner itself (decideNextWeek) prescribes after a good week at the one
 * before — so the rung, the clinic's rules for moving on (sessions needed at a rung, caution window,
 * top of the ladder) and the spike guard's shortening are the planner's, never a second copy of them.
 */
export function buildRunWalkCalendar(input: RunWalkCalendarInput): RunWalkCalendar | null {
  const { plan, ladder, t } = input;
  if (!plan) return null;
  const policy: ClinicPolicy = { ...input.policy, progression: { ...input.policy.progression, sessionsPerWeek: plan.sessionsPerWeek } };
  if (stepIndex(ladder, plan.session.stepId) < 0) throw new Error(`Step "${plan.session.stepId}" is not on the clinic's ladder`);
  const walkMps = policy.metrics.assumedWalkingSpeedMps;
  const speed = plan.runningSpeedMps ?? walkMps;
  const locale = dateLocale(t, input.dateOrder);
  const surface = t.text(policy.progression.holdOnNewSurface ? 'calendar.surface.keep' : 'calendar.surface');
  const pace = t.text('calendar.pace');

  const week = (n: number, weekStart: string, s: PlannedSession, condition: string | null): CalendarWeek => ({
    weekStart,
    label: t.text('calendar.week-label', { n, date: formatDay(weekStart, locale, 'short') }),
    sessionsPerWeek: s.sessionsPerWeek,
    runSeconds: s.runSeconds,
    walkSeconds: s.walkSeconds,
    repeats: s.repeats,
    totalMinutes: Math.round(stepDurationSeconds(s) / 60),
    sessionText: `${sessionWords(s, t)}. ${t.count('calendar.sessions-per-week', s.sessionsPerWeek)}.${s.shortenedBySpikeGuard ? ` ${t.text('calendar.shortened')}` : ''}`,
    surface,
    pace,
    condition,
  });

  const weeks: CalendarWeek[] = [week(1, plan.weekStart, plan.session, null)];
  const history: PlanWeek[] = [];
  const runs: Run[] = [];
  let current = plan.session;
  let weekStart = plan.weekStart;
  for (let n = 2; n <= WEEKS; n++) {
    runs.push(...goodWeek(weekStart, current, speed, walkMps));
    history.push({ weekStart, stepId: current.stepId, redFlags: screenFlagsRecord([]), physicianAssessed: [], engineDecision: null, override: null });
    const decision = decideNextWeek({
      policy,
      ladder,
      planStart: plan.startDate,
      weekStart,
      currentStepId: current.stepId,
      baselinePain: BASELINE,
      history,
      runs,
      reassessments: [],
      distanceUnit: 'km',
    });
    // A good week never stops the plan; if the planner would (a clinic ladder the spike guard cannot
    // fit), the calendar ends there and the therapist decides at the next review.
    if (!decision.prescription) break;
    history[history.length - 1] = { ...history[history.length - 1]!, engineDecision: decision.engineDecision };
    current = decision.prescription;
    weekStart = decision.prescription.weekStart;
    weeks.push(week(n, weekStart, current, t.text(conditionKey(decision, ladder))));
  }
  return { weeks, intro: t.text('calendar.intro') };
}
