import { describe, expect, it } from 'vitest';
import { assessRunPain, summarizeWeekPain, zoneForScore } from '../../../shared/clinical/pain';
import { DEFAULT_POLICY, clinicPolicySchema } from '../../../shared/clinical/policy';
import type { RunInput } from '../../../shared/clinical/runs';
import { runSchema } from '../../../shared/clinical/runs';

const r = (pain: RunInput['pain'], date = '2026-03-17') => runSchema.parse({ date, distanceM: 3000, durationS: 1800, pain });

describe('pain zones (pain-monitoring model defaults)', () => {
  it('≤3 green, 4–5 amber, >5 red', () => {
    expect([0, 3, 4, 5, 6, 10].map((s) => zoneForScore(s, DEFAULT_POLICY))).toEqual(['green', 'green', 'amber', 'amber', 'red', 'red']);
  });
  it('follows the clinic setting', () => {
    const strict = clinicPolicySchema.parse({ pain: { greenMax: 2, amberMax: 4 } });
    expect([2, 3, 4, 5].map((s) => zoneForScore(s, strict))).toEqual(['green', 'amber', 'amber', 'red']);
  });
  it('uses the higher of during and after', () => {
    expect(assessRunPain(r({ during: 2, after: 6 }), DEFAULT_POLICY, null)).toMatchObject({ peak: 6, peakZone: 'red' });
  });
});

describe('next-morning response', () => {
  it('reads the next morning against the patient baseline: same = green, +1 = amber, +2 = red', () => {
    expect(assessRunPain(r({ during: 2, nextMorning: 2 }), DEFAULT_POLICY, 2).nextMorningZone).toBe('green');
    expect(assessRunPain(r({ during: 2, nextMorning: 3 }), DEFAULT_POLICY, 2).nextMorningZone).toBe('amber');
    expect(assessRunPain(r({ during: 2, nextMorning: 4 }), DEFAULT_POLICY, 2)).toMatchObject({ nextMorningZone: 'red', nextMorningRise: 2, zone: 'red', referenceKind: 'baseline' });
    expect(assessRunPain(r({ during: 2, nextMorning: 1 }), DEFAULT_POLICY, 2).nextMorningZone).toBe('green');
  });
  it('falls back to the pain before that run, and says when it cannot compare', () => {
    expect(assessRunPain(r({ before: 3, during: 3, nextMorning: 4 }), DEFAULT_POLICY, null)).toMatchObject({ referenceKind: 'before-run', nextMorningZone: 'amber' });
    expect(assessRunPain(r({ during: 3, nextMorning: 4 }), DEFAULT_POLICY, null)).toMatchObject({ nextMorningZone: null, missingNextMorning: true });
  });
});

describe('week pain', () => {
  it('takes the worst run and flags a rising trend', () => {
    const week = [r({ during: 2, nextMorning: 1 }), r({ during: 4, nextMorning: 1 }, '2026-03-19')];
    const last = [r({ during: 2, nextMorning: 1 }, '2026-03-10')];
    const s = summarizeWeekPain(week, last, DEFAULT_POLICY, 1);
    expect(s).toMatchObject({ peak: 4, previousPeak: 2, trend: 'rising', zone: 'amber', worstNextMorningRise: 0, runsMissingScores: 0 });
  });
  it('makes a green week amber when pain is rising', () => {
    const s = summarizeWeekPain([r({ during: 3, nextMorning: 1 })], [r({ during: 1, nextMorning: 1 }, '2026-03-10')], DEFAULT_POLICY, 1);
    expect(s).toMatchObject({ trend: 'rising', zone: 'amber' });
  });
  it('has no zone and an unknown trend without scores', () => {
    const s = summarizeWeekPain([r({})], [], DEFAULT_POLICY, 1);
    expect(s).toMatchObject({ zone: null, trend: 'unknown', runsMissingScores: 1 });
  });
});
