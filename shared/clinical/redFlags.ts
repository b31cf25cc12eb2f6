import { z } from 'zod';
import { RED_FLAGS, RED_FLAG_LABELS } from './runs';

/**
 * The red-flag screen for serious spinal pathology (clinical.md §8): the IFOMPT framework (Finucane
 * et al., JOSPT 2020) groups the warning signs by the four pathologies — cauda equina syndrome,
 * spinal fracture, spinal malignancy, spinal infection — and stresses that single flags are poor
 * tests: what matters is the combination, the clinical reasoning and the action taken. The screen
 * asks each question yes or no; the action belongs to the group, not to a score:
 *
 * - cauda-equina signs → urgent medical assessment today (the emergency department if after hours),
 *   an alert the therapist acknowledges after telling the patient in plain words;
 * - systemic signs and fracture risk → stop the running plan and refer to the patient's physician
 *   (unless the physician has already assessed that finding for this back pain);
 * - the four running symptoms of the weekly check-in → stop running until a therapist has reviewed.
 *
 * The same screen is asked at plan start, at the weekly check-in and in the visit note.
 */
export const CAUDA_EQUINA_FLAGS = ['bladderDysfunction', 'bowelDysfunction', 'saddleNumbness', 'sexualDysfunction', 'legWeakness'] as const;
export const SYSTEMIC_FLAGS = ['fever', 'weightLoss', 'cancerHistory', 'significantTrauma', 'steroidsOrOsteoporosis'] as const;
/** Every question of the screen, in the order it is asked. */
export const SCREEN_FLAGS = [...CAUDA_EQUINA_FLAGS, ...SYSTEMIC_FLAGS, ...RED_FLAGS] as const;

export type CaudaEquinaFlag = (typeof CAUDA_EQUINA_FLAGS)[number];
export type SystemicFlag = (typeof SYSTEMIC_FLAGS)[number];
export type ScreenFlag = (typeof SCREEN_FLAGS)[number];

export const RED_FLAG_GROUPS = ['cauda-equina', 'systemic', 'review'] as const;
export type RedFlagGroup = (typeof RED_FLAG_GROUPS)[number];

export const GROUP_FLAGS: Record<RedFlagGroup, readonly ScreenFlag[]> = {
  'cauda-equina': CAUDA_EQUINA_FLAGS,
  systemic: SYSTEMIC_FLAGS,
  review: RED_FLAGS,
};

export function groupOf(flag: ScreenFlag): RedFlagGroup {
  if ((CAUDA_EQUINA_FLAGS as readonly string[]).includes(flag)) return 'cauda-equina';
  if ((SYSTEMIC_FLAGS as readonly string[]).includes(flag)) return 'systemic';
  return 'review';
}

export function isSystemicFlag(flag: string): flag is SystemicFlag {
  return (SYSTEMIC_FLAGS as readonly string[]).includes(flag);
}

/** The question as staff ask it (sentence case, no jargon). */
export const SCREEN_QUESTIONS: Record<ScreenFlag, string> = {
  bladderDysfunction: 'New trouble passing urine, or new leaking or loss of bladder control',
  bowelDysfunction: 'New loss of bowel control',
  saddleNumbness: 'Numbness or altered feeling between the legs or around the back passage (“saddle” area)',
  sexualDysfunction: 'New loss of sexual function or sensation',
  legWeakness: 'Leg weakness that is getting worse, or new pain, numbness or weakness in both legs',
  fever: 'Fever, or feeling generally unwell, with the back pain',
  weightLoss: 'Weight loss without trying',
  cancerHistory: 'A history of cancer',
  significantTrauma: 'A recent significant injury (a fall, a road accident, a heavy blow — or a minor fall with osteoporosis)',
  steroidsOrOsteoporosis: 'Long-term steroid tablets, or osteoporosis',
  restOrNightPain: 'Pain at rest or at night',
  newLegSymptoms: 'New symptoms in one leg (pain, pins and needles, numbness or weakness)',
  swelling: 'Swelling',
  limp: 'A limp',
};

