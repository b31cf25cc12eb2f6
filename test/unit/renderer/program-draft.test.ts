import { describe, expect, it } from 'vitest';
import { getSeededExercise } from '../../../shared/clinical/library';
import { doseWords, draftFromLibrary, moved, sameDraft, toSaveItems } from '../../../renderer/src/screens/program/draft';

const entry = (key: string) => ({ key, origin: 'seeded' as const, version: 0, exercise: getSeededExercise(key), illustration: key, archived: false, savedBy: null, savedAt: null });

describe('home program draft', () => {
  it.each([
    [0, 2, ['b', 'c', 'a']],
    [2, 0, ['c', 'a', 'b']],
    [1, 2, ['a', 'c', 'b']],
    [1, 1, ['a', 'b', 'c']],
  ])('moves the item at %i to %i', (from, to, expected) => {
    expect(moved(['a', 'b', 'c'], from, to)).toEqual(expected);
  });

  it('sends the order, doses, notes and reasons, and tells a changed draft from an untouched one', () => {
    const a = [draftFromLibrary(entry('bird-dog'), null), draftFromLibrary(entry('hip-flexor-stretch'), 'Hip extension deficit')];
    expect(toSaveItems(a)).toEqual([
      { exerciseKey: 'bird-dog', dosage: getSeededExercise('bird-dog').dosage, instructions: null, reason: null },
      { exerciseKey: 'hip-flexor-stretch', dosage: getSeededExercise('hip-flexor-stretch').dosage, instructions: null, reason: 'Hip extension deficit' },
    ]);
    expect(sameDraft(a, [...a])).toBe(true);
    expect(sameDraft(a, moved(a, 0, 1))).toBe(false);
    expect(sameDraft(a, [a[0]!, { ...a[1]!, dosage: { ...a[1]!.dosage, daysPerWeek: 3 } }])).toBe(false);
    // The title or drawing shown does not make a change worth a version: only what is saved does.
    expect(sameDraft(a, [{ ...a[0]!, title: 'Renamed' }, a[1]!])).toBe(true);
  });

  it('writes the dose in words', () => {
    expect(doseWords({ kind: 'hold', holds: 3, seconds: 30, perSide: true, timesPerDay: 1, daysPerWeek: 7 })).toMatch(/30 seconds.*3 times.*each side.*every day/);
    expect(doseWords({ kind: 'reps', sets: 2, reps: 10, holdSeconds: null, perSide: false, timesPerDay: 2, daysPerWeek: 4 })).toMatch(/^2 sets of 10 repetitions · 2 times a day, 4 days a week$/);
  });
});
