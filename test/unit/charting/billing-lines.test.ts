import { describe, expect, it } from 'vitest';
import { computeBilling } from '../../../shared/charting/billing-lines';
import { diagnosisCodesSchema } from '../../../shared/charting/episode';
import { noteContentSchema, type NoteContentInput, type NoteType } from '../../../shared/charting/note-content';
import type { UnitRule } from '../../../shared/clinical/billing/eightMinuteRule';
import { getRule } from '../../../shared/clinical/rules';

const DX = diagnosisCodesSchema.parse(['M54.50', 'M51.360', 'M54.42', 'M47.816', 'M48.061']);
const joint = (id: string, minutes: number) => ({ id, kind: 'joint' as const, region: 'lumbar' as const, segment: 'L4–L5', technique: 'central_pa' as const, grade: 'III' as const, minutes });
const exercise = (id: string, category: 'therapeutic_exercise' | 'neuromuscular' | 'therapeutic_activity' | 'self_care', minutes: number) => ({ id, kind: 'exercise' as const, category, name: 'Bird dog', minutes });

function bill(rows: NoteContentInput['objective'] extends infer O ? (O extends { rows?: infer R } ? R : never) : never, opts: { type?: NoteType; unitRule?: UnitRule; content?: NoteContentInput } = {}) {
  const content = noteContentSchema.parse({ ...opts.content, objective: { rows } });
  return computeBilling({ type: opts.type ?? 'daily', content, diagnoses: DX, unitRule: opts.unitRule ?? 'cms-8-minute' });
}
const units = (b: ReturnType<typeof bill>) => Object.fromEntries([...b.lines, ...b.unbilled].map((l) => [l.code, l.units]));

describe('billing lines: minutes per code → units by the payer rule (table from clinical.md §5.3)', () => {
  const table: { name: string; rows: Parameters<typeof bill>[0]; rule: UnitRule; expected: Record<string, number>; total: number }[] = [
    { name: '38 min of manual therapy alone → 3', rows: [joint('a', 38)], rule: 'cms-8-minute', expected: { '97140': 3 }, total: 3 },
    { name: 'two joint rows add up under 97140 (8 + 15 = 23 → 2)', rows: [joint('a', 8), joint('b', 15)], rule: 'cms-8-minute', expected: { '97140': 2 }, total: 2 },
    { name: '23 + 15 = 38 → 3: the leftover unit to the most minutes left', rows: [joint('a', 23), exercise('b', 'therapeutic_exercise', 15)], rule: 'cms-8-minute', expected: { '97140': 2, '97110': 1 }, total: 3 },
    { name: 'three codes under 8 each reach 8 together → 1 unit to the most minutes', rows: [joint('a', 5), exercise('b', 'therapeutic_exercise', 6), exercise('c', 'neuromuscular', 4)], rule: 'cms-8-minute', expected: { '97140': 0, '97110': 1, '97112': 0 }, total: 1 },
    { name: '7 timed minutes → nothing', rows: [joint('a', 7)], rule: 'cms-8-minute', expected: { '97140': 0 }, total: 0 },
    { name: 'midpoint rule: each code alone (7 + 7 → 0)', rows: [joint('a', 7), exercise('b', 'therapeutic_exercise', 7)], rule: 'cpt-midpoint', expected: { '97140': 0, '97110': 0 }, total: 0 },
    { name: 'midpoint rule: 24 + 23 → 2 + 2', rows: [joint('a', 24), exercise('b', 'neuromuscular', 23)], rule: 'cpt-midpoint', expected: { '97140': 2, '97112': 2 }, total: 4 },
    { name: 'each exercise category bills its own code', rows: [exercise('a', 'therapeutic_activity', 15), exercise('b', 'self_care', 15), exercise('c', 'neuromuscular', 15)], rule: 'cms-8-minute', expected: { '97530': 1, '97535': 1, '97112': 1 }, total: 3 },
  ];
  it.each(table)('$name', ({ rows, rule, expected, total }) => {
    const b = bill(rows, { unitRule: rule });
    expect(units(b)).toEqual(expected);
    expect(b.totalUnits).toBe(total);
    expect(b.lines.every((l) => l.units > 0)).toBe(true);
    expect(b.unbilled.every((l) => l.units === 0)).toBe(true);
  });

  it('explains every figure in a sentence', () => {
    const b = bill([joint('a', 23), exercise('b', 'therapeutic_exercise', 15)]);
    expect(b.sentence).toBe('38 timed minutes → 3 units by the CMS 8-minute rule (38–52 minutes bill 3); units go to the codes with the most minutes.');
    expect(b.lines.find((l) => l.code === '97140')!.sentence).toBe(
      "23 min → 2 units: 1 full 15-minute unit, plus 1 for its 8 minutes left over (the day's leftover units go to the codes with the most minutes left).",
    );
    expect(b.lines.find((l) => l.code === '97110')!.sentence).toBe('15 min → 1 unit: 1 full 15-minute unit.');
    const short = bill([joint('a', 5), exercise('b', 'therapeutic_exercise', 6)]);
    expect(short.unbilled[0]!.sentence).toBe("5 min → 0 units: its 5 minutes left over earn no unit (the day's remaining unit went to codes with more minutes left over).");
    expect(bill([joint('a', 7)]).sentence).toBe('7 timed minutes → no timed unit: the CMS 8-minute rule needs 8 minutes or more in all.');
    expect(bill([joint('a', 20)], { unitRule: 'cpt-midpoint' }).lines[0]!.sentence).toBe('20 min → 1 unit: 1 full 15-minute unit; the 5 minutes left are under 8.');
  });

  it('bills the evaluation one untimed unit, by complexity, outside the timed minutes', () => {
    const b = bill([joint('a', 10)], { type: 'initial_evaluation', content: { evaluation: { complexity: 'high' } } });
    expect(units(b)).toEqual({ '97163': 1, '97140': 1 });
    expect(b.totalTimedMinutes).toBe(10);
    expect(b.lines[0]!.sentence).toBe('PT evaluation, high complexity → 1 unit: evaluations bill one unit, outside the timed minutes.');
    expect(units(bill([], { type: 'progress', content: { evaluation: { billReevaluation: true } } }))).toEqual({ '97164': 1 });
    expect(units(bill([], { type: 'progress' }))).toEqual({});
    expect(units(bill([], { type: 'daily', content: { evaluation: { complexity: 'low' } } }))).toEqual({});
  });
});

