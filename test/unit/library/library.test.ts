import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS, getExercise } from '../../../shared/clinical/exercises';
import { GATE_EXERCISES } from '../../../shared/clinical/gates';
import { EXERCISE_KINDS, getSeededExercise, libraryProblems, SEEDED_EXERCISES, type Exercise } from '../../../shared/clinical/library';
import { getSource } from '../../../shared/clinical/sources';

const ISSUE_LIST = [
  'hip-flexor-stretch', 'couch-stretch', 'open-book', 'quadruped-thoracic-rotation', 'cat-camel', 'bird-dog', 'dead-bug',
  'mcgill-curl-up', 'side-bridge-knees', 'side-bridge', 'glute-bridge', 'single-leg-bridge', 'clamshell', 'side-lying-hip-abduction',
  'hip-hinge-dowel', 'split-squat', 'step-down', 'calf-raise', 'single-leg-balance', 'prone-press-up', 'hip-90-90-switch',
  'pallof-press', 'suitcase-carry', 'marching-bridge', 'a-skip', 'standing-hip-flexor-march',
];

describe('the seeded exercise library', () => {
  it('holds at least 25 exercises, every one the issue names, and is sound', () => {
    expect(SEEDED_EXERCISES.length).toBeGreaterThanOrEqual(25);
    expect(SEEDED_EXERCISES.map((e) => e.id).sort()).toEqual([...ISSUE_LIST].sort());
    expect(libraryProblems(SEEDED_EXERCISES)).toEqual([]);
  });

  it('gives every exercise its purpose, start, steps, 2–3 cues, errors, dose and tags', () => {
    for (const e of SEEDED_EXERCISES) {
      expect(e.purpose, e.id).toMatch(/\.$/);
      expect(e.startingPosition, e.id).toMatch(/\.$/);
      expect(e.steps.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.cues.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.cues.length, e.id).toBeLessThanOrEqual(3);
      expect(e.commonErrors.length, e.id).toBeGreaterThanOrEqual(2);
      expect(EXERCISE_KINDS).toContain(e.kind);
    }
    // Each kind is represented, so the tag filter has something behind every button.
    for (const k of EXERCISE_KINDS) expect(SEEDED_EXERCISES.filter((e) => e.kind === k).length, k).toBeGreaterThanOrEqual(5);
  });

  it('links easier and harder versions both ways where both are in the library', () => {
    // A harder version's easier list names the one it came from, so a therapist can step back down.
    const missingBackLinks = SEEDED_EXERCISES.flatMap((e) => e.harder.filter((h) => !getSeededExercise(h).easier.includes(e.id)).map((h) => `${e.id} → ${h}`));
    const missingForwardLinks = SEEDED_EXERCISES.flatMap((e) => e.easier.filter((h) => !getSeededExercise(h).harder.includes(e.id)).map((h) => `${e.id} ← ${h}`));
    expect([...missingBackLinks, ...missingForwardLinks]).toEqual([]);
  });

  it('cites only sources the rules engine has, and grades no stronger than its weakest source', () => {
    const rank = { confirmed: 0, secondary: 1, 'clinic-policy': 2 } as const;
    for (const e of SEEDED_EXERCISES.filter((x): x is Exercise & { evidence: NonNullable<Exercise['evidence']> } => x.evidence !== null)) {
      const grades = e.evidence.sourceIds.map((s) => getSource(s).grade);
      expect(Math.min(...grades.map((g) => rank[g])), e.id).toBeLessThanOrEqual(rank[e.evidence.grade]);
    }
  });

  it('finds unsound clinic libraries and says what is wrong', () => {
    const base = getSeededExercise('bird-dog');
    const broken: Exercise[] = [
      { ...base, id: 'a', easier: ['a'], harder: ['nowhere'], cues: ['one'] },
      { ...base, id: 'a', easier: [], harder: [], dosage: { ...base.dosage, kind: 'reps', sets: 0, reps: 5, holdSeconds: null } },
    ];
    expect(libraryProblems(broken)).toEqual([
      'a: the id is used twice',
      'a: links to itself',
      'a: links to nowhere, which is not in the library',
      'a: has 1 cues (two or three)',
      'a: the dose is not a whole, positive amount',
    ]);
  });
});

describe('the gate exercises are the library’s', () => {
  it('names every exercise a mobility gate calls for from the library, with its source and grade', () => {
    for (const id of new Set(Object.values(GATE_EXERCISES).flat())) {
      const lib = getSeededExercise(id);
      expect(getExercise(id)).toMatchObject({ id, name: lib.title, grade: lib.evidence!.grade });
    }
    expect(EXERCISE_IDS.length).toBe(5);
    expect(getExercise('side-bridge').source).toContain('McGill Big 3');
  });
});
