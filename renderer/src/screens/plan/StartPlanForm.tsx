import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { RunPlanRecord } from '../../../../shared/domain/running';
import type { ClinicPolicy } from '../../../../shared/clinical/policy';
import { addDays, startOfWeek, weekdayOf } from '../../../../shared/clinical/calendar';
import { describeSession, type Ladder } from '../../../../shared/clinical/ladder';
import { calendarDateForTyping, formatCalendarDate, parseLocaleDate, typedDatePattern } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic, useClinicToday } from '../../app/clinic';
import { useLeaveGuard } from '../../app/router';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { applyServerErrors } from '../../forms/serverErrors';
import { PlanStartScreen } from './PlanStartScreen';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function startSchema(policy: ClinicPolicy, locale: string) {
  const day = policy.weekStartsOn;
  return z.object({
    startDate: z
      .string()
      .trim()
      .min(1, 'Start date is required')
      .refine((t) => parseLocaleDate(t, locale) !== null, `Type the date as ${typedDatePattern(locale)}`)
      .transform((t) => parseLocaleDate(t, locale)!)
      .refine((d) => weekdayOf(d) === day, `Plans start on the first day of the clinic week: choose a ${capital(day)}`),
    startingStepId: z.string().min(1, 'Choose a starting step'),
    sessionsPerWeek: z.coerce.number({ error: 'Sessions a week is a number from 1 to 7' }).int('Sessions a week is a whole number').min(1, 'At least one session a week').max(7, 'At most 7 sessions a week'),
    baselinePain: z
      .string()
      .trim()
      .refine((t) => t === '' || /^\d+$/.test(t), 'Usual pain is a whole number from 0 to 10')
      .transform((t) => (t === '' ? null : Number(t)))
      .refine((n) => n === null || (n >= 0 && n <= 10), 'Usual pain is a whole number from 0 to 10'),
  });
}

type StartInput = z.input<ReturnType<typeof startSchema>>;
type StartOutput = z.output<ReturnType<typeof startSchema>>;

/** Start a run-walk plan: a clinic week start, a rung of the clinic's ladder in plain words, sessions a week, usual pain. */
export function StartPlanForm({ patientId, ladder, policy, onStarted }: { patientId: number; ladder: Ladder; policy: ClinicPolicy; onStarted: (plan: RunPlanRecord) => void }) {
  const { locale } = useClinic();
  const today = useClinicToday();
  const thisWeek = startOfWeek(today, policy.weekStartsOn);
  const nextWeek = addDays(thisWeek, 7);
  const schema = useMemo(() => startSchema(policy, locale), [policy, locale]);
  const form = useForm<StartInput, unknown, StartOutput>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { startDate: calendarDateForTyping(thisWeek, locale), startingStepId: ladder[0]?.id ?? '', sessionsPerWeek: policy.progression.sessionsPerWeek, baselinePain: '' },
  });
  const { register, handleSubmit, formState, setError, setValue, control } = form;
  const [problem, setProblem] = useState<string | null>(null);
  const [screenId, setScreenId] = useState<number | null>(null);
  useLeaveGuard(formState.isDirty);
  const typed = useWatch({ control, name: 'startDate' });
  const iso = parseLocaleDate(typed ?? '', locale);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    if (screenId === null) return setProblem('The plan starts only on a red-flag screen that allows it: see the screen above.');
    try {
      onStarted(await call('plans.start', { patientId, ...values, screenId }));
    } catch (e) {
      if (isApiCallError(e) && e.code === 'VALIDATION') {
        const { unplaced } = applyServerErrors(e, setError, ['startDate', 'startingStepId', 'sessionsPerWeek', 'baselinePain']);
        setProblem(unplaced.length ? unplaced.join(' ') : 'The plan was not started: check the fields marked below.');
      } else setProblem(messageOf(e));
    }
  });

  const pick = (d: string) => setValue('startDate', calendarDateForTyping(d, locale), { shouldDirty: true, shouldValidate: true });

  return (
    <>
      <div className="card plan-card">
        <PlanStartScreen patientId={patientId} onReady={setScreenId} />
      </div>
      <form className="card plan-card start-plan" onSubmit={onSubmit} noValidate aria-labelledby="start-plan-title">
        <div className="plan-card-head">
          <h2 id="start-plan-title">Start a run-walk plan</h2>
        </div>
        <p className="muted">
          Weeks run {capital(policy.weekStartsOn)} to {capital(weekdayOf(addDays(thisWeek, 6)))}. At the end of each week the planner reviews the log and proposes the next step; you accept or override
          it.
        </p>
        {problem && <Banner tone="error">{problem}</Banner>}
        <div className="form-grid">
          <Field
            label="Start date"
            error={formState.errors.startDate?.message}
            hint={iso && !formState.errors.startDate ? formatCalendarDate(iso, locale, 'long') : `${typedDatePattern(locale)} — a ${capital(policy.weekStartsOn)}`}
            className="span-2"
          >
            <input {...register('startDate')} autoComplete="off" inputMode="numeric" />
          </Field>
          <div className="span-4 date-quick-wrap">
            <div className="field-label">&nbsp;</div>
            <div className="date-quick">
              <button type="button" className="button button-small" onClick={() => pick(thisWeek)}>
                This week ({formatCalendarDate(thisWeek, locale)})
              </button>
              <button type="button" className="button button-small" onClick={() => pick(nextWeek)}>
                Next week ({formatCalendarDate(nextWeek, locale)})
              </button>
            </div>
          </div>
          <Field label="Sessions a week" error={formState.errors.sessionsPerWeek?.message} hint="ASTEROID: 3 a week" className="span-2">
            <input {...register('sessionsPerWeek')} type="number" min={1} max={7} step={1} inputMode="numeric" className="input-short" />
          </Field>
          <Field label="The patient’s usual pain (0–10)" optional error={formState.errors.baselinePain?.message} hint="Next-morning pain is read against it" className="span-2">
            <input {...register('baselinePain')} inputMode="numeric" autoComplete="off" className="input-short" />
          </Field>
        </div>
        <fieldset className="step-options">
          <legend>Starting step</legend>
          {ladder.map((s, i) => (
            <label key={s.id} className="step-option">
              <input type="radio" value={s.id} {...register('startingStepId')} />
              <span className="step-number">Rung {i + 1}</span>
              <span>{describeSession(s)}</span>
            </label>
          ))}
          {formState.errors.startingStepId && <div className="field-error">{formState.errors.startingStepId.message}</div>}
        </fieldset>
        <div className="checkin-actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting || screenId === null}>
            {formState.isSubmitting ? 'Starting…' : 'Start the plan'}
          </button>
          {screenId === null && <span className="field-hint">Record a red-flag screen that allows the plan first.</span>}
        </div>
      </form>
    </>
  );
}
