import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { sessionStore } from '../../api/session';
import { AuthBrand } from '../../components/Brand';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { browserTimeZone } from '../../components/TimeZoneField';
import { applyServerErrors, leafPaths } from '../../forms/serverErrors';
import { ClinicFields } from '../settings/ClinicFields';
import { COUNTRIES, type Country } from '../../../../shared/domain/locale';
import { dateOrderOf } from '../../../../shared/format/dates';
import { uses12Hour } from '../../../../shared/format/clock';
import { setupFormSchema, type SetupFormInput, type SetupFormOutput } from './setupSchema';

/** A first guess from the computer's language; the admin sees and changes every one of them. */
function localeGuess(language: string): Pick<SetupFormInput['clinic'], 'country' | 'dateOrder' | 'timeFormat' | 'weekStartsOn'> {
  let region = '';
  try {
    region = new Intl.Locale(language).maximize().region ?? '';
  } catch {
    region = '';
  }
  const country = (COUNTRIES as readonly string[]).includes(region) ? (region as Country) : 'US';
  return {
    country,
    dateOrder: dateOrderOf(language),
    timeFormat: uses12Hour(language) ? '12h' : '24h',
    weekStartsOn: country === 'US' || country === 'CA' ? 'sunday' : 'monday',
  };
}

function defaultValues(): SetupFormInput {
  const usesMiles = /^en-(US|LR|MM)$/i.test(navigator.language);
  return {
    clinic: {
      name: '',
      addressLine1: '',
      addressLine2: '',
      city: '',
      region: '',
      postalCode: '',
      phone: '',
      timeZone: browserTimeZone(),
      distanceUnit: usesMiles ? 'mi' : 'km',
      npi: '',
      taxId: '',
      idleLockMinutes: 10,
      ...localeGuess(navigator.language),
    },
    admin: { displayName: '', username: '', password: '', confirmPassword: '' },
  };
}

/** First run: create the clinic and the first admin, who is then signed in. */
export function SetupScreen() {
  const [initial] = useState(defaultValues);
  const form = useForm<SetupFormInput, unknown, SetupFormOutput>({ resolver: zodResolver(setupFormSchema), mode: 'onTouched', defaultValues: initial });
  const { register, handleSubmit, setError, formState } = form;
  const [problem, setProblem] = useState<string | null>(null);
  const e = formState.errors.admin;

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      const { confirmPassword: _confirm, ...admin } = values.admin;
      const grant = await call('setup.createClinic', { clinic: values.clinic, admin });
      sessionStore.begin(grant);
    } catch (error) {
      if (isApiCallError(error) && error.code === 'VALIDATION') {
        const { unplaced, placed } = applyServerErrors(error, setError, leafPaths(initial));
        setProblem(unplaced.length ? unplaced.join(' ') : placed ? 'Some fields need another look — see the messages below them.' : error.message);
      } else {
        setProblem(messageOf(error));
      }
    }
  });

  return (
    <div className="auth-screen">
      <AuthBrand />
      <main className="auth-card auth-card-wide">
        <div className="setup-intro">
          <h1>Set up your clinic</h1>
          <p className="muted">This is the first time Runback runs with this data folder. Tell it about the clinic and create the first admin account; you can change all of this later in Settings.</p>
        </div>
        {problem && <Banner tone="error">{problem}</Banner>}
        <FormProvider {...form}>
          <form onSubmit={onSubmit} noValidate aria-label="Set up your clinic">
            <fieldset className="form-section">
              <legend>Your clinic</legend>
              <ClinicFields prefix="clinic." />
            </fieldset>
            <fieldset className="form-section">
              <legend>First admin account</legend>
              <p className="form-section-note">The admin adds the other staff (therapists, front desk) in Settings → Users.</p>
              <div className="form-grid">
                <Field label="Full name" error={e?.displayName?.message} className="span-3">
                  <input {...register('admin.displayName')} autoComplete="name" />
                </Field>
                <Field label="Username" error={e?.username?.message} hint="Letters, digits, dot, dash, underscore." className="span-3">
                  <input {...register('admin.username')} autoComplete="username" autoCapitalize="none" spellCheck={false} />
                </Field>
                <Field label="Password" error={e?.password?.message} hint="At least 10 characters." className="span-3">
                  <input {...register('admin.password')} type="password" autoComplete="new-password" />
                </Field>
                <Field label="Confirm password" error={e?.confirmPassword?.message} className="span-3">
                  <input {...register('admin.confirmPassword')} type="password" autoComplete="new-password" />
                </Field>
              </div>
            </fieldset>
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
                {formState.isSubmitting ? 'Creating…' : 'Create clinic and sign in'}
              </button>
            </div>
          </form>
        </FormProvider>
      </main>
    </div>
  );
}
