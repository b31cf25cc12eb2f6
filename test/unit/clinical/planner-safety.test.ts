import { describe, expect, it } from 'vitest';
import { runPlanCase } from '../../../shared/clinical/case';
import type { PlanWeekInput } from '../../../shared/clinical/history';
import { CAUDA_EQUINA_FLAGS } from '../../../shared/clinical/redFlags';
import { getMeasure } from '../../../shared/clinical/reassessment';
import { baseCase, decide, ruleIds, run } from './helpers';

// Issue #10's cases, as clinicians wrote them. The baseline (helpers.ts) progresses: week of
// 2026-03-16 on rung 2, three calm sessions this week. Each case changes one thing.
const WEEK = ['2026-03-17', '2026-03-19', '2026-03-21'] as const;
const earlier = [run('2026-03-03'), run('2026-03-05'), run('2026-03-11')];
const thisWeek = (...patches: Parameters<typeof run>[1][]) => [...earlier, ...WEEK.map((d, i) => run(d, patches[i] ?? {}))];
const withScreen = (week: Partial<PlanWeekInput>, extraHistory: PlanWeekInput[] = baseCase().history!) =>
  baseCase({ history: [...extraHistory, { weekStart: '2026-03-16', stepId: 'rw-30-90', ...week }] });

describe('red-flag screen: cauda-equina signs → urgent medical assessment today', () => {
  it('saddle numbness is not "new leg symptoms": it asks for urgent medical assessment today, said plainly', () => {
    const d = decide(withScreen({ redFlags: { saddleNumbness: true } }));
    expect(d).toMatchObject({ decision: 'stop-and-review', engineDecision: 'stop-and-review', redFlagAction: 'urgent-medical', prescription: null, toStepId: null });
    expect(d.reasons[0]).toMatchObject({ ruleId: 'redflag.cauda-equina', effect: 'stop-and-review', grade: 'confirmed' });
    expect(d.reasons[0]!.sentence).toBe(
      'The patient reported saddle numbness in the red-flag screen this week: possible cauda equina syndrome. Urgent medical assessment today (the emergency department if after hours); tell the patient in plain words, and no running.',
    );
  });
  it.each(CAUDA_EQUINA_FLAGS)('%s alone is urgent, whatever else the week holds', (flag) => {
    const d = decide(withScreen({ redFlags: { [flag]: true, restOrNightPain: true, cancerHistory: true }, physicianAssessed: ['cancerHistory'] }));
    expect(d.redFlagAction).toBe('urgent-medical');
    expect(ruleIds(d)[0]).toBe('redflag.cauda-equina');
    expect(ruleIds(d)).toEqual(expect.arrayContaining(['redflag.rest-or-night-pain', 'redflag.physician-assessed']));
  });
  it('cannot be marked as already assessed by the physician', () => {
    const r = runPlanCase(withScreen({ redFlags: { bladderDysfunction: true }, physicianAssessed: ['bladderDysfunction' as never] }));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['history.2.physicianAssessed.0']);
  });
  it('stays urgent under a therapist override: the override decides the week, the alert stays', () => {
    const d = decide(withScreen({ redFlags: { legWeakness: true }, override: { decision: 'hold', reason: 'MRI in the emergency department excluded cauda equina.' } }));
    expect(d).toMatchObject({ decision: 'hold', engineDecision: 'stop-and-review', redFlagAction: 'urgent-medical' });
  });
});

describe('red-flag screen: systemic signs → stop the plan and refer to the physician', () => {
  it.each([
    ['significantTrauma', 'redflag.fracture'],
    ['steroidsOrOsteoporosis', 'redflag.fracture'],
    ['cancerHistory', 'redflag.malignancy'],
    ['weightLoss', 'redflag.malignancy'],
    ['fever', 'redflag.infection'],
  ] as const)('%s stops the plan and refers (%s)', (flag, ruleId) => {
    const d = decide(withScreen({ redFlags: { [flag]: true } }));
    expect(d).toMatchObject({ decision: 'stop-and-review', redFlagAction: 'stop-and-refer', prescription: null });
    expect(d.reasons[0]).toMatchObject({ ruleId, effect: 'stop-and-review' });
    expect(d.reasons[0]!.sentence).toContain('stop the running plan and refer the patient to their physician');
  });
  it('asks for a doctor the same day when there is fever', () => {
    expect(decide(withScreen({ redFlags: { fever: true } })).reasons[0]!.sentence).toContain('(today if they feel unwell)');
  });
  it('groups findings of one pathology in one reason', () => {
    const d = decide(withScreen({ redFlags: { significantTrauma: true, steroidsOrOsteoporosis: true } }));
    expect(ruleIds(d).filter((id) => id === 'redflag.fracture')).toHaveLength(1);
    expect(d.reasons[0]!.sentence).toContain('a recent significant injury and long-term steroid use or osteoporosis');
  });
  it('notes a finding the physician has already assessed instead of referring again', () => {
    const d = decide(withScreen({ redFlags: { cancerHistory: true }, physicianAssessed: ['cancerHistory'] }));
    expect(d).toMatchObject({ decision: 'progress', redFlagAction: null });
    expect(d.reasons.find((r) => r.ruleId === 'redflag.physician-assessed')).toMatchObject({ effect: 'info', grade: 'clinic-policy' });
  });
  it('refers when only some of the findings were assessed', () => {
    const d = decide(withScreen({ redFlags: { cancerHistory: true, weightLoss: true }, physicianAssessed: ['cancerHistory'] }));
    expect(d).toMatchObject({ decision: 'stop-and-review', redFlagAction: 'stop-and-refer' });
    expect(d.reasons[0]!.sentence).toContain('unexplained weight loss');
    expect(d.reasons[0]!.sentence).not.toContain('cancer');
  });
});

