import type { Language } from './languages';

/** A phrase: plain text with {name} slots, or forms chosen by the language's plural rule on {n}. */
export type Phrase = string | { one: string; other: string };
export type PhraseTable = Readonly<Record<string, Phrase>>;

export type Vars = Readonly<Record<string, string | number>>;

/**
 * Looks up patient-facing words in one language. A key the language lacks prints the English text and
 * is recorded in missing(), so the therapist is told before printing; it never falls back silently.
 * A key English lacks too is a programming error and throws.
 */
export interface Translator {
  language: Language;
  text(key: string, vars?: Vars): string;
  /** The plural form for n, with {n} filled in (and any other slots). */
  count(key: string, n: number, vars?: Vars): string;
  /** Keys asked for that this language does not have, in the order first asked. */
  missing(): string[];
}

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`Phrase slot {${name}} has no value`);
    return String(v);
  });

export function createTranslator(language: Language, english: PhraseTable, own: PhraseTable): Translator {
  const missing: string[] = [];
  const plural = new Intl.PluralRules(language);
  const find = (key: string): Phrase => {
    const mine = language === 'en' ? english[key] : own[key];
    if (mine !== undefined) return mine;
    const reference = english[key];
    if (reference === undefined) throw new Error(`No phrase "${key}" in English either`);
    if (!missing.includes(key)) missing.push(key);
    return reference;
  };
  const form = (p: Phrase, n: number | null): string => {
    if (typeof p === 'string') return p;
    if (n === null) throw new Error('A counted phrase needs a count');
    return plural.select(n) === 'one' ? p.one : p.other;
  };
  return {
    language,
    text: (key, vars = {}) => fill(form(find(key), null), vars),
    count: (key, n, vars = {}) => fill(form(find(key), n), { ...vars, n }),
    missing: () => [...missing],
  };
}

/** Every key the reference table has that a language's table lacks (for a completeness report). */
export function missingKeys(english: PhraseTable, own: PhraseTable): string[] {
  return Object.keys(english).filter((k) => own[k] === undefined);
}
