import { useState } from 'react';
import { formatClockTime, parseClockTime } from '../../../../shared/schedule/clinic-time';
import { isIsoDate } from '../../../../shared/util/dates';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { DateInput, TimeInput } from '../../components/ClinicInputs';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import type { ScheduleSettings } from './bookingForm';
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
  const { locale, format } = useClinic();
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
    if (!isIsoDate(date)) next.date = date.trim() ? `Type the date as ${format.typedDatePattern}` : 'Choose a date';
    const s = parseClockTime(start);
    const e = parseClockTime(end);
    if (s === null) next.start = `Type the start like ${format.typedTimeExample}`;
    if (e === null) next.end = `Type the end like ${format.typedTimeExample}`;
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

  const dirty = reason.trim() !== '' || date !== draft.date || start !== formatClockTime(draft.start) || therapistId !== (draft.therapistId === null ? '' : String(draft.therapistId));

  return (
    <FormDialog
      open
      title="Block out time"
      onClose={onClose}
      onSubmit={(ev) => {
        ev.preventDefault();
        void submit();
      }}
      submitLabel="Block time"
      submitting={busy}
      dirty={dirty}
      problem={problem}
    >
      <div className="form-grid">
        <Field label="For" className="span-3">
          <select value={therapistId} onChange={(e) => setTherapistId(e.target.value)}>
            <option value="">The whole clinic</option>
            {settings.therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Date" error={errors.date} className="span-3">
          <DateInput value={date} onChange={setDate} />
        </Field>
        <Field label="From" error={errors.start} className="span-3">
          <TimeInput value={start} onChange={setStart} />
        </Field>
        <Field label="Until" error={errors.end} className="span-3">
          <TimeInput value={end} onChange={setEnd} />
        </Field>
        <Field
          label="Reason"
          error={errors.reason}
          className="span-6"
          hint={
            <span className="reason-chips">
              {REASONS.map((r) => (
                <button key={r} type="button" className="chip" onClick={() => setReason(r)}>
                  {r}
                </button>
              ))}
            </span>
          }
        >
          <input value={reason} maxLength={120} onChange={(e) => setReason(e.target.value)} data-autofocus />
        </Field>
      </div>
      <p className="muted">Appointments already booked in this time stay; new bookings there are refused.</p>
    </FormDialog>
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
