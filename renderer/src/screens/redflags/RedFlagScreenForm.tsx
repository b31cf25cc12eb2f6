import { useId, useMemo, useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import type { RedFlagGroup, ScreenEntry, ScreenFlag, SystemicFlag } from '../../../../shared/clinical/redFlags';
import { GROUP_ACTIONS, GROUP_FLAGS, GROUP_TITLES, RED_FLAG_GROUPS, SCREEN_FLAGS, SCREEN_QUESTIONS, isSystemicFlag, screenEntrySchema } from '../../../../shared/clinical/redFlags';
import type { RedFlagScreenRecord } from '../../../../shared/domain/redFlags';
import { isApiCallError, messageOf } from '../../api/errors';
import { Banner } from '../../components/Banner';
import './redflags.css';

/** The form's own shape: a question may still be unanswered, and the note is typed text. */
interface ScreenFormValues {
  answers: Partial<Record<ScreenFlag, 'yes' | 'no' | null>>;
  physicianAssessed: SystemicFlag[];
  note: string;
}

/** The form's values as the screen's entry: blank note → none; "already assessed" kept only on a yes. */
function toEntry(v: ScreenFormValues) {
  const note = v.note.trim();
  return { answers: v.answers, physicianAssessed: v.physicianAssessed.filter((f) => v.answers[f] === 'yes'), note: note === '' ? null : note };
}

/** screenEntrySchema (the server's own rule) with its messages on the questions they concern. */
const resolver: Resolver<ScreenFormValues, unknown, ScreenEntry> = async (values) => {
  const parsed = screenEntrySchema.safeParse(toEntry(values));
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: Record<string, Record<string, unknown>> = {};
  for (const issue of parsed.error.issues) {
    const [head, key] = issue.path.map(String);
    const error = { type: issue.code, message: issue.message };
    if (head === 'answers' && key) (errors.answers ??= {})[key] = error;
    else if (head) errors[head] ??= error;
  }
  return { values: {}, errors: errors as FieldErrors<ScreenFormValues> };
};

function valuesOf(initial: RedFlagScreenRecord | null): ScreenFormValues {
  return {
    answers: Object.fromEntries(SCREEN_FLAGS.map((f) => [f, initial?.answers[f] ?? null])),
    physicianAssessed: initial ? [...initial.physicianAssessed] : [],
    note: initial?.note ?? '',
  };
}

const GROUP_HINTS: Record<RedFlagGroup, string> = {
  'cauda-equina': 'Any yes: ',
  systemic: 'Any yes (unless the physician has already assessed it): ',
  review: 'Any yes: ',
};

export interface RedFlagScreenFormProps {
  /** A screen to correct: its answers start the form, and saving replaces it. */
  initial?: RedFlagScreenRecord | null;
  /** Saves the answers (redFlags.record for a check-in or plan start; the visit note saves them with the note). */
  onSave: (entry: ScreenEntry) => Promise<void>;
  saveLabel?: string;
  /** Read-only: the week's decision has been taken. */
  disabled?: boolean;
  /** The question above the groups ("Since the last check-in, has the patient had…"). */
  lead: string;
}

/**
 * The red-flag screen, the same wherever it is asked (plan start, weekly check-in, visit note):
 * every question answered yes or no, grouped by what a yes asks the clinic to do. "No to the rest"
 * only fills questions still unanswered, so it can never undo a yes.
 */
export function RedFlagScreenForm({ initial = null, onSave, saveLabel = 'Save the screen', disabled = false, lead }: RedFlagScreenFormProps) {
  const defaults = useMemo(() => valuesOf(initial), [initial]);
  const form = useForm<ScreenFormValues, unknown, ScreenEntry>({ resolver, defaultValues: defaults, mode: 'onSubmit' });
  const { register, handleSubmit, setValue, control, formState, setError } = form;
  const answers = useWatch({ control, name: 'answers' });
  const assessed = useWatch({ control, name: 'physicianAssessed' });
  const [problem, setProblem] = useState<string | null>(null);
  const noteId = useId();
  const unanswered = SCREEN_FLAGS.filter((f) => !answers[f]);
  const needsNote = assessed.some((f) => answers[f] === 'yes');
  const errors = formState.errors as FieldErrors<{ answers: Record<string, unknown>; note: unknown }>;

  const onSubmit = handleSubmit(
    async (entry) => {
      setProblem(null);
      try {
        await onSave(entry);
      } catch (e) {
        if (isApiCallError(e) && e.code === 'VALIDATION' && e.fields['entry.note']) setError('note', { type: 'server', message: e.fields['entry.note'] });
        setProblem(messageOf(e));
      }
    },
    () => setProblem(unanswered.length ? `Answer every question yes or no: ${unanswered.length} still ${unanswered.length === 1 ? 'needs' : 'need'} an answer.` : 'Check the answers marked below.'),
  );

  const noToTheRest = (group: RedFlagGroup) => {
    for (const f of GROUP_FLAGS[group]) if (!answers[f]) setValue(`answers.${f}`, 'no', { shouldDirty: true });
  };

  return (
    <form className="rf-screen" onSubmit={onSubmit} noValidate aria-label="Red-flag screen">
      <p className="rf-lead">{lead}</p>
      {problem && <Banner tone="error">{problem}</Banner>}
      {RED_FLAG_GROUPS.map((group) => (
        <fieldset key={group} className={`rf-group rf-group-${group}`} disabled={disabled}>
          <legend>
            <span className="rf-group-title">{GROUP_TITLES[group]}</span>
            <span className="rf-group-action">
              {GROUP_HINTS[group]}
              {GROUP_ACTIONS[group].charAt(0).toLowerCase() + GROUP_ACTIONS[group].slice(1)}
            </span>
          </legend>
          {GROUP_FLAGS[group].map((flag) => {
            const answer = answers[flag];
            const invalid = Boolean(errors.answers?.[flag]);
            return (
              <div key={flag} className={`rf-question${answer === 'yes' ? ' is-yes' : ''}${invalid ? ' is-invalid' : ''}`} role="radiogroup" aria-label={SCREEN_QUESTIONS[flag]} aria-invalid={invalid || undefined} data-flag={flag}>
                <span className="rf-question-text" aria-hidden="true">
                  {SCREEN_QUESTIONS[flag]}
                </span>
                <span className="rf-answers">
                  <label className="rf-answer">
                    <input type="radio" value="yes" {...register(`answers.${flag}`)} />
                    Yes
                  </label>
                  <label className="rf-answer">
                    <input type="radio" value="no" {...register(`answers.${flag}`)} />
                    No
                  </label>
                </span>
                {isSystemicFlag(flag) && answer === 'yes' && (
                  <label className="choice rf-assessed">
                    <input type="checkbox" value={flag} {...register('physicianAssessed')} />
                    <span>Already assessed by the patient’s physician for this back pain</span>
                  </label>
                )}
              </div>
            );
          })}
          {!disabled && GROUP_FLAGS[group].some((f) => !answers[f]) && (
            <button type="button" className="button button-small button-quiet rf-rest" onClick={() => noToTheRest(group)}>
              No to the rest of these
            </button>
          )}
        </fieldset>
      ))}
      <div className={`field rf-note${errors.note ? ' field-invalid' : ''}`}>
        <label htmlFor={noteId}>
          Note{!needsNote && <span className="field-optional"> (optional)</span>}
        </label>
        <textarea id={noteId} rows={2} disabled={disabled} aria-invalid={errors.note ? true : undefined} {...register('note')} />
        <div className="field-hint">{needsNote ? 'Who assessed it and when, e.g. “Dr Nguyen, 2 March: cleared to run”.' : 'Anything the patient said that the next therapist should know.'}</div>
        {typeof errors.note?.message === 'string' && <div className="field-error">{errors.note.message}</div>}
      </div>
      {!disabled && (
        <div className="checkin-actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : saveLabel}
          </button>
          <span className="field-hint">{unanswered.length ? `${unanswered.length} of ${SCREEN_FLAGS.length} questions to answer` : 'Every question answered'}</span>
        </div>
      )}
    </form>
  );
}

