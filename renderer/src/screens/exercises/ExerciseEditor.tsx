import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { LibraryEntry } from '../../../../shared/api/exercises';
import {
  EXERCISE_KIND_LABELS, EXERCISE_KINDS, EXERCISE_POSTURES, EXERCISE_REGION_LABELS, EXERCISE_REGIONS, exerciseInputOf, exerciseInputSchema,
  SEEDED_EXERCISES, type Dosage, type ExerciseInput,
} from '../../../../shared/clinical/library';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

const POSTURE_LABELS: Record<(typeof EXERCISE_POSTURES)[number], string> = {
  supine: 'Lying on the back', prone: 'Lying face down', 'side-lying': 'Lying on the side', quadruped: 'On hands and knees', kneeling: 'Kneeling', seated: 'Seated', standing: 'Standing',
};

/** The form's values: lists as one item a line, numbers as typed; turned into the exercise on save. */
interface Values {
  title: string;
  kind: ExerciseInput['kind'];
  regions: string[];
  posture: ExerciseInput['posture'];
  purpose: string;
  startingPosition: string;
  steps: string;
  cues: string;
  commonErrors: string;
  doseKind: Dosage['kind'];
  sets: string;
  reps: string;
  holdSeconds: string;
  holds: string;
  seconds: string;
  perSide: boolean;
  timesPerDay: string;
  daysPerWeek: string;
  easier: string[];
  harder: string[];
  illustration: string;
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

function valuesOf(input: ExerciseInput | null): Values {
  const d = input?.dosage;
  return {
    title: input?.title ?? '',
    kind: input?.kind ?? 'strength',
    regions: input?.regions ?? [],
    posture: input?.posture ?? 'standing',
    purpose: input?.purpose ?? '',
    startingPosition: input?.startingPosition ?? '',
    steps: input?.steps.join('\n') ?? '',
    cues: input?.cues.join('\n') ?? '',
    commonErrors: input?.commonErrors.join('\n') ?? '',
    doseKind: d?.kind ?? 'reps',
    sets: String(d && d.kind !== 'hold' ? d.sets : 2),
    reps: String(d?.kind === 'reps' ? d.reps : 10),
    holdSeconds: d?.kind === 'reps' && d.holdSeconds ? String(d.holdSeconds) : '',
    holds: String(d?.kind === 'hold' ? d.holds : 3),
    seconds: String(d && d.kind !== 'reps' ? d.seconds : 30),
    perSide: d?.perSide ?? false,
    timesPerDay: String(d?.timesPerDay ?? 1),
    daysPerWeek: String(d?.daysPerWeek ?? 3),
    easier: input?.easier ?? [],
    harder: input?.harder ?? [],
    illustration: input?.illustration ?? '',
  };
}

function inputOf(v: Values) {
  const amount =
    v.doseKind === 'reps'
      ? { kind: 'reps' as const, sets: num(v.sets), reps: num(v.reps), holdSeconds: v.holdSeconds.trim() ? num(v.holdSeconds) : null }
      : v.doseKind === 'hold'
        ? { kind: 'hold' as const, holds: num(v.holds), seconds: num(v.seconds) }
        : { kind: 'time' as const, sets: num(v.sets), seconds: num(v.seconds) };
  return {
    title: v.title, kind: v.kind, regions: v.regions, posture: v.posture, purpose: v.purpose, startingPosition: v.startingPosition,
    steps: lines(v.steps), cues: lines(v.cues), commonErrors: lines(v.commonErrors),
    dosage: { ...amount, perSide: v.perSide, timesPerDay: num(v.timesPerDay), daysPerWeek: num(v.daysPerWeek) },
    easier: v.easier, harder: v.harder, illustration: v.illustration || null,
  };
}

/** Where a problem with the exercise (a path in it) shows in this form. */
function fieldOf(path: readonly PropertyKey[]): keyof Values {
  const [first, second] = path.map(String);
  if (first === 'dosage') return (second === 'kind' ? 'doseKind' : second) as keyof Values;
  if (first === 'exercise') return (second ?? 'title') as keyof Values;
  return first as keyof Values;
}

/** Add a clinic exercise, or edit one (a seeded exercise edited becomes the clinic's version of it). */
export function ExerciseEditor({ entry, library, onClose, onSaved }: { entry: LibraryEntry | null; library: LibraryEntry[]; onClose: () => void; onSaved: (e: LibraryEntry) => void }) {
  const start = entry ? exerciseInputOf(entry.exercise, entry.illustration) : null;
  const { register, handleSubmit, formState, setError, watch } = useForm<Values>({ defaultValues: valuesOf(start) });
  const [problem, setProblem] = useState<string | null>(null);
  const doseKind = watch('doseKind');
  const others = library.filter((e) => e.key !== entry?.key && !e.archived);
  const e = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const parsed = exerciseInputSchema.safeParse(inputOf(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) setError(fieldOf(issue.path), { message: issue.message });
      setProblem('Some fields need a change: see the messages beside them.');
      return;
    }
    try {
      onSaved(await call('exercises.save', { ...(entry ? { key: entry.key, expectedVersion: entry.version } : {}), exercise: parsed.data }));
      onClose();
    } catch (error) {
      if (isApiCallError(error) && Object.keys(error.fields).length) for (const [path, message] of Object.entries(error.fields)) setError(fieldOf(path.split('.')), { message });
      setProblem(messageOf(error));
    }
  });

  const title = entry ? (entry.origin === 'seeded' && entry.version === 0 ? `Make the clinic’s version of ${entry.exercise.title}` : `Edit ${entry.exercise.title}`) : 'Add an exercise';
  return (
    <FormDialog open title={title} onClose={onClose} onSubmit={onSubmit} submitLabel={entry ? 'Save as a new version' : 'Add exercise'} submitting={formState.isSubmitting} dirty={formState.isDirty} problem={problem} size="wide">
      <div className="form-grid exercise-form">
        <Field label="Title" error={e.title?.message} className="span-4">
          <input {...register('title')} autoComplete="off" />
        </Field>
        <Field label="Kind" error={e.kind?.message} className="span-2">
          <select {...register('kind')}>
            {EXERCISE_KINDS.map((k) => <option key={k} value={k}>{EXERCISE_KIND_LABELS[k]}</option>)}
          </select>
        </Field>
        <fieldset className="span-3 exercise-regions">
          <legend>Regions</legend>
          {EXERCISE_REGIONS.map((r) => (
            <label key={r}><input type="checkbox" value={r} {...register('regions')} /> {EXERCISE_REGION_LABELS[r]}</label>
          ))}
          {e.regions?.message && <span className="field-error">{e.regions.message}</span>}
        </fieldset>
        <Field label="Starting posture" className="span-3">
          <select {...register('posture')}>
            {EXERCISE_POSTURES.map((p) => <option key={p} value={p}>{POSTURE_LABELS[p]}</option>)}
          </select>
        </Field>
        <Field label="Purpose" error={e.purpose?.message} className="span-6">
          <textarea rows={2} {...register('purpose')} />
        </Field>
        <Field label="Starting position" error={e.startingPosition?.message} className="span-6">
          <textarea rows={2} {...register('startingPosition')} />
        </Field>
        <Field label="Steps" hint="One step a line." error={e.steps?.message} className="span-6">
          <textarea rows={3} {...register('steps')} />
        </Field>
        <Field label="Cues" hint="Two or three, one a line: they print on the handout." error={e.cues?.message} className="span-3">
          <textarea rows={3} {...register('cues')} />
        </Field>
        <Field label="Common errors" hint="One a line." error={e.commonErrors?.message} className="span-3">
          <textarea rows={3} {...register('commonErrors')} />
        </Field>
        <Field label="Dose" className="span-2">
          <select {...register('doseKind')}>
            <option value="reps">Sets of repetitions</option>
            <option value="hold">Holds (stretch)</option>
            <option value="time">Sets of a timed effort</option>
          </select>
        </Field>
        {doseKind !== 'hold' && (
          <Field label="Sets" error={e.sets?.message} className="span-1">
            <input inputMode="numeric" {...register('sets')} />
          </Field>
        )}
        {doseKind === 'reps' && (
          <>
            <Field label="Repetitions" error={e.reps?.message} className="span-1">
              <input inputMode="numeric" {...register('reps')} />
            </Field>
            <Field label="Hold each (seconds)" optional error={e.holdSeconds?.message} className="span-2">
              <input inputMode="numeric" {...register('holdSeconds')} />
            </Field>
          </>
        )}
        {doseKind === 'hold' && (
          <Field label="Holds" error={e.holds?.message} className="span-1">
            <input inputMode="numeric" {...register('holds')} />
          </Field>
        )}
        {doseKind !== 'reps' && (
          <Field label="Seconds" error={e.seconds?.message} className="span-1">
            <input inputMode="numeric" {...register('seconds')} />
          </Field>
        )}
        <Field label="Times a day" error={e.timesPerDay?.message} className="span-1">
          <input inputMode="numeric" {...register('timesPerDay')} />
        </Field>
        <Field label="Days a week" error={e.daysPerWeek?.message} className="span-1">
          <input inputMode="numeric" {...register('daysPerWeek')} />
        </Field>
        <label className="span-2 exercise-per-side">
          <input type="checkbox" {...register('perSide')} /> On each side
        </label>
        <Field label="Easier versions" hint="Ctrl-click to choose more than one." error={e.easier?.message} className="span-3">
          <select multiple size={4} {...register('easier')}>
            {others.map((x) => <option key={x.key} value={x.key}>{x.exercise.title}</option>)}
          </select>
        </Field>
        <Field label="Harder versions" error={e.harder?.message} className="span-3">
          <select multiple size={4} {...register('harder')}>
            {others.map((x) => <option key={x.key} value={x.key}>{x.exercise.title}</option>)}
          </select>
        </Field>
        <Field label="Drawing" hint="Use the drawing of the library exercise that looks most like this one." error={e.illustration?.message} className="span-6">
          <select {...register('illustration')}>
            <option value="">No drawing</option>
            {SEEDED_EXERCISES.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
          </select>
        </Field>
      </div>
    </FormDialog>
  );
}
