import { useState } from 'react';
import { NOTE_TYPE_LABELS, NOTE_TYPES } from '../../../../shared/charting/note-content';
import { DISCHARGE_REASON_LABELS, DISCHARGE_REASONS } from '../../../../shared/charting/vocab';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { downloadPdf } from '../../components/download';

/** The four note types as <option>s. */
export function NoteTypeOptions() {
  return (
    <>
      {NOTE_TYPES.map((t) => (
        <option key={t} value={t}>
          {NOTE_TYPE_LABELS[t]}
        </option>
      ))}
    </>
  );
}

/** The discharge reasons as <option>s, after a "Choose…" placeholder. */
export function DischargeReasonOptions() {
  return (
    <>
      <option value="">Choose…</option>
      {DISCHARGE_REASONS.map((r) => (
        <option key={r} value={r}>
          {DISCHARGE_REASON_LABELS[r]}
        </option>
      ))}
    </>
  );
}

/** Print a note: its PDF goes to the downloads (the page's CSP allows no frames). */
export function usePrintNote(noteId: number, before?: () => Promise<unknown>) {
  const [printing, setPrinting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const print = async () => {
    setPrinting(true);
    setError(null);
    try {
      await before?.();
      const r = await call('notes.pdf', { id: noteId });
      downloadPdf(r.filename, r.pdfBase64);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPrinting(false);
    }
  };
  return { print, printing, error };
}
