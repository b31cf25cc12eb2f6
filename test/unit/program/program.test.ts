import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../../shared/clinical/gates';
import { getSeededExercise } from '../../../shared/clinical/library';
import { DEFAULT_POLICY } from '../../../shared/clinical/policy';
import type { MeasureResult, Reassessment } from '../../../shared/clinical/reassessment';
import { emptyProgramProblem, programDosageSchema, programSaveInputSchema } from '../../../shared/program/program-item';
import { programSuggestions } from '../../../shared/program/suggestions';

const reps = { kind: 'reps', sets: 2, reps: 10, holdSeconds: null, perSide: false, timesPerDay: 1, daysPerWeek: 3 } as const;
const hold = { kind: 'hold', holds: 3, seconds: 30, perSide: true, timesPerDay: 1, daysPerWeek: 7 } as const;

describe('program dose', () => {
  it.each([
    ['sets 0', { ...reps, sets: 0 }, 'sets', 'Sets is at least 1'],
    ['sets 11', { ...reps, sets: 11 }, 'sets', 'Sets is at most 10'],
    ['reps 101', { ...reps, reps: 101 }, 'reps', 'Repetitions is at most 100'],
    ['reps 2.5', { ...reps, reps: 2.5 }, 'reps', 'Repetitions is a whole number'],
    ['a hold of 601 s', { ...reps, holdSeconds: 601 }, 'holdSeconds', 'Hold (seconds) is at most 600'],
    ['holds 0', { ...hold, holds: 0 }, 'holds', 'Holds is at least 1'],
    ['seconds 0', { ...hold, seconds: 0 }, 'seconds', 'Seconds is at least 1'],
    ['seconds 601', { ...hold, seconds: 601 }, 'seconds', 'Seconds is at most 600'],
    ['7 times a day', { ...hold, timesPerDay: 7 }, 'timesPerDay', 'Times a day is at most 6'],
    ['0 days a week', { ...hold, daysPerWeek: 0 }, 'daysPerWeek', 'Days a week is at least 1'],
    ['8 days a week', { ...hold, daysPerWeek: 8 }, 'daysPerWeek', 'Days a week is at most 7'],
    ['per side missing', { ...hold, perSide: undefined }, 'perSide', 'Say whether the dose is per side'],
    ['an unknown kind', { ...hold, kind: 'forever' }, 'kind', 'Choose repetitions, holds or a timed effort'],
  ])('refuses %s, naming the field', (_what, dose, field, message) => {
    const r = programDosageSchema.safeParse(dose);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([field, message]);
  });

  it.each([
    ['the limits', { ...reps, sets: 10, reps: 100, holdSeconds: 600, timesPerDay: 6, daysPerWeek: 7 }],
    ['a timed carry', { kind: 'time', sets: 3, seconds: 600, perSide: true, timesPerDay: 1, daysPerWeek: 2 }],
    ['every seeded default dose', getSeededExercise('side-bridge').dosage],
  ])('takes %s', (_what, dose) => {
    expect(programDosageSchema.safeParse(dose).success).toBe(true);
  });

  it('refuses an exercise twice, naming both places, and a first program with nothing in it', () => {
    const item = (exerciseKey: string) => ({ exerciseKey, dosage: hold });
    const r = programSaveInputSchema.safeParse({ patientId: 1, expectedVersion: 0, items: [item('bird-dog'), item('dead-bug'), item('bird-dog')] });
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['items', 2, 'exerciseKey'], message: 'Exercise 3 is already in the program (exercise 1): each exercise once' })]);
    const ok = programSaveInputSchema.parse({ patientId: 1, expectedVersion: 0, items: [item('bird-dog')], comment: '  ' });
    expect(ok.comment).toBeNull();
    expect(ok.items[0]).toMatchObject({ instructions: null, reason: null });
    expect(emptyProgramProblem([], 0)).toMatch(/at least one exercise/);
    expect(emptyProgramProblem([], 2)).toBeNull();
  });
});

