import { useEffect, useState } from 'react';
import { addDays } from '../../../../shared/schedule/clinic-time';
import { isIsoDate } from '../../../../shared/util/dates';
import type { ResponseData } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinic, useClinicToday, useFormat } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { DateInput } from '../../components/ClinicInputs';
import { Dialog } from '../../components/Dialog';
import { defaultPaper, PaperChoice } from '../../components/PaperChoice';
import { Field } from '../../components/Field';
import { downloadPdf } from '../../components/download';
import { AbnReminder } from './AbnReminder';
import './billing.css';

type Check = ResponseData<'superbill.check'>;

/** The first and last day of the month `monthsBack` before the one `today` is in. */
export function monthRange(today: string, monthsBack: number): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - monthsBack, 1));
  const from = start.toISOString().slice(0, 10);
  const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  return { from, to: addDays(next, -1) };
}

/**
 * "Superbill…": a date range, then what the app found: the Medicare guard (no superbill, the ABN
 * reminder instead), the list of what is missing, or the PDF.
 */
export function SuperbillDialog({ patientId, patientName, onClose }: { patientId: number; patientName: string; onClose: () => void }) {
  const { locale } = useClinic();
  const format = useFormat();
  const today = useClinicToday();
  const [range, setRange] = useState(() => monthRange(today, 0));
  const [paper, setPaper] = useState<'letter' | 'a4'>(defaultPaper(locale));
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const valid = isIsoDate(range.from) && isIsoDate(range.to) && range.from <= range.to;

  useEffect(() => {
    setCheck(null);
    setDone(null);
    if (!valid) return;
    let live = true;
    call('superbill.check', { patientId, ...range })
      .then((c) => live && setCheck(c))
      .catch((e: unknown) => live && setProblem(messageOf(e)));
    return () => {
      live = false;
    };
  }, [patientId, range, valid]);

  const make = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await call('superbill.pdf', { patientId, ...range, paper });
      downloadPdf(r.filename, r.pdfBase64);
      setDone(`${r.filename} is in your downloads: open it to print or to send to the patient.`);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const quick = (label: string, r: { from: string; to: string }) => (
    <button type="button" className="button button-small" aria-pressed={range.from === r.from && range.to === r.to} onClick={() => setRange(r)}>
      {label}
    </button>
  );

  return (
    <Dialog open onClose={onClose} title={`Superbill for ${patientName}`}>
      <form
        aria-label="Superbill"
        onSubmit={(e) => {
          e.preventDefault();
          if (check?.printable) void make();
        }}
      >
        <div className="form-grid">
          <Field label="First date of service" className="span-3" error={range.from && !isIsoDate(range.from) ? `Type a date as ${format.typedDatePattern}` : undefined}>
            <DateInput value={range.from} onChange={(from) => setRange((r) => ({ ...r, from }))} />
          </Field>
          <Field label="Last date of service" className="span-3" error={range.to && !isIsoDate(range.to) ? `Type a date as ${format.typedDatePattern}` : valid || !isIsoDate(range.to) ? undefined : 'The last date is before the first'}>
            <DateInput value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} />
          </Field>
          <div className="span-6 quick-ranges">
            {quick('This month', monthRange(today, 0))}
            {quick('Last month', monthRange(today, 1))}
            {quick('This year', { from: `${today.slice(0, 4)}-01-01`, to: today })}
          </div>
        </div>
        {problem && <Banner tone="error">{problem}</Banner>}
        {done && <Banner tone="success">{done}</Banner>}
        {check?.medicare && <AbnReminder refusal={check.medicare.refusal} steps={check.medicare.reminder} />}
        {check && !check.medicare && check.problems.length > 0 && (
          <Banner tone="warning">
            <p>
              <strong>The superbill cannot print yet.</strong> {check.problems.length === 1 ? 'One thing is' : `${check.problems.length} things are`} missing or invalid:
            </p>
            <ul className="billing-list" data-testid="superbill-problems">
              {check.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Banner>
        )}
        {check?.printable && (
          <p data-testid="superbill-ready">
            Ready: {check.lines} service line{check.lines === 1 ? '' : 's'} from {format.date(range.from)} to {format.date(range.to)}.
          </p>
        )}
        <PaperChoice value={paper} onChange={setPaper} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !check?.printable}>
            {busy ? 'Making the PDF…' : 'Download superbill PDF'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
