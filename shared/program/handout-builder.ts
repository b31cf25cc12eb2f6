import type { ClinicPolicy } from '../clinical/policy';
import { dosageText, exercisePhrases, seededExercisePhrasesEs, type Dosage, type Exercise } from '../clinical/library';
import { DOSAGE_PHRASES } from '../i18n/dosage-phrases';
import { HANDOUT_PHRASES } from '../i18n/handout-phrases';
import type { Language } from '../i18n/languages';
import { createTranslator, type Phrase, type Translator } from '../i18n/translate';
import { renderKeyFrames, type KeyFrames } from '../illustration';
import { HANDOUT_FORMAT, type HandoutData, type HandoutPicture } from './handout';
import { PLAN_PHRASES } from '../i18n/plan-phrases';
import { layRedFlags, painRules } from './patient-rules';
import { buildRunWalkCalendar, type RunWalkCalendarInput } from './run-walk-calendar';

/** One exercise of the program, resolved: the library text at the version the program picked. */
export interface HandoutExerciseInput {
  exercise: Exercise;
  /** The library version (0 = the seeded text, which has a Spanish table; a clinic's edit has none yet). */
  version: number;
  dosage: Dosage;
  instructions: string | null;
  /** The patient's current photo of it, else the drawing's key frames (null: a clinic exercise without one). */
  photo: { mimeType: 'image/jpeg' | 'image/png'; base64: string } | null;
  frames: KeyFrames | null;
}

/** Everything the handout is built from, already read from the clinic's data. */
export interface HandoutInputs {
  language: Language;
  paper: 'letter' | 'a4';
  clinic: { name: string; address: string; phone: string };
  patient: { name: string; mrn: string };
  printedOn: string;
  therapist: { name: string; credentials: string | null };
  program: { version: number; savedOn: string };
  exercises: HandoutExerciseInput[];
  /** The patient's active plan as the calendar reads it, the clinic's ladder, week start and date order. */
  calendar: Omit<RunWalkCalendarInput, 'policy' | 't'>;
  policy: ClinicPolicy;
}

/** The English of every handout, dose and plan phrase, merged once: the tables are constants. */
const ENGLISH_PHRASES: Readonly<Record<string, Phrase>> = { ...HANDOUT_PHRASES.en, ...DOSAGE_PHRASES.en, ...PLAN_PHRASES.en };

const titleKey = (id: string) => `exercise.${id}.title`;
const cueKey = (id: string, i: number) => `exercise.${id}.cue.${i}`;

/**
 * The translator for one handout: the handout's own words, the dose phrases, the pain rules and
 * calendar, and each exercise's title and cues. Only the seeded text (version 0) has the Spanish
 * table: a clinic's edited wording is English until translated, and is reported missing, never
 * printed in a stale translation of the old text.
 */
export function handoutTranslator(language: Language, exercises: readonly Pick<HandoutExerciseInput, 'exercise' | 'version'>[]): Translator {
  const english: Record<string, Phrase> = { ...ENGLISH_PHRASES };
  for (const { exercise } of exercises) Object.assign(english, exercisePhrases(exercise));
  if (language === 'en') return createTranslator('en', english, english);
  const seededEs = seededExercisePhrasesEs();
  const own: Record<string, Phrase> = { ...HANDOUT_PHRASES.es, ...DOSAGE_PHRASES.es, ...PLAN_PHRASES.es };
  for (const { exercise, version } of exercises) {
    if (version !== 0) continue;
    for (const key of Object.keys(exercisePhrases(exercise))) if (seededEs[key] !== undefined) own[key] = seededEs[key];
  }
  return createTranslator(language, english, own);
}

function picture(e: HandoutExerciseInput): HandoutPicture {
  if (e.photo) return { kind: 'photo', ...e.photo };
  if (!e.frames) return { kind: 'none' };
  return { kind: 'drawing', ...renderKeyFrames(e.frames) };
}

