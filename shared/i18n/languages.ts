/** The languages a patient's handout prints in. English is the reference every other table is checked against. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as a patient picks it. */
export const LANGUAGE_LABELS: Record<Language, string> = { en: 'English', es: 'Español' };
