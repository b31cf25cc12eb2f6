import { useState } from 'react';
import { WAITLIST_PRIORITIES, type WaitlistEntry } from '../../../../shared/domain/schedule';
import { parseClockTime } from '../../../../shared/schedule/clinic-time';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic } from '../../app/clinic';
import { TimeInput } from '../../components/ClinicInputs';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import type { ScheduleSettings } from './bookingForm';
import { PatientPicker, type PickedPatient } from './PatientPicker';

/** A patient who wants an earlier or another time: which days, hours, therapist and type suit, and how urgent. */
export function AddToWaitlistDialog({ settings, onClose, onAdded }: { settings: ScheduleSettings; onClose: () => void; onAdded: (message: string) => void }) {
  const { format } = useClinic();
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
  const days = format.weekdays('short');
  const longNames = format.weekdays('long');
  const dirty = patient !== null || therapistId !== '' || typeId !== '' || weekdays.length > 0 || from !== '' || to !== '' || note.trim() !== '';

  const submit = async () => {
    const next: Record<string, string> = {};
    if (!patient) next.patient = 'Choose a patient';
    const fromMinute = from ? parseClockTime(from) : null;
    const toMinute = to ? parseClockTime(to) : null;
    if (from && fromMinute === null) next.from = `Type the time like ${format.typedTimeExample}`;
    if (to && toMinute === null) next.to = `Type the time like ${format.typedTimeExample}`;
    else if (fromMinute !== null && toMinute !== null && toMinute <= fromMinute) next.to = 'Latest time must be after earliest time';
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
    <FormDialog
      open
      title="Add to the waitlist"
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      submitLabel="Add to waitlist"
      submitting={busy}
      dirty={dirty}
      problem={problem}
    >
      <div className="form-grid">
        <div className="span-6">
          <PatientPicker label="Patient" value={patient} onChange={setPatient} error={errors.patient} autoFocus />
        </div>
        <Field label="Preferred therapist" className="span-3">
          <select value={therapistId} onChange={(e) => setTherapistId(e.target.value)}>
            <option value="">Any therapist</option>
            {settings.therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Appointment type" className="span-3">
          <select value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            <option value="">Any type</option>
            {settings.appointmentTypes
              .filter((t) => t.active)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
        </Field>
        <fieldset className="choice-group weekday-choices span-6">
          <legend>Days that suit (none = any day)</legend>
          {days.map((d, i) => (
            <label key={d.iso} className="choice weekday-choice">
              <input
                type="checkbox"
                aria-label={longNames[i]!.name}
                checked={weekdays.includes(d.iso)}
                onChange={(e) => setWeekdays((w) => (e.target.checked ? [...w, d.iso].sort() : w.filter((x) => x !== d.iso)))}
              />
              <span aria-hidden="true">{d.name}</span>
            </label>
          ))}
        </fieldset>
        <Field label="Earliest time" optional error={errors.from} className="span-2">
          <TimeInput value={from} onChange={setFrom} />
        </Field>
        <Field label="Latest time" optional error={errors.to} className="span-2">
          <TimeInput value={to} onChange={setTo} />
        </Field>
        <Field label="Priority" className="span-2">
          <select value={priority} onChange={(e) => setPriority(e.target.value)}>
            {Object.entries(WAITLIST_PRIORITIES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Note" optional className="span-6">
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Can come at short notice, text first" />
        </Field>
      </div>
    </FormDialog>
  );
}

/** Off the waitlist, with the reason (the entry stays in the record). */
export function RemoveFromWaitlistDialog({ entry, onClose, onRemoved }: { entry: WaitlistEntry; onClose: () => void; onRemoved: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
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
      setProblem(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <FormDialog
      open
      size="narrow"
      title={`Remove ${entry.patientName} from the waitlist?`}
      formLabel="Remove from the waitlist"
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      submitLabel="Remove"
      submitDanger
      cancelLabel="Keep on waitlist"
      submitting={busy}
      dirty={reason.trim() !== ''}
      problem={problem}
    >
      <Field label="Reason" error={error ?? undefined}>
        <input value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus maxLength={200} placeholder="e.g. Booked by phone, no longer needed" />
      </Field>
      <p className="muted">The entry is kept in the record with this reason.</p>
    </FormDialog>
  );
}
