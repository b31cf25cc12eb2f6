import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { REFERRAL_SOURCE_LABELS, REFERRAL_SOURCES, SEX_LABELS, SEXES, type Patient } from '../../../../shared/domain/patient';
import { LANGUAGE_LABELS, LANGUAGES } from '../../../../shared/i18n/languages';
import { ageOn } from '../../../../shared/util/dates';
import { formatCalendarDate, formatTime, parseLocaleDate, typedDatePattern } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { isApiCallError, messageOf, type ApiCallError } from '../../api/errors';
import { sessionStore } from '../../api/session';
import { useClinic, useClinicToday } from '../../app/clinic';
import { useLeaveGuard } from '../../app/router';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { applyServerErrors } from '../../forms/serverErrors';
import { PATIENT_FIELDS, patientFormSchema, toFormValues, type PatientFormInput, type PatientFormOutput } from './patientFormSchema';

type Problem =
  | { kind: 'message'; text: string }
  | { kind: 'conflict'; text: string }
  | { kind: 'duplicate'; text: string; mrn: string | null; values: PatientFormOutput };

interface PatientFormProps {
  /** The record being edited; null registers a new patient. */
  patient: Patient | null;
  onSaved: (patient: Patient) => void;
  /** After a CONFLICT: throw away this form and load the record again. */
  onReload?: () => void;
}

