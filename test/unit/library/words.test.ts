import { describe, expect, it } from 'vitest';
import { dose, dosageText, exerciseTranslator, exerciseWords, getSeededExercise, hold, reps, SEEDED_EXERCISES, timed, type Exercise } from '../../../shared/clinical/library';
import { createTranslator, DOSAGE_PHRASES, EXERCISE_WORDS_ES, missingKeys } from '../../../shared/i18n';

const en = () => exerciseTranslator('en', SEEDED_EXERCISES);
const es = () => exerciseTranslator('es', SEEDED_EXERCISES);

describe('dosage text', () => {
  it('reads a dose the way a patient would say it, in English', () => {
    expect(dosageText(dose(reps(2, 10), true, 1, 4), en())).toBe('2 sets of 10 repetitions on each side · once a day, 4 days a week');
    expect(dosageText(dose(reps(3, 5, 10), false, 2, 7), en())).toBe('3 sets of 5 repetitions, holding each for 10 seconds · 2 times a day, every day');
    expect(dosageText(dose(hold(3, 30), true, 1, 5), en())).toBe('Hold for 30 seconds, 3 times on each side · once a day, 5 days a week');
    expect(dosageText(dose(hold(1, 1), false, 1, 1), en())).toBe('Hold for 1 second, once · once a day, 1 day a week');
    expect(dosageText(dose(timed(1, 45), false, 3, 2), en())).toBe('1 set of 45 seconds · 3 times a day, 2 days a week');
  });

  it('reads the same doses in Spanish, with Spanish plurals', () => {
    expect(dosageText(dose(reps(2, 10), true, 1, 4), es())).toBe('2 series de 10 repeticiones por cada lado · una vez al día, 4 días por semana');
    expect(dosageText(dose(reps(1, 1, 1), false, 1, 7), es())).toBe('1 serie de 1 repetición, manteniendo cada una 1 segundo · una vez al día, todos los días');
    expect(dosageText(dose(hold(3, 30), false, 2, 1), es())).toBe('Mantener 30 segundos, 3 veces · 2 veces al día, 1 día por semana');
  });
});

describe('translation table', () => {
  it('has every dose phrase in Spanish and a Spanish title and every cue for every seeded exercise', () => {
    expect(missingKeys(DOSAGE_PHRASES.en, DOSAGE_PHRASES.es)).toEqual([]);
    expect(Object.keys(EXERCISE_WORDS_ES).sort()).toEqual(SEEDED_EXERCISES.map((e) => e.id).sort());
    for (const e of SEEDED_EXERCISES) expect(EXERCISE_WORDS_ES[e.id]!.cues.length, e.id).toBe(e.cues.length);
    const t = es();
    for (const e of SEEDED_EXERCISES) exerciseWords(e, t);
    expect(t.missing()).toEqual([]);
  });

  it('prints a seeded exercise in the patient’s language', () => {
    expect(exerciseWords(getSeededExercise('glute-bridge'), es())).toEqual({
      title: 'Puente de glúteos',
      cues: ['Aprieta primero los glúteos', 'Empuja con los talones', 'Costillas abajo, no arquees'],
      dosage: '2 series de 10 repeticiones, manteniendo cada una 5 segundos · una vez al día, 4 días por semana',
    });
  });

  it('reports a clinic exercise without a Spanish translation instead of silently printing English', () => {
    const own: Exercise = { ...getSeededExercise('calf-raise'), id: 'clinic-7', title: 'Heel drops on a stair', cues: ['Slow down', 'Knees straight'] };
    const t = exerciseTranslator('es', [...SEEDED_EXERCISES, own]);
    const words = exerciseWords(own, t);
    expect(words.title).toBe('Heel drops on a stair');
    expect(words.dosage).toBe('3 series de 15 repeticiones · una vez al día, 3 días por semana');
    expect(t.missing()).toEqual(['exercise.clinic-7.title', 'exercise.clinic-7.cue.0', 'exercise.clinic-7.cue.1']);
    // Once the clinic adds its words, nothing is missing.
    const done = exerciseTranslator('es', [...SEEDED_EXERCISES, own], { 'exercise.clinic-7.title': 'Bajada de talones en un escalón', 'exercise.clinic-7.cue.0': 'Baja despacio', 'exercise.clinic-7.cue.1': 'Rodillas rectas' });
    expect(exerciseWords(own, done).title).toBe('Bajada de talones en un escalón');
    expect(done.missing()).toEqual([]);
  });

  it('refuses a key English does not have and a slot with no value', () => {
    const t = createTranslator('es', { a: 'Hello {name}' }, { a: 'Hola {name}' });
    expect(() => t.text('b')).toThrow('No phrase "b" in English either');
    expect(() => t.text('a')).toThrow('Phrase slot {name} has no value');
    expect(t.text('a', { name: 'Đặng Trọng Tấn' })).toBe('Hola Đặng Trọng Tấn');
  });
});
