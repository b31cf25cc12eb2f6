import { ODI_SECTIONS } from '../../../../shared/clinical/outcomes/odi';
import { RMDQ_ITEMS } from '../../../../shared/clinical/outcomes/rolandMorris';
import { BOTHERSOMENESS } from '../../../../shared/clinical/outcomes/startBack';
import { PSFS_SLOTS, START_BACK_AGREE_ITEMS, type KioskAnswer, type KioskAnswers } from '../../../../shared/domain/kiosk';
import type { Instrument } from '../../../../shared/domain/reassessments';
import { INSTRUMENT_NAMES } from '../../../../shared/domain/reassessments';
import { BOTHER_WORDS, ODI_TITLES, START_BACK_TITLES } from '../reassessment/instrumentLabels';
import { LABELS_NOTE, NPRS_QUESTION, ODI_INSTRUCTIONS, PSFS_INSTRUCTIONS, RMDQ_INSTRUCTIONS, START_BACK_INSTRUCTIONS } from './kioskWording';

interface Props {
  instrument: Instrument;
  answers: KioskAnswers;
  errors: Record<string, string>;
  onAnswer: (key: string, value: KioskAnswer, typed?: boolean) => void;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** One question answered by choosing one of a row of large buttons (radio inputs underneath). */
function Choice({ name, legend, options, value, error, onChange }: { name: string; legend: string; options: { value: KioskAnswer; label: string }[]; value: KioskAnswer | undefined; error?: string | undefined; onChange: (v: KioskAnswer) => void }) {
  return (
    <fieldset className={`kiosk-question${error ? ' field-invalid' : ''}`} data-item={name}>
      <legend>{legend}</legend>
      <div className="kiosk-choices">
        {options.map((o) => (
          <label key={String(o.value)} className={`kiosk-choice${value === o.value ? ' chosen' : ''}`}>
            <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && <div className="field-error">{error}</div>}
    </fieldset>
  );
}

const scale = (from: number, to: number) => range(from, to).map((n) => ({ value: n, label: String(n) }));

export function KioskQuestions({ instrument, answers, errors, onAnswer }: Props) {
  const err = (key: string) => errors[`answers.${key}`];
  return (
    <section className="kiosk-questions" aria-label={INSTRUMENT_NAMES[instrument]}>
      <h2>{INSTRUMENT_NAMES[instrument]}</h2>
      {instrument === 'nprs' && <Choice name="score" legend={NPRS_QUESTION} options={scale(0, 10)} value={answers.score} error={err('score')} onChange={(v) => onAnswer('score', v)} />}
      {instrument === 'psfs' && (
        <>
          <p className="kiosk-instructions">{PSFS_INSTRUCTIONS}</p>
          {range(1, PSFS_SLOTS).map((i) => (
            <div key={i} className="kiosk-psfs">
              <div className={`field${err(`activity${i}`) ? ' field-invalid' : ''}`} data-item={`activity${i}`}>
                <label htmlFor={`kiosk-activity${i}`}>
                  Activity {i}
                  {i > 1 && <span className="field-optional"> (optional)</span>}
                </label>
                <input id={`kiosk-activity${i}`} value={typeof answers[`activity${i}`] === 'string' ? (answers[`activity${i}`] as string) : ''} maxLength={120} autoComplete="off" onChange={(e) => onAnswer(`activity${i}`, e.target.value, true)} onBlur={(e) => onAnswer(`activity${i}`, e.target.value)} />
                {err(`activity${i}`) && <div className="field-error">{err(`activity${i}`)}</div>}
              </div>
              <Choice name={`score${i}`} legend={`How well can you do activity ${i} today? (0 = unable, 10 = as before your problem)`} options={scale(0, 10)} value={answers[`score${i}`]} error={err(`score${i}`)} onChange={(v) => onAnswer(`score${i}`, v)} />
            </div>
          ))}
        </>
      )}
      {(instrument === 'odi' || instrument === 'modified-odi') && (
        <>
          <p className="kiosk-instructions">
            {ODI_INSTRUCTIONS} {LABELS_NOTE}
          </p>
          {ODI_SECTIONS[instrument].map((key, i) => (
            <Choice key={key} name={key} legend={`Section ${i + 1}: ${ODI_TITLES[key] ?? key}`} options={[...scale(0, 5), { value: 'not-applicable', label: 'Does not apply' }]} value={answers[key]} error={err(key)} onChange={(v) => onAnswer(key, v)} />
          ))}
        </>
      )}
      {instrument === 'rmdq' && (
        <fieldset className="kiosk-question" data-item="item1">
          <legend>
            {RMDQ_INSTRUCTIONS} {LABELS_NOTE}
          </legend>
          <div className="kiosk-ticks">
            {range(1, RMDQ_ITEMS).map((i) => (
              <label key={i} className={`kiosk-choice${answers[`item${i}`] === true ? ' chosen' : ''}`}>
                <input type="checkbox" checked={answers[`item${i}`] === true} onChange={(e) => onAnswer(`item${i}`, e.target.checked)} />
                <span>Statement {i}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {instrument === 'start-back' && (
        <>
          <p className="kiosk-instructions">
            {START_BACK_INSTRUCTIONS} {LABELS_NOTE}
          </p>
          {range(1, START_BACK_AGREE_ITEMS).map((i) => (
            <Choice
              key={i}
              name={`item${i}`}
              legend={`${i}. ${START_BACK_TITLES[i - 1]}`}
              options={[
                { value: false, label: 'Disagree' },
                { value: true, label: 'Agree' },
              ]}
              value={answers[`item${i}`]}
              error={err(`item${i}`)}
              onChange={(v) => onAnswer(`item${i}`, v)}
            />
          ))}
          <Choice name="bother" legend="9. Overall, how bothersome has your back pain been in the last two weeks?" options={BOTHERSOMENESS.map((b) => ({ value: b, label: BOTHER_WORDS[b] }))} value={answers.bother} error={err('bother')} onChange={(v) => onAnswer('bother', v)} />
        </>
      )}
    </section>
  );
}
