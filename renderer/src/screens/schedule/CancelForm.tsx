import { useId, useState } from 'react';
import type { ResponseData } from '../../../../shared/api/contract';
import type { Appointment, SeriesScope } from '../../../../shared/domain/schedule';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { Banner } from '../../components/Banner';
import { SeriesScopeFields } from './SeriesScopeDialog';

type Detail = ResponseData<'appointments.get'>;

const CANCEL_REASONS = ['Sick', 'Work conflict', 'Childcare', 'Travel', 'Weather', 'Feeling better'];

/** Cancel with a reason (one tap for the usual ones), for one visit or the rest of a series; the server decides whether it is late. */
export function CancelForm({ appointment, lateCancelHours, onDone, onBack }: { appointment: Detail; lateCancelHours: number; onDone: (cancelled: Appointment[], message: string) => void; onBack: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<SeriesScope>('one');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) {
      setError('Say why the appointment is cancelled');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const r = await call('appointments.cancel', { id: appointment.id, reason: reason.trim(), scope });
      const late = r.cancelled.filter((c) => c.lateCancel).length;
      const n = r.cancelled.length;
      const windowText = `less than ${lateCancelHours} hours before`;
      const message =
        n === 1
          ? `Appointment cancelled — ${late ? `a late cancellation (${windowText}).` : 'not late.'}`
          : `${n} appointments cancelled${late ? ` — ${late} of them late (${windowText})` : ''}.`;
      onDone(r.cancelled, message);
    } catch (e) {
      setProblem(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <form
      className="cancel-form"
      aria-label="Cancel the appointment"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Cancel this appointment</h3>
      {problem && <Banner tone="error">{problem}</Banner>}
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>Reason for cancelling</label>
        <input
          id={id}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <div className="field-hint reason-chips" id={`${id}-hint`}>
          {CANCEL_REASONS.map((r) => (
            <button key={r} type="button" className="chip" onClick={() => setReason(r)}>
              {r}
            </button>
          ))}
        </div>
        {error && (
          <div className="field-error" id={`${id}-error`}>
            {error}
          </div>
        )}
      </div>
      {appointment.seriesId !== null && (
        <fieldset className="form-subsection">
          <legend>Which appointments are cancelled?</legend>
          <SeriesScopeFields value={scope} onChange={setScope} name="cancel-scope" />
        </fieldset>
      )}
      <p className="muted">Cancelling less than {lateCancelHours} hours before the appointment counts as a late cancellation; Runback records it.</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          Keep the appointment
        </button>
        <button type="submit" className="button button-danger" disabled={busy}>
          Cancel appointment
        </button>
      </div>
    </form>
  );
}