describe('running symptoms → stop until the therapist has reviewed', () => {
  it('new symptoms in one leg stop for review (not urgent); cited without ASTEROID', () => {
    const d = decide(withScreen({ redFlags: { newLegSymptoms: true } }));
    expect(d).toMatchObject({ decision: 'stop-and-review', redFlagAction: 'stop-until-review' });
    expect(d.reasons[0]!.source).not.toContain('ASTEROID');
  });
});

describe('severe flare → stop and review, never a one-rung step back', () => {
  it('pain 9/10 during a run stops the progression', () => {
    const d = decide(baseCase({ runs: thisWeek({}, { during: 9 }) }));
    expect(d).toMatchObject({ decision: 'stop-and-review', prescription: null });
    expect(d.reasons[0]).toMatchObject({ ruleId: 'pain.severe-flare', grade: 'clinic-policy' });
    expect(d.reasons[0]!.sentence).toContain('pain reached 9/10 during or straight after the run on 2026-03-19');
  });
  it('next-morning pain 6 points above usual stops it, with light pain during', () => {
    const d = decide(baseCase({ runs: thisWeek({}, {}, { during: 3, nextMorning: 7 }) }));
    expect(d.decision).toBe('stop-and-review');
    expect(d.reasons[0]!.sentence).toContain("the next morning pain was 7/10, 6 points above the patient's usual 1/10");
  });
  it('draws the line at the policy figures: 8/10 stops, 7/10 steps back', () => {
    expect(decide(baseCase({ runs: thisWeek({ during: 8 }) })).decision).toBe('stop-and-review');
    expect(decide(baseCase({ runs: thisWeek({ during: 7 }) })).decision).toBe('regress');
    expect(decide(baseCase({ runs: thisWeek({ nextMorning: 5 }) })).decision).toBe('regress'); // 4 above usual
  });
  it('follows the clinic’s figures, shown as clinic policy', () => {
    const d = decide(baseCase({ policy: { pain: { severeFlarePeak: 9 } }, runs: thisWeek({ during: 8 }) }));
    expect(d.decision).toBe('regress');
  });
});

describe('stalled plans → review after N holds on one rung', () => {
  const hold = (weekStart: string, stepId = 'rw-30-90'): PlanWeekInput => ({ weekStart, stepId, engineDecision: 'hold' });
  const amber = thisWeek({ during: 4 }, { during: 5 }, { during: 4 });
  it('the third hold in a row becomes review, with the count, and keeps the rung', () => {
    const d = decide(baseCase({ history: [hold('2026-03-02'), hold('2026-03-09')], runs: amber }));
    expect(d).toMatchObject({ decision: 'review', engineDecision: 'review', toStepId: 'rw-30-90', prescription: { stepId: 'rw-30-90' } });
    expect(d.reasons[0]).toMatchObject({ ruleId: 'planner.stalled', effect: 'review', grade: 'clinic-policy' });
    expect(d.reasons[0]!.sentence).toBe(
      'This is the third week in a row on rung 2 of 10 without progressing (the clinic reviews after 3): review the patient — reassess, and consider stepping back or changing the plan. Until then, repeat the rung.',
    );
  });
  it('counts only consecutive weeks on this rung', () => {
    expect(decide(baseCase({ history: [hold('2026-03-09')], runs: amber })).decision).toBe('hold');
    expect(decide(baseCase({ history: [hold('2026-03-02', 'rw-15-105'), hold('2026-03-09')], runs: amber })).decision).toBe('hold');
    expect(decide(baseCase({ history: [hold('2026-02-23'), hold('2026-03-09')], runs: amber })).decision).toBe('hold'); // a gap
  });
  it('keeps asking while it stays stalled: an accepted review counts as a hold', () => {
    const d = decide(baseCase({ history: [hold('2026-02-23'), hold('2026-03-02'), { weekStart: '2026-03-09', stepId: 'rw-30-90', engineDecision: 'review' }], runs: amber }));
    expect(d.decision).toBe('review');
    expect(d.reasons[0]!.sentence).toContain('fourth week in a row');
  });
  it('follows the clinic’s count', () => {
    const history = [hold('2026-03-02'), hold('2026-03-09')];
    expect(decide(baseCase({ policy: { progression: { reviewAfterHolds: 4 } }, history, runs: amber })).decision).toBe('hold');
    expect(decide(baseCase({ policy: { progression: { reviewAfterHolds: 2 } }, history: [hold('2026-03-09')], runs: amber })).decision).toBe('review');
  });
  it('a step back or a stop is not softened into a review', () => {
    expect(decide(baseCase({ history: [hold('2026-03-02'), hold('2026-03-09')], runs: thisWeek({ during: 6 }) })).decision).toBe('regress');
  });
  it('does not prompt at the top of the ladder when every criterion is met', () => {
    const top = (d: string) => run(d, { runSeconds: 1800, walkSeconds: 0, distanceM: 5000 });
    const d = decide(
      baseCase({
        plan: { startDate: '2026-03-02', weekStart: '2026-03-16', currentStepId: 'run-30-min' },
        history: [hold('2026-03-02', 'run-30-min'), hold('2026-03-09', 'run-30-min')],
        runs: ['2026-03-04', '2026-03-11', ...WEEK].map(top),
      }),
    );
    expect(d.decision).toBe('hold');
    expect(ruleIds(d)).toContain('planner.top-of-ladder');
  });
});