/** A patient's details: validated as you type, saved with Ctrl+S or Enter, never lost silently. */
export function PatientForm({ patient, onSaved, onReload }: PatientFormProps) {
  const { locale, timeZone, country } = useClinic();
  const today = useClinicToday();
  const schema = useMemo(() => patientFormSchema(today, locale, country), [today, locale, country]);
  const [initial] = useState(() => toFormValues(patient, locale));
  const form = useForm<PatientFormInput, unknown, PatientFormOutput>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: initial,
  });
  const { register, handleSubmit, formState, setError, reset, control } = form;
  const errors = formState.errors;
  const [problem, setProblem] = useState<Problem | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) feedbackRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [problem]);
  // The version this form edits. The chart's own changes (archive, this form's saves) move it on;
  // anyone else's change makes the server answer CONFLICT.
  const expectedUpdatedAt = useRef(patient?.updatedAt);
  useEffect(() => {
    if (patient) expectedUpdatedAt.current = patient.updatedAt;
  }, [patient]);

  useLeaveGuard(formState.isDirty);

  const failed = (error: unknown, values: PatientFormOutput) => {
    if (!isApiCallError(error)) {
      setProblem({ kind: 'message', text: messageOf(error) });
      return;
    }
    const e: ApiCallError = error;
    if (e.code === 'VALIDATION') {
      const { unplaced, placed } = applyServerErrors(e, setError, PATIENT_FIELDS, { prefix: 'patient.' });
      setProblem({ kind: 'message', text: unplaced.length ? unplaced.join(' ') : placed ? 'Nothing was saved: check the fields marked below.' : e.message });
    } else if (e.code === 'CONFLICT' && patient) {
      setProblem({ kind: 'conflict', text: e.message });
    } else if (e.code === 'CONFLICT') {
      setProblem({ kind: 'duplicate', text: e.message, mrn: e.fields._duplicate ?? null, values });
    } else if (e.code !== 'LOCKED' && e.code !== 'UNAUTHENTICATED') {
      setProblem({ kind: 'message', text: e.message });
    }
  };

  const save = async (values: PatientFormOutput, confirmDuplicate = false) => {
    setProblem(null);
    try {
      const saved = patient
        ? await call('patients.update', { id: patient.id, expectedUpdatedAt: expectedUpdatedAt.current, patient: values })
        : await call('patients.create', { ...values, ...(confirmDuplicate ? { confirmDuplicate: true } : {}) });
      expectedUpdatedAt.current = saved.updatedAt;
      reset(toFormValues(saved, locale));
      setSavedAt(formatTime(new Date().toISOString(), timeZone, locale));
      onSaved(saved);
    } catch (error) {
      failed(error, values);
      // Keep everything typed; stay dirty so leaving still asks.
      throw error;
    }
  };

  const onSubmit = handleSubmit(async (values) => {
    try {
      await save(values);
    } catch {
      // Shown in the banner and next to the fields.
    }
  });

  // Ctrl+S (Cmd+S) saves from anywhere on the screen.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
      if (sessionStore.isLocked() || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      formRef.current?.requestSubmit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const medicare = useWatch({ control, name: 'medicareBeneficiary' });
  const dobText = useWatch({ control, name: 'dateOfBirth' });
  const dobIso = typeof dobText === 'string' ? parseLocaleDate(dobText, locale) : null;
  const dobHint = dobIso && !errors.dateOfBirth && dobIso <= today ? `${formatCalendarDate(dobIso, locale, 'long')} · age ${ageOn(dobIso, today)}` : typedDatePattern(locale);
  const err = (name: keyof PatientFormInput) => errors[name]?.message;
  const text = (name: keyof PatientFormInput) => register(name);
  const nullableSelect = (name: 'referralSource') => register(name, { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : v) });

  const status = formState.isSubmitting ? 'Saving…' : formState.isDirty ? 'Unsaved changes' : savedAt ? `Saved at ${savedAt}` : patient ? 'No changes' : '';

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={patient ? 'Patient details' : 'New patient'} className="patient-form">
      <fieldset className="form-section">
        <legend>Identity</legend>
        <div className="form-grid">
          <Field label="Legal first name" error={err('legalFirstName')} className="span-2">
            <input {...text('legalFirstName')} autoComplete="off" autoFocus={!patient} />
          </Field>
          <Field label="Legal last name" error={err('legalLastName')} className="span-2">
            <input {...text('legalLastName')} autoComplete="off" />
          </Field>
          <Field label="Preferred name" optional error={err('preferredName')} className="span-2">
            <input {...text('preferredName')} autoComplete="off" />
          </Field>
          <Field label="Date of birth" error={err('dateOfBirth')} hint={dobHint} className="span-2">
            <input {...text('dateOfBirth')} inputMode="numeric" autoComplete="off" placeholder={typedDatePattern(locale)} />
          </Field>
          <Field label="Sex" error={err('sex')} className="span-2">
            <select {...register('sex')}>
              <option value="" disabled>
                Choose…
              </option>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {SEX_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Handout language" error={err('language')} hint="Printed home programs are in this language." className="span-2">
            <select {...register('language')}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_LABELS[l]}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Contact</legend>
        <div className="form-grid">
          <Field label="Phone" optional error={err('phone')} className="span-2">
            <input {...text('phone')} type="tel" autoComplete="off" />
          </Field>
          <Field label="Email" optional error={err('email')} className="span-4">
            <input {...text('email')} type="email" autoComplete="off" />
          </Field>
          <Field label="Street address" optional error={err('addressLine1')} className="span-4">
            <input {...text('addressLine1')} autoComplete="off" />
          </Field>
          <Field label="Address line 2" optional error={err('addressLine2')} className="span-2">
            <input {...text('addressLine2')} autoComplete="off" placeholder="Apartment, unit" />
          </Field>
          <Field label="City" optional error={err('city')} className="span-3">
            <input {...text('city')} autoComplete="off" />
          </Field>
          <Field label="State" optional error={err('region')} className="span-1">
            <input {...text('region')} autoComplete="off" />
          </Field>
          <Field label="ZIP code" optional error={err('postalCode')} className="span-2">
            <input {...text('postalCode')} autoComplete="off" />
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Emergency contact</legend>
        <div className="form-grid">
          <Field label="Emergency contact name" optional error={err('emergencyContactName')} className="span-2">
            <input {...text('emergencyContactName')} autoComplete="off" />
          </Field>
          <Field label="Emergency contact phone" optional error={err('emergencyContactPhone')} className="span-2">
            <input {...text('emergencyContactPhone')} type="tel" autoComplete="off" />
          </Field>
          <Field label="Relationship" optional error={err('emergencyContactRelationship')} className="span-2">
            <input {...text('emergencyContactRelationship')} autoComplete="off" />
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Referral and insurance</legend>
        <div className="form-grid">
          <Field label="Referral source" optional error={err('referralSource')} className="span-3">
            <select {...nullableSelect('referralSource')}>
              <option value="">Not recorded</option>
              {REFERRAL_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {REFERRAL_SOURCE_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Referred by" optional error={err('referralDetail')} hint="Physician, coach or club, patient’s name…" className="span-3">
            <input {...text('referralDetail')} autoComplete="off" />
          </Field>
          <Field label="Insurer" optional error={err('insurerName')} className="span-2">
            <input {...text('insurerName')} autoComplete="off" />
          </Field>
          <Field label="Member ID" optional error={err('insurerMemberId')} className="span-2">
            <input {...text('insurerMemberId')} autoComplete="off" />
          </Field>
          <Field label="Group number" optional error={err('insurerGroupId')} className="span-2">
            <input {...text('insurerGroupId')} autoComplete="off" />
          </Field>
          <Controller
            control={control}
            name="medicareBeneficiary"
            render={({ field, fieldState }) => (
              <fieldset className="choice-group field span-6" aria-invalid={fieldState.error ? true : undefined}>
                <legend>Primary coverage is Medicare Part B</legend>
                <p className="field-hint choice-hint">Traditional Medicare, billed first. Not a Medicare Advantage plan, and not Medicare as secondary payer.</p>
                <label className="choice">
                  <input type="radio" name={field.name} ref={field.ref} checked={field.value === false} onChange={() => field.onChange(false)} onBlur={field.onBlur} /> No
                </label>
                <label className="choice">
                  <input type="radio" name={field.name} checked={field.value === true} onChange={() => field.onChange(true)} onBlur={field.onBlur} /> Yes
                </label>
                {fieldState.error && <div className="field-error choice-error">{fieldState.error.message}</div>}
              </fieldset>
            )}
          />
          {medicare === true && (
            <div className="span-6">
              <Banner tone="info">
                <p>
                  <strong>Medicare Part B is primary.</strong> Physical therapists cannot opt out of Medicare, and cash payment for covered therapy is restricted. Runback will not
                  print this patient a superbill to self-submit; the clinic submits the claim for them, and gives an ABN before any service Medicare may not cover.
                </p>
              </Banner>
            </div>
          )}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Notes</legend>
        <Field label="Notes for the front desk and therapists" optional error={err('notes')} hint="Not clinical notes: scheduling preferences, how to reach them, and the like.">
          <textarea {...text('notes')} rows={4} />
        </Field>
      </fieldset>

      {/* Next to the button that was pressed, where the person is looking (not at the top of the form). */}
      <div ref={feedbackRef} className="form-feedback">
      {problem?.kind === 'message' && <Banner tone="error">{problem.text}</Banner>}
        {problem?.kind === 'conflict' && (
          <Banner
            tone="warning"
            actions={
              <button type="button" className="button" onClick={onReload}>
                Discard my changes and reload
              </button>
            }
          >
            <p>
              <strong>Someone else changed this patient while you were editing.</strong> Your changes are not saved. Reload to see theirs, then make your edit again.
            </p>
          </Banner>
        )}
        {problem?.kind === 'duplicate' && (
          <Banner
            tone="warning"
            actions={
              <>
                <button type="button" className="button" onClick={() => setProblem(null)}>
                  Check first
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => {
                    void save(problem.values, true).catch(() => {});
                  }}
                >
                  Create anyway
                </button>
              </>
            }
          >
            <p>{problem.text}</p>
          </Banner>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={formState.isSubmitting} title="Save (Ctrl+S)" aria-keyshortcuts="Control+S">
          {patient ? 'Save changes' : 'Register patient'}
        </button>
        {patient && formState.isDirty && (
          <button type="button" className="button button-quiet" onClick={() => reset()}>
            Undo changes
          </button>
        )}
        <span className="form-status" role="status">
          {status}
        </span>
        <span className="spacer" />
        <span className="muted form-shortcut">
          <kbd>Ctrl</kbd>+<kbd>S</kbd> saves
        </span>
      </div>
    </form>
  );
}
