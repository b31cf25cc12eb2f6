import { useState } from 'react';
import type { Episode } from '../../../../shared/charting/episode';
import type { DischargeReason } from '../../../../shared/charting/vocab';
import { DischargeReasonOptions } from './noteOptions';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinicToday } from '../../app/clinic';
import { FormDialog } from '../../components/FormDialog';
import { NoteDateField } from './NoteDateField';

/**
 * Discharge an episode without a final visit (the patient stopped coming, moved away). With a final
 * visit, signing a discharge-summary note does this itself.
 */
export function DischargeEpisode({ episode, onDone }: { episode: Episode; onDone: () => void }) {
  const today = useClinicToday();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState<DischargeReason | ''>('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await call('episodes.discharge', { id: episode.id, discharge: { date, reason: reason as DischargeReason, summary } });
      setOpen(false);
      onDone();
    } catch (e) {
      setProblem(messageOf(e));
      if (isApiCallError(e)) setErrors(e.fields);
    } finally {
      setBusy(false);
    }
  };
  const dirty = reason !== '' || summary.trim() !== '' || date !== today;
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Discharge without a visit…
      </button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Discharge the episode"
        className="discharge-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        submitLabel={busy ? 'Discharging…' : 'Discharge'}
        submitting={busy}
        dirty={dirty}
        problem={problem}
        discard={{ title: 'Close without discharging?', message: 'The discharge reason and summary you typed will be lost.' }}
      >
        <NoteDateField label="Discharge date" required value={date} error={errors['discharge.date']} onChange={setDate} />
        <label className={`note-field${errors['discharge.reason'] ? ' note-field-invalid' : ''}`}>
          <span className="note-field-label">Reason</span>
          <select value={reason} onChange={(e) => setReason(e.target.value as DischargeReason | '')}>
            <DischargeReasonOptions />
          </select>
          {errors['discharge.reason'] ? <span className="field-error">{errors['discharge.reason']}</span> : null}
        </label>
        <label className={`note-field${errors['discharge.summary'] ? ' note-field-invalid' : ''}`}>
          <span className="note-field-label">Summary</span>
          <textarea rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
          {errors['discharge.summary'] ? <span className="field-error">{errors['discharge.summary']}</span> : null}
        </label>
      </FormDialog>
    </>
  );
}
