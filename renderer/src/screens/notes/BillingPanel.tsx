import type { BillingSummary } from '../../../../shared/charting/billing-lines';
import type { Diagnosis } from '../../../../shared/charting/episode';
import type { NoteContent } from '../../../../shared/charting/note-content';
import { DISTINCT_SERVICE_MODIFIERS } from '../../../../shared/clinical/billing/modifiers';

interface BillingPanelProps {
  billing: BillingSummary;
  diagnoses: readonly Diagnosis[];
  content: NoteContent;
  onChange: (next: NoteContent) => void;
  disabled: boolean;
}

/**
 * The billing lines the note's rows add up to — computed, never typed — with the sentence behind each
 * figure. The therapist chooses only what the rules leave to judgment: a suggested distinct-service
 * modifier (keep, pick a more specific X, or remove) and which diagnoses each line points to.
 */
export function BillingPanel({ billing, diagnoses, content, onChange, disabled }: BillingPanelProps) {
  const setModifier = (code: string, value: string) => onChange({ ...content, billing: { ...content.billing, modifiers: { ...content.billing.modifiers, [code]: value as NoteContent['billing']['modifiers'][string] } } });
  const togglePointer = (code: string, current: readonly string[], letter: string) => {
    const next = current.includes(letter) ? current.filter((l) => l !== letter) : [...current, letter].sort();
    if (next.length === 0 || next.length > 4) return;
    onChange({ ...content, billing: { ...content.billing, pointers: { ...content.billing.pointers, [code]: next } } });
  };
  const lines = [...billing.lines, ...billing.unbilled];
  return (
    <section className="note-billing" aria-labelledby="note-billing-title">
      <h3 id="note-billing-title">Billing</h3>
      <p className="note-billing-total">{billing.sentence}</p>
      {lines.length === 0 ? <p className="muted">Nothing to bill yet: rows with minutes (and an evaluation's complexity) make the lines.</p> : null}
      <ul className="billing-lines">
        {lines.map((l) => (
          <li key={l.code} className={l.units === 0 ? 'billing-line billing-line-unbilled' : 'billing-line'}>
            <div className="billing-line-head">
              <strong>{l.code}</strong> {l.label}
              <span className="billing-figures">
                {l.timed ? `${l.minutes} min · ` : ''}
                {l.units} unit{l.units === 1 ? '' : 's'} · {l.modifiers.join(' ')}
              </span>
            </div>
            <p className="billing-sentence">{l.sentence}</p>
            {l.suggestion ? (
              <div className="billing-suggestion">
                <p>{l.suggestion.sentence}</p>
                <label>
                  Modifier on {l.code}{' '}
                  <select value={content.billing.modifiers[l.code] ?? l.suggestion.modifier} disabled={disabled} onChange={(e) => setModifier(l.code, e.target.value)}>
                    {DISTINCT_SERVICE_MODIFIERS.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                    <option value="none">None (the services were not distinct)</option>
                  </select>
                </label>
              </div>
            ) : null}
            {l.units > 0 && diagnoses.length ? (
              <fieldset className="billing-pointers" disabled={disabled}>
                <legend>Diagnosis pointer (up to 4)</legend>
                {diagnoses.map((d) => (
                  <label key={d.letter} className="check" title={d.title ?? d.code}>
                    <input type="checkbox" checked={l.pointers.includes(d.letter)} onChange={() => togglePointer(l.code, l.pointers, d.letter)} aria-label={`${l.code} points to ${d.letter}: ${d.code}`} />
                    {d.letter} {d.code}
                  </label>
                ))}
              </fieldset>
            ) : null}
          </li>
        ))}
      </ul>
      {diagnoses.length === 0 && billing.lines.length ? <p className="field-error">The episode has no diagnosis yet: lines have nothing to point to.</p> : null}
    </section>
  );
}
