import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/clinical/calendar';
import type { PlanCaseInput } from '../../../shared/clinical/case';
import { planCaseSchema } from '../../../shared/clinical/case';
import { PLAN_DECISIONS } from '../../../shared/clinical/history';
import { DEFAULT_LADDER, stepIndex } from '../../../shared/clinical/ladder';
import { decideNextWeek } from '../../../shared/clinical/planner';
import { planCaseToInput, runPlanCase } from '../../../shared/clinical/case';
import { RULES } from '../../../shared/clinical/rules';
import { RED_FLAGS } from '../../../shared/clinical/runs';
import { SURFACES } from '../../../shared/clinical/policy';

const WEEK_START = '2026-04-06'; // a Monday; plan weeks reach back six weeks before it
const PLAN_START = '2026-02-23';
const RULE_IDS = new Set(RULES.map((r) => r.id));
const STEP_IDS = DEFAULT_LADDER.map((s) => s.id);

const pain = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 5 });
const noFlags = { restOrNightPain: false, newLegSymptoms: false, swelling: false, limp: false };
const flags = fc.oneof(
  { weight: 9, arbitrary: fc.constant(noFlags) },
  { weight: 1, arbitrary: fc.record({ restOrNightPain: fc.boolean(), newLegSymptoms: fc.boolean(), swelling: fc.boolean(), limp: fc.boolean() }) },
);

/**
 * `calm` cases tolerate the load (low scored pain, settled mornings, one surface, no flags or
 * gates) so that progress decisions are generated too; the others are anything valid.
 */
const runArb = (calm: boolean) =>
  fc
    .record({
      day: fc.integer({ min: -45, max: 6 }),
      distanceM: fc.integer({ min: calm ? 500 : 0, max: 9000 }),
      durationS: fc.integer({ min: 300, max: 3600 }),
      runShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      surface: calm ? fc.constant('grass' as const) : fc.option(fc.constantFrom(...SURFACES), { nil: null }),
      pain: calm
        ? fc.record({ before: fc.constant(2), during: fc.integer({ min: 0, max: 3 }), after: fc.integer({ min: 0, max: 3 }), nextMorning: fc.integer({ min: 0, max: 2 }) })
        : fc.record({ before: pain, during: pain, after: pain, nextMorning: pain }),
      stepId: calm ? fc.constant(null) : fc.option(fc.constantFrom(...STEP_IDS), { nil: null, freq: 3 }),
      stoppedEarly: calm ? fc.constant(false) : fc.boolean(),
      redFlags: calm ? fc.constant(noFlags) : flags,
    })
    .map(({ day, runShare, durationS, ...r }) => {
      const runSeconds = runShare === null ? null : Math.floor(durationS * runShare);
      return { ...r, date: addDays(WEEK_START, day), durationS, runSeconds, walkSeconds: runSeconds === null ? null : durationS - runSeconds };
    });

const caseArbOf = (calm: boolean) =>
  fc
    .record({
      stepIndex: fc.integer({ min: 0, max: DEFAULT_LADDER.length - 1 }),
      pastWeeks: fc.array(fc.record({ step: fc.integer({ min: 0, max: DEFAULT_LADDER.length - 1 }), decision: fc.constantFrom(...PLAN_DECISIONS) }), { maxLength: 6 }),
      weekFlags: calm ? fc.constant(noFlags) : flags,
      runs: fc.array(runArb(calm), { minLength: calm ? 4 : 0, maxLength: 14 }),
      baselinePain: calm ? fc.constant(2) : fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      policy: fc.record({
        pain: fc.integer({ min: calm ? 3 : 0, max: 8 }).chain((greenMax) => fc.record({ greenMax: fc.constant(greenMax), amberMax: fc.integer({ min: greenMax + 1, max: 10 }) })),
        spikeGuard: fc.record({ maxPercentOfLongest: fc.integer({ min: 100, max: 150 }), lookbackDays: fc.integer({ min: 7, max: 60 }) }),
        progression: fc.record({ minSessionsAtStep: fc.integer({ min: 1, max: calm ? 2 : 4 }), maxConsecutiveRegressions: fc.integer({ min: 1, max: 3 }) }),
        cautionWindow: fc.record({ enabled: calm ? fc.constant(false) : fc.boolean() }),
      }),
      thomas: calm ? fc.constant(null) : fc.option(fc.integer({ min: -10, max: 15 }), { nil: null }),
    })
    .map((c): PlanCaseInput => {
      const n = c.pastWeeks.length;
      return {
        policy: c.policy,
        plan: { startDate: PLAN_START, weekStart: WEEK_START, currentStepId: STEP_IDS[c.stepIndex]! },
        patient: { baselinePain: c.baselinePain },
        history: [
          ...c.pastWeeks.map((w, i) => ({ weekStart: addDays(WEEK_START, -7 * (n - i)), stepId: STEP_IDS[w.step]!, engineDecision: w.decision })),
          { weekStart: WEEK_START, stepId: STEP_IDS[c.stepIndex]!, redFlags: c.weekFlags },
        ],
        runs: c.runs,
        reassessments: c.thomas === null ? [] : [{ date: addDays(WEEK_START, 2), measures: [{ code: 'thomas_hip_angle', side: 'left', value: c.thomas }] }],
      };
    });

