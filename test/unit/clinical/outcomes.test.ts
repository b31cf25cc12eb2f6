import { describe, expect, it } from 'vitest';
import { compareNprs, isNprsRecovered } from '../../../shared/clinical/outcomes/nprs';
import type { OdiResponseInput } from '../../../shared/clinical/outcomes/odi';
import { compareOdi, odiBand, odiResponseSchema, scoreOdi } from '../../../shared/clinical/outcomes/odi';
import { comparePsfs, psfsResponseSchema, scorePsfs } from '../../../shared/clinical/outcomes/psfs';
import { compareRmdq, rmdqResponseSchema, scoreRmdq } from '../../../shared/clinical/outcomes/rolandMorris';
import type { Bothersomeness } from '../../../shared/clinical/outcomes/startBack';
import { scoreStartBack, startBackResponseSchema } from '../../../shared/clinical/outcomes/startBack';
import { DEFAULT_POLICY, clinicPolicySchema } from '../../../shared/clinical/policy';

const odi = (input: OdiResponseInput) => scoreOdi(odiResponseSchema.parse(input), DEFAULT_POLICY);
// 16 points over ten sections: the clinical.md worked example.
const SIXTEEN = { painIntensity: 2, personalCare: 1, lifting: 3, walking: 1, sitting: 2, standing: 2, sleeping: 1, sexLife: 1, socialLife: 2, travelling: 1 };

describe('Oswestry Disability Index', () => {
  it('scores the worked examples: 16/50 → 32%, one section missed 16/45 → 35.6%', () => {
    expect(odi({ version: 'odi', sections: SIXTEEN })).toMatchObject({ percent: 32, band: 'moderate', answered: 10, valid: true });
    const missed = odi({ version: 'odi', sections: { ...SIXTEEN, sexLife: null, sleeping: 2 } });
    // The printed sheet shows 35.5% (truncated); 16/45 × 100 = 35.56.
    expect(missed.percent).toBeCloseTo(35.56, 2);
    expect(missed).toMatchObject({ answered: 9, unanswered: 1, valid: true });
  });
  it('drops not-applicable sections from the denominator without counting them as missing', () => {
    const s = odi({ version: 'odi', sections: { ...SIXTEEN, sexLife: 'not-applicable', sleeping: 2, painIntensity: null } });
    // 14 points over 8 answered sections: 14/40.
    expect(s).toMatchObject({ percent: 35, answered: 8, unanswered: 1, notApplicable: 1, valid: true });
  });
  it('does not score a form with more missing sections than the clinic allows', () => {
    const s = odi({ version: 'odi', sections: { ...SIXTEEN, walking: null, sitting: null } });
    expect(s).toMatchObject({ percent: null, band: null, valid: false });
    expect(s.reasons[0]).toMatchObject({ ruleId: 'odi.missing-limit', grade: 'clinic-policy' });
    const lenient = scoreOdi(odiResponseSchema.parse({ version: 'odi', sections: { ...SIXTEEN, walking: null, sitting: null } }), clinicPolicySchema.parse({ outcomes: { odi: { maxMissingSections: 2 } } }));
    expect(lenient.percent).toBeCloseTo((13 / 40) * 100, 9);
  });
  it('bands on whole percentages: 0–20, 21–40, 41–60, 61–80, 81–100', () => {
    expect([0, 20, 20.4, 21, 40, 41, 60, 61, 80, 81, 100].map(odiBand)).toEqual([
      'minimal', 'minimal', 'minimal', 'moderate', 'moderate', 'severe', 'severe', 'crippled', 'crippled', 'bed-bound', 'bed-bound',
    ]);
  });
  it('scores the modified ODI with employment/homemaking instead of sex life', () => {
    const { sexLife, ...rest } = SIXTEEN;
    const s = odi({ version: 'modified-odi', sections: { ...rest, employmentHomemaking: sexLife } });
    expect(s).toMatchObject({ version: 'modified-odi', percent: 32 });
    expect(odiResponseSchema.safeParse({ version: 'modified-odi', sections: SIXTEEN }).success).toBe(false);
    expect(odiResponseSchema.safeParse({ version: 'odi', sections: { ...SIXTEEN, lifting: 6 } }).success).toBe(false);
  });
  it('flags change against the MIC (10 points or 30%, Ostelo 2008) and the MDC setting', () => {
    const at = (sum: number) => ({ ...odi({ version: 'odi', sections: SIXTEEN }), percent: sum, version: 'odi' as const });
    const big = compareOdi(at(40), at(28), DEFAULT_POLICY)!;
    expect(big).toMatchObject({ change: -12, improvement: 12, direction: 'improved', beyondMdc: true, meetsMcid: true });
    expect(compareOdi(at(40), at(32), DEFAULT_POLICY)).toMatchObject({ improvement: 8, meetsMcid: false, direction: 'within-error' });
    // 20 → 13: only 7 points, but 35% of baseline meets the MIC; still within the 10-point MDC.
    expect(compareOdi(at(20), at(13), DEFAULT_POLICY)).toMatchObject({ meetsMcid: true, direction: 'within-error' });
    expect(compareOdi(at(20), at(34), DEFAULT_POLICY)).toMatchObject({ direction: 'worse', meetsMcid: false });
    expect(big.reasons.map((r) => [r.ruleId, r.grade])).toEqual([['odi.mdc', 'clinic-policy'], ['odi.mic', 'confirmed']]);
  });
  it('uses the modified ODI MCID of 6 and MDC of 12.68 (Fritz & Irrgang 2001)', () => {
    const at = (p: number) => ({ ...odi({ version: 'odi', sections: SIXTEEN }), percent: p, version: 'modified-odi' as const });
    expect(compareOdi(at(30), at(24), DEFAULT_POLICY)).toMatchObject({ meetsMcid: true, beyondMdc: false });
    expect(compareOdi(at(30), at(25), DEFAULT_POLICY)).toMatchObject({ meetsMcid: false });
    expect(compareOdi(at(30), at(17.32), DEFAULT_POLICY)).toMatchObject({ beyondMdc: true, direction: 'improved' });
  });
});