/** The finding inside a reason sentence ("The patient reported …"). */
export const SCREEN_FLAG_LABELS: Record<ScreenFlag, string> = {
  bladderDysfunction: 'new bladder dysfunction',
  bowelDysfunction: 'new loss of bowel control',
  saddleNumbness: 'saddle numbness',
  sexualDysfunction: 'new sexual dysfunction',
  legWeakness: 'progressive or two-sided leg symptoms',
  fever: 'fever or feeling unwell',
  weightLoss: 'unexplained weight loss',
  cancerHistory: 'a history of cancer',
  significantTrauma: 'a recent significant injury',
  steroidsOrOsteoporosis: 'long-term steroid use or osteoporosis',
  ...RED_FLAG_LABELS,
};

export const GROUP_TITLES: Record<RedFlagGroup, string> = {
  'cauda-equina': 'Cauda equina signs',
  systemic: 'Signs of illness, cancer or fracture',
  review: 'Running symptoms',
};

/** What the group asks of the clinic, in staff words. */
export const GROUP_ACTIONS: Record<RedFlagGroup, string> = {
  'cauda-equina': 'Urgent medical assessment today (the emergency department if after hours). Stop running.',
  systemic: 'Stop the running plan and refer to the patient’s physician.',
  review: 'Stop running until a therapist has reviewed.',
};

export const RED_FLAG_ACTIONS = ['urgent-medical', 'stop-and-refer', 'stop-until-review'] as const;
export type RedFlagAction = (typeof RED_FLAG_ACTIONS)[number];

export const GROUP_ACTION_KIND: Record<RedFlagGroup, RedFlagAction> = {
  'cauda-equina': 'urgent-medical',
  systemic: 'stop-and-refer',
  review: 'stop-until-review',
};

/** The yes/no answers of one screen. Every question must be answered: a screen is not a checklist of ticks. */
export const screenAnswersSchema = z.strictObject(
  Object.fromEntries(SCREEN_FLAGS.map((f) => [f, z.enum(['yes', 'no'], { error: `Answer yes or no: ${SCREEN_QUESTIONS[f].toLowerCase()}` })])) as Record<
    ScreenFlag,
    z.ZodEnum<{ yes: 'yes'; no: 'no' }>
  >,
);
export type ScreenAnswers = z.output<typeof screenAnswersSchema>;