describe('modifiers and diagnosis pointers', () => {
  it('puts GP on every line, evaluations included', () => {
    const b = bill([joint('a', 15), exercise('b', 'therapeutic_exercise', 15)], { type: 'initial_evaluation', content: { evaluation: { complexity: 'low' } } });
    for (const l of b.lines) expect(l.modifiers[0]).toBe('GP');
    expect(getRule('billing.gp-modifier').grade).toBe('confirmed');
  });

  it('suggests 59 on 97140 with 97530 (NCCI pair) and with an evaluation (clinic policy), and not otherwise', () => {
    const pair = bill([joint('a', 15), exercise('b', 'therapeutic_activity', 15)]);
    const manual = pair.lines.find((l) => l.code === '97140')!;
    expect(manual.modifiers).toEqual(['GP', '59']);
    expect(manual.suggestion).toMatchObject({ modifier: '59', ruleId: 'billing.distinct-97140-97530', declined: false });
    expect(manual.suggestion!.sentence).toBe('59 suggested on 97140: billed with 97530 on the same day, an NCCI edit pair; keep it only when the services were distinct (a separate region or time).');
    expect(pair.lines.find((l) => l.code === '97530')!.modifiers).toEqual(['GP']);
    const withEval = bill([joint('a', 15)], { type: 'initial_evaluation', content: { evaluation: { complexity: 'moderate' } } });
    expect(withEval.lines.find((l) => l.code === '97140')!.suggestion).toMatchObject({ ruleId: 'billing.distinct-97140-evaluation' });
    expect(getRule('billing.distinct-97140-evaluation').grade).toBe('clinic-policy');
    expect(bill([joint('a', 15), exercise('b', 'therapeutic_exercise', 15)]).lines.every((l) => l.suggestion === null)).toBe(true);
    // A 97530 that earned no unit is not billed, so it makes no pair.
    expect(bill([joint('a', 15), exercise('b', 'therapeutic_activity', 3)]).lines[0]!.suggestion).toBeNull();
  });

  it('keeps the therapist’s choice: declined, or a more specific X modifier', () => {
    const rows = [joint('a', 15), exercise('b', 'therapeutic_activity', 15)];
    const declined = bill(rows, { content: { billing: { modifiers: { '97140': 'none' } } } });
    expect(declined.lines.find((l) => l.code === '97140')).toMatchObject({ modifiers: ['GP'], suggestion: { declined: true } });
    expect(bill(rows, { content: { billing: { modifiers: { '97140': 'XS' } } } }).lines.find((l) => l.code === '97140')!.modifiers).toEqual(['GP', 'XS']);
  });

  it('points each line to the first four diagnoses unless the therapist chose, and ignores letters that do not exist', () => {
    const b = bill([joint('a', 15), exercise('b', 'therapeutic_exercise', 15)], { content: { billing: { pointers: { '97110': ['B', 'L'] } } } });
    expect(b.lines.find((l) => l.code === '97140')!.pointers).toEqual(['A', 'B', 'C', 'D']);
    expect(b.lines.find((l) => l.code === '97110')!.pointers).toEqual(['B']);
    const none = computeBilling({ type: 'daily', content: noteContentSchema.parse({ objective: { rows: [joint('a', 15)] } }), diagnoses: [], unitRule: 'cms-8-minute' });
    expect(none.lines[0]!.pointers).toEqual([]);
  });

  it('names the rules it applied', () => {
    const b = bill([joint('a', 15), exercise('b', 'therapeutic_activity', 15)], { type: 'initial_evaluation', content: { evaluation: { complexity: 'low' } } });
    for (const id of ['billing.eight-minute', 'billing.assign-most-minutes', 'billing.untimed', 'billing.gp-modifier', 'billing.distinct-97140-97530', 'billing.diagnosis-pointers', 'billing.unit-rule']) {
      expect(b.ruleIds).toContain(id);
      expect(() => getRule(id)).not.toThrow();
    }
  });
});
