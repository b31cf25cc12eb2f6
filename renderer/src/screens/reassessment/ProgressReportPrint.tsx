import { useState } from 'react';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { Banner } from '../../components/Banner';
import { downloadPdf } from '../../components/download';

/**
 * Print the progress report to the patient or to the episode's referring physician. Before printing
 * it says when the episode names no physician (the choice is then unavailable, with the reason), and
 * when the physician has no address on the episode (the letter would go without one).
 */
export function ProgressReportPrint({ patientId }: { patientId: number }) {
  const episodes = useQuery('episodes.list', { patientId });
  const episode = episodes.data?.episodes[0];
  const physician = episode?.referral.type === 'physician' ? episode.referral.physicianName : null;
  const [to, setTo] = useState<'patient' | 'physician'>('patient');
  const [paper, setPaper] = useState<'letter' | 'a4'>('letter');
  const [printing, setPrinting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const print = async () => {
    setPrinting(true);
    setError(null);
    try {
      const r = await call('reassessments.progressReportPdf', { patientId, addressee: to, paper });
      downloadPdf(r.filename, r.pdfBase64);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPrinting(false);
    }
  };
  const noPhysician = episodes.data ? (episode ? 'the episode names no referring physician' : 'no episode of care yet') : null;
  return (
    <div className="progress-report-print">
      <label>
        Progress report to{' '}
        <select value={to} onChange={(e) => setTo(e.target.value as 'patient' | 'physician')} aria-describedby={physician ? undefined : 'no-physician'}>
          <option value="patient">the patient</option>
          <option value="physician" disabled={!physician}>
            {physician ? `the referring physician (${physician})` : 'the referring physician'}
          </option>
        </select>
      </label>
      <label>
        Paper{' '}
        <select value={paper} onChange={(e) => setPaper(e.target.value as 'letter' | 'a4')}>
          <option value="letter">Letter</option>
          <option value="a4">A4</option>
        </select>
      </label>
      <button type="button" className="button" onClick={() => void print()} disabled={printing}>
        {printing ? 'Preparing…' : 'Print progress report'}
      </button>
      {!physician && noPhysician && (
        <span id="no-physician" className="field-hint">
          Not to a physician: {noPhysician}.
        </span>
      )}
      {to === 'physician' && physician && episode && !episode.referral.physicianAddress && (
        <span className="field-hint">The episode has no address for {physician}: the letter prints without one (add it under Notes → Edit episode).</span>
      )}
      {error && <Banner tone="error">{error}</Banner>}
    </div>
  );
}
