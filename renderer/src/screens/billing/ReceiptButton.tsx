import { useState } from 'react';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { downloadPdf } from '../../components/download';
import { useClinic } from '../../app/clinic';
import { defaultPaper } from '../../components/PaperChoice';

/** "Receipt": the payment's receipt as a PDF, straight to the downloads (nothing to choose). */
export function ReceiptButton({ paymentId, what, onProblem }: { paymentId: number; what: string; onProblem: (message: string | null) => void }) {
  const { locale } = useClinic();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    onProblem(null);
    try {
      const r = await call('receipts.pdf', { paymentId, paper: defaultPaper(locale) });
      downloadPdf(r.filename, r.pdfBase64);
    } catch (e) {
      onProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button button-small" disabled={busy} onClick={() => void print()}>
      {busy ? 'Making…' : 'Receipt'}
      <span className="visually-hidden"> for {what}</span>
    </button>
  );
}
