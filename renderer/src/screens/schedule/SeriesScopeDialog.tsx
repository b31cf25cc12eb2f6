import { useState, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { SeriesScope } from '../../../../shared/domain/schedule';
import { Dialog } from '../../components/Dialog';
import './SeriesScopeDialog.css';

export const SCOPE_CHOICES: { value: SeriesScope; label: string; hint: string }[] = [
  { value: 'one', label: 'This appointment only', hint: 'The rest of the series stays as it is.' },
  { value: 'following', label: 'This and following', hint: 'This one and every later one that has not been changed on its own.' },
  { value: 'all', label: 'All in the series', hint: 'Every appointment still to come; past visits keep their history.' },
];

/** The three choices as radio buttons, inside a form (react-hook-form) or on their own. */
export function SeriesScopeFields({ register, value, onChange, name = 'scope' }: { register?: UseFormRegisterReturn; value?: SeriesScope; onChange?: (s: SeriesScope) => void; name?: string }) {
  return (
    <div className="scope-choices">
      {SCOPE_CHOICES.map((c) => (
        <label key={c.value} className="scope-choice">
          <input
            type="radio"
            value={c.value}
            {...(register ?? { name, checked: value === c.value, onChange: () => onChange?.(c.value) })}
          />
          <span>
            <span className="scope-label">{c.label}</span>
            <span className="scope-hint">{c.hint}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

/**
 * Asked when a drag moves (or resizes) an appointment that belongs to a series: which of them
 * should follow? Cancel puts the appointment back where it was.
 */
export function SeriesScopeDialog({
  title,
  description,
  change,
  confirmLabel,
  onChoose,
  onCancel,
}: {
  title: string;
  description: string | null;
  change: ReactNode;
  confirmLabel: string;
  onChoose: (scope: SeriesScope) => void;
  onCancel: () => void;
}) {
  const [scope, setScope] = useState<SeriesScope>('one');
  return (
    <Dialog open onClose={onCancel} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChoose(scope);
        }}
        aria-label={title}
      >
        <div className="dialog-message">
          <p>{change}</p>
          {description && <p className="muted">This appointment repeats: {description}.</p>}
        </div>
        <fieldset className="form-subsection">
          <legend>Which appointments change?</legend>
          <SeriesScopeFields value={scope} onChange={setScope} name="series-scope" />
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" autoFocus data-autofocus>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
