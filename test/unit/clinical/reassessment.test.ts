import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../../shared/clinical/gates';
import { DEFAULT_POLICY, clinicPolicySchema } from '../../../shared/clinical/policy';
import type { ReassessmentInput } from '../../../shared/clinical/reassessment';
import { MEASURES, MEASURE_CODES, classifyMeasureChange, detectableChangeFor, measureResultSchema, reassessmentSchema } from '../../../shared/clinical/reassessment';

const m = (input: unknown) => measureResultSchema.parse(input);
const ra = (input: ReassessmentInput) => reassessmentSchema.parse(input);

describe('reassessment catalogue', () => {
  it('covers the clinical.md §3 battery, each with unit, sides, method and devices', () => {
    expect(MEASURES.map((x) => x.code)).toEqual([...MEASURE_CODES]);
    for (const x of MEASURES) {
      expect(x.method.length, x.code).toBeGreaterThan(20);
      expect(x.devices.length, x.code).toBeGreaterThan(0);
      expect(x.cutoffs.length, x.code).toBeGreaterThan(0);
    }
  });
  it('gives a published detectable change only where a source does', () => {
    const published = MEASURES.filter((x) => x.publishedDetectableChange).map((x) => [x.code, x.publishedDetectableChange!.value]);
    expect(published).toEqual([['thoracic_rotation', 6.3]]);
    // Derived from a published SEM, not published itself: a clinic default.
    expect(detectableChangeFor('thomas_knee_angle', DEFAULT_POLICY)).toEqual({ value: 16.3, grade: 'clinic-policy' });
    expect(detectableChangeFor('thoracic_rotation', DEFAULT_POLICY)).toEqual({ value: 6.3, grade: 'confirmed' });
    expect(detectableChangeFor('slr', DEFAULT_POLICY)).toEqual({ value: 5, grade: 'clinic-policy' });
    const changed = clinicPolicySchema.parse({ detectableChange: { thoracic_rotation: 4 } });
    expect(detectableChangeFor('thoracic_rotation', changed)).toEqual({ value: 4, grade: 'clinic-policy' });
  });
  it('refuses a result that does not fit its measure', () => {
    expect(measureResultSchema.safeParse({ code: 'slr', side: 'none', value: 70 }).error!.issues[0]!.message).toContain('per side');
    expect(measureResultSchema.safeParse({ code: 'prone_instability', value: 3 }).error!.issues[0]!.message).toContain('"positive" or "negative"');
    expect(measureResultSchema.safeParse({ code: 'aslr', side: 'left', value: 6 }).error!.issues[0]!.message).toContain('between 0 and 5');
    expect(measureResultSchema.safeParse({ code: 'modified_schober', side: 'left', value: 4 }).success).toBe(false);
  });
});

