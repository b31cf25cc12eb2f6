import { DOSAGE_PHRASES } from '../../i18n/dosage-phrases';
import { EXERCISE_WORDS_ES } from '../../i18n/exercises-es';
import { PLAN_PHRASES } from '../../i18n/plan-phrases';
import type { Language } from '../../i18n/languages';
import { createTranslator, type PhraseTable, type Translator } from '../../i18n/translate';
import { dosageText } from './dosage';
import type { Exercise } from './types';

const titleKey = (id: string) => `exercise.${id}.title`;
const cueKey = (id: string, i: number) => `exercise.${id}.cue.${i}`;

/** An exercise's patient-facing words as phrase-table entries (English from the library itself). */
export function exercisePhrases(e: Pick<Exercise, 'id' | 'title' | 'cues'>): Record<string, string> {
  const table: Record<string, string> = { [titleKey(e.id)]: e.title };
  e.cues.forEach((c, i) => (table[cueKey(e.id, i)] = c));
  return table;
}

/** The Spanish table for the seeded exercises, in the same keys. */
export function seededExercisePhrasesEs(): Record<string, string> {
  const table: Record<string, string> = {};
  for (const [id, words] of Object.entries(EXERCISE_WORDS_ES)) Object.assign(table, exercisePhrases({ id, title: words.title, cues: words.cues }));
  return table;
}

/**
 * A translator for a handout's words: the dose phrases, each exercise's title and cues, and the run-walk
 * calendar and pain rules (plan-phrases.ts). A clinic's own exercise is English only until the clinic translates it, so in Spanish its words
 * come back in English and are listed in missing() for the therapist.
 */
export function exerciseTranslator(language: Language, exercises: readonly Exercise[], own: PhraseTable = {}): Translator {
  const english: Record<string, string | PhraseTable[string]> = { ...DOSAGE_PHRASES.en, ...PLAN_PHRASES.en };
  for (const e of exercises) Object.assign(english, exercisePhrases(e));
  const mine = language === 'es' ? { ...DOSAGE_PHRASES.es, ...PLAN_PHRASES.es, ...seededExercisePhrasesEs(), ...own } : own;
  return createTranslator(language, english, mine);
}

export interface ExerciseWords {
  title: string;
  cues: string[];
  dosage: string;
}

/** What the handout prints for one exercise, in the translator's language. */
export function exerciseWords(e: Exercise, t: Translator): ExerciseWords {
  return { title: t.text(titleKey(e.id)), cues: e.cues.map((_, i) => t.text(cueKey(e.id, i))), dosage: dosageText(e.dosage, t) };
}
