import { z } from 'zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { DistanceUnit } from '../../../../shared/domain/clinic';
import { RUN_KINDS, runEntrySchema, type RunRecord } from '../../../../shared/domain/running';
import { SURFACES } from '../../../../shared/clinical/policy';
import { RED_FLAGS } from '../../../../shared/clinical/runs';
import { unitToMetres } from '../../../../shared/units/distance';
import { calendarDateForTyping, parseLocaleDate, typedDatePattern } from '../../../../shared/format/dates';
import { distanceForTyping, durationForTyping, parseDecimal, parseDurationText } from './runFormat';

/**
 * The run entry form: what staff type (distance in the clinic's unit, durations as m:ss, a date the
 * locale's way), read into a runs.save entry (metres, seconds, YYYY-MM-DD) and then checked by the
 * API's own runEntrySchema, so the form and the server agree on every rule.
 */
export interface RunFormValues {
  date: string;
  kind: (typeof RUN_KINDS)[number];
  distance: string;
  duration: string;
  /** Helper only: "8 × 1:00/1:30" fills run and walk time. */
  shape: string;
  runTime: string;
  walkTime: string;
  surface: '' | (typeof SURFACES)[number];
  painBefore: string;
  painDuring: string;
  painAfter: string;
  painNextMorning: string;
  rpe: string;
  redFlags: (typeof RED_FLAGS)[number][];
  stoppedEarly: boolean;
  notes: string;
}

export type RunEntryOutput = z.output<typeof runEntrySchema>;

/** Entry fields → form fields, for messages from the entry schema and from the server ("run.distanceM"). */
const ENTRY_TO_FORM: Record<string, keyof RunFormValues> = {
  date: 'date',
  kind: 'kind',
  distanceM: 'distance',
  durationS: 'duration',
  runSeconds: 'runTime',
  walkSeconds: 'walkTime',
  surface: 'surface',
  painBefore: 'painBefore',
  painDuring: 'painDuring',
  painAfter: 'painAfter',
  painNextMorning: 'painNextMorning',
  rpe: 'rpe',
  redFlags: 'redFlags',
  stoppedEarly: 'stoppedEarly',
  notes: 'notes',
};

export function formFieldForEntryPath(path: string): keyof RunFormValues | null {
  const key = path.replace(/^run\./, '').split('.')[0]!;
  return ENTRY_TO_FORM[key] ?? null;
}

const score = (text: string): number | null => {
  const t = text.trim();
  if (t === '') return null;
  // Not a number: NaN, so the entry schema gives its own "… is a number from 0 to 10".
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
};