/** Enough lines in the log for every session of the four weeks, and a few spare. */
export function logRows(calendar: { weeks: { sessionsPerWeek: number }[] } | null): number {
  const sessions = calendar ? calendar.weeks.reduce((n, w) => n + w.sessionsPerWeek, 0) : 12;
  return Math.min(24, Math.max(12, sessions + 2));
}

/** Builds the handout and says which keys the patient's language lacked (printed in English). */
export function buildHandout(i: HandoutInputs): { handout: HandoutData; missing: string[] } {
  const t = handoutTranslator(i.language, i.exercises);
  // Display names often carry the credentials already ("Marisol Reyes, PT, DPT"): never twice.
  const { name, credentials } = i.therapist;
  const therapist = credentials && !name.endsWith(credentials) ? `${name}, ${credentials}` : name;
  const calendar = buildRunWalkCalendar({ ...i.calendar, policy: i.policy, t });
  const handout: HandoutData = {
    format: HANDOUT_FORMAT,
    language: i.language,
    paper: i.paper,
    clinic: i.clinic,
    patient: i.patient,
    printedOn: i.printedOn,
    therapist: i.therapist,
    program: i.program,
    words: {
      title: t.text('handout.title'),
      patientLine: t.text('handout.patient', { name: i.patient.name, mrn: i.patient.mrn }),
      printedLine: t.text('handout.printed', { date: i.printedOn }),
      therapistLine: t.text('handout.therapist', { name: therapist }),
      programLine: t.text('handout.program', { version: i.program.version, date: i.program.savedOn }),
      contactLine: t.text('handout.contact', { phone: i.clinic.phone }),
      exercises: t.text('handout.exercises'),
      exercisesIntro: t.text('handout.exercises.intro'),
      dose: t.text('handout.dose'),
      cues: t.text('handout.cues'),
      instructions: t.text('handout.instructions'),
      start: t.text('handout.start'),
      end: t.text('handout.end'),
      photo: t.text('handout.photo'),
      calendar: t.text('handout.calendar'),
      calendarNone: t.text('handout.calendar.none'),
      where: t.text('handout.calendar.where'),
      pace: t.text('handout.calendar.pace'),
      page: t.text('handout.page', { page: '{page}', total: '{total}' }),
    },
    exercises: i.exercises.map((e) => ({
      key: e.exercise.id,
      version: e.version,
      title: t.text(titleKey(e.exercise.id)),
      dose: dosageText(e.dosage, t),
      cues: e.exercise.cues.map((_, n) => t.text(cueKey(e.exercise.id, n))),
      instructions: e.instructions,
      picture: picture(e),
    })),
    calendar: calendar && { ...calendar, sessions: calendar.weeks.map((w) => t.count('handout.calendar.sessions', w.sessionsPerWeek)) },
    painRules: painRules(i.policy, t),
    redFlags: layRedFlags(t, i.clinic.phone),
    log: {
      heading: t.text('handout.log'),
      intro: t.text('handout.log.intro'),
      columns: [t.text('handout.log.date'), t.text('handout.log.session'), t.text('handout.log.painDuring'), t.text('handout.log.painMorning')],
      rows: logRows(calendar),
    },
  };
  return { handout, missing: t.missing() };
}

/**
 * The missing keys in words a therapist reads: which exercise's title or cue (with its English text),
 * or the English text of a handout phrase.
 */
export function describeMissing(missing: readonly string[], exercises: readonly Pick<Exercise, 'id' | 'title' | 'cues'>[]): string[] {
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const english = ENGLISH_PHRASES;
  return missing.map((key) => {
    const m = /^exercise\.(.+)\.(title|cue\.(\d+))$/.exec(key);
    const e = m ? byId.get(m[1]!) : undefined;
    if (m && e) return m[2] === 'title' ? `${e.title}: its title` : `${e.title}: the cue “${e.cues[Number(m[3])] ?? ''}”`;
    const p = english[key];
    return `“${typeof p === 'string' ? p : (p?.other ?? key)}”`;
  });
}
