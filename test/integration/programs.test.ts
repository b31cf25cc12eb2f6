import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestInput } from '../../shared/api/contract';
import { getSeededExercise } from '../../shared/clinical/library';
import { auditRows, createTestApp, databaseFingerprint, expectError, PATIENT, type TestApp } from './harness';

type Item = RequestInput<'programs.save'>['items'][number];
const item = (exerciseKey: string, reason: string | null = null): Item => ({ exerciseKey, dosage: getSeededExercise(exerciseKey).dosage, instructions: null, reason });

describe('home programs', () => {
  let t: TestApp;
  let patientId: number;
  beforeAll(async () => {
    t = await createTestApp();
    patientId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng' }, t.sessions.admin)).id;
  });
  afterAll(() => t.dispose());

  it('suggests what the mobility gates add for the latest reassessment, citing the finding', async () => {
    expect((await t.ok('programs.suggestions', { patientId }, t.sessions.therapist)).suggestions).toEqual([]);
    await t.ok('reassessments.record', { patientId, measures: [
      { code: 'thomas_hip_angle', side: 'left', value: 14, device: 'goniometer' },
      { code: 'thomas_hip_angle', side: 'right', value: -6, device: 'goniometer' },
      { code: 'prone_instability', side: 'none', value: 'positive', device: 'visual' },
    ] }, t.sessions.therapist);
    const { suggestions } = await t.ok('programs.suggestions', { patientId }, t.sessions.therapist);
    expect(suggestions.map((s) => s.exerciseKey)).toEqual(['hip-flexor-stretch', 'mcgill-curl-up', 'side-bridge', 'bird-dog']);
    const hip = suggestions[0]!;
    expect(hip.title).toBe(getSeededExercise('hip-flexor-stretch').title);
    expect(hip.reason).toMatch(/^Hip extension \(modified Thomas test\): modified Thomas hip angle 14° on the left \(above −?\d+°: hip-extension deficit\) — reassessment of /);
    // The right side is within normal: it is not what calls for the stretch. No ISO date reaches staff.
    expect(hip.reason).not.toMatch(/on the right|\d{4}-\d{2}-\d{2}/);
    expect(suggestions[1]!.reason).toMatch(/^Prone instability test: .*positive/);
  });

  it('saves the ordered program as version 1, then version 2, and reads each back as saved', async () => {
    expect(await t.ok('programs.get', { patientId }, t.sessions.therapist)).toEqual({ current: null, versions: [] });
    const first = await t.ok('programs.save', { patientId, expectedVersion: 0, items: [item('hip-flexor-stretch', 'Hip extension deficit on the left'), item('bird-dog'), item('glute-bridge')], comment: 'First visit' }, t.sessions.therapist);
    expect(first.saved).toBe(true);
    expect(first.current).toMatchObject({ version: 1, comment: 'First visit', itemCount: 3 });
    expect(first.current.items.map((i) => [i.position, i.exerciseKey, i.exerciseVersion, i.illustration])).toEqual([[1, 'hip-flexor-stretch', 0, 'hip-flexor-stretch'], [2, 'bird-dog', 0, 'bird-dog'], [3, 'glute-bridge', 0, 'glute-bridge']]);
    expect(first.current.items[0]).toMatchObject({ title: getSeededExercise('hip-flexor-stretch').title, kind: 'mobility', reason: 'Hip extension deficit on the left' });

    t.clock.advanceMinutes(2);
    const easier = { ...item('glute-bridge'), dosage: { kind: 'reps' as const, sets: 3, reps: 12, holdSeconds: 2, perSide: false, timesPerDay: 1, daysPerWeek: 4 } };
    const second = await t.ok('programs.save', { patientId, expectedVersion: 1, items: [easier, item('hip-flexor-stretch', 'Hip extension deficit on the left'), item('side-bridge')], comment: null }, t.sessions.admin);
    expect(second.current.version).toBe(2);
    expect(second.current.items.map((i) => i.exerciseKey)).toEqual(['glute-bridge', 'hip-flexor-stretch', 'side-bridge']);
    expect(second.current.items[0]!.dosage).toMatchObject({ sets: 3, reps: 12, holdSeconds: 2 });
    expect(second.versions.map((v) => [v.version, v.itemCount, v.comment])).toEqual([[2, 3, null], [1, 3, 'First visit']]);
    expect(second.versions[0]!.savedBy).not.toBe(second.versions[1]!.savedBy);

    const old = await t.ok('programs.version', { patientId, version: 1 }, t.sessions.therapist);
    expect(old.items.map((i) => i.exerciseKey)).toEqual(['hip-flexor-stretch', 'bird-dog', 'glute-bridge']);
    expectError(await t.call('programs.version', { patientId, version: 9 }, t.sessions.therapist), 'NOT_FOUND');

    // The same program saved again without a comment makes no new version.
    const same = await t.ok('programs.save', { patientId, expectedVersion: 2, items: [easier, item('hip-flexor-stretch', 'Hip extension deficit on the left'), item('side-bridge')], comment: null }, t.sessions.therapist);
    expect(same).toMatchObject({ saved: false, current: { version: 2 } });
    const details = (await auditRows(t)).filter((a) => a.action.startsWith('programs.')).map((a) => `${a.action}: ${a.detail}`);
    expect(details).toContain('programs.save: home program version 1 (3 exercises)');
    expect(details).toContain('programs.version: home program version 1 opened');
    expect(details).toContain('programs.save: home program unchanged: no new version');
  });

  it('refuses a save from an older version, naming who saved meanwhile, and writes nothing', async () => {
    const before = await databaseFingerprint(t);
    const r = await t.call('programs.save', { patientId, expectedVersion: 1, items: [item('bird-dog')], comment: 'Stale window' }, t.sessions.therapist);
    expectError(r, 'CONFLICT');
    if (!r.ok) expect(r.error.message).toMatch(/saved version 2 of this home program on .* while you were working on it/);
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('refuses unknown, archived and repeated exercises by name, and a first program with nothing in it, writing nothing', async () => {
    await t.ok('exercises.setArchived', { key: 'clamshell', archived: true }, t.sessions.admin);
    const before = await databaseFingerprint(t);
    const refused = async (input: RequestInput<'programs.save'>, message: RegExp, field: string) => {
      const r = await t.call('programs.save', input, t.sessions.therapist);
      expectError(r, 'VALIDATION');
      if (!r.ok) {
        expect(r.error.message).toMatch(message);
        expect(Object.keys(r.error.fields ?? {})).toContain(field);
      }
    };
    await refused({ patientId, expectedVersion: 2, items: [item('bird-dog'), { ...item('bird-dog'), exerciseKey: 'moonwalk' }], comment: null }, /moonwalk\) is not in the library/, 'items.1.exerciseKey');
    await refused({ patientId, expectedVersion: 2, items: [item('clamshell')], comment: null }, /Clamshell is archived/i, 'items.0.exerciseKey');
    await refused({ patientId, expectedVersion: 2, items: [item('bird-dog'), item('side-bridge'), item('bird-dog')], comment: null }, /Exercise 3 is already in the program \(exercise 1\)/, 'items.2.exerciseKey');
    await refused({ patientId, expectedVersion: 2, items: [{ ...item('bird-dog'), dosage: { kind: 'hold', holds: 2, seconds: 900, perSide: true, timesPerDay: 7, daysPerWeek: 3 } }], comment: null }, /at most/, 'items.0.dosage.seconds');
    const other = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Ana' }, t.sessions.admin)).id;
    const beforeOther = await databaseFingerprint(t);
    await refused({ patientId: other, expectedVersion: 0, items: [], comment: null }, /at least one exercise/, 'items');
    expect(await databaseFingerprint(t)).toBe(beforeOther);
    expect(before).not.toBe(beforeOther);
    await t.ok('exercises.setArchived', { key: 'clamshell', archived: false }, t.sessions.admin);
  });

  it('keeps an exercise archived since it was picked, at the version picked; an emptied program is a version', async () => {
    await t.ok('exercises.setArchived', { key: 'side-bridge', archived: true }, t.sessions.admin);
    const kept = await t.ok('programs.save', { patientId, expectedVersion: 2, items: [item('side-bridge'), item('hip-flexor-stretch')], comment: 'Bridge first' }, t.sessions.therapist);
    expect(kept.current.items[0]).toMatchObject({ exerciseKey: 'side-bridge', archived: true, exerciseVersion: 0 });
    const emptied = await t.ok('programs.save', { patientId, expectedVersion: 3, items: [], comment: 'Discharged: no home exercises' }, t.sessions.therapist);
    expect(emptied.current).toMatchObject({ version: 4, itemCount: 0, items: [] });
    await t.ok('exercises.setArchived', { key: 'side-bridge', archived: false }, t.sessions.admin);
  });

  it('is clinical: the front desk is refused every channel', async () => {
    for (const [channel, input] of [
      ['programs.get', { patientId }],
      ['programs.version', { patientId, version: 1 }],
      ['programs.suggestions', { patientId }],
      ['programs.save', { patientId, expectedVersion: 4, items: [item('bird-dog')], comment: null }],
    ] as const) {
      expectError(await t.call(channel, input as never, t.sessions.front_desk), 'FORBIDDEN');
    }
    expect((await t.ok('programs.get', { patientId }, t.sessions.therapist)).current!.version).toBe(4);
  });
});
