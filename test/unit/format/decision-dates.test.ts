import { describe, expect, it } from 'vitest';
import type { PlanDecision } from '../../../shared/clinical/planner';
import { clinicFormat } from '../../../shared/format/clinic-format';
import { localiseDecisionDates } from '../../../shared/format/decision-dates';

const gb = clinicFormat({ timeZone: 'Europe/London', distanceUnit: 'km', dateOrder: 'DMY', timeFormat: '24h', weekStartsOn: 'monday' });

const decision = {
  reasons: [
    { ruleId: 'gate.thomas', sentence: 'The reassessment on 2026-11-12 found modified Thomas hip angle 9° on the left (above 0°: hip-extension deficit).', effect: 'hold' },
    { ruleId: 'planner.override', sentence: 'Therapist override by Linh on 2026-11-20: hold — "Race on 2026-12-06, keep it easy". The rules alone said progress.', effect: 'hold' },
  ],
  gates: [{ gate: 'thomas', findings: ['modified Thomas hip angle 9° on the left, but improved 7° since 2026-10-29'], withinError: [], reassessmentDate: '2026-11-12' }],
  researchContext: { note: 'n', items: [{ ruleId: 'r', finding: 'f', patient: 'Longest run 5 km on 2026-11-14.', source: 's', grade: 'confirmed' }] },
} as unknown as PlanDecision;

describe('a stored decision as staff read it', () => {
  it('writes the engine’s dates in the clinic’s order, leaves a therapist’s quoted words and the data fields as they are', () => {
    const shown = localiseDecisionDates(decision, gb.dates);
    expect(shown.reasons[0]!.sentence).toBe('The reassessment on 12 Nov 2026 found modified Thomas hip angle 9° on the left (above 0°: hip-extension deficit).');
    expect(shown.reasons[1]!.sentence).toBe('Therapist override by Linh on 20 Nov 2026: hold — "Race on 2026-12-06, keep it easy". The rules alone said progress.');
    expect(shown.gates[0]!.findings).toEqual(['modified Thomas hip angle 9° on the left, but improved 7° since 29 Oct 2026']);
    expect(shown.gates[0]!.reassessmentDate).toBe('2026-11-12');
    expect(shown.researchContext.items[0]!.patient).toBe('Longest run 5 km on 14 Nov 2026.');
    // The stored decision is not touched.
    expect(decision.reasons[0]!.sentence).toContain('2026-11-12');
  });

  it('reads a decision stored before gates and research context existed', () => {
    const old = { reasons: [{ ruleId: 'pain.zones', sentence: 'Pain peaked at 4/10 (2026-11-03).', effect: 'hold' }] } as unknown as PlanDecision;
    const shown = localiseDecisionDates(old, gb.dates);
    expect(shown.reasons[0]!.sentence).toBe('Pain peaked at 4/10 (3 Nov 2026).');
    expect(shown.gates).toEqual([]);
  });
});
