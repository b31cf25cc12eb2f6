import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { clinicInputSchema, type Clinic, type ClinicInput } from '../../../../shared/domain/clinic';
import type { z } from 'zod';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic } from '../../app/clinic';
import { useLeaveGuard } from '../../app/router';
import { Banner } from '../../components/Banner';
import { applyServerErrors } from '../../forms/serverErrors';
import { ClinicFields } from './ClinicFields';
import { Field } from '../../components/Field';
import { COUNTRY_LABELS, DATE_ORDER_LABELS, TIME_FORMAT_LABELS, WEEK_START_LABELS } from '../../../../shared/domain/locale';
import { Loading, LoadFailed } from '../../components/LoadState';

function toFormValues(c: Clinic): ClinicInput {
  return { ...c, addressLine2: c.addressLine2 ?? '', npi: c.npi ?? '', taxId: c.taxId ?? '' };
}

function ClinicFacts({ clinic }: { clinic: Clinic }) {
  const rows: [string, string][] = [
    ['Clinic name', clinic.name],
    ['Address', [clinic.addressLine1, clinic.addressLine2, `${clinic.city}, ${clinic.region} ${clinic.postalCode}`].filter(Boolean).join('\n')],
    ['Phone', clinic.phone],
    ['Time zone', clinic.timeZone.replace(/_/g, ' ')],
    ['Distance unit', clinic.distanceUnit === 'mi' ? 'Miles' : 'Kilometres'],
    ['Country', COUNTRY_LABELS[clinic.country]],
    ['Dates', DATE_ORDER_LABELS[clinic.dateOrder]],
    ['Clock', TIME_FORMAT_LABELS[clinic.timeFormat]],
    ['Week starts on', WEEK_START_LABELS[clinic.weekStartsOn]],
    ['Auto-lock', `After ${clinic.idleLockMinutes} minute${clinic.idleLockMinutes === 1 ? '' : 's'} without activity`],
    ['Late cancellation', `Less than ${clinic.lateCancelHours} hour${clinic.lateCancelHours === 1 ? '' : 's'} before the appointment`],
    ['NPI', clinic.npi ?? '—'],
    ['Tax ID', clinic.taxId ?? '—'],
  ];
  return (
    <section className="form-section">
      <h2 className="form-section-title">Clinic</h2>
      <p className="form-section-note">Only an admin can change these settings.</p>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k} className="facts-row">
            <dt>{k}</dt>
            <dd className="pre-line">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ClinicForm({ clinic, onSaved }: { clinic: Clinic; onSaved: (c: Clinic) => void }) {
  const [initial] = useState(() => toFormValues(clinic));
  const form = useForm<ClinicInput, unknown, z.output<typeof clinicInputSchema>>({ resolver: zodResolver(clinicInputSchema), mode: 'onTouched', defaultValues: initial });
  const { handleSubmit, formState, reset, setError } = form;
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useLeaveGuard(formState.isDirty);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setSaved(false);
    try {
      const updated = await call('clinic.update', values);
      reset(toFormValues(updated));
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      if (isApiCallError(error) && error.code === 'VALIDATION') {
        const { unplaced } = applyServerErrors(error, setError, Object.keys(initial));
        setProblem(unplaced.length ? unplaced.join(' ') : 'Nothing was saved: check the fields marked below.');
      } else {
        setProblem(messageOf(error));
      }
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="Clinic settings">
        {problem && <Banner tone="error">{problem}</Banner>}
        {saved && !formState.isDirty && <Banner tone="success">Clinic settings saved.</Banner>}
        <fieldset className="form-section">
          <legend>Clinic</legend>
          <ClinicFields />
        </fieldset>
        <fieldset className="form-section">
          <legend>Scheduling policy</legend>
          <div className="form-grid">
            <Field
              label="Late-cancellation window (hours)"
              error={formState.errors.lateCancelHours?.message}
              hint="Cancelling less than this many hours before an appointment counts as a late cancellation (shown on the schedule and in the chart)."
              className="span-6"
            >
              <input {...form.register('lateCancelHours')} type="number" inputMode="numeric" min={0} max={168} step={1} className="input-short" />
            </Field>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            Save clinic settings
          </button>
          {formState.isDirty && (
            <button type="button" className="button button-quiet" onClick={() => reset()}>
              Undo changes
            </button>
          )}
          <span className="form-status" role="status">
            {formState.isDirty ? 'Unsaved changes' : ''}
          </span>
        </div>
      </form>
    </FormProvider>
  );
}

export function ClinicSettings({ canEdit }: { canEdit: boolean }) {
  const { data, error, refetch, setData } = useQuery('clinic.get', {});
  const { refresh } = useClinic();
  if (error) return <LoadFailed error={error} onRetry={refetch} />;
  if (!data)
    return (
      <Loading />
    );
  if (!canEdit) return <ClinicFacts clinic={data} />;
  return (
    <ClinicForm
      clinic={data}
      onSaved={(c) => {
        setData(c);
        refresh();
      }}
    />
  );
}