const caseArb = fc.oneof(caseArbOf(false), caseArbOf(true));

const parse = (c: PlanCaseInput) => {
  const parsed = planCaseSchema.safeParse(c);
  if (!parsed.success) expect.fail(`generated an invalid case: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
};

const weekEnd = addDays(WEEK_START, 6);

describe('planner properties', () => {
  it('never plans a session past the spike guard', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const parsed = parse(c);
        const d = decideNextWeek(planCaseToInput(parsed));
        const lookback = parsed.policy.spikeGuard.lookbackDays;
        const recent = parsed.runs.filter((r) => r.date <= weekEnd && r.date >= addDays(weekEnd, -(lookback - 1)));
        const longest = Math.max(0, ...recent.map((r) => r.distanceM));
        if (!d.prescription || longest === 0) return;
        const cap = (longest * parsed.policy.spikeGuard.maxPercentOfLongest) / 100;
        expect(d.prescription.expectedSessionDistanceM).not.toBeNull();
        // expected distances are rounded to whole metres in the output
        expect(d.prescription.expectedSessionDistanceM!).toBeLessThanOrEqual(cap + 0.5);
      }),
      { numRuns: 400 },
    );
  });

  it('stops for review on any red flag (no override)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const parsed = parse(c);
        const d = decideNextWeek(planCaseToInput(parsed));
        const week = parsed.runs.filter((r) => r.date >= WEEK_START && r.date <= weekEnd);
        const flagged = [parsed.history.at(-1)!.redFlags, ...week.map((r) => r.redFlags)].some((f) => RED_FLAGS.some((k) => f[k]));
        if (flagged) {
          expect(d.decision).toBe('stop-and-review');
          expect(d.prescription).toBeNull();
          expect(d.reasons[0]!.ruleId).toMatch(/^redflag\./);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('moves at most one rung: regress never below the first, progress never skips', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = decideNextWeek(planCaseToInput(parse(c)));
        const from = stepIndex(DEFAULT_LADDER, d.fromStepId);
        const to = d.toStepId === null ? null : stepIndex(DEFAULT_LADDER, d.toStepId);
        if (d.decision === 'stop-and-review') expect(to).toBeNull();
        if (d.decision === 'progress') expect(to).toBe(from + 1);
        if (d.decision === 'hold') expect(to).toBe(from);
        if (d.decision === 'regress') expect(to).toBe(Math.max(0, from - 1));
        if (to !== null) expect(to).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: same input, same output', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = runPlanCase(c);
        const b = runPlanCase(JSON.parse(JSON.stringify(c)));
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('gives every decision at least one reason for it, each with a registered rule, a source and a grade', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = decideNextWeek(planCaseToInput(parse(c)));
        expect(d.reasons.length).toBeGreaterThan(0);
        expect(d.reasons.some((r) => r.effect === d.decision)).toBe(true);
        for (const r of d.reasons) {
          expect(RULE_IDS.has(r.ruleId)).toBe(true);
          expect(r.source.length).toBeGreaterThan(0);
          expect(r.sentence.length).toBeGreaterThan(10);
          expect(['confirmed', 'secondary', 'clinic-policy']).toContain(r.grade);
        }
      }),
      { numRuns: 400 },
    );
  });
});