describe('NPRS', () => {
  it('flags change against the MDC of 2 (Childs 2005) and the MIC of 2 points or 30% (Ostelo 2008)', () => {
    expect(compareNprs(6, 4, DEFAULT_POLICY)).toMatchObject({ direction: 'improved', beyondMdc: true, meetsMcid: true });
    expect(compareNprs(6, 5, DEFAULT_POLICY)).toMatchObject({ direction: 'within-error', meetsMcid: false });
    expect(compareNprs(3, 2, DEFAULT_POLICY)).toMatchObject({ direction: 'within-error', meetsMcid: true }); // 33%
    expect(compareNprs(3, 6, DEFAULT_POLICY)).toMatchObject({ direction: 'worse', meetsMcid: false });
    expect(compareNprs(6, 4, DEFAULT_POLICY).reasons[0]!.sentence).toBe('NPRS went from 6/10 to 4/10 (-2): better beyond the 2-point measurement error.');
  });
  it('reads 0 as recovered (Kamper 2010)', () => {
    expect(isNprsRecovered(0)).toBe(true);
    expect(isNprsRecovered(1)).toBe(false);
  });
});

describe('PSFS', () => {
  const psfs = (scores: [string, number][]) => psfsResponseSchema.parse({ activities: scores.map(([name, score]) => ({ name, score })) });
  it('is the mean of up to 5 activities, 0–10 each', () => {
    expect(scorePsfs(psfs([['Run 5 km', 2], ['Sit through a film', 5], ['Lift my son', 6]]))).toBeCloseTo(13 / 3, 9);
    expect(psfsResponseSchema.safeParse({ activities: [] }).success).toBe(false);
    expect(psfsResponseSchema.safeParse({ activities: Array.from({ length: 6 }, (_, i) => ({ name: `a${i}`, score: 1 })) }).success).toBe(false);
  });
  it('flags the average against 2 points and a single activity against 3 (Stratford 1995); no MCID', () => {
    const before = psfs([['Run 5 km', 2], ['Sit through a film', 5], ['Lift my son', 6]]);
    const after = psfs([['run 5 KM', 5], ['Sit through a film', 7], ['Garden', 9]]);
    const c = comparePsfs(before, after, DEFAULT_POLICY);
    expect(c.average).toMatchObject({ direction: 'improved', meetsMcid: null });
    expect(c.activities.map((a) => [a.name, a.change.change, a.change.direction])).toEqual([
      ['run 5 KM', 3, 'improved'],
      ['Sit through a film', 2, 'within-error'],
    ]);
  });
});

