import { z } from 'zod';
import { NOT_APPLICABLE, ODI_SECTIONS } from '../clinical/outcomes/odi';
import { RMDQ_ITEMS } from '../clinical/outcomes/rolandMorris';
import { BOTHERSOMENESS } from '../clinical/outcomes/startBack';
import type { Instrument, OutcomeAnswersInput } from './reassessments';

/**
 * A questionnaire handed to the patient ("hand to patient"): the answers as the patient gives them,
 * one item at a time, saved as they go. Items are named by number (`item3`) or by our own key
 * (`painIntensity`), never by the questionnaire's wording.
 */

/**
 * What the screen may show the patient (clinical.md §9): NPRS and PSFS are free to use, so their
 * full instructions are shown; the ODI's wording is licensed (Mapi), and Roland-Morris and STarT
 * Back ask permission for use inside commercial software, so those show our own short labels and
 * the answer scale only — the patient reads the statements from the clinic's printed form.
 */
export const KIOSK_WORDING: Record<Instrument, 'full' | 'labels'> = {
  nprs: 'full',
  psfs: 'full',
  odi: 'labels',
  'modified-odi': 'labels',
  rmdq: 'labels',
  'start-back': 'labels',
};

export const PSFS_SLOTS = 5;
export const START_BACK_AGREE_ITEMS = 8;

type ItemKind = { kind: 'score'; min: number; max: number; notApplicable?: boolean } | { kind: 'tick' } | { kind: 'agree' } | { kind: 'text'; max: number } | { kind: 'bother' };

/** Every item a questionnaire's screen asks, in order, with what its answer may be. */
export function kioskItems(instrument: Instrument): { key: string; item: ItemKind }[] {
  switch (instrument) {
    case 'nprs':
      return [{ key: 'score', item: { kind: 'score', min: 0, max: 10 } }];
    case 'odi':
    case 'modified-odi':
      return ODI_SECTIONS[instrument].map((key) => ({ key, item: { kind: 'score', min: 0, max: 5, notApplicable: true } }));
    case 'psfs':
      return Array.from({ length: PSFS_SLOTS }, (_, i) => [
        { key: `activity${i + 1}`, item: { kind: 'text', max: 120 } as ItemKind },
        { key: `score${i + 1}`, item: { kind: 'score', min: 0, max: 10 } as ItemKind },
      ]).flat();
    case 'rmdq':
      return Array.from({ length: RMDQ_ITEMS }, (_, i) => ({ key: `item${i + 1}`, item: { kind: 'tick' } }));
    case 'start-back':
      return [...Array.from({ length: START_BACK_AGREE_ITEMS }, (_, i) => ({ key: `item${i + 1}`, item: { kind: 'agree' } as ItemKind })), { key: 'bother', item: { kind: 'bother' } }];
  }
}

export const kioskAnswerSchema = z.union([z.number(), z.boolean(), z.string().max(120, 'An answer is at most 120 characters'), z.null()]);
export type KioskAnswer = z.infer<typeof kioskAnswerSchema>;
export const kioskAnswersSchema = z.record(z.string().max(40), kioskAnswerSchema);
export type KioskAnswers = z.infer<typeof kioskAnswersSchema>;

/** Problems with saved answers, by item key: an unknown item, a score out of its range, and so on. */
export function checkKioskAnswers(instrument: Instrument, answers: KioskAnswers): Record<string, string> {
  const items = new Map(kioskItems(instrument).map((i) => [i.key, i.item]));
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(answers)) {
    const item = items.get(key);
    if (!item) {
      problems[key] = `This questionnaire has no item “${key.slice(0, 40)}”`;
      continue;
    }
    if (value === null) continue;
    switch (item.kind) {
      case 'score':
        if (item.notApplicable && value === NOT_APPLICABLE) break;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < item.min || value > item.max) problems[key] = `Choose a whole number from ${item.min} to ${item.max}`;
        break;
      case 'tick':
      case 'agree':
        if (typeof value !== 'boolean') problems[key] = 'Answer yes or no';
        break;
      case 'text':
        if (typeof value !== 'string') problems[key] = 'Type the activity';
        break;
      case 'bother':
        if (typeof value !== 'string' || !(BOTHERSOMENESS as readonly string[]).includes(value)) problems[key] = 'Choose one of the five answers';
        break;
    }
  }
  return problems;
}

const num = (v: KioskAnswer | undefined) => (typeof v === 'number' ? v : null);
const str = (v: KioskAnswer | undefined) => (typeof v === 'string' ? v.trim() : '');

/**
 * The finished questionnaire as the engine scores it, or the items still missing (by key, in the
 * patient's words). Checked answers only (see checkKioskAnswers).
 */
export function kioskForm(instrument: Instrument, answers: KioskAnswers): { form: OutcomeAnswersInput } | { missing: Record<string, string> } {
  const missing: Record<string, string> = {};
  switch (instrument) {
    case 'nprs': {
      const score = num(answers.score);
      if (score === null) return { missing: { score: 'Choose a number from 0 to 10' } };
      return { form: { instrument, answers: { score } } };
    }
    case 'odi':
    case 'modified-odi': {
      const sections = Object.fromEntries(ODI_SECTIONS[instrument].map((k) => [k, answers[k] === NOT_APPLICABLE ? NOT_APPLICABLE : num(answers[k])]));
      if (Object.values(sections).every((v) => v === null)) return { missing: { [ODI_SECTIONS[instrument][0]!]: 'Answer at least one section' } };
      return { form: { instrument, answers: { sections } } as OutcomeAnswersInput };
    }
    case 'psfs': {
      const activities: { name: string; score: number }[] = [];
      for (let i = 1; i <= PSFS_SLOTS; i += 1) {
        const name = str(answers[`activity${i}`]);
        const score = num(answers[`score${i}`]);
        if (name && score === null) missing[`score${i}`] = 'Choose how well you can do this activity (0–10)';
        else if (!name && score !== null) missing[`activity${i}`] = 'Name the activity this score is for';
        else if (name && score !== null) activities.push({ name, score });
      }
      if (!activities.length && !Object.keys(missing).length) missing.activity1 = 'Name at least one activity';
      if (Object.keys(missing).length) return { missing };
      return { form: { instrument, answers: { activities } } };
    }
    case 'rmdq':
      return { form: { instrument, answers: { items: Array.from({ length: RMDQ_ITEMS }, (_, i) => answers[`item${i + 1}`] === true) } } };
    case 'start-back': {
      for (let i = 1; i <= START_BACK_AGREE_ITEMS; i += 1) if (typeof answers[`item${i}`] !== 'boolean') missing[`item${i}`] = `Answer question ${i}`;
      const bother = str(answers.bother);
      if (!(BOTHERSOMENESS as readonly string[]).includes(bother)) missing.bother = 'Answer question 9';
      if (Object.keys(missing).length) return { missing };
      return { form: { instrument, answers: { agree: Array.from({ length: START_BACK_AGREE_ITEMS }, (_, i) => answers[`item${i + 1}`] === true), bothersomeness: bother as (typeof BOTHERSOMENESS)[number] } } };
    }
  }
}
