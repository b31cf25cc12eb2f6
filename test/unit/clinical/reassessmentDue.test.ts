import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, clinicPolicySchema } from '../../../shared/clinical/policy';
import { reassessmentsDue, type DueInput } from '../../../shared/clinical/reassessmentDue';

const base: DueInput = { episodeStart: '2026-10-05', today: '2026-11-02', batteries: [], questionnaires: [], progressNoteDue: false, dischargeNoteOn: null, policy: DEFAULT_POLICY, fmt: (d) => `[${d}]` };
const due = (over: Partial<DueInput>) => reassessmentsDue({ ...base, ...over }).map((d) => [d.kind, d.reason, d.dueOn, d.overdue]);

describe('reassessment.due (clinic policy)', () => {
  it('asks nothing without an open episode of care', () => {
    expect(due({ episodeStart: null })).toEqual([]);
  });
  it('asks for the baseline at the episode’s start (a record from an earlier episode does not count)', () => {
    expect(due({ batteries: ['2026-06-01'] })).toEqual([
      ['battery', 'baseline', '2026-10-05', true],
      ['questionnaires', 'baseline', '2026-10-05', true],
    ]);
    expect(reassessmentsDue(base)[0]!.sentence).toBe('Reassessment battery due: baseline for the episode of care that started [2026-10-05].');
  });
  it('asks again every N weeks after the last (4 by default; the clinic can change it)', () => {
    expect(due({ batteries: ['2026-10-05'], questionnaires: ['2026-10-06'] })).toEqual([['battery', 'interval', '2026-11-02', false]]);
    expect(due({ batteries: ['2026-10-05'], questionnaires: ['2026-10-06'], today: '2026-11-01' })).toEqual([]);
    const sixWeeks = clinicPolicySchema.parse({ reassessmentDue: { everyWeeks: 6 } });
    expect(due({ batteries: ['2026-10-05'], questionnaires: ['2026-10-06'], policy: sixWeeks })).toEqual([]);
    expect(due({ batteries: ['2026-10-05'], questionnaires: ['2026-10-06'], policy: sixWeeks, today: '2026-11-20' })).toEqual([
      ['battery', 'interval', '2026-11-16', true],
      ['questionnaires', 'interval', '2026-11-17', true],
    ]);
  });
  it('asks when a progress note is due, and at discharge, unless the clinic turned either off', () => {
    const recent = { batteries: ['2026-10-26'], questionnaires: ['2026-10-26'] };
    expect(due({ ...recent, progressNoteDue: true })).toEqual([
      ['battery', 'progress-note', '2026-11-02', false],
      ['questionnaires', 'progress-note', '2026-11-02', false],
    ]);
    expect(due({ ...recent, progressNoteDue: true, policy: clinicPolicySchema.parse({ reassessmentDue: { atProgressNote: false } }) })).toEqual([]);
    expect(due({ ...recent, dischargeNoteOn: '2026-11-02' })).toEqual([
      ['battery', 'discharge', '2026-11-02', false],
      ['questionnaires', 'discharge', '2026-11-02', false],
    ]);
    expect(due({ ...recent, dischargeNoteOn: '2026-11-02', policy: clinicPolicySchema.parse({ reassessmentDue: { atDischarge: false } }) })).toEqual([]);
    // Recorded today: nothing is due any more.
    expect(due({ batteries: ['2026-11-02'], questionnaires: ['2026-11-02'], progressNoteDue: true, dischargeNoteOn: '2026-11-02' })).toEqual([]);
  });
});