describe('STarT Back (Keele, 9-item)', () => {
  const sbt = (agree: number[], bothersomeness: Bothersomeness) =>
    scoreStartBack(startBackResponseSchema.parse({ agree: Array.from({ length: 8 }, (_, i) => agree.includes(i + 1)), bothersomeness }));
  it('total ≤3 is low risk', () => {
    expect(sbt([], 'not-at-all')).toEqual({ total: 0, distress: 0, group: 'low' });
    expect(sbt([1, 2, 3], 'moderately')).toEqual({ total: 3, distress: 0, group: 'low' });
  });
  it('total ≥4 with distress subscale ≤3 is medium risk', () => {
    expect(sbt([1, 2, 3, 4], 'slightly')).toEqual({ total: 4, distress: 0, group: 'medium' });
    expect(sbt([1, 5, 6], 'very-much')).toEqual({ total: 4, distress: 3, group: 'medium' });
  });
  it('distress subscale 4–5 is high risk', () => {
    expect(sbt([5, 6, 7, 8], 'moderately')).toEqual({ total: 4, distress: 4, group: 'high' });
    expect(sbt([1, 2, 3, 4, 5, 6, 7, 8], 'extremely')).toEqual({ total: 9, distress: 5, group: 'high' });
  });
  it('counts item 9 only for "very much" or "extremely"', () => {
    expect(sbt([5, 6, 7], 'moderately').distress).toBe(3);
    expect(sbt([5, 6, 7], 'very-much')).toMatchObject({ distress: 4, group: 'high' });
  });
});

describe('Roland-Morris', () => {
  const rmdq = (ticked: number, na = 0) =>
    scoreRmdq(rmdqResponseSchema.parse({ items: Array.from({ length: 24 }, (_, i) => (i < ticked ? true : i < ticked + na ? 'not-applicable' : false)) }));
  it('counts ticked items; not-applicable scores 0', () => {
    expect(rmdq(11, 3)).toEqual({ score: 11, recovered: false, floorOrCeiling: null });
    expect(rmdqResponseSchema.safeParse({ items: [true] }).success).toBe(false);
  });
  it('reads ≤2 as recovered (Kamper 2010) and marks the floor (<4) and ceiling (>20)', () => {
    expect(rmdq(2)).toMatchObject({ recovered: true, floorOrCeiling: 'floor' });
    expect(rmdq(21)).toMatchObject({ recovered: false, floorOrCeiling: 'ceiling' });
  });
  it('flags change against the MDC of 5 (upper end of 4–5) and the MIC of 5 or 30%', () => {
    expect(compareRmdq(12, 7, DEFAULT_POLICY)).toMatchObject({ direction: 'improved', meetsMcid: true });
    expect(compareRmdq(12, 8, DEFAULT_POLICY)).toMatchObject({ direction: 'within-error', meetsMcid: true }); // 33%
    expect(compareRmdq(20, 16, DEFAULT_POLICY)).toMatchObject({ direction: 'within-error', meetsMcid: false });
  });
});
