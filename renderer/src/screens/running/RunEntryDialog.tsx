import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import type { RunRecord } from '../../../../shared/domain/running';
import { RUN_KINDS, SURFACE_LABELS } from '../../../../shared/domain/running';
import { SURFACES, type ClinicPolicy } from '../../../../shared/clinical/policy';
import { RED_FLAGS, RED_FLAG_LABELS } from '../../../../shared/clinical/runs';
import { distanceUnitLabel, unitToMetres } from '../../../../shared/units/distance';
import { formatCalendarDate, parseLocaleDate, typedDatePattern } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic, useClinicToday } from '../../app/clinic';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { emptyRunForm, formFieldForEntryPath, runFormResolver, runToForm, type RunEntryOutput, type RunFormValues } from './runEntryForm';
import { KIND_LABELS, paceText, parseDecimal, parseDurationText, parseIntervalShape, durationForTyping, runningSpeed, sessionPaceText, SPEED_BASIS_LABELS } from './runFormat';
import './RunEntryDialog.css';

interface RunEntryDialogProps {
  open: boolean;
  patientId: number;
  /** The run being edited; null adds one. */
  run: RunRecord | null;
  policy: ClinicPolicy;
  onClose: () => void;
  onSaved: (run: RunRecord) => void;
}

/** Add or edit a run from the keyboard: type distance and duration, Enter saves. */
export function RunEntryDialog(props: RunEntryDialogProps) {
  return props.open ? <RunEntryForm {...props} /> : null;
}