describe('mobility gates respect measurement error', () => {
  const thomas = (value: number, device?: 'goniometer' | 'digital-inclinometer' | 'photograph', date = '2026-03-20', code: 'thomas_hip_angle' | 'thomas_knee_angle' = 'thomas_hip_angle') => ({
    date,
    measures: [{ code, side: 'left' as const, value, ...(device ? { device } : {}) }],
  });
  it('a 2° hip angle with a goniometer (error 5°) is reported, not acted on', () => {
    const d = decide(baseCase({ reassessments: [thomas(2, 'goniometer')] }));
    expect(d.decision).toBe('progress');
    expect(d.reasons.find((r) => r.ruleId === 'gate.measurement-error')!.sentence).toBe(
      'The reassessment on 2026-03-20 found modified Thomas hip angle 2° on the left is above 0° by 2°, within the 5° measurement error of a goniometer: not a gate, as the finding may be measurement error.',
    );
    expect(d.gates).toEqual([expect.objectContaining({ gate: 'thomas', active: false, lifted: false })]);
  });
  it.each([
    [6, 'goniometer', 'hold'],
    [5, 'goniometer', 'progress'],
    [4, 'digital-inclinometer', 'hold'],
    [3, 'photograph', 'progress'],
    [5, undefined, 'progress'],
    [6, undefined, 'hold'],
  ] as const)('hip angle %s° with %s → %s', (value, device, decision) => {
    expect(decide(baseCase({ reassessments: [thomas(value, device)] })).decision).toBe(decision);
  });
  it('the knee angle uses its published 7° standard error', () => {
    expect(decide(baseCase({ reassessments: [thomas(61, 'goniometer', '2026-03-20', 'thomas_knee_angle')] })).decision).toBe('progress');
    expect(decide(baseCase({ reassessments: [thomas(59, 'goniometer', '2026-03-20', 'thomas_knee_angle')] })).decision).toBe('hold');
  });
  it('a lifted gate says so: hip extension now within normal', () => {
    const d = decide(baseCase({ reassessments: [thomas(9, 'goniometer', '2026-03-06'), thomas(-1, 'goniometer')] }));
    expect(d.decision).toBe('progress');
    expect(d.gates[0]).toMatchObject({ active: false, lifted: true, liftReason: 'within-normal' });
    expect(d.reasons.find((r) => r.ruleId === 'gate.lift')!.sentence).toBe(
      'Hip extension (modified Thomas test) now within normal: gate lifted (modified Thomas hip angle −1° on the left, within normal (at or below 0°)).',
    );
  });
  it('says when it lifted because the finding is now within measurement error', () => {
    const d = decide(baseCase({ reassessments: [thomas(9, 'goniometer', '2026-03-06'), thomas(4, 'goniometer')] }));
    expect(d.gates[0]).toMatchObject({ lifted: true, liftReason: 'within-error' });
    expect(d.reasons.find((r) => r.ruleId === 'gate.lift')!.sentence).toContain('now within measurement error of the cut-off: gate lifted');
  });
  it('lifts a categorical gate when the test turns negative', () => {
    const pit = (value: 'positive' | 'negative', date: string) => ({ date, measures: [{ code: 'prone_instability' as const, value }] });
    const d = decide(baseCase({ reassessments: [pit('positive', '2026-03-06'), pit('negative', '2026-03-20')] }));
    expect(d.reasons.find((r) => r.ruleId === 'gate.lift')!.sentence).toBe('Prone instability test now within normal: gate lifted (Prone instability test now negative).');
  });
});

describe('honest citations', () => {
  it('reads the hip-angle cut-offs in the measure’s own sign (+ = thigh above horizontal)', () => {
    const cutoffs = getMeasure('thomas_hip_angle').cutoffs.map((c) => c.text).join(' ');
    expect(cutoffs).toContain('Hip angle >0° (thigh above horizontal)');
    expect(cutoffs).toContain('controls −6.8°, active adults with chronic LBP +4.2°');
  });
});
