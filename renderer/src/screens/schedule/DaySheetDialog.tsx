import { useId, useState } from 'react';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinic } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { defaultPaper, PaperChoice } from '../../components/PaperChoice';
import { downloadPdf } from '../../components/download';
import type { ScheduleSettings } from './bookingForm';
import { formatDay } from './scheduleFormat';


/** "Print day sheet": one therapist or all, Letter or A4 → a PDF to print. */
export function DaySheetDialog({
  date,
  settings,
  therapistId,
  lockedTherapistId,
  onClose,
}: {
  date: string;
  settings: ScheduleSettings;
  therapistId: number | null;
  /** A therapist prints their own sheet only. */
  lockedTherapistId: number | null;
  onClose: () => void;
}) {
  const { locale } = useClinic();
  const id = useId();
  const [who, setWho] = useState(String(lockedTherapistId ?? therapistId ?? ''));
  const [paper, setPaper] = useState<'letter' | 'a4'>(defaultPaper(locale));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const make = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await call('schedule.daySheet', { date, therapistId: who ? Number(who) : null, paper });
      downloadPdf(r.filename, r.pdfBase64);
      setDone(`${r.filename} is in your downloads: open it to print.`);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} title={`Day sheet for ${formatDay(date, locale, 'medium')}`}>
      <form
        aria-label="Print day sheet"
        onSubmit={(e) => {
          e.preventDefault();
          void make();
        }}
      >
        {problem && <Banner tone="error">{problem}</Banner>}
        {done && <Banner tone="success">{done}</Banner>}
        <div className="field">
          <label htmlFor={`${id}-who`}>Therapist</label>
          <select id={`${id}-who`} value={who} onChange={(e) => setWho(e.target.value)} disabled={lockedTherapistId !== null}>
            {lockedTherapistId === null && <option value="">All therapists</option>}
            {settings.therapists
              .filter((t) => lockedTherapistId === null || t.id === lockedTherapistId)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
          </select>
        </div>
        <PaperChoice value={paper} onChange={setPaper} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button-primary" disabled={busy} autoFocus data-autofocus>
            {busy ? 'Making the PDF…' : 'Download PDF'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
