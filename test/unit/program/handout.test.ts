import { describe, expect, it } from 'vitest';
import { getSeededExercise, SEEDED_EXERCISES } from '../../../shared/clinical/library';
import { DEFAULT_LADDER } from '../../../shared/clinical/ladder';
import { DEFAULT_POLICY } from '../../../shared/clinical/policy';
import { HANDOUT_PHRASES } from '../../../shared/i18n/handout-phrases';
import { missingKeys } from '../../../shared/i18n/translate';
import { EXERCISE_FRAMES } from '../../../shared/illustration';
import { handoutSchema } from '../../../shared/program/handout';
import { buildHandout, describeMissing, logRows, type HandoutInputs } from '../../../shared/program/handout-builder';

const KEYS = ['bird-dog', 'dead-bug', 'glute-bridge', 'open-book', 'calf-raise'];

function inputs(over: Partial<HandoutInputs> = {}): HandoutInputs {
  return {
    language: 'en',
    paper: 'letter',
    clinic: { name: 'Lakeside Run Clinic', address: '1 Main St · Chicago, IL 60601', phone: '(312) 555-0100' },
    patient: { name: 'Đặng, Trọng Tấn', mrn: 'RB000042' },
    printedOn: '11/26/2026',
    therapist: { name: 'Maria Reyes', credentials: 'PT, DPT' },
    program: { version: 3, savedOn: '11/20/2026' },
    exercises: KEYS.map((key) => ({ exercise: getSeededExercise(key), version: 0, dosage: getSeededExercise(key).dosage, instructions: null, photo: null, frames: EXERCISE_FRAMES[key]! })),
    calendar: { plan: { startDate: '2026-11-16', sessionsPerWeek: 3, weekStart: '2026-11-23', session: { stepId: 'rw-30-90', sessionsPerWeek: 3, runSeconds: 30, walkSeconds: 90, repeats: 15, shortenedBySpikeGuard: false }, runningSpeedMps: 2.4 }, ladder: DEFAULT_LADDER, weekStartsOn: 'monday', dateOrder: 'MDY' },
    policy: DEFAULT_POLICY,
    ...over,
  };
}

describe('the handout builder', () => {
  it('holds every exercise in order with both drawn key frames, four weeks, the pain traffic light, red flags and a log for four weeks', () => {
    const { handout, missing } = buildHandout(inputs());
    expect(() => handoutSchema.parse(handout)).not.toThrow();
    expect(missing).toEqual([]);
    expect(handout.exercises.map((e) => e.title)).toEqual(KEYS.map((k) => getSeededExercise(k).title));
    for (const e of handout.exercises) {
      expect(e.picture.kind).toBe('drawing');
      if (e.picture.kind === 'drawing') expect([e.picture.start.marks.length > 5, e.picture.end.marks.length > 5]).toEqual([true, true]);
      expect(e.cues.length).toBeGreaterThanOrEqual(2);
    }
    expect(handout.exercises[0]!.dose).toBe('3 sets of 5 repetitions, holding each for 8 seconds on each side · once a day, 5 days a week');
    expect(handout.calendar!.weeks).toHaveLength(4);
    expect(handout.painRules.lights.map((l) => l.zone)).toEqual(['green', 'amber', 'red']);
    expect(handout.painRules.lights[0].when).toContain(String(DEFAULT_POLICY.pain.greenMax));
    expect(handout.redFlags.intro).toContain('(312) 555-0100');
    expect(handout.redFlags.action).toContain('911');
    expect(handout.words.therapistLine).toBe('Your therapist: Maria Reyes, PT, DPT');
    expect(buildHandout(inputs({ therapist: { name: 'Maria Reyes, PT, DPT', credentials: 'PT, DPT' } })).handout.words.therapistLine).toBe('Your therapist: Maria Reyes, PT, DPT');
    expect(handout.words.patientLine).toBe('For Đặng, Trọng Tấn · RB000042');
    expect(handout.log.columns).toEqual(['Date', 'Session done', 'Pain during (0–10)', 'Pain next morning (0–10)']);
    expect(handout.log.rows).toBeGreaterThanOrEqual(4 * 3);
  });

  it('without a plan: no calendar (the handout says so), and still a log for four weeks', () => {
    const { handout } = buildHandout(inputs({ calendar: { plan: null, ladder: DEFAULT_LADDER, weekStartsOn: 'monday', dateOrder: 'MDY' } }));
    expect(handout.calendar).toBeNull();
    expect(handout.words.calendarNone).toMatch(/no run-walk plan/);
    expect(handout.log.rows).toBe(logRows(null));
  });

  it('in Spanish: the handout, dose, exercise and rule words all Spanish, nothing missing for the seeded text', () => {
    const { handout, missing } = buildHandout(inputs({ language: 'es' }));
    expect(missing).toEqual([]);
    expect(handout.words.title).toBe('Su programa en casa');
    expect(handout.exercises[0]!.title).toBe('Perro de caza (bird dog)');
    expect(handout.exercises[0]!.dose).toBe('3 series de 5 repeticiones, manteniendo cada una 8 segundos por cada lado · una vez al día, 5 días por semana');
    expect(handout.calendar!.weeks[0]!.label).toMatch(/^Semana 1/);
    expect(handout.painRules.lights[0].title).toMatch(/^Verde/);
    expect(handout.log.columns[3]).toBe('Dolor a la mañana siguiente (0–10)');
    expect(handout.words.page).toBe('Página {page} de {total}');
  });

  it('a clinic’s edited wording has no Spanish yet: printed in English and reported, never silently', () => {
    const calf = getSeededExercise('calf-raise');
    const edited = { ...calf, title: 'Heel drops on a stair' };
    const list = inputs({ language: 'es' }).exercises.map((e) => (e.exercise.id === 'calf-raise' ? { ...e, exercise: edited, version: 2 } : e));
    const { handout, missing } = buildHandout(inputs({ language: 'es', exercises: list }));
    expect(handout.exercises.at(-1)!.title).toBe('Heel drops on a stair');
    expect(missing).toEqual(['exercise.calf-raise.title', ...calf.cues.map((_, i) => `exercise.calf-raise.cue.${i}`)]);
    expect(describeMissing(missing, [edited])[0]).toBe('Heel drops on a stair: its title');
    expect(describeMissing(['handout.log.date'], [])).toEqual(['“Date”']);
  });

  it('the patient’s photo replaces the drawing', () => {
    const list = inputs().exercises.map((e, i) => (i === 1 ? { ...e, photo: { mimeType: 'image/png' as const, base64: 'iVBORw0KGgo=' } } : e));
    const { handout } = buildHandout(inputs({ exercises: list }));
    expect(handout.exercises.map((e) => e.picture.kind)).toEqual(['drawing', 'photo', 'drawing', 'drawing', 'drawing']);
  });

  it('the Spanish handout table has every English key', () => {
    expect(missingKeys(HANDOUT_PHRASES.en, HANDOUT_PHRASES.es)).toEqual([]);
    expect(SEEDED_EXERCISES.every((e) => EXERCISE_FRAMES[e.id])).toBe(true);
  });
});
