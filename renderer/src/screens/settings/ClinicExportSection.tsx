import { useState } from 'react';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { Banner } from '../../components/Banner';
import { downloadBase64 } from '../../components/download';

/** Admins: the whole clinic as CSV files in a zip (one per table, a README of the columns); audited. */
export function ClinicExportSection() {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const file = await call('export.clinic', {});
      downloadBase64(file.filename, file.base64, file.contentType);
      setDone(`${file.filename} is in your downloads (${file.summary}). It holds every patient’s data: keep it as safe as a backup.`);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="clinic-export-title" className="clinic-export">
      <div className="section-header">
        <h2 id="clinic-export-title">Export the whole clinic</h2>
        <span className="muted">Every table as a CSV file (UTF-8, one header row), zipped, with a README of the columns. For a spreadsheet or another system; a backup is what restores.</span>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => void run()} disabled={busy}>
          {busy ? 'Exporting…' : 'Export CSV (zip)'}
        </button>
      </div>
      {done && <Banner tone="success">{done}</Banner>}
      {problem && <Banner tone="error">{problem}</Banner>}
    </section>
  );
}
