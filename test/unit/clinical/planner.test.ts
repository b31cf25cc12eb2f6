import { describe, expect, it } from 'vitest';
import { planCaseSchema, runPlanCase } from '../../../shared/clinical/case';
import { baseCase, decide, ruleIds, run } from './helpers';

// The baseline case (helpers.ts): week of 2026-03-16 on rung 2 (rw-30-90), 3 sessions this week and
// 1 last week at this rung, pain 2/10, mornings back to the usual 1/10 → progress.
const WEEK = ['2026-03-17', '2026-03-19', '2026-03-21'] as const;
const earlier = [run('2026-03-03'), run('2026-03-05'), run('2026-03-11')];
const thisWeek = (...patches: Parameters<typeof run>[1][]) => [...earlier, ...WEEK.map((d, i) => run(d, patches[i] ?? {}))];

describe('progress (clinical.md §2.5)', () => {
  it('steps up exactly one rung when every criterion is met, with a reason for each', () => {
    const d = decide(baseCase());
    expect(d).toMatchObject({ decision: 'progress', engineDecision: 'progress', fromStepId: 'rw-30-90', toStepId: 'rw-45-75' });
    expect(d.prescription).toMatchObject({ stepId: 'rw-45-75', stepNumber: 3, sessionsPerWeek: 3, runSeconds: 45, walkSeconds: 75, repeats: 15, weekStart: '2026-03-23' });
    expect(d.prescription!.instructions).toBe('Run 45 seconds, walk 1 minute 15 seconds, 15 times (30 minutes). Do this 3 times this week, with at least one rest day between runs.');
    expect(ruleIds(d).slice(0, 4)).toEqual(['pain.zones', 'pain.next-morning', 'planner.min-sessions', 'planner.progress']);
    expect(d.weekReviewed).toMatchObject({ weekNumber: 3, sessionsLogged: 3, sessionsCompletedAtStep: 4, pain: { zone: 'green', peak: 2 } });
  });
  it('gives the expected weekly distance at the recent speed', () => {
    const d = decide(baseCase());
    // Every run: 3000 m, 450 s running + 1350 s walking at 1.4 m/s → running 1110 m / 450 s.
    const runMps = 1110 / 450;
    const session = 15 * (45 * runMps + 75 * 1.4);
    expect(d.prescription!.expectedSessionDistanceM).toBe(Math.round(session));
    expect(d.prescription!.expectedWeeklyDistanceM).toBe(Math.round(session * 3));
  });
});

describe('acute:chronic ratio (information only, clinical.md §2.3)', () => {
  it('is reported but never changes the decision, even in the "danger zone"', () => {
    const danger = decide(baseCase());
    expect(danger.metrics.acwr.ratio!).toBeGreaterThanOrEqual(1.5);
    expect(danger.metrics.acwr.informationOnly).toBe(true);
    // Many short easy runs 2–4 weeks back raise the chronic load and bring the ratio below 1.
    const filler = ['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'].map((d) => run(d, { distanceM: 2900 }));
    const calm = decide(baseCase({ runs: [...filler, ...baseCase().runs!] }));
    expect(calm.metrics.acwr.ratio!).toBeLessThan(1);
    expect([calm.decision, calm.toStepId]).toEqual([danger.decision, danger.toStepId]);
    expect(ruleIds(calm)).toEqual(ruleIds(danger));
    expect(ruleIds(danger).some((id) => id.includes('acwr'))).toBe(false);
  });
});