describe('program suggestions', () => {
  const on = (date: string, ...measures: MeasureResult[]): Reassessment => ({ date, measures });
  const m = (code: MeasureResult['code'], side: MeasureResult['side'], value: MeasureResult['value'], device: MeasureResult['device'] = 'goniometer'): MeasureResult => ({ code, side, value, device, position: null });
  const words = { date: (iso: string) => `[${iso}]` };
  const suggest = (...r: Reassessment[]) => programSuggestions(evaluateGates(r, '2026-12-01', DEFAULT_POLICY), words);

  it.each([
    ['a hip-extension deficit', [m('thomas_hip_angle', 'left', 14), m('thomas_hip_angle', 'right', -8)], ['hip-flexor-stretch'], /^Hip extension \(modified Thomas test\): modified Thomas hip angle 14° on the left \(above .*: hip-extension deficit\) — reassessment of \[2026-11-20\]$/],
    ['short two-joint hip flexors', [m('thomas_knee_angle', 'right', 50)], ['hip-flexor-stretch'], /modified Thomas knee angle 50° on the right .*short two-joint hip flexors/],
    ['a positive ASLR', [m('aslr', 'left', 2, null), m('aslr', 'right', 1, null)], ['mcgill-curl-up', 'side-bridge', 'bird-dog'], /^Active straight-leg raise: ASLR 3\/10/],
    ['a positive prone instability test', [m('prone_instability', 'none', 'positive', 'visual')], ['mcgill-curl-up', 'side-bridge', 'bird-dog'], /^Prone instability test: .*positive/],
    ['a poor single-leg squat', [m('single_leg_squat', 'left', 'poor', 'visual')], ['glute-bridge', 'side-bridge'], /^Single-leg squat: single-leg squat poor on the left/],
    ['findings within normal', [m('thomas_hip_angle', 'left', -10), m('single_leg_squat', 'left', 'good', 'visual')], [], null],
  ])('%s', (_what, measures, keys, reason) => {
    const s = suggest(on('2026-11-20', ...measures));
    expect(s.map((x) => x.exerciseKey)).toEqual(keys);
    if (reason) expect(s[0]!.reason).toMatch(reason);
  });

  it('suggests an exercise two gates add once, its reason naming both findings', () => {
    const s = suggest(on('2026-11-20', m('aslr', 'left', 2, null), m('single_leg_squat', 'right', 'poor', 'visual')));
    expect(s.map((x) => x.exerciseKey)).toEqual(['mcgill-curl-up', 'side-bridge', 'bird-dog', 'glute-bridge']);
    expect(s[1]!.reason).toMatch(/^Active straight-leg raise: .*\. Single-leg squat: single-leg squat poor on the right/);
  });

  it('reads the latest reassessment: a deficit back within normal suggests nothing; one within measurement error is not a reason', () => {
    expect(suggest(on('2026-10-01', m('thomas_hip_angle', 'left', 14)), on('2026-11-20', m('thomas_hip_angle', 'left', -4)))).toEqual([]);
    // 2° past the cut-off with a goniometer is within its error: the gate does not hold, nothing is suggested.
    expect(suggest(on('2026-11-20', m('thomas_hip_angle', 'left', DEFAULT_POLICY.gates.thomas.hipAngleAboveDeg + 2)))).toEqual([]);
    const mixed = suggest(on('2026-11-20', m('thomas_hip_angle', 'left', 14), m('thomas_hip_angle', 'right', DEFAULT_POLICY.gates.thomas.hipAngleAboveDeg + 2)));
    expect(mixed[0]!.reason).not.toMatch(/on the right/);
    // A reassessment dated after the day asked about is not read.
    expect(suggest(on('2026-12-05', m('thomas_hip_angle', 'left', 14)))).toEqual([]);
  });
});
