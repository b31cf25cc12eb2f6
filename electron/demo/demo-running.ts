import { Faker, base, en } from '@faker-js/faker';
import { addDays, startOfWeek } from '../../shared/clinical/calendar';
import { DEFAULT_LADDER } from '../../shared/clinical/ladder';
import { screenEntryOf } from '../../shared/clinical/redFlags';
import type { Dispatch } from '../api/dispatcher';
import { localToInstant } from '../../shared/schedule/clinic-time';
import { must } from './demo-api';

interface Ctx {
  dispatch: Dispatch;
  setNow(date: Date): Promise<void>;
  /** A therapist's session. */
  session: string;
  today: string;
  timeZone: string;
  seed: number;
  patientIds: number[];
}

const SESSION_DAYS = [0, 2, 5]; // Monday, Wednesday, Saturday

/**
 * A few patients with 4–12 weeks of plausible run-walk history: three sessions a week at the plan's
 * rung (sometimes two), running at 9–11 km/h with walking breaks, pain scores mostly low with the odd
 * flare, surfaces mixed. Each finished week but the last is reviewed by the planner through the API
 * and accepted (one patient's week is overridden with a reason), so the plan history is the real
 * engine's output; the last finished week of every plan waits for a therapist to try the review.
 */
export async function createDemoRunning(c: Ctx): Promise<number> {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(c.seed * 7717 + 3);
  const call = (channel: string, input: unknown) => c.dispatch({ channel, input, sessionToken: c.session, transport: 'cli' });
  const at = (date: string, minute: number) => c.setNow(new Date(localToInstant(date, minute, c.timeZone)));
  // (awaited at each use: the demo's sessions move with the clock)
  let runs = 0;
  for (const [n, patientId] of c.patientIds.entries()) {
    const weeks = 4 + ((n * 3 + c.seed) % 9); // 4–12 weeks
    const thisWeek = startOfWeek(c.today, 'monday');
    const start = addDays(thisWeek, -7 * weeks);
    const speed = faker.number.float({ min: 2.5, max: 3.1 }); // m/s running (9–11 km/h)
    const baseline = faker.number.int({ min: 1, max: 3 });
    // Most people run the same route; a new surface makes the planner hold a week (clinic policy).
    const usualSurface = faker.helpers.arrayElement(['grass', 'road', 'track'] as const);
    const flareWeek = n % 2 === 0 ? faker.number.int({ min: 2, max: Math.max(2, weeks - 1) }) : -1;
    await at(start, 8 * 60);
    const startingStep = DEFAULT_LADDER[n % 3]!.id;
    // The screen at plan start: one patient has a history of cancer their physician has assessed.
    const startScreen =
      n === 2
        ? screenEntryOf(['cancerHistory'], ['cancerHistory'], `Treated for breast cancer in ${Number(start.slice(0, 4)) - 9}; Dr ${faker.person.lastName()} assessed this back pain and cleared running.`)
        : screenEntryOf();
    const recorded = await must<{ screen: { id: number } }>(call('redFlags.record', { patientId, context: { kind: 'plan-start' }, entry: startScreen }), 'plan-start screen');
    let plan = await must<{ weeks: { id: number; weekStart: string; stepId: string; engineDecision: string | null }[] }>(
      call('plans.start', { patientId, startDate: start, startingStepId: startingStep, sessionsPerWeek: 3, baselinePain: baseline, screenId: recorded.screen.id }),
      'start plan',
    );
    let overridden = false;
    for (let w = 0; w <= weeks; w++) {
      const week = plan.weeks.at(-1)!;
      await logWeek(week.weekStart, week.stepId, w);
      const lastDay = addDays(week.weekStart, 6);
      if (lastDay >= c.today) break; // this week is still running
      // The last finished week is left for a newcomer to review (Plan tab → "Review the week"); the
      // patient runs on at the same rung meanwhile.
      if (addDays(lastDay, 7) >= c.today) {
        await logWeek(addDays(week.weekStart, 7), week.stepId, w + 1);
        break;
      }
      await at(lastDay, 19 * 60);
      await must(call('redFlags.record', { patientId, context: { kind: 'check-in', weekId: week.id }, entry: screenEntryOf() }), 'check-in screen');
      plan = await must(call('plans.review', { weekId: week.id }), 'review');
      const reviewed = plan.weeks.find((x) => x.id === week.id)!;
      if (n === 1 && w >= 2 && !overridden && reviewed.engineDecision === 'progress') {
        overridden = true;
        plan = await must(call('plans.override', { weekId: week.id, decision: 'hold', reason: 'Travelling for work next week: keep the same rung.' }), 'override');
      } else {
        plan = await must(call('plans.accept', { weekId: week.id }), 'accept');
      }
      if (plan.weeks.at(-1)!.id === week.id) break; // stopped for the therapist's review
    }
    /** A week of sessions at a rung, up to today. */
    async function logWeek(weekStart: string, stepId: string, w: number) {
      const step = DEFAULT_LADDER.find((s) => s.id === stepId)!;
      const sessions = faker.number.float({ min: 0, max: 1 }) < 0.8 ? 3 : 2;
      for (const [i, day] of SESSION_DAYS.slice(0, sessions).entries()) {
        const date = addDays(weekStart, day);
        if (date > c.today) break;
        const flare = w === flareWeek && i === 1;
        const runSeconds = step.runSeconds * step.repeats;
        const walkSeconds = step.walkSeconds * step.repeats;
        const pace = speed * faker.number.float({ min: 0.95, max: 1.05 });
        await at(date, 18 * 60);
        await must(
          call('runs.save', {
            patientId,
            run: {
              date,
              distanceM: Math.round(runSeconds * pace + walkSeconds * 1.4),
              durationS: runSeconds + walkSeconds,
              runSeconds,
              walkSeconds,
              surface: faker.number.float({ min: 0, max: 1 }) < 0.92 ? usualSurface : 'trail',
              painBefore: baseline,
              painDuring: flare ? 6 : Math.min(3, baseline + faker.number.int({ min: 0, max: 1 })),
              painAfter: flare ? 6 : Math.min(3, baseline + faker.number.int({ min: 0, max: 1 })),
              painNextMorning: date < c.today ? (flare ? baseline + 3 : baseline + (faker.number.float({ min: 0, max: 1 }) < 0.1 ? 1 : 0)) : null,
              rpe: faker.number.int({ min: 3, max: 6 }),
              notes: flare ? 'Back tightened up halfway; finished walking.' : null,
            },
          }),
          'run',
        );
        runs++;
      }
    }
  }
  return runs;
}