/** What a screen records: the answers, and which "yes" findings of the systemic group the physician has already assessed. */
export const screenEntrySchema = z
  .strictObject({
    answers: screenAnswersSchema,
    /** Systemic findings already assessed by the patient's physician for this back pain: noted, no new referral. */
    physicianAssessed: z.array(z.enum(SYSTEMIC_FLAGS)).max(SYSTEMIC_FLAGS.length).default([]),
    note: z.string().trim().max(1000, 'The note is longer than 1,000 characters').nullable().default(null),
  })
  .superRefine((s, ctx) => {
    s.physicianAssessed.forEach((f, i) => {
      if (s.answers[f] !== 'yes') ctx.addIssue({ code: 'custom', path: ['physicianAssessed', i], message: `“Already assessed by the physician” applies only to a yes: ${SCREEN_QUESTIONS[f].toLowerCase()}` });
    });
    if (s.physicianAssessed.length && !s.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say who assessed it and when (for example “Dr Nguyen, 2 March: cleared to run”)' });
  });
export type ScreenEntry = z.output<typeof screenEntrySchema>;
export type ScreenEntryInput = z.input<typeof screenEntrySchema>;

/** A screen entry answering every question: yes where listed, no elsewhere (tests, the demo, a corrected screen). */
export function screenEntryOf(yes: readonly ScreenFlag[] = [], physicianAssessed: readonly SystemicFlag[] = [], note: string | null = null): ScreenEntryInput {
  return { answers: Object.fromEntries(SCREEN_FLAGS.map((f) => [f, yes.includes(f) ? 'yes' : 'no'])) as ScreenAnswers, physicianAssessed: [...physicianAssessed], note };
}

/** Flags as the planner reads them: all fourteen, false unless reported. */
export const screenFlagsSchema = z.strictObject(Object.fromEntries(SCREEN_FLAGS.map((f) => [f, z.boolean().default(false)])) as Record<ScreenFlag, z.ZodDefault<z.ZodBoolean>>);
export type ScreenFlags = z.output<typeof screenFlagsSchema>;

export function screenFlagsRecord(list: readonly ScreenFlag[]): ScreenFlags {
  return Object.fromEntries(SCREEN_FLAGS.map((f) => [f, list.includes(f)])) as ScreenFlags;
}

export function activeScreenFlags(flags: Partial<Record<ScreenFlag, boolean>>): ScreenFlag[] {
  return SCREEN_FLAGS.filter((f) => flags[f] === true);
}

export interface TriageGroup {
  group: RedFlagGroup;
  action: RedFlagAction;
  flags: ScreenFlag[];
}

export interface ScreenTriage {
  /** Groups with a finding that calls for action, most urgent first. */
  groups: TriageGroup[];
  /** The most urgent action, or null when the screen is clear. */
  action: RedFlagAction | null;
  /** Systemic findings already assessed by the physician: recorded, no new referral. */
  physicianAssessed: SystemicFlag[];
}

/**
 * What a set of positive findings asks for. A cauda-equina sign is never downgraded; a systemic
 * finding the physician has already assessed for this back pain is noted instead of referred again.
 */
export function triage(yes: readonly ScreenFlag[], physicianAssessed: readonly SystemicFlag[] = []): ScreenTriage {
  const assessed = SYSTEMIC_FLAGS.filter((f) => yes.includes(f) && physicianAssessed.includes(f));
  const groups: TriageGroup[] = [];
  for (const group of RED_FLAG_GROUPS) {
    const flags = GROUP_FLAGS[group].filter((f) => yes.includes(f) && !(assessed as readonly string[]).includes(f));
    if (flags.length) groups.push({ group, action: GROUP_ACTION_KIND[group], flags });
  }
  return { groups, action: groups[0]?.action ?? null, physicianAssessed: assessed };
}

export function yesFlags(answers: Partial<Record<ScreenFlag, 'yes' | 'no'>>): ScreenFlag[] {
  return SCREEN_FLAGS.filter((f) => answers[f] === 'yes');
}

/** "a, b and c" */
export function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export interface ClinicContact {
  name: string;
  phone: string;
}

/**
 * What to say to the patient, in plain words (no diagnosis names, no jargon), with the clinic's
 * number. The therapist reads or hands it over; the cauda-equina words come with the alert.
 */
export function patientWords(action: RedFlagAction, clinic: ClinicContact, flags: readonly ScreenFlag[] = []): string {
  const call = `If you have any questions, call us at ${clinic.name} on ${clinic.phone}.`;
  if (action === 'urgent-medical')
    return [
      'Some of what you have told me can be a sign that the nerves at the bottom of your spine are being squeezed.',
      'A doctor needs to check you today — please do not wait to see if it settles.',
      'Go to a hospital emergency department today; see your own doctor instead only if they can see you within the next few hours.',
      'If you cannot pass urine, or you lose control of your bladder or bowels, go to the emergency department straight away.',
      'Do not run until a doctor has seen you.',
      call,
    ].join(' ');
  if (action === 'stop-and-refer')
    return [
      'Something you have told me should be checked by your doctor before you carry on with the running plan.',
      'Please stop the running plan for now and book an appointment with your doctor; we will send them a note.',
      ...(flags.includes('fever') ? ['If you have a fever and feel unwell, see a doctor today.'] : []),
      call,
    ].join(' ');
  return ['Please stop running until your therapist has checked this with you.', call].join(' ');
}