describe('hold', () => {
  it('holds on pain in the acceptable 4–5/10 zone', () => {
    const d = decide(baseCase({ runs: thisWeek({}, { during: 4 }) }));
    expect(d).toMatchObject({ decision: 'hold', toStepId: 'rw-30-90' });
    expect(d.reasons[0]).toMatchObject({ ruleId: 'pain.zones', effect: 'hold' });
    expect(d.reasons[0]!.sentence).toBe("Pain during or after runs this week peaked at 4/10 (2026-03-19), in the acceptable 4–5/10 zone but above the 3/10 green ceiling.");
  });
  it('holds when the next morning has not settled (1 point above usual)', () => {
    const d = decide(baseCase({ runs: thisWeek({ nextMorning: 2 }) }));
    expect(d.decision).toBe('hold');
    expect(d.reasons.find((r) => r.ruleId === 'pain.next-morning')!.sentence).toContain('not yet settled');
  });
  it('holds until the rung has been done at least twice', () => {
    const d = decide(baseCase({ runs: [...earlier.slice(0, 2), run('2026-03-17')], history: [{ weekStart: '2026-03-02', stepId: 'rw-15-105', engineDecision: 'progress' }] }));
    expect(d).toMatchObject({ decision: 'hold', weekReviewed: { sessionsCompletedAtStep: 1 } });
    expect(d.reasons[0]!.sentence).toBe('1 session completed at this rung so far; the clinic asks for at least 2 before progressing.');
  });
  it('does not count a session stopped early', () => {
    const runs = [...earlier.slice(0, 2), run('2026-03-17'), run('2026-03-19', { stoppedEarly: true })];
    expect(decide(baseCase({ runs, history: [{ weekStart: '2026-03-02', stepId: 'rw-15-105', engineDecision: 'progress' }] })).weekReviewed.sessionsCompletedAtStep).toBe(1);
  });
  it('holds on a rising week-on-week trend', () => {
    const d = decide(baseCase({ runs: [...earlier.slice(0, 2), run('2026-03-11', { during: 0 }), ...WEEK.map((w) => run(w, { during: 2 }))] }));
    expect(d.decision).toBe('hold');
    expect(ruleIds(d)).toContain('pain.week-trend');
  });
  it('holds without pain scores, and without runs', () => {
    const noScores = thisWeek({ pain: {} });
    expect(decide(baseCase({ runs: noScores })).reasons[0]!.ruleId).toBe('pain.scores-required');
    const d = decide(baseCase({ runs: earlier }));
    expect(d.decision).toBe('hold');
    expect(ruleIds(d)).toContain('planner.no-runs');
  });
  it('holds the first week on a new surface', () => {
    const d = decide(baseCase({ runs: thisWeek({ surface: 'road' }) }));
    expect(d.decision).toBe('hold');
    expect(d.reasons[0]!.sentence).toBe('This was the first week on road: repeat the rung before adding load.');
    expect(decide(baseCase({ policy: { progression: { holdOnNewSurface: false } }, runs: thisWeek({ surface: 'road' }) })).decision).toBe('progress');
  });
  it('holds at the last rung: continuous running ends the ladder', () => {
    const d = decide(baseCase({
      plan: { startDate: '2026-03-02', weekStart: '2026-03-16', currentStepId: 'run-30-min' },
      history: [{ weekStart: '2026-03-09', stepId: 'run-30-min', engineDecision: 'hold' }],
      runs: [run('2026-03-11', { runSeconds: 1800, walkSeconds: 0, distanceM: 5000 }), ...WEEK.map((w) => run(w, { runSeconds: 1800, walkSeconds: 0, distanceM: 5000 }))],
    }));
    expect(d).toMatchObject({ decision: 'hold', toStepId: 'run-30-min' });
    expect(ruleIds(d)).toContain('planner.top-of-ladder');
  });
});

describe('regress', () => {
  it('steps back one rung when pain during a run is above 5/10', () => {
    const d = decide(baseCase({ runs: thisWeek({}, { during: 6 }) }));
    expect(d).toMatchObject({ decision: 'regress', toStepId: 'rw-15-105', prescription: { stepId: 'rw-15-105', stepNumber: 1 } });
    expect(d.reasons[0]!.sentence).toBe("Pain during or after runs this week peaked at 6/10 (2026-03-19), above the clinic's 5/10 ceiling.");
  });
  it('steps back when next-morning pain is 2 points above usual (worse at 24 h)', () => {
    const d = decide(baseCase({ runs: thisWeek({}, {}, { nextMorning: 3 }) }));
    expect(d.decision).toBe('regress');
    expect(d.reasons[0]!.sentence).toBe("The morning after the run on 2026-03-21 pain was 3/10, 2 points above the patient's usual 1/10 (a rise of 2 or more counts as worse at 24 hours).");
  });
  it('never goes below the first rung', () => {
    const d = decide(baseCase({
      plan: { startDate: '2026-03-02', weekStart: '2026-03-16', currentStepId: 'rw-15-105' },
      history: [],
      runs: thisWeek({ during: 7 }),
    }));
    expect(d).toMatchObject({ decision: 'regress', toStepId: 'rw-15-105' });
    expect(d.reasons.find((r) => r.ruleId === 'planner.regress-on-red')!.sentence).toContain('already on the first rung');
  });
  it('becomes stop-and-review after too many steps back in a row', () => {
    const history = [
      { weekStart: '2026-03-02', stepId: 'rw-60-60', engineDecision: 'regress' as const },
      { weekStart: '2026-03-09', stepId: 'rw-45-75', engineDecision: 'regress' as const },
    ];
    const d = decide(baseCase({ history, runs: thisWeek({ during: 6 }) }));
    expect(d).toMatchObject({ decision: 'stop-and-review', prescription: null, toStepId: null });
    expect(ruleIds(d)).toContain('planner.not-improving');
    // One regress earlier only: still a regress.
    expect(decide(baseCase({ history: [history[1]!], runs: thisWeek({ during: 6 }) })).decision).toBe('regress');
  });
});

