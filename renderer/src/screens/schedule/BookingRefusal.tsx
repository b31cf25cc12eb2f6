import { useEffect, useId, useRef, useState } from 'react';
import { ConflictList } from './ConflictList';

export interface Refused {
  reasons: string[];
  /** A series: how many of its dates fit, of how many. */
  fitting: number | null;
  dates: number | null;
}

interface BookingRefusalProps {
  refused: Refused;
  editing: boolean;
  isAdmin: boolean;
  busy: boolean;
  onOverride: (reason: string) => void;
  onBookFitting: () => void;
}

/**
 * What the server refused, every reason in words, and what can be done next: book the dates of a
 * series that fit (the rest are named), or — an admin only — double-book with a stated reason. It
 * scrolls into view where the person is looking (at the buttons below).
 */
export function BookingRefusal({ refused, editing, isAdmin, busy, onOverride, onBookFitting }: BookingRefusalProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [refused]);

  const canSkip = !editing && refused.fitting !== null && refused.dates !== null && refused.fitting > 0 && refused.fitting < refused.dates;
  const submitOverride = () => {
    if (!reason.trim()) {
      setError('Say why this double-booking is right');
      return;
    }
    setError(null);
    onOverride(reason.trim());
  };

  return (
    <div ref={ref} className="booking-refusal">
      <ConflictList
        title={editing ? 'This change cannot be saved:' : refused.dates && refused.dates > 1 ? `Not booked: ${refused.reasons.length === 1 ? 'one date clashes' : 'some dates clash'}.` : 'This time cannot be booked:'}
        reasons={refused.reasons}
        actions={
          <>
            {canSkip && (
              <button type="button" className="button button-primary" disabled={busy} onClick={onBookFitting}>
                Book the {refused.fitting} that fit
              </button>
            )}
            {isAdmin && !overriding && (
              <button type="button" className="button" onClick={() => setOverriding(true)}>
                Double-book anyway…
              </button>
            )}
          </>
        }
      />
      {canSkip && (
        <p className="muted booking-refusal-note">
          {refused.fitting} of the {refused.dates} dates fit; the ones above are left out and stay listed after booking.
        </p>
      )}
      {isAdmin && overriding && (
        <div className="override">
          <div className={`field${error ? ' field-invalid' : ''}`}>
            <label htmlFor={id}>Reason for double-booking</label>
            <input
              id={id}
              value={reason}
              onChange={(ev) => setReason(ev.target.value)}
              autoFocus
              maxLength={200}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              placeholder="e.g. Short check-in during another patient's exercises"
            />
            {error && (
              <div className="field-error" id={`${id}-error`}>
                {error}
              </div>
            )}
          </div>
          <button type="button" className="button button-danger" onClick={submitOverride} disabled={busy}>
            {editing ? 'Save anyway' : 'Book anyway'}
          </button>
        </div>
      )}
    </div>
  );
}
