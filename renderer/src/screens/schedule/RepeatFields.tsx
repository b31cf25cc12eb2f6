import { useId } from 'react';
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { isIsoDate } from '../../../../shared/util/dates';
import { useClinic } from '../../app/clinic';
import { DateInput } from '../../components/ClinicInputs';
import { Field } from '../../components/Field';
import type { BookingValues } from './bookingForm';
import { describeRepeat } from './scheduleFormat';

/** "Repeat (a weekly series)": the weekdays (in the clinic's week order), every how many weeks, and the end. */
export function RepeatFields({
  register,
  control,
  values,
  errors,
}: {
  register: UseFormRegister<BookingValues>;
  control: Control<BookingValues>;
  values: BookingValues;
  errors: FieldErrors<BookingValues>;
}) {
  const { locale, format } = useClinic();
  const id = useId();
  const days = format.weekdays('short');
  const longNames = format.weekdays('long');
  const summary =
    values.repeat && values.weekdays.length
      ? describeRepeat(
          {
            weekdays: values.weekdays.map(Number),
            intervalWeeks: Number(values.intervalWeeks) || 1,
            count: values.ends === 'count' ? Number(values.count) || null : null,
            until: values.ends === 'until' && isIsoDate(values.until) ? values.until : null,
          },
          locale,
        )
      : null;
  return (
    <fieldset className="form-subsection repeat">
      <legend className="visually-hidden">Repeat</legend>
      <label className="choice">
        <input type="checkbox" {...register('repeat')} /> Repeat (a weekly series)
      </label>
      {values.repeat && (
        <div className="repeat-body">
          <fieldset className="choice-group weekday-choices" aria-describedby={errors.weekdays ? `${id}-wd` : undefined}>
            <legend>On</legend>
            {days.map((d, i) => (
              <label key={d.iso} className="choice weekday-choice" title={longNames[i]!.name}>
                <input type="checkbox" value={String(d.iso)} aria-label={longNames[i]!.name} {...register('weekdays')} />
                <span aria-hidden="true">{d.name}</span>
              </label>
            ))}
            {errors.weekdays && (
              <div className="field-error" id={`${id}-wd`}>
                {errors.weekdays.message}
              </div>
            )}
          </fieldset>
          <div className="repeat-row">
            <Field label="Every … weeks" error={errors.intervalWeeks?.message} className="repeat-every">
              <input type="number" min={1} max={8} inputMode="numeric" className="input-short" {...register('intervalWeeks')} />
            </Field>
            <fieldset className="choice-group repeat-ends">
              <legend>Ends</legend>
              <label className="choice">
                <input type="radio" value="count" {...register('ends')} /> After
              </label>
              <input
                type="number"
                min={1}
                max={100}
                className="input input-short"
                aria-label="Number of appointments"
                aria-invalid={errors.count ? true : undefined}
                disabled={values.ends !== 'count'}
                {...register('count')}
              />
              <span>times</span>
              <label className="choice">
                <input type="radio" value="until" {...register('ends')} /> On
              </label>
              <Controller
                control={control}
                name="until"
                render={({ field }) => (
                  <DateInput {...field} className="input input-date" aria-label="Last date" aria-invalid={errors.until ? true : undefined} disabled={values.ends !== 'until'} />
                )}
              />
              {(errors.count || errors.until) && <div className="field-error">{errors.count?.message ?? errors.until?.message}</div>}
            </fieldset>
          </div>
          {summary && (
            <p className="repeat-summary" role="status" data-testid="repeat-summary">
              {summary}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