describe('stop and review', () => {
  it.each([
    ['restOrNightPain', 'redflag.rest-or-night-pain'],
    ['newLegSymptoms', 'redflag.new-leg-symptoms'],
    ['swelling', 'redflag.swelling'],
    ['limp', 'redflag.limp'],
  ] as const)('stops on %s reported with a run', (flag, ruleId) => {
    const d = decide(baseCase({ runs: thisWeek({}, { redFlags: { [flag]: true } }) }));
    expect(d).toMatchObject({ decision: 'stop-and-review', prescription: null, weekReviewed: { redFlags: [flag] } });
    expect(d.reasons[0]).toMatchObject({ ruleId, effect: 'stop-and-review' });
  });
  it('stops on a red flag from the weekly check-in', () => {
    const history = [...baseCase().history!, { weekStart: '2026-03-16', stepId: 'rw-30-90', redFlags: { restOrNightPain: true } }];
    const d = decide(baseCase({ history }));
    expect(d.decision).toBe('stop-and-review');
    expect(d.reasons[0]!.sentence).toBe('The patient reported pain at rest or at night in the red-flag screen this week: stop running until a therapist has reviewed.');
    expect(d.redFlagAction).toBe('stop-until-review');
  });
});

describe('spike guard (Frandsen 2025)', () => {
  it('shortens a session longer than 110% of the longest run in the past 30 days', () => {
    // The patient only managed ~1.5 km sessions: a 30-minute rung would be about 3.3 km.
    const short = (d: string) => run(d, { distanceM: 1500, durationS: 900, runSeconds: 225, walkSeconds: 675 });
    const d = decide(baseCase({ runs: [...['2026-03-03', '2026-03-05', '2026-03-11'].map(short), ...WEEK.map(short)] }));
    expect(d.decision).toBe('progress');
    const p = d.prescription!;
    expect(p.shortenedBySpikeGuard).toBe(true);
    expect(p.spikeGuardCapM).toBe(1650);
    expect(p.expectedSessionDistanceM!).toBeLessThanOrEqual(1650);
    expect(p.repeats).toBeLessThan(15);
    expect(p.runSeconds).toBe(45);
    expect(d.reasons.find((r) => r.ruleId === 'planner.spike-guard')).toMatchObject({ effect: 'adjust', grade: 'confirmed' });
  });
  it('says when there is no reference run', () => {
    const d = decide(baseCase({ plan: { startDate: '2026-03-16', weekStart: '2026-03-16', currentStepId: 'rw-15-105' }, history: [], runs: [] }));
    expect(d).toMatchObject({ decision: 'hold', prescription: { stepId: 'rw-15-105', repeats: 15, expectedSessionDistanceM: null, spikeGuardCapM: null } });
    expect(ruleIds(d)).toContain('planner.spike-guard-no-reference');
  });
});

describe('mobility gates', () => {
  it('turns a progress into a hold and names the home exercises', () => {
    const d = decide(baseCase({ reassessments: [{ date: '2026-03-20', measures: [{ code: 'thomas_hip_angle', side: 'left', value: 8, device: 'goniometer' }] }] }));
    expect(d).toMatchObject({ decision: 'hold', toStepId: 'rw-30-90' });
    expect(d.reasons[0]).toMatchObject({ ruleId: 'gate.thomas', grade: 'clinic-policy' });
    expect(d.homeExercises.map((e) => e.id)).toEqual(['hip-flexor-stretch']);
  });
  it('does not stop a regress from naming the exercises', () => {
    const d = decide(baseCase({ runs: thisWeek({ during: 6 }), reassessments: [{ date: '2026-03-20', measures: [{ code: 'prone_instability', value: 'positive' }] }] }));
    expect(d.decision).toBe('regress');
    expect(d.homeExercises.map((e) => e.id)).toEqual(['mcgill-curl-up', 'side-bridge', 'bird-dog']);
  });
});