describe('classifying a change', () => {
  it('needs the detectable change to call a numeric change real', () => {
    const before = m({ code: 'thoracic_rotation', side: 'left', value: 40, device: 'inclinometer' });
    expect(classifyMeasureChange(before, m({ code: 'thoracic_rotation', side: 'left', value: 46.3, device: 'inclinometer' }), DEFAULT_POLICY).classification).toBe('improved');
    expect(classifyMeasureChange(before, m({ code: 'thoracic_rotation', side: 'left', value: 46.2, device: 'inclinometer' }), DEFAULT_POLICY).classification).toBe('within-error');
    expect(classifyMeasureChange(before, m({ code: 'thoracic_rotation', side: 'left', value: 33, device: 'inclinometer' }), DEFAULT_POLICY)).toMatchObject({ classification: 'worse', difference: -7, threshold: 6.3, warnings: [] });
  });
  it('knows which way is better', () => {
    // Thomas hip angle: lower is better (thigh dropping below horizontal).
    const hip = (v: number) => m({ code: 'thomas_hip_angle', side: 'right', value: v });
    expect(classifyMeasureChange(hip(10), hip(3), DEFAULT_POLICY).classification).toBe('improved');
    expect(classifyMeasureChange(hip(3), hip(10), DEFAULT_POLICY).classification).toBe('worse');
    const aslr = (v: number) => m({ code: 'aslr', side: 'left', value: v });
    expect(classifyMeasureChange(aslr(4), aslr(1), DEFAULT_POLICY).classification).toBe('improved');
  });
  it('warns when the device or position changed', () => {
    const c = classifyMeasureChange(m({ code: 'hip_ir', side: 'left', value: 30, device: 'goniometer', position: 'prone' }), m({ code: 'hip_ir', side: 'left', value: 36, device: 'inclinometer', position: 'seated' }), DEFAULT_POLICY);
    expect(c.classification).toBe('improved');
    expect(c.warnings).toHaveLength(2);
    expect(c.warnings[0]).toContain('3–5°');
  });
  it('reads categorical tests by whether they flip', () => {
    const pit = (v: string) => m({ code: 'prone_instability', value: v });
    expect(classifyMeasureChange(pit('positive'), pit('negative'), DEFAULT_POLICY).classification).toBe('improved');
    expect(classifyMeasureChange(pit('negative'), pit('positive'), DEFAULT_POLICY).classification).toBe('worse');
    expect(classifyMeasureChange(pit('positive'), pit('positive'), DEFAULT_POLICY).classification).toBe('within-error');
    const sls = (v: string) => m({ code: 'single_leg_squat', side: 'left', value: v });
    expect(classifyMeasureChange(sls('poor'), sls('good'), DEFAULT_POLICY).classification).toBe('improved');
  });
  it('will not compare different measures or sides', () => {
    expect(() => classifyMeasureChange(m({ code: 'slr', side: 'left', value: 70 }), m({ code: 'slr', side: 'right', value: 80 }), DEFAULT_POLICY)).toThrow();
  });
});

describe('mobility gates', () => {
  it('gates on a hip-extension deficit and names the stretch', () => {
    const gates = evaluateGates([ra({ date: '2026-03-01', measures: [{ code: 'thomas_hip_angle', side: 'right', value: 7, device: 'goniometer' }] })], '2026-03-22', DEFAULT_POLICY);
    expect(gates).toEqual([expect.objectContaining({ gate: 'thomas', active: true, exercises: ['hip-flexor-stretch'] })]);
    // 4° with a goniometer is within its 5° error: reported, not a gate.
    const small = evaluateGates([ra({ date: '2026-03-01', measures: [{ code: 'thomas_hip_angle', side: 'right', value: 4, device: 'goniometer' }] })], '2026-03-22', DEFAULT_POLICY);
    expect(small).toEqual([expect.objectContaining({ gate: 'thomas', active: false, lifted: false, exercises: [], withinError: [expect.stringContaining('within the 5° measurement error of a goniometer')] })]);
  });
  it('lifts a gate once the measure improves beyond its detectable change', () => {
    const first = ra({ date: '2026-02-01', measures: [{ code: 'thomas_hip_angle', side: 'right', value: 14 }] });
    const smallGain = ra({ date: '2026-03-01', measures: [{ code: 'thomas_hip_angle', side: 'right', value: 10 }] });
    const bigGain = ra({ date: '2026-03-01', measures: [{ code: 'thomas_hip_angle', side: 'right', value: 9 }] });
    expect(evaluateGates([first, smallGain], '2026-03-22', DEFAULT_POLICY)[0]).toMatchObject({ active: true, liftedByImprovement: false });
    expect(evaluateGates([bigGain, first], '2026-03-22', DEFAULT_POLICY)[0]).toMatchObject({ active: false, lifted: true, liftReason: 'improved', liftedByImprovement: true, exercises: [] });
  });
  it('reads ASLR as the sum of both sides, positive from 1', () => {
    const gates = evaluateGates([ra({ date: '2026-03-01', measures: [{ code: 'aslr', side: 'left', value: 1 }, { code: 'aslr', side: 'right', value: 0 }] })], '2026-03-22', DEFAULT_POLICY);
    expect(gates[0]).toMatchObject({ gate: 'aslr', active: true, exercises: ['mcgill-curl-up', 'side-bridge', 'bird-dog'] });
    expect(evaluateGates([ra({ date: '2026-03-01', measures: [{ code: 'aslr', side: 'left', value: 0 }, { code: 'aslr', side: 'right', value: 0 }] })], '2026-03-22', DEFAULT_POLICY)).toEqual([]);
  });
  it('gates on a positive prone instability test and a poor single-leg squat; ignores later reassessments and disabled gates', () => {
    const r = ra({ date: '2026-03-01', measures: [{ code: 'prone_instability', value: 'positive' }, { code: 'single_leg_squat', side: 'left', value: 'poor' }, { code: 'single_leg_squat', side: 'right', value: 'good' }] });
    expect(evaluateGates([r], '2026-03-22', DEFAULT_POLICY).map((g) => g.gate)).toEqual(['prone-instability', 'single-leg-squat']);
    expect(evaluateGates([r], '2026-02-28', DEFAULT_POLICY)).toEqual([]);
    const off = clinicPolicySchema.parse({ gates: { proneInstability: { enabled: false } } });
    expect(evaluateGates([r], '2026-03-22', off).map((g) => g.gate)).toEqual(['single-leg-squat']);
  });
  it('a partial battery neither holds nor lifts a gate whose measures it did not take', () => {
    const first = ra({ date: '2026-03-01', measures: [{ code: 'prone_instability', value: 'positive' }, { code: 'thomas_hip_angle', side: 'left', value: 12, device: 'goniometer' }] });
    const hipsOnly = ra({ date: '2026-03-15', measures: [{ code: 'thomas_hip_angle', side: 'left', value: -2, device: 'goniometer' }] });
    const gates = evaluateGates([first, hipsOnly], '2026-03-22', DEFAULT_POLICY);
    expect(gates.map((g) => [g.gate, g.active, g.lifted, g.reassessmentDate])).toEqual([
      ['thomas', false, true, '2026-03-15'],
      ['prone-instability', true, false, '2026-03-01'],
    ]);
    const pitNegative = ra({ date: '2026-03-20', measures: [{ code: 'prone_instability', value: 'negative' }] });
    expect(evaluateGates([first, hipsOnly, pitNegative], '2026-03-22', DEFAULT_POLICY).map((g) => [g.gate, g.active, g.lifted])).toEqual([
      ['thomas', false, true],
      ['prone-instability', false, true],
    ]);
  });
});

