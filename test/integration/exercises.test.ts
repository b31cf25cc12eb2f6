import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exerciseInputOf, getSeededExercise, SEEDED_EXERCISES } from '../../shared/clinical/library';
import { auditRows, createTestApp, expectError, type TestApp } from './harness';

describe('exercise library', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  const heelDrops = () => ({ ...exerciseInputOf(getSeededExercise('calf-raise'), 'calf-raise'), title: 'Heel drops on a stair', cues: ['Slow down for three seconds', 'Knees straight'], easier: [] as string[], harder: [] as string[] });

  it('lists the seeded library without a row in the database, to therapists and admins only', async () => {
    const { exercises } = await t.ok('exercises.list', {}, t.sessions.therapist);
    expect(exercises.map((e) => e.key)).toEqual(SEEDED_EXERCISES.map((e) => e.id));
    expect(exercises.every((e) => e.origin === 'seeded' && e.version === 0 && !e.archived && e.illustration === e.key)).toBe(true);
    expectError(await t.call('exercises.list', {}, t.sessions.front_desk), 'FORBIDDEN');
  });

  it('adds a clinic exercise, saves each edit as a new version, and keeps every version', async () => {
    const added = await t.ok('exercises.save', { exercise: heelDrops() }, t.sessions.therapist);
    expect(added).toMatchObject({ key: 'clinic-1', origin: 'clinic', version: 1, savedBy: expect.any(String), archived: false });
    expect(added.exercise.evidence).toBeNull();
    t.clock.advanceMinutes(5);
    const edited = await t.ok('exercises.save', { key: 'clinic-1', expectedVersion: 1, exercise: { ...heelDrops(), cues: ['Slow down for four seconds', 'Knees straight'] } }, t.sessions.admin);
    expect(edited.version).toBe(2);
    // Saving the same text again makes no new version.
    expect((await t.ok('exercises.save', { key: 'clinic-1', expectedVersion: 2, exercise: { ...heelDrops(), cues: ['Slow down for four seconds', 'Knees straight'] } }, t.sessions.admin)).version).toBe(2);
    const { versions } = await t.ok('exercises.history', { key: 'clinic-1' }, t.sessions.therapist);
    expect(versions.map((v) => [v.version, v.exercise.cues[0]])).toEqual([[2, 'Slow down for four seconds'], [1, 'Slow down for three seconds']]);
    const audit = await auditRows(t);
    expect(audit.filter((a) => a.action === 'exercises.save').map((a) => a.detail)).toEqual(['Heel drops on a stair, version 1 (new)', 'Heel drops on a stair, version 2', 'Heel drops on a stair unchanged: no new version']);
  });

  it('refuses to overwrite a newer version saved meanwhile, and changes nothing', async () => {
    const r = await t.call('exercises.save', { key: 'clinic-1', expectedVersion: 1, exercise: { ...heelDrops(), title: 'Stale edit' } }, t.sessions.therapist);
    expectError(r, 'CONFLICT');
    expect((await t.ok('exercises.history', { key: 'clinic-1' }, t.sessions.therapist)).versions).toHaveLength(2);
  });

  it('edits a seeded exercise into the clinic’s version of it; the shipped text stays in its history', async () => {
    const bridge = exerciseInputOf(getSeededExercise('glute-bridge'), 'glute-bridge');
    const saved = await t.ok('exercises.save', { key: 'glute-bridge', expectedVersion: 0, exercise: { ...bridge, dosage: { ...bridge.dosage, kind: 'reps', sets: 3, reps: 12, holdSeconds: 3 } } }, t.sessions.therapist);
    expect(saved).toMatchObject({ key: 'glute-bridge', origin: 'seeded', version: 1 });
    const list = (await t.ok('exercises.list', {}, t.sessions.therapist)).exercises;
    expect(list.find((e) => e.key === 'glute-bridge')!.exercise.dosage).toMatchObject({ sets: 3, reps: 12 });
    expect(list.filter((e) => e.key === 'glute-bridge')).toHaveLength(1);
    const { versions } = await t.ok('exercises.history', { key: 'glute-bridge' }, t.sessions.therapist);
    expect(versions.map((v) => v.version)).toEqual([1, 0]);
    expect(versions[1]!.exercise.evidence).not.toBeNull();
  });

  it('links only to exercises in the library, not to itself, and only to drawings it has', async () => {
    const bad = async (exercise: ReturnType<typeof heelDrops>, message: RegExp) => {
      const r = await t.call('exercises.save', { key: 'clinic-1', exercise }, t.sessions.therapist);
      expectError(r, 'VALIDATION');
      if (!r.ok) expect(r.error.message).toMatch(message);
    };
    await bad({ ...heelDrops(), harder: ['clinic-1'] }, /links to itself/);
    await bad({ ...heelDrops(), easier: ['skydiving'] }, /links to skydiving, which is not in the library/);
    await bad({ ...heelDrops(), illustration: 'skydiving' }, /Choose a drawing/);
    expect((await t.ok('exercises.history', { key: 'clinic-1' }, t.sessions.therapist)).versions).toHaveLength(2);
  });

  it('archives an exercise, never deleting it, and brings it back', async () => {
    const archived = await t.ok('exercises.setArchived', { key: 'a-skip', archived: true }, t.sessions.therapist);
    expect(archived).toMatchObject({ key: 'a-skip', archived: true, version: 0 });
    expectError(await t.call('exercises.save', { key: 'a-skip', exercise: exerciseInputOf(getSeededExercise('a-skip'), 'a-skip') }, t.sessions.therapist), 'VALIDATION');
    const linked = await t.call('exercises.save', { key: 'clinic-1', exercise: { ...heelDrops(), harder: ['a-skip'] } }, t.sessions.therapist);
    expectError(linked, 'VALIDATION');
    expect((await t.ok('exercises.list', {}, t.sessions.therapist)).exercises.find((e) => e.key === 'a-skip')!.archived).toBe(true);
    expect((await t.ok('exercises.setArchived', { key: 'a-skip', archived: false }, t.sessions.admin)).archived).toBe(false);
    expectError(await t.call('exercises.setArchived', { key: 'clinic-99', archived: true }, t.sessions.admin), 'NOT_FOUND');
  });
});