describe('caution window (clinic policy only)', () => {
  it('has no effect by default', () => {
    expect(decide(baseCase({ plan: { startDate: '2026-02-09', weekStart: '2026-03-16', currentStepId: 'rw-30-90' } })).decision).toBe('progress');
  });
  it('holds in its weeks when the clinic turns it on, labelled clinic policy', () => {
    const d = decide(baseCase({ policy: { cautionWindow: { enabled: true } }, plan: { startDate: '2026-02-09', weekStart: '2026-03-16', currentStepId: 'rw-30-90' } }));
    expect(d.weekReviewed.weekNumber).toBe(6);
    expect(d.decision).toBe('hold');
    expect(d.reasons[0]).toMatchObject({ ruleId: 'planner.caution-window', grade: 'clinic-policy' });
    expect(d.reasons[0]!.sentence).toContain('do not report flare-ups around week 6');
  });
});

describe('therapist override', () => {
  it('replaces the decision for the week, shows the engine decision and the reason first', () => {
    const history = [...baseCase().history!, { weekStart: '2026-03-16', stepId: 'rw-30-90', override: { decision: 'hold' as const, reason: 'Race on Sunday; keep the load steady.', by: 'A. Chen, PT', date: '2026-03-22' } }];
    const d = decide(baseCase({ history }));
    expect(d).toMatchObject({ decision: 'hold', engineDecision: 'progress', toStepId: 'rw-30-90', override: { by: 'A. Chen, PT' } });
    expect(d.reasons[0]).toMatchObject({ ruleId: 'planner.override', effect: 'hold' });
    expect(d.reasons[0]!.sentence).toContain('Race on Sunday');
    expect(d.reasons[0]!.sentence).toContain('The rules alone said progress.');
  });
  it('can name the rung, and earlier overrides are shown and counted as the decision taken', () => {
    const history = [
      { weekStart: '2026-03-02', stepId: 'rw-45-75', engineDecision: 'progress' as const, override: { decision: 'regress' as const, reason: 'Flare after a long drive.' } },
      { weekStart: '2026-03-09', stepId: 'rw-30-90', engineDecision: 'regress' as const },
      { weekStart: '2026-03-16', stepId: 'rw-30-90', override: { decision: 'progress' as const, stepId: 'rw-60-60', reason: 'Reassessed in clinic: symptom-free.' } },
    ];
    const d = decide(baseCase({ history }));
    expect(d).toMatchObject({ decision: 'progress', toStepId: 'rw-60-60' });
    expect(d.overridesInHistory).toEqual([{ weekStart: '2026-03-02', decision: 'regress', engineDecision: 'progress', reason: 'Flare after a long drive.', by: null, date: null }]);
    // The same week without today's override: two regresses in a row (one by override) → a third is a stop.
    const red = decide(baseCase({ history: history.slice(0, 2), runs: thisWeek({ during: 6 }) }));
    expect(red.decision).toBe('stop-and-review');
  });
});

describe('case validation', () => {
  it('lists every bad field with its path', () => {
    const result = runPlanCase({
      plan: { startDate: '2026-03-02', weekStart: '2026-03-17', currentStepId: 'rw-99' },
      runs: [{ date: '2026-02-30', distanceM: 3000, durationS: 1800, pain: { during: 11 }, redFlags: { sweling: true } }],
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['runs.0.date', 'runs.0.pain.during', 'runs.0.redFlags']));
    const lenient = runPlanCase({ plan: { startDate: '2026-03-02', weekStart: '2026-03-17', currentStepId: 'rw-99' } });
    expect(lenient.ok ? [] : lenient.errors).toEqual([
      { path: 'plan.currentStepId', message: expect.stringContaining('"rw-99" is not a ladder step') },
      { path: 'plan.weekStart', message: "2026-03-17 is a tuesday, but the clinic's weeks start on monday" },
    ]);
  });
  it('accepts a clinic ladder', () => {
    const ladder = [
      { id: 'a', runSeconds: 60, walkSeconds: 120, repeats: 10 },
      { id: 'b', runSeconds: 120, walkSeconds: 60, repeats: 10, sessionsPerWeek: 2 },
    ];
    const d = decide(baseCase({ ladder, plan: { startDate: '2026-03-02', weekStart: '2026-03-16', currentStepId: 'a' }, history: [] }));
    expect(d).toMatchObject({ decision: 'progress', toStepId: 'b', prescription: { sessionsPerWeek: 2, stepNumber: 2, ladderLength: 2 } });
    expect(planCaseSchema.safeParse({ ...baseCase(), ladder: [ladder[0], ladder[0]] }).success).toBe(false);
  });
});
