import { useId, useState } from 'react';
import { formatClockTime, parseClockTime } from '../../../../shared/schedule/clinic-time';
import { isIsoDate } from '../../../../shared/util/dates';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import type { ScheduleSettings } from './BookingDialog';
import { formatDay, formatMinuteRange } from './scheduleFormat';
import type { BlockoutSpan } from './scheduleModel';

export interface BlockoutDraft {
  therapistId: number | null;
  date: string;
  start: number;
  end: number;
}

const REASONS = ['Lunch', 'Meeting', 'Admin time', 'Leave', 'Training'];

/** Block out time for one therapist or the whole clinic (lunch, a meeting, leave). */
export function NewBlockoutDialog({ draft, settings, onClose, onSaved }: { draft: BlockoutDraft; settings: ScheduleSettings; onClose: () => void; onSaved: (message: string, date: string) => void }) {
  const { locale } = useClinic();
  const id = useId();
  const [therapistId, setTherapistId] = useState(draft.therapistId === null ? '' : String(draft.therapistId));
  const [date, setDate] = useState(draft.date);
  const [start, setStart] = useState(formatClockTime(draft.start));
  const [end, setEnd] = useState(formatClockTime(Math.min(draft.end, 23 * 60 + 59)));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const next: Record<string, string> = {};
    if (!isIsoDate(date)) next.date = 'Choose a date';
    const s = parseClockTime(start);
    const e = parseClockTime(end);
    if (s === null) next.start = 'Start must be a time';
    if (e === null) next.end = 'End must be a time';
    else if (s !== null && e <= s) next.end = 'End must be after start';
    if (!reason.trim()) next.reason = 'Say what the time is blocked for';
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('blockouts.create', { therapistId: therapistId ? Number(therapistId) : null, date, start, end, reason: reason.trim() });
      const who = therapistId ? settings.therapists.find((t) => String(t.id) === therapistId)?.displayName : 'the whole clinic';
      onSaved(`Blocked ${formatDay(date, locale, 'short')}, ${formatMinuteRange(s!, e!, locale)} for ${who}: ${reason.trim()}.`, date);
      onClose();
    } catch (err) {
      if (isApiCallError(err)) setErrors(err.fields);
      setProblem(messageOf(err));
      setBusy(false);
    }
  };

  const field = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  const message = (name: string) =>
    errors[name] ? (
      <div className="field-error" id={`${id}-${name}-error`}>
        {errors[name]}
      </div>
    ) : null;

  return (
    <Dialog open onClose={onClose} title="Block out time" size="wide">
      <form
        aria-label="Block out time"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          void submit();
        }}
      >
        {problem && <Banner tone="error">{problem}</Banner>}
        <div className="form-grid">
          <div className="field span-3">
            <label htmlFor={`${id}-who`}>For</label>
            <select id={`${id}-who`} value={therapistId} onChange={(e) => setTherapistId(e.target.value)}>
              <option value="">The whole clinic</option>
              {settings.therapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className={`field span-3${errors.date ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-date`}>Date</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} {...field('date')} />
            {message('date')}
          </div>
          <div className={`field span-3${errors.start ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-start`}>From</label>
            <input id={`${id}-start`} type="time" step={300} value={start} onChange={(e) => setStart(e.target.value)} {...field('start')} />
            {message('start')}
          </div>
          <div className={`field span-3${errors.end ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-end`}>Until</label>
            <input id={`${id}-end`} type="time" step={300} value={end} onChange={(e) => setEnd(e.target.value)} {...field('end')} />
            {message('end')}
          </div>
          <div className={`field span-6${errors.reason ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-reason`}>Reason</label>
            <input id={`${id}-reason`} value={reason} maxLength={120} onChange={(e) => setReason(e.target.value)} autoFocus data-autofocus {...field('reason')} />
            <div className="field-hint reason-chips">
              {REASONS.map((r) => (
                <button key={r} type="button" className="chip" onClick={() => setReason(r)}>
                  {r}
                </button>
              ))}
            </div>
            {message('reason')}
          </div>
        </div>
        <p className="muted">Appointments already booked in this time stay; new bookings there are refused.</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Block time
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A blockout's details, and "Remove" for the front desk and admins. */
export function BlockoutDetailsDialog({
  blockout,
  date,
  therapistName,
  onClose,
  onRemoved,
}: {
  blockout: BlockoutSpan;
  date: string;
  therapistName: string | null;
  onClose: () => void;
  onRemoved: (message: string) => void;
}) {
  const { locale } = useClinic();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await call('blockouts.remove', { id: blockout.id });
      onRemoved(`Removed the blockout “${blockout.reason}”.`);
      onClose();
    } catch (e) {
      setProblem(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} title={`Blocked: ${blockout.reason}`}>
      {problem && <Banner tone="error">{problem}</Banner>}
      <dl className="facts">
        <div className="facts-row">
          <dt>When</dt>
          <dd>
            {formatDay(date, locale, 'long')}
            <br />
            {blockout.start === 0 && blockout.end >= 1439 ? 'All day' : formatMinuteRange(blockout.start, blockout.end, locale)}
          </dd>
        </div>
        <div className="facts-row">
          <dt>For</dt>
          <dd>{therapistName ?? 'The whole clinic'}</dd>
        </div>
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus data-autofocus>
          Close
        </button>
        <button type="button" className="button button-danger" onClick={() => void remove()} disabled={busy}>
          Remove blockout
        </button>
      </div>
    </Dialog>
  );
}
