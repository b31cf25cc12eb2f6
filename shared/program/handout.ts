import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';

/**
 * Everything a printed home program shows, every word already in the patient's language (issue #14).
 * A print stores this whole (home_program_prints.handout_json) and a reprint renders what was stored,
 * so a later edit of the library, the plan, the pain policy or the translations never changes a
 * handout the patient already has. FORMAT changes when this shape does; old prints keep theirs.
 */
export const HANDOUT_FORMAT = 1;

const markSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), d: z.string(), tone: z.enum(['ink', 'far', 'floor', 'prop', 'arrow']), width: z.number(), fill: z.boolean() }),
  z.object({ kind: z.literal('circle'), cx: z.number(), cy: z.number(), r: z.number(), tone: z.enum(['ink', 'far', 'floor', 'prop', 'arrow']), width: z.number(), fill: z.boolean() }),
]);
/** One key frame as the illustration renderer drew it (shared/illustration/render.ts), in SVG user units. */
export const drawingSchema = z.object({ width: z.number().positive(), height: z.number().positive(), marks: z.array(markSchema) });

export const handoutPictureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drawing'), start: drawingSchema, end: drawingSchema }),
  /** The patient's own photo of the exercise, printed in place of the drawing. */
  z.object({ kind: z.literal('photo'), mimeType: z.enum(['image/jpeg', 'image/png']), base64: z.string().min(1) }),
  /** A clinic exercise that has no drawing chosen and no photo. */
  z.object({ kind: z.literal('none') }),
]);
export type HandoutPicture = z.infer<typeof handoutPictureSchema>;

export const handoutExerciseSchema = z.object({
  key: z.string(),
  /** The library version printed (0 = the seeded text). */
  version: z.number().int().min(0),
  title: z.string(),
  dose: z.string(),
  cues: z.array(z.string()),
  /** The therapist's note for this patient, as typed. */
  instructions: z.string().nullable(),
  picture: handoutPictureSchema,
});
export type HandoutExercise = z.infer<typeof handoutExerciseSchema>;

const painLightSchema = z.object({ zone: z.enum(['green', 'amber', 'red']), title: z.string(), when: z.string(), what: z.string() });
const calendarWeekSchema = z.object({
  weekStart: z.string(),
  label: z.string(),
  sessionsPerWeek: z.number().int(),
  runSeconds: z.number(),
  walkSeconds: z.number(),
  repeats: z.number().int(),
  totalMinutes: z.number(),
  sessionText: z.string(),
  surface: z.string(),
  pace: z.string(),
  condition: z.string().nullable(),
});

export const handoutSchema = z.object({
  format: z.literal(HANDOUT_FORMAT),
  language: z.enum(LANGUAGES),
  paper: z.enum(['letter', 'a4']),
  clinic: z.object({ name: z.string(), address: z.string(), phone: z.string() }),
  patient: z.object({ name: z.string(), mrn: z.string() }),
  /** The date printed, in the clinic's date format. */
  printedOn: z.string(),
  therapist: z.object({ name: z.string(), credentials: z.string().nullable() }),
  program: z.object({ version: z.number().int().min(1), savedOn: z.string() }),
  /** Every heading and label, in the patient's language; {page} and {total} are filled on each page. */
  words: z.object({
    title: z.string(),
    patientLine: z.string(),
    printedLine: z.string(),
    therapistLine: z.string(),
    programLine: z.string(),
    contactLine: z.string(),
    exercises: z.string(),
    exercisesIntro: z.string(),
    dose: z.string(),
    cues: z.string(),
    instructions: z.string(),
    start: z.string(),
    end: z.string(),
    photo: z.string(),
    calendar: z.string(),
    calendarNone: z.string(),
    where: z.string(),
    pace: z.string(),
    page: z.string(),
  }),
  exercises: z.array(handoutExerciseSchema).min(1),
  calendar: z.object({ weeks: z.array(calendarWeekSchema), intro: z.string(), sessions: z.array(z.string()) }).nullable(),
  painRules: z.object({ heading: z.string(), lights: z.tuple([painLightSchema, painLightSchema, painLightSchema]) }),
  redFlags: z.object({ heading: z.string(), intro: z.string(), items: z.array(z.string()), action: z.string() }),
  log: z.object({ heading: z.string(), intro: z.string(), columns: z.tuple([z.string(), z.string(), z.string(), z.string()]), rows: z.number().int().min(1) }),
});
export type HandoutData = z.infer<typeof handoutSchema>;