describe('range refusals, measure by measure', () => {
  for (const def of MEASURES) {
    const side = def.sided ? 'right' : 'none';
    if (def.kind === 'numeric') {
      it(`${def.name}: refuses values outside ${def.range![0]}–${def.range![1]} ${def.unit}, naming the measure and the range`, () => {
        for (const value of [def.range![0] - 0.5, def.range![1] + 1]) {
          const r = measureResultSchema.safeParse({ code: def.code, side, value });
          expect(r.success).toBe(false);
          expect(r.error!.issues[0]!.message).toContain(def.name);
          expect(r.error!.issues[0]!.message).toContain(`between ${def.range![0]} and ${def.range![1]}`);
        }
        expect(measureResultSchema.safeParse({ code: def.code, side, value: Number.NaN }).success).toBe(false);
        expect(measureResultSchema.safeParse({ code: def.code, side, value: def.range![1] }).success).toBe(true);
        expect(measureResultSchema.safeParse({ code: def.code, side, value: 'positive' }).success).toBe(false);
      });
    } else {
      it(`${def.name}: takes only its results`, () => {
        const ok = def.kind === 'positive-negative' ? 'negative' : 'good';
        expect(measureResultSchema.safeParse({ code: def.code, side, value: ok }).success).toBe(true);
        expect(measureResultSchema.safeParse({ code: def.code, side, value: def.kind === 'positive-negative' ? 'good' : 'positive' }).success).toBe(false);
        expect(measureResultSchema.safeParse({ code: def.code, side, value: 3 }).success).toBe(false);
      });
    }
  }
  it('refuses a device the measure is not taken with', () => {
    expect(measureResultSchema.safeParse({ code: 'mcgill_flexor', value: 60, device: 'goniometer' }).error!.issues[0]!.message).toBe('McGill flexor endurance hold is not taken with a goniometer');
  });
});
