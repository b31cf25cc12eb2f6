import { useId, useState } from 'react';
import { WAITLIST_PRIORITIES, type WaitlistEntry } from '../../../../shared/domain/schedule';
import { parseClockTime } from '../../../../shared/schedule/clinic-time';
import { formatInstantDate } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic } from '../../app/clinic';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import type { ScheduleSettings } from './BookingDialog';
import { PatientPicker, type PickedPatient } from './PatientPicker';
import { describeWaitlistWishes, weekdayNames } from './scheduleFormat';

const PRIORITY_TONE: Record<number, string> = { 1: 'badge-warning', 2: 'badge-info', 3: '' };

function daysSince(iso: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));
}

interface PanelProps {
  entries: WaitlistEntry[] | undefined;
  error: string | null;
  settings: ScheduleSettings;
  canEdit: boolean;
  onChanged: (message: string) => void;
  /** Open the booking dialog for this entry's patient, with their wishes. */
  onBook: (e: WaitlistEntry) => void;
  onClose: () => void;
}

/** The waitlist beside the grid: who is waiting, for what, since when; add, book or remove (with a reason). */
export function WaitlistPanel({ entries, error, settings, canEdit, onChanged, onBook, onClose }: PanelProps) {
  const { locale, timeZone } = useClinic();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<WaitlistEntry | null>(null);
  const typeName = (id: number | null) => settings.appointmentTypes.find((t) => t.id === id)?.name ?? null;
  return (
    <aside className="waitlist-panel" aria-labelledby="waitlist-title">
      <header className="waitlist-head">
        <h2 id="waitlist-title">Waitlist</h2>
        <span className="muted">{entries ? `${entries.length} waiting` : ''}</span>
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label="Close the waitlist" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {canEdit && (
        <button type="button" className="button button-small waitlist-add" onClick={() => setAdding(true)}>
          <span aria-hidden="true">+</span> Add to waitlist
        </button>
      )}
      {error && <Banner tone="error">{error}</Banner>}
      {entries && entries.length === 0 && <p className="muted waitlist-empty">Nobody is waiting. When a patient wants an earlier or a different time, add them here — cancellations will suggest them.</p>}
      <ul className="waitlist-list">
        {entries?.map((e) => (
          <li key={e.id} className="waitlist-entry" data-testid={`waitlist-entry-${e.id}`}>
            <div className="waitlist-entry-top">
              <a href={`#${paths.patient(e.patientId)}`} className="waitlist-name">
                {e.patientName}
              </a>
              <span className={`badge ${PRIORITY_TONE[e.priority] ?? ''}`}>{WAITLIST_PRIORITIES[e.priority as 1 | 2 | 3] ?? 'Normal'}</span>
            </div>
            <div className="waitlist-wishes">{describeWaitlistWishes(e, locale, typeName(e.typeId))}</div>
            <div className="waitlist-since muted">
              Waiting since {formatInstantDate(e.createdAt, timeZone, locale)} ({daysSince(e.createdAt) === 0 ? 'today' : `${daysSince(e.createdAt)} day${daysSince(e.createdAt) === 1 ? '' : 's'}`})
              {e.patientPhone ? ` · ${e.patientPhone}` : ''}
            </div>
            {e.note && <div className="waitlist-note">“{e.note}”</div>}
            {canEdit && (
              <div className="waitlist-actions">
                <button type="button" className="button button-small" onClick={() => onBook(e)}>
                  Book…<span className="visually-hidden"> {e.patientName}</span>
                </button>
                <button type="button" className="button button-small button-quiet" onClick={() => setRemoving(e)}>
                  Remove<span className="visually-hidden"> {e.patientName} from the waitlist</span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {adding && <AddToWaitlistDialog settings={settings} onClose={() => setAdding(false)} onAdded={(m) => onChanged(m)} />}
      {removing && <RemoveFromWaitlistDialog entry={removing} onClose={() => setRemoving(null)} onRemoved={(m) => onChanged(m)} />}
    </aside>
  );
}

function AddToWaitlistDialog({ settings, onClose, onAdded }: { settings: ScheduleSettings; onClose: () => void; onAdded: (message: string) => void }) {
  const { locale } = useClinic();
  const id = useId();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [therapistId, setTherapistId] = useState('');
  const [typeId, setTypeId] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [priority, setPriority] = useState('2');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = weekdayNames(locale, 'short');
  const longNames = weekdayNames(locale, 'long');

  const submit = async () => {
    const next: Record<string, string> = {};
    if (!patient) next.patient = 'Choose a patient';
    const fromMinute = from ? parseClockTime(from) : null;
    const toMinute = to ? parseClockTime(to) : null;
    if (fromMinute !== null && toMinute !== null && toMinute <= fromMinute) next.to = 'Latest time must be after earliest time';
    setErrors(next);
    if (Object.keys(next).length || !patient) return;
    setBusy(true);
    setProblem(null);
    try {
      const entry = await call('waitlist.add', {
        patientId: patient.id,
        therapistId: therapistId ? Number(therapistId) : null,
        typeId: typeId ? Number(typeId) : null,
        weekdays,
        from: from || null,
        to: to || null,
        priority: Number(priority),
        note: note.trim() || null,
      });
      onAdded(`${entry.patientName} is on the waitlist.`);
      onClose();
    } catch (e) {
      if (isApiCallError(e) && Object.keys(e.fields).length) {
        setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k === 'patientId' ? 'patient' : k, v])));
      }
      setProblem(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} title="Add to the waitlist" size="wide">
      <form
        aria-label="Add to the waitlist"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {problem && <Banner tone="error">{problem}</Banner>}
        <div className="form-grid">
          <div className="span-6">
            <PatientPicker label="Patient" value={patient} onChange={setPatient} error={errors.patient} autoFocus />
          </div>
          <div className="field span-3">
            <label htmlFor={`${id}-t`}>Preferred therapist</label>
            <select id={`${id}-t`} value={therapistId} onChange={(e) => setTherapistId(e.target.value)}>
              <option value="">Any therapist</option>
              {settings.therapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field span-3">
            <label htmlFor={`${id}-type`}>Appointment type</label>
            <select id={`${id}-type`} value={typeId} onChange={(e) => setTypeId(e.target.value)}>
              <option value="">Any type</option>
              {settings.appointmentTypes
                .filter((t) => t.active)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
            </select>
          </div>
          <fieldset className="choice-group weekday-choices span-6">
            <legend>Days that suit (none = any day)</legend>
            {names.map((n, i) => (
              <label key={n} className="choice weekday-choice">
                <input
                  type="checkbox"
                  aria-label={longNames[i]}
                  checked={weekdays.includes(i + 1)}
                  onChange={(e) => setWeekdays((w) => (e.target.checked ? [...w, i + 1].sort() : w.filter((d) => d !== i + 1)))}
                />
                <span aria-hidden="true">{n}</span>
              </label>
            ))}
          </fieldset>
          <div className="field span-2">
            <label htmlFor={`${id}-from`}>
              Earliest time <span className="field-optional">(optional)</span>
            </label>
            <input id={`${id}-from`} type="time" step={900} value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className={`field span-2${errors.to ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-to`}>
              Latest time <span className="field-optional">(optional)</span>
            </label>
            <input id={`${id}-to`} type="time" step={900} value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={errors.to ? true : undefined} aria-describedby={errors.to ? `${id}-to-error` : undefined} />
            {errors.to && (
              <div className="field-error" id={`${id}-to-error`}>
                {errors.to}
              </div>
            )}
          </div>
          <div className="field span-2">
            <label htmlFor={`${id}-p`}>Priority</label>
            <select id={`${id}-p`} value={priority} onChange={(e) => setPriority(e.target.value)}>
              {Object.entries(WAITLIST_PRIORITIES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field span-6">
            <label htmlFor={`${id}-note`}>
              Note <span className="field-optional">(optional)</span>
            </label>
            <input id={`${id}-note`} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Can come at short notice, text first" />
          </div>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Add to waitlist
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveFromWaitlistDialog({ entry, onClose, onRemoved }: { entry: WaitlistEntry; onClose: () => void; onRemoved: (message: string) => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) {
      setError('Say why');
      return;
    }
    setBusy(true);
    try {
      await call('waitlist.remove', { id: entry.id, reason: reason.trim() });
      onRemoved(`${entry.patientName} is off the waitlist.`);
      onClose();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} title={`Remove ${entry.patientName} from the waitlist?`}>
      <form
        aria-label="Remove from the waitlist"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={id}>Reason</label>
          <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus data-autofocus maxLength={200} placeholder="e.g. Booked by phone, no longer needed" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
          {error && (
            <div className="field-error" id={`${id}-error`}>
              {error}
            </div>
          )}
        </div>
        <p className="muted">The entry is kept in the record with this reason.</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Keep on waitlist
          </button>
          <button type="submit" className="button button-danger" disabled={busy}>
            Remove
          </button>
        </div>
      </form>
    </Dialog>
  );
}
