import { useId, useState } from 'react';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat } from '../../../../shared/api/exports';
import type { Patient } from '../../../../shared/domain/patient';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { downloadBase64 } from '../../components/download';
import { patientDisplayName } from './patientFormat';

/** "Export": the patient's record as a FHIR R4 bundle (for another clinic's system) or CSV files; audited. */
export function ExportDialog({ patient, onClose }: { patient: Patient; onClose: () => void }) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('fhir');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const make = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const file = await call('export.patient', { patientId: patient.id, format });
      downloadBase64(file.filename, file.base64, file.contentType);
      setDone(`${file.filename} is in your downloads (${file.summary}). It holds patient data: keep it as safe as the chart.`);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} title={`Export ${patientDisplayName(patient)}’s record`}>
      <form
        aria-label="Export the record"
        onSubmit={(e) => {
          e.preventDefault();
          void make();
        }}
      >
        {problem && <Banner tone="error">{problem}</Banner>}
        {done && <Banner tone="success">{done}</Banner>}
        <fieldset className="choice-group field">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((f) => (
            <label className="choice" key={f}>
              <input type="radio" name={`${id}-format`} checked={format === f} onChange={() => setFormat(f)} /> {EXPORT_FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <p className="muted">Signed notes go in as PDFs; drafts are left out. The export is recorded in the audit log.</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-autofocus>
            {busy ? 'Exporting…' : 'Download export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
