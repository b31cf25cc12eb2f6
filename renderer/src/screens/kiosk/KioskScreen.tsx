import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseData } from '../../../../shared/api/contract';
import type { KioskAnswer, KioskAnswers } from '../../../../shared/domain/kiosk';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { AuthBrand } from '../../components/Brand';
import { Banner } from '../../components/Banner';
import { HandBackForm } from './HandBackForm';
import { KioskQuestions } from './KioskQuestions';
import './KioskScreen.css';

type KioskForm = ResponseData<'kiosk.form'>;
type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Text answers are saved once typing pauses; a tap on a number is saved at once. */
const TYPING_PAUSE_MS = 600;

/**
 * "Hand to patient": one questionnaire, full screen, for the patient holding it. Nothing else of the
 * record is here and no navigation: the screen runs on a kiosk session that the server lets reach
 * only this patient's questionnaire. Every answer is saved as it is given; handing the screen back
 * needs a staff member's password.
 */
export function KioskScreen() {
  const [form, setForm] = useState<KioskForm | null>(null);
  const [answers, setAnswers] = useState<KioskAnswers>({});
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [finishing, setFinishing] = useState(false);
  const [handingBack, setHandingBack] = useState(false);
  const latest = useRef<KioskAnswers>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    call('kiosk.form', {})
      .then((loaded) => {
        setForm(loaded);
        setAnswers(loaded.answers);
        latest.current = loaded.answers;
        if (loaded.savedAt) setSaveState('saved');
      })
      .catch((error: unknown) => setProblem(messageOf(error)));
  }, []);

  // Saves run one after another, each with the answers as they stand when it starts.
  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    saving.current = saving.current.then(async () => {
      setSaveState('saving');
      try {
        await call('kiosk.saveAnswers', { answers: latest.current });
        setSaveState('saved');
      } catch (error) {
        setSaveState('failed');
        setProblem(messageOf(error));
      }
    });
    return saving.current;
  }, []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const answer = (key: string, value: KioskAnswer, typed = false) => {
    latest.current = { ...latest.current, [key]: value };
    setAnswers(latest.current);
    setFieldErrors((e) => {
      const { [`answers.${key}`]: _gone, ...rest } = e;
      return rest;
    });
    if (timer.current) clearTimeout(timer.current);
    if (typed) timer.current = setTimeout(() => void save(), TYPING_PAUSE_MS);
    else void save();
  };

  const finish = async () => {
    setFinishing(true);
    setProblem(null);
    try {
      await save();
      await call('kiosk.finish', { answers: latest.current });
      setForm((f) => f && { ...f, finished: true });
    } catch (error) {
      setProblem(messageOf(error));
      const fields = (error as { fields?: Record<string, string> }).fields ?? {};
      setFieldErrors(fields);
      const first = Object.keys(fields)[0];
      if (first) document.querySelector<HTMLElement>(`[data-item="${first.replace(/^answers\./, '')}"] input`)?.focus();
    } finally {
      setFinishing(false);
    }
  };

  return (
    <div className="kiosk-screen">
      <div className="kiosk-header">
        <AuthBrand />
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={() => setHandingBack(true)} aria-expanded={handingBack}>
          Staff: take the screen back
        </button>
      </div>
      {handingBack && form && <HandBackForm handedBy={form.handedBy} handedByUsername={form.handedByUsername} onCancel={() => setHandingBack(false)} beforeHandBack={save} />}
      <main className="kiosk-main card" aria-labelledby="kiosk-title">
        {problem && <Banner tone="error">{problem}</Banner>}
        {!form ? (
          !problem && (
            <div className="loading-block" role="status">
              <span className="spinner" aria-hidden="true" /> Opening the questionnaire…
            </div>
          )
        ) : form.finished ? (
          <div className="kiosk-done">
            <h1 id="kiosk-title">Thank you, {form.firstName}</h1>
            <p>Your answers are saved. Please hand the screen back to {form.handedBy}.</p>
          </div>
        ) : (
          <>
            <h1 id="kiosk-title">Hello {form.firstName} — a few questions from {form.clinicName}</h1>
            <KioskQuestions instrument={form.instrument} answers={answers} errors={fieldErrors} onAnswer={answer} />
            <div className="kiosk-actions">
              <span className="kiosk-saved" role="status" aria-live="polite">
                {saveState === 'saving' ? 'Saving…' : saveState === 'saved' ? 'Your answers are saved' : saveState === 'failed' ? 'Not saved — try again' : ''}
              </span>
              <span className="spacer" />
              <button type="button" className="button button-primary kiosk-finish" onClick={() => void finish()} disabled={finishing}>
                {finishing ? 'Finishing…' : 'I have finished'}
              </button>
            </div>
          </>
        )}
      </main>
    </div>
  );
}