function RunEntryForm({ patientId, run, policy, onSaved, onClose }: RunEntryDialogProps) {
  const { locale, distanceUnit: unit } = useClinic();
  const today = useClinicToday();
  const resolver = useMemo(() => runFormResolver(unit, today, locale), [unit, today, locale]);
  const [initial] = useState(() => (run ? runToForm(run, unit, locale) : emptyRunForm(today, locale)));
  const form = useForm<RunFormValues, unknown, RunEntryOutput>({ resolver, mode: 'onTouched', defaultValues: initial });
  const { register, handleSubmit, formState, setError, setValue, control, getValues } = form;
  const errors = formState.errors;
  const [problem, setProblem] = useState<string | null>(null);
  const title = run ? `Edit the run on ${formatCalendarDate(run.date, locale)}` : 'Add a run';
  // Straight to Distance (the date is already today): the dialog takes focus when it opens, so wait a tick.
  useEffect(() => {
    const timer = window.setTimeout(() => form.setFocus('distance'), 0);
    return () => window.clearTimeout(timer);
  }, [form]);

  const onSubmit = handleSubmit(async (entry) => {
    setProblem(null);
    try {
      const saved = await call('runs.save', { ...(run ? { id: run.id } : {}), patientId, run: entry });
      onSaved(saved);
    } catch (error) {
      if (isApiCallError(error) && error.code === 'VALIDATION') {
        const unplaced: string[] = [];
        let placed = 0;
        for (const [path, message] of Object.entries(error.fields)) {
          const field = formFieldForEntryPath(path);
          if (field) setError(field as Path<RunFormValues>, { type: 'server', message }, { shouldFocus: placed++ === 0 });
          else unplaced.push(message);
        }
        setProblem(unplaced.length ? unplaced.join(' ') : 'Nothing was saved: check the fields marked below.');
      } else setProblem(messageOf(error));
    }
  });

  // Live: the date in words, the pace as the numbers are typed.
  const [date, distance, duration, runTime, walkTime, kind] = useWatch({ control, name: ['date', 'distance', 'duration', 'runTime', 'walkTime', 'kind'] });
  const dateIso = parseLocaleDate(date, locale);
  const distanceM = parseDecimal(distance) === null ? null : unitToMetres(parseDecimal(distance)!, unit);
  const durationS = parseDurationText(duration);
  const runS = runTime.trim() === '' ? null : parseDurationText(runTime);
  const walkS = walkTime.trim() === '' ? null : parseDurationText(walkTime);
  const live =
    distanceM !== null && durationS !== null && distanceM > 0 && durationS > 0
      ? {
          session: sessionPaceText(distanceM, durationS, unit),
          running: kind === 'run' ? runningSpeed({ date: dateIso ?? today, distanceM, durationS, runSeconds: runS, walkSeconds: walkS }, policy) : null,
        }
      : null;

  const applyShape = (text: string) => {
    const shape = parseIntervalShape(text);
    if (!shape) return;
    const runTotal = shape.repeats * shape.runSeconds;
    const walkTotal = shape.repeats * shape.walkSeconds;
    setValue('runTime', durationForTyping(runTotal), { shouldDirty: true, shouldValidate: formState.isSubmitted });
    setValue('walkTime', durationForTyping(walkTotal), { shouldDirty: true, shouldValidate: formState.isSubmitted });
    if (getValues('duration').trim() === '') setValue('duration', durationForTyping(runTotal + walkTotal), { shouldDirty: true });
  };
  const shapeText = useWatch({ control, name: 'shape' });
  const shapeParsed = shapeText.trim() ? parseIntervalShape(shapeText) : null;

  const err = (name: keyof RunFormValues) => errors[name]?.message as string | undefined;
  const unitLabel = distanceUnitLabel(unit);
  const { greenMax, amberMax } = policy.pain;

  return (
    <FormDialog
      open
      title={title}
      formLabel={run ? 'Edit run' : 'New run'}
      className="run-entry-dialog"
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={formState.isSubmitting ? 'Saving…' : 'Save run'}
      submitting={formState.isSubmitting}
      dirty={formState.isDirty}
      problem={problem}
      discard={{ title: 'Discard this run?', message: 'What you typed is not saved.', confirmLabel: 'Discard' }}
      status={
        <span className="form-shortcut">
          <kbd>Enter</kbd> or <kbd>Ctrl</kbd>+<kbd>S</kbd> saves
        </span>
      }
    >
      <div className="form-grid">
        <Field label="Date" error={err('date')} hint={dateIso && !err('date') ? formatCalendarDate(dateIso, locale, 'long') : typedDatePattern(locale)} className="span-2">
          <input {...register('date')} autoComplete="off" inputMode="numeric" />
        </Field>
        <Field label="Activity" error={err('kind')} className="span-2">
          <select {...register('kind')}>
            {RUN_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Surface" optional error={err('surface')} className="span-2">
          <select {...register('surface')}>
            <option value="">Not recorded</option>
            {SURFACES.map((s) => (
              <option key={s} value={s}>
                {SURFACE_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={`Distance (${unitLabel})`} error={err('distance')} className="span-2">
          <input {...register('distance')} autoComplete="off" inputMode="decimal" placeholder={unit === 'km' ? 'e.g. 4.2' : 'e.g. 2.6'} />
        </Field>
        <Field label="Duration" error={err('duration')} hint="mm:ss or h:mm:ss" className="span-2">
          <input {...register('duration')} autoComplete="off" inputMode="numeric" placeholder="30:00" />
        </Field>
        <div className="span-2 run-live" aria-live="polite">
          <div className="field-label">Pace</div>
          {live ? (
            <>
              <div className="run-live-pace" data-testid="live-pace">
                {live.running && live.running.mps !== null ? paceText(live.running, unit) : live.session}
              </div>
              <div className="field-hint">
                {live.running && live.running.mps !== null
                  ? `Running only · ${SPEED_BASIS_LABELS[live.running.basis]}. Whole session ${live.session}.`
                  : kind === 'run'
                    ? 'Whole session, walking included. Add run and walk time for the running-only pace.'
                    : 'Whole session.'}
              </div>
            </>
          ) : (
            <div className="field-hint">Shown once distance and duration are typed.</div>
          )}
        </div>
        <Field
          label="Run-walk pattern"
          optional
          error={err('shape')}
          hint={shapeParsed ? `${shapeParsed.repeats} × run ${durationForTyping(shapeParsed.runSeconds)} / walk ${durationForTyping(shapeParsed.walkSeconds)}: fills run and walk time` : 'e.g. 8 × 1:00/1:30'}
          className="span-2"
        >
          <input {...register('shape', { onBlur: (e: { target: { value: string } }) => applyShape(e.target.value) })} autoComplete="off" placeholder="8 × 1:00/1:30" />
        </Field>
        <Field label="Total run time" optional error={err('runTime')} hint="mm:ss" className="span-2">
          <input {...register('runTime')} autoComplete="off" inputMode="numeric" />
        </Field>
        <Field label="Total walk time" optional error={err('walkTime')} hint="mm:ss" className="span-2">
          <input {...register('walkTime')} autoComplete="off" inputMode="numeric" />
        </Field>
      </div>
      <fieldset className="run-pain">
        <legend>
          Pain (0–10) <span className="field-hint">— clinic zones: ≤{greenMax} fine · {greenMax + 1}–{amberMax} acceptable · over {amberMax} too much</span>
        </legend>
        <div className="run-pain-grid">
          <Field label="Before" optional error={err('painBefore')}>
            <input {...register('painBefore')} autoComplete="off" inputMode="numeric" className="input-score" />
          </Field>
          <Field label="During" optional error={err('painDuring')}>
            <input {...register('painDuring')} autoComplete="off" inputMode="numeric" className="input-score" />
          </Field>
          <Field label="After" optional error={err('painAfter')}>
            <input {...register('painAfter')} autoComplete="off" inputMode="numeric" className="input-score" />
          </Field>
          <Field label="Next morning" optional error={err('painNextMorning')}>
            <input {...register('painNextMorning')} autoComplete="off" inputMode="numeric" className="input-score" />
          </Field>
          <Field label="Effort (RPE 0–10)" optional error={err('rpe')}>
            <input {...register('rpe')} autoComplete="off" inputMode="numeric" className="input-score" />
          </Field>
        </div>
      </fieldset>
      <fieldset className="choice-group run-flags">
        <legend>Red flags reported with this run</legend>
        {RED_FLAGS.map((f) => (
          <label key={f} className="choice">
            <input type="checkbox" value={f} {...register('redFlags')} />
            <span>{RED_FLAG_LABELS[f].replace(/^a /, '').replace(/^./, (c) => c.toUpperCase())}</span>
          </label>
        ))}
        <label className="choice">
          <input type="checkbox" {...register('stoppedEarly')} />
          <span>Stopped before the prescription was finished</span>
        </label>
      </fieldset>
      <Field label="Notes" optional error={err('notes')}>
        <textarea {...register('notes')} rows={2} className="run-notes" />
      </Field>
    </FormDialog>
  );
}
