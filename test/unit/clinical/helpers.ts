import { expect } from 'vitest';
import type { PlanCaseInput } from '../../../shared/clinical/case';
import type { PlanDecision } from '../../../shared/clinical/planner';
import type { RunInput } from '../../../shared/clinical/runs';
import { runPlanCase } from '../../../shared/clinical/case';

/** A continuous-enough run-walk session: 30 minutes, scored pain, usual pain 1/10. */
export function run(date: string, extra: Partial<RunInput> & { during?: number; nextMorning?: number } = {}): RunInput {
  const { during = 2, nextMorning = 1, ...rest } = extra;
  return {
    date,
    distanceM: 3000,
    durationS: 1800,
    runSeconds: 450,
    walkSeconds: 1350,
    surface: 'grass',
    pain: { before: 1, during, after: during, nextMorning },
    ...rest,
  };
}

/**
 * Week under review 2026-03-16 (Mon) on rung 2, previous week on rung 2 with one session: a baseline
 * that progresses; each test changes one thing.
 */
export function baseCase(patch: Partial<PlanCaseInput> = {}): PlanCaseInput {
  return {
    plan: { startDate: '2026-03-02', weekStart: '2026-03-16', currentStepId: 'rw-30-90' },
    patient: { baselinePain: 1 },
    history: [
      { weekStart: '2026-03-02', stepId: 'rw-15-105', engineDecision: 'progress' },
      { weekStart: '2026-03-09', stepId: 'rw-30-90', engineDecision: 'hold' },
    ],
    runs: [run('2026-03-03'), run('2026-03-05'), run('2026-03-11'), run('2026-03-17'), run('2026-03-19'), run('2026-03-21')],
    ...patch,
  };
}

export function decide(input: unknown): PlanDecision {
  const result = runPlanCase(input);
  if (!result.ok) expect.fail(`case is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.decision;
}

export function ruleIds(d: PlanDecision): string[] {
  return d.reasons.map((r) => r.ruleId);
}
