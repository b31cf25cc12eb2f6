import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ODI_SECTIONS } from '../../../../shared/clinical/outcomes/odi';
import { RMDQ_ITEMS } from '../../../../shared/clinical/outcomes/rolandMorris';
import { BOTHERSOMENESS } from '../../../../shared/clinical/outcomes/startBack';
import type { Instrument, OutcomeAnswersInput, OutcomeRecord } from '../../../../shared/domain/reassessments';
import { INSTRUMENTS, INSTRUMENT_NAMES } from '../../../../shared/domain/reassessments';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinicToday, useFormat } from '../../app/clinic';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { BOTHER_WORDS, ODI_TITLES, START_BACK_TITLES } from './instrumentLabels';
import { noteChoice, VisitNoteField } from './VisitNoteField';
import './OutcomeDialog.css';

type Values = Record<string, string | boolean>;
const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v.trim() : '');
const int = (v: string | boolean | undefined) => (text(v) === '' ? null : Number(text(v)));

function toForm(instrument: Instrument, v: Values): OutcomeAnswersInput {
  switch (instrument) {
    case 'nprs':
      return { instrument, answers: { score: int(v.nprs) as number } };
    case 'odi':
    case 'modified-odi': {
      const sections = Object.fromEntries(ODI_SECTIONS[instrument].map((k) => [k, text(v[`odi_${k}`]) === 'na' ? 'not-applicable' : int(v[`odi_${k}`])]));
      return { instrument, answers: { sections } } as OutcomeAnswersInput;
    }
    case 'psfs':
      return { instrument, answers: { activities: [0, 1, 2, 3, 4].filter((i) => text(v[`psfs_name_${i}`]) || text(v[`psfs_score_${i}`])).map((i) => ({ name: text(v[`psfs_name_${i}`]), score: int(v[`psfs_score_${i}`]) as number })) } };
    case 'rmdq':
      return { instrument, answers: { items: Array.from({ length: RMDQ_ITEMS }, (_, i) => v[`rmdq_${i}`] === true) } };
    case 'start-back':
      return { instrument, answers: { agree: START_BACK_TITLES.map((_, i) => v[`sb_${i}`] === true), bothersomeness: text(v.sbBother) as (typeof BOTHERSOMENESS)[number] } };
  }
}

/**
 * A questionnaire typed in from the patient's paper form. Only item numbers and our own short
 * labels are shown: the ODI's wording is licensed (Mapi), and STarT Back's licence for software is
 * not confirmed, so neither form's text is reproduced here.
 */
export function OutcomeDialog({ patientId, onClose, onSaved }: { patientId: number; onClose: () => void; onSaved: (r: OutcomeRecord) => void }) {
  const f = useFormat();
  const today = useClinicToday();
  const { register, handleSubmit, formState, control, setError } = useForm<Values>({ defaultValues: { instrument: 'nprs', date: f.dateForTyping(today), sbBother: 'not-at-all' } });
  const instrument = useWatch({ control, name: 'instrument' }) as Instrument;
  const dateText = useWatch({ control, name: 'date' });
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const completedOn = f.parseTypedDate(text(values.date));
    if (!completedOn) return setError('date', { message: `Type the date as ${f.typedDatePattern}` }, { shouldFocus: true });
    try {
      onSaved(await call('outcomes.record', { patientId, completedOn, noteId: noteChoice(text(values.note)), form: toForm(instrument, values) }));
    } catch (error) {
      setProblem(messageOf(error));
    }
  });

  return (
    <FormDialog
      open
      title="Record a questionnaire"
      className="outcome-dialog"
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={formState.isSubmitting ? 'Saving…' : 'Save and score'}
      submitting={formState.isSubmitting}
      dirty={formState.isDirty}
      problem={problem}
    >
      <div className="form-grid">
        <Field label="Questionnaire">
          <select {...register('instrument')}>
            {INSTRUMENTS.map((i) => (
              <option key={i} value={i}>
                {INSTRUMENT_NAMES[i]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Date" error={formState.errors.date?.message} hint={f.typedDatePattern}>
          <input {...register('date')} autoComplete="off" inputMode="numeric" />
        </Field>
        <VisitNoteField patientId={patientId} date={f.parseTypedDate(text(dateText))} registration={register('note')} />
      </div>
      {instrument === 'nprs' && (
        <Field label="Pain now (0 = no pain, 10 = worst imaginable)">
          <input {...register('nprs')} inputMode="numeric" autoComplete="off" className="outcome-score" />
        </Field>
      )}
      {(instrument === 'odi' || instrument === 'modified-odi') && (
        <fieldset className="outcome-items">
          <legend>Section scores from the patient’s form (0–5)</legend>
          {ODI_SECTIONS[instrument].map((k, i) => (
            <Field key={k} label={`${i + 1}. ${ODI_TITLES[k] ?? k}`}>
              <select {...register(`odi_${k}`)}>
                <option value="">Not answered</option>
                {[0, 1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
                <option value="na">Not applicable</option>
              </select>
            </Field>
          ))}
        </fieldset>
      )}
      {instrument === 'psfs' && (
        <fieldset className="outcome-items psfs">
          <legend>The patient’s own activities (0 = unable, 10 = as before the problem)</legend>
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className="psfs-row">
              <Field label={`Activity ${i + 1}`} optional={i > 0}>
                <input {...register(`psfs_name_${i}`)} autoComplete="off" maxLength={120} />
              </Field>
              <Field label="Score">
                <input {...register(`psfs_score_${i}`)} inputMode="numeric" autoComplete="off" className="outcome-score" />
              </Field>
            </div>
          ))}
        </fieldset>
      )}
      {instrument === 'rmdq' && (
        <fieldset className="outcome-items rmdq">
          <legend>Items the patient ticked (item numbers of the form)</legend>
          {Array.from({ length: RMDQ_ITEMS }, (_, i) => (
            <label key={i} className="checkbox">
              <input type="checkbox" {...register(`rmdq_${i}`)} /> Item {i + 1}
            </label>
          ))}
        </fieldset>
      )}
      {instrument === 'start-back' && (
        <fieldset className="outcome-items">
          <legend>Items 1–8: ticked when the patient agreed</legend>
          {START_BACK_TITLES.map((t, i) => (
            <label key={t} className="checkbox">
              <input type="checkbox" {...register(`sb_${i}`)} /> {i + 1}. {t}
            </label>
          ))}
          <Field label="9. How bothersome overall">
            <select {...register('sbBother')}>
              {BOTHERSOMENESS.map((b) => (
                <option key={b} value={b}>
                  {BOTHER_WORDS[b]}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
      )}
    </FormDialog>
  );
}
