import { describe, expect, it } from 'vitest';
import { evaluateOutcomeGate, outcomeCheckSentence, type OutcomeScorePoint } from '../../../shared/clinical/outcomeGate';
import { clinicPolicySchema, DEFAULT_POLICY } from '../../../shared/clinical/policy';

const p = (instrument: OutcomeScorePoint['instrument'], date: string, score: number): OutcomeScorePoint => ({ instrument, date, score });

describe('questionnaires against the episode’s baseline (gate.outcomes-worse)', () => {
  it.each([
    // instrument, baseline, latest, holds? — defaults NPRS 2, ODI 10, modified ODI 6 points
    ['nprs', 4, 6, true],
    ['nprs', 4, 5, false],
    ['nprs', 6, 2, false],
    ['odi', 24, 34, true],
    ['odi', 24, 33.3, false],
    ['modified-odi', 20, 26, true],
    ['modified-odi', 20, 25.9, false],
  ] as const)('%s %d → %d holds: %s', (instrument, baseline, latest, holds) => {
    const [check] = evaluateOutcomeGate([p(instrument, '2026-10-01', baseline), p(instrument, '2026-10-20', latest)], '2026-10-25', DEFAULT_POLICY);
    expect(check!.active).toBe(holds);
  });

  it('reads only forms up to the week’s end, needs two forms, and stays silent when the clinic switches it off', () => {
    const forms = [p('nprs', '2026-10-01', 3), p('nprs', '2026-10-10', 3), p('nprs', '2026-10-30', 9), p('odi', '2026-10-01', 30)];
    const checks = evaluateOutcomeGate(forms, '2026-10-25', DEFAULT_POLICY);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ instrument: 'nprs', latest: { date: '2026-10-10', score: 3 }, change: 0, active: false });
    expect(outcomeCheckSentence(checks[0]!)).toBe('The pain rating (NPRS) on 2026-10-10 was 3/10, against 3/10 at the episode’s baseline on 2026-10-01: unchanged.');
    const off = clinicPolicySchema.parse({ gates: { outcomes: { enabled: false } } });
    expect(evaluateOutcomeGate(forms, '2026-11-30', off)).toEqual([]);
    const strict = clinicPolicySchema.parse({ gates: { outcomes: { nprsWorsePoints: 6 } } });
    expect(evaluateOutcomeGate(forms, '2026-11-30', strict)[0]).toMatchObject({ change: 6, holdAt: 6, active: true });
  });

  it('refuses a figure outside the scale, naming the setting', () => {
    expect(() => clinicPolicySchema.parse({ gates: { outcomes: { nprsWorsePoints: 11 } } })).toThrow();
    expect(() => clinicPolicySchema.parse({ gates: { outcomes: { odiWorsePoints: 0 } } })).toThrow(/gates.outcomes.odiWorsePoints must be above 0/);
  });
});
