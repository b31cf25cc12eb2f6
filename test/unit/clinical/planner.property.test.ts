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
import { CAUDA_EQUINA_FLAGS, SCREEN_FLAGS, SYSTEMIC_FLAGS, screenFlagsRecord, type SystemicFlag } from '../../../shared/clinical/redFlags';
import { assessRunPain } from '../../../shared/clinical/pain';

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
/** The week's red-flag screen: usually clear, sometimes any of the fourteen findings. */
const screenFlags = fc.oneof(
  { weight: 6, arbitrary: fc.constant(screenFlagsRecord([])) },
  { weight: 1, arbitrary: fc.subarray([...SCREEN_FLAGS], { minLength: 1, maxLength: 4 }).map(screenFlagsRecord) },
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
      weekFlags: calm ? fc.constant(screenFlagsRecord([])) : screenFlags,
      physicianAssessed: calm ? fc.constant<SystemicFlag[]>([]) : fc.subarray<SystemicFlag>([...SYSTEMIC_FLAGS]),
      override: calm ? fc.constant(null) : fc.option(fc.constantFrom('progress' as const, 'hold' as const, 'regress' as const), { nil: null, freq: 6 }),
      runs: fc.array(runArb(calm), { minLength: calm ? 4 : 0, maxLength: 14 }),
      baselinePain: calm ? fc.constant(2) : fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      policy: fc.record({
        pain: fc.integer({ min: calm ? 3 : 0, max: 8 }).chain((greenMax) => fc.record({ greenMax: fc.constant(greenMax), amberMax: fc.integer({ min: greenMax + 1, max: 10 }) })),
        spikeGuard: fc.record({ maxPercentOfLongest: fc.integer({ min: 100, max: 150 }), lookbackDays: fc.integer({ min: 7, max: 60 }) }),
        progression: fc.record({ minSessionsAtStep: fc.integer({ min: 1, max: calm ? 2 : 4 }), maxConsecutiveRegressions: fc.integer({ min: 1, max: 3 }), reviewAfterHolds: fc.integer({ min: 2, max: 5 }) }),
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
          {
            weekStart: WEEK_START,
            stepId: STEP_IDS[c.stepIndex]!,
            redFlags: c.weekFlags,
            physicianAssessed: c.physicianAssessed.filter((f) => c.weekFlags[f]),
            override: c.override ? { decision: c.override, reason: 'The therapist’s own reading of the week' } : null,
          },
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

  it('stops on any red flag that is not already assessed by the physician', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const parsed = parse(c);
        const d = decideNextWeek(planCaseToInput(parsed));
        const week = parsed.runs.filter((r) => r.date >= WEEK_START && r.date <= weekEnd);
        const screen = parsed.history.at(-1)!;
        const flagged =
          week.some((r) => RED_FLAGS.some((k) => r.redFlags[k])) || SCREEN_FLAGS.some((k) => screen.redFlags[k] && !(screen.physicianAssessed as readonly string[]).includes(k));
        if (flagged) {
          expect(d.engineDecision).toBe('stop-and-review');
          expect(d.redFlagAction).not.toBeNull();
          if (!screen.override) {
            expect(d.prescription).toBeNull();
            expect(d.reasons[0]!.ruleId).toMatch(/^redflag\./);
          }
        } else expect(d.redFlagAction).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('sends any cauda-equina sign for urgent medical assessment, whatever else the week holds', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...CAUDA_EQUINA_FLAGS), (c, flag) => {
        const week = c.history!.at(-1)!;
        const withSign = { ...c, history: [...c.history!.slice(0, -1), { ...week, redFlags: { ...week.redFlags, [flag]: true } }] };
        const d = decideNextWeek(planCaseToInput(parse(withSign)));
        expect(d.engineDecision).toBe('stop-and-review');
        expect(d.redFlagAction).toBe('urgent-medical');
        const first = d.reasons.find((r) => r.ruleId !== 'planner.override')!;
        expect(first.ruleId).toBe('redflag.cauda-equina');
        expect(first.sentence).toContain('Urgent medical assessment today (the emergency department if after hours)');
      }),
      { numRuns: 300 },
    );
  });

  it('never progresses, holds or merely steps back on a severe flare', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const parsed = parse(c);
        const d = decideNextWeek(planCaseToInput(parsed));
        const { severeFlarePeak, severeFlareNextMorningRise } = parsed.policy.pain;
        const severe = parsed.runs
          .filter((r) => r.date >= WEEK_START && r.date <= weekEnd)
          .map((r) => assessRunPain(r, parsed.policy, parsed.patient.baselinePain))
          .some((p) => (p.peak ?? -1) >= severeFlarePeak || (p.nextMorningRise ?? -99) >= severeFlareNextMorningRise);
        if (severe) {
          expect(d.engineDecision).toBe('stop-and-review');
          expect(d.reasons.some((r) => r.ruleId === 'pain.severe-flare' && r.effect === 'stop-and-review')).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('ends a run of holds on one rung in review within N weeks, and keeps asking while it lasts', () => {
    // Weeks that each call for a hold and nothing worse: acceptable-zone pain, an unsettled morning,
    // no runs at all, or runs without scores. Each accepted decision becomes the next week's history.
    const holdWeek = fc.constantFrom('amber', 'unsettled', 'no-runs', 'unscored');
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 0, max: DEFAULT_LADDER.length - 2 }), fc.array(holdWeek, { minLength: 6, maxLength: 6 }), (limit, step, kinds) => {
        const stepId = STEP_IDS[step]!;
        const history: PlanCaseInput['history'] = [];
        const runs: PlanCaseInput['runs'] = [];
        const decisions: string[] = [];
        kinds.forEach((kind, i) => {
          const weekStart = addDays(PLAN_START, 7 * i);
          const days = [0, 2, 4].map((d) => addDays(weekStart, d));
          const pain = { amber: { before: 2, during: 4, after: 4, nextMorning: 2 }, unsettled: { before: 2, during: 2, after: 2, nextMorning: 3 }, unscored: {}, 'no-runs': {} }[kind];
          if (kind !== 'no-runs') for (const date of days) runs.push({ date, distanceM: 3000, durationS: 1800, surface: 'grass', pain });
          const d = decideNextWeek(
            planCaseToInput(
              parse({
                policy: { progression: { reviewAfterHolds: limit } },
                plan: { startDate: PLAN_START, weekStart, currentStepId: stepId },
                patient: { baselinePain: 2 },
                history: [...history, { weekStart, stepId }],
                runs,
              }),
            ),
          );
          decisions.push(d.engineDecision);
          history.push({ weekStart, stepId, engineDecision: d.engineDecision });
        });
        expect(decisions.slice(0, limit - 1).every((x) => x === 'hold')).toBe(true);
        expect(decisions.slice(limit - 1).every((x) => x === 'review')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('moves at most one rung: regress never below the first, progress never skips', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = decideNextWeek(planCaseToInput(parse(c)));
        if (d.override) return; // a therapist may name any rung
        const from = stepIndex(DEFAULT_LADDER, d.fromStepId);
        const to = d.toStepId === null ? null : stepIndex(DEFAULT_LADDER, d.toStepId);
        if (d.decision === 'stop-and-review') expect(to).toBeNull();
        if (d.decision === 'progress') expect(to).toBe(from + 1);
        if (d.decision === 'hold' || d.decision === 'review') expect(to).toBe(from);
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