/** The text-level schema for a clinic unit and today's date, piped into runEntrySchema. */
export function runFormSchema(unit: DistanceUnit, today: string, locale: string) {
  const unitWord = unit === 'km' ? 'kilometres' : 'miles';
  const text = z
    .object({
      date: z.string(),
      kind: z.enum(RUN_KINDS),
      distance: z.string(),
      duration: z.string(),
      shape: z.string(),
      runTime: z.string(),
      walkTime: z.string(),
      surface: z.union([z.literal(''), z.enum(SURFACES)]),
      painBefore: z.string(),
      painDuring: z.string(),
      painAfter: z.string(),
      painNextMorning: z.string(),
      rpe: z.string(),
      redFlags: z.array(z.enum(RED_FLAGS)),
      stoppedEarly: z.boolean(),
      notes: z.string(),
    })
    .superRefine((v, ctx) => {
      const date = parseLocaleDate(v.date, locale);
      if (v.date.trim() === '') ctx.addIssue({ code: 'custom', path: ['date'], message: 'Date is required' });
      else if (!date) ctx.addIssue({ code: 'custom', path: ['date'], message: `Type the date as ${typedDatePattern(locale)}` });
      else if (date > today) ctx.addIssue({ code: 'custom', path: ['date'], message: 'The date is in the future' });
      if (v.distance.trim() === '') ctx.addIssue({ code: 'custom', path: ['distance'], message: 'Distance is required' });
      else if (parseDecimal(v.distance) === null) ctx.addIssue({ code: 'custom', path: ['distance'], message: `Type the distance in ${unitWord}, like 3.2` });
      if (v.duration.trim() === '') ctx.addIssue({ code: 'custom', path: ['duration'], message: 'Duration is required' });
      else if (parseDurationText(v.duration) === null) ctx.addIssue({ code: 'custom', path: ['duration'], message: 'Type the duration as mm:ss or h:mm:ss, like 30:00' });
      // Scores too, so every message shows at once (the entry schema says the same afterwards).
      const scores = { painBefore: 'Pain before', painDuring: 'Pain during', painAfter: 'Pain after', painNextMorning: 'Pain next morning' } as const;
      for (const [key, label] of Object.entries(scores) as [keyof typeof scores, string][]) {
        const t = v[key].trim();
        if (t !== '' && !(/^\d+$/.test(t) && Number(t) <= 10)) ctx.addIssue({ code: 'custom', path: [key], message: `${label} is a number from 0 to 10` });
      }
      const rpe = v.rpe.trim();
      if (rpe !== '' && !(/^\d+(\.\d+)?$/.test(rpe) && Number(rpe) <= 10)) ctx.addIssue({ code: 'custom', path: ['rpe'], message: 'RPE is a number from 0 to 10' });
      for (const key of ['runTime', 'walkTime'] as const) {
        if (v[key].trim() !== '' && parseDurationText(v[key]) === null)
          ctx.addIssue({ code: 'custom', path: [key], message: `Type the ${key === 'runTime' ? 'run' : 'walk'} time as mm:ss, like 8:00` });
      }
    })
    .transform(
      (v): z.input<typeof runEntrySchema> => ({
        date: parseLocaleDate(v.date, locale)!,
        kind: v.kind,
        distanceM: Math.round(unitToMetres(parseDecimal(v.distance)!, unit) * 10) / 10,
        durationS: parseDurationText(v.duration)!,
        runSeconds: v.runTime.trim() === '' ? null : parseDurationText(v.runTime),
        walkSeconds: v.walkTime.trim() === '' ? null : parseDurationText(v.walkTime),
        surface: v.surface === '' ? null : v.surface,
        painBefore: score(v.painBefore),
        painDuring: score(v.painDuring),
        painAfter: score(v.painAfter),
        painNextMorning: score(v.painNextMorning),
        rpe: score(v.rpe),
        redFlags: v.redFlags,
        stoppedEarly: v.stoppedEarly,
        notes: v.notes,
      }),
    );
  return text.pipe(runEntrySchema);
}

/**
 * zodResolver over the piped schema, with the entry schema's paths (distanceM, durationS, …) put
 * back on the fields the person typed into (distance, duration, …).
 */
export function runFormResolver(unit: DistanceUnit, today: string, locale: string): Resolver<RunFormValues, unknown, RunEntryOutput> {
  const inner = zodResolver(runFormSchema(unit, today, locale)) as unknown as Resolver<RunFormValues, unknown, RunEntryOutput>;
  return async (values, context, options) => {
    const result = await inner(values, context, options);
    if (!result.errors || Object.keys(result.errors).length === 0) return result;
    const errors: FieldErrors<RunFormValues> = {};
    for (const [key, error] of Object.entries(result.errors)) {
      const field = (key in values ? key : formFieldForEntryPath(key)) as keyof RunFormValues | null;
      if (field && !errors[field]) (errors as Record<string, unknown>)[field] = error;
    }
    return { values: {}, errors };
  };
}

export function emptyRunForm(today: string, locale: string): RunFormValues {
  return {
    date: calendarDateForTyping(today, locale),
    kind: 'run',
    distance: '',
    duration: '',
    shape: '',
    runTime: '',
    walkTime: '',
    surface: '',
    painBefore: '',
    painDuring: '',
    painAfter: '',
    painNextMorning: '',
    rpe: '',
    redFlags: [],
    stoppedEarly: false,
    notes: '',
  };
}

const str = (n: number | null) => (n === null ? '' : String(n));

export function runToForm(run: RunRecord, unit: DistanceUnit, locale: string): RunFormValues {
  return {
    date: calendarDateForTyping(run.date, locale),
    kind: run.kind,
    distance: distanceForTyping(run.distanceM, unit),
    duration: durationForTyping(run.durationS),
    shape: '',
    runTime: durationForTyping(run.runSeconds),
    walkTime: durationForTyping(run.walkSeconds),
    surface: run.surface ?? '',
    painBefore: str(run.painBefore),
    painDuring: str(run.painDuring),
    painAfter: str(run.painAfter),
    painNextMorning: str(run.painNextMorning),
    rpe: str(run.rpe),
    redFlags: run.redFlags,
    stoppedEarly: run.stoppedEarly,
    notes: run.notes ?? '',
  };
}
