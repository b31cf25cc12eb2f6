import { useMemo, useState } from 'react';
import type { ResponseData } from '../../../../shared/api/contract';
import { addDays } from '../../../../shared/schedule/clinic-time';
import { isIsoDate } from '../../../../shared/util/dates';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useClinic, useClinicToday } from '../../app/clinic';
import { useMoney } from '../../app/money';
import { useRouter } from '../../app/router';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { DateInput } from '../../components/ClinicInputs';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { downloadPdf, downloadText } from '../../components/download';
import { LoadFailed } from '../../components/LoadState';
import { defaultPaper } from '../../components/PaperChoice';
import './billing.css';

type Entry = ResponseData<'endOfDay.get'>['entries'][number];
const KIND = { payment: 'Payment', refund: 'Refund', void: 'Void' } as const;
const receipt = (id: number) => `R-${String(id).padStart(6, '0')}`;

/** The front desk's cash-up: the day's payments, refunds and voids, totals by method and therapist, the PDF and the accountant's CSV. */
export function EndOfDayScreen({ date: asked }: { date?: string | undefined }) {
  const { format, locale } = useClinic();
  const printedMoney = useMoney();
  const today = useClinicToday();
  const date = asked ?? today;
  const { navigate } = useRouter();
  const day = useQuery('endOfDay.get', { date });
  const [typed, setTyped] = useState(date);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const go = (d: string) => {
    setTyped(d);
    void navigate(paths.endOfDay(d === today ? undefined : d));
  };

  const save = async (what: 'pdf' | 'csv') => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      if (what === 'pdf') {
        const r = await call('endOfDay.pdf', { date, paper: defaultPaper(locale) });
        downloadPdf(r.filename, r.pdfBase64);
        setNotice(`${r.filename} is in your downloads: open it to print.`);
      } else {
        const r = await call('endOfDay.csv', { date });
        downloadText(r.filename, r.csv);
        setNotice(`${r.filename} (${r.rows} row${r.rows === 1 ? '' : 's'}) is in your downloads for the accountant.`);
      }
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const columns = useMemo<DataTableColumn<Entry>[]>(
    () => [
      { id: 'time', header: 'Time', size: 90, meta: { grow: 0, className: 'nowrap' }, cell: (i) => format.time(i.row.original.receivedAt) },
      { id: 'receipt', header: 'Receipt', size: 100, meta: { grow: 0, className: 'mono' }, cell: (i) => receipt(i.row.original.id) },
      { id: 'patient', header: 'Patient', size: 200, meta: { rowHeader: true, grow: 2 }, cell: (i) => i.row.original.patientName },
      {
        id: 'method',
        header: 'Method',
        size: 200,
        meta: { grow: 2 },
        cell: ({ row: { original: e } }) => (
          <span>
            {e.kind !== 'payment' && <span className="badge badge-warning">{KIND[e.kind]}</span>} {e.methodLabel}
            {e.reference ? <span className="muted"> ({e.reference})</span> : null}
            {e.reason ? <span className="muted"> — {e.reason}</span> : null}
          </span>
        ),
      },
      { id: 'by', header: 'Taken by', size: 150, meta: { grow: 1 }, cell: (i) => i.row.original.receivedBy },
      { id: 'amount', header: 'Amount', size: 110, meta: { grow: 0, align: 'end' }, cell: (i) => printedMoney(i.row.original.amountCents) },
    ],
    [format, printedMoney],
  );

  return (
    <div className="page end-of-day">
      <header className="page-header">
        <h1>End of day</h1>
        <span className="page-count">{format.day(date, 'long')}</span>
        <span className="spacer" />
        <div className="quick-ranges">
          <button type="button" className="button button-small" onClick={() => go(addDays(date, -1))}>
            ← Day before
          </button>
          <label className="toolbar-sort">
            <span>Day</span>
            <DateInput className="input" value={typed} onChange={(v) => (isIsoDate(v) ? go(v) : setTyped(v))} aria-label="Day" />
          </label>
          <button type="button" className="button button-small" onClick={() => go(addDays(date, 1))} disabled={date >= today}>
            Day after →
          </button>
          <button type="button" className="button" onClick={() => void save('csv')} disabled={busy || !day.data}>
            CSV for the accountant
          </button>
          <button type="button" className="button button-primary" onClick={() => void save('pdf')} disabled={busy || !day.data}>
            Print end of day
          </button>
        </div>
      </header>
      {problem && <Banner tone="error">{problem}</Banner>}
      {notice && <Banner tone="success">{notice}</Banner>}
      {day.error && <LoadFailed error={day.error} onRetry={day.refetch} />}
      {day.data && (
        <>
          <div className="eod-sums">
            <section aria-labelledby="eod-method">
              <h2 id="eod-method">By method</h2>
              <table className="eod-table">
                <tbody>
                  {day.data.byMethod.map((m) => (
                    <tr key={m.label}>
                      <th scope="row">
                        {m.label} <span className="muted">({m.count})</span>
                      </th>
                      <td>{printedMoney(m.amountCents)}</td>
                    </tr>
                  ))}
                  <tr className="eod-total">
                    <th scope="row">Total taken</th>
                    <td data-testid="eod-total">{printedMoney(day.data.totalCents)}</td>
                  </tr>
                </tbody>
              </table>
            </section>
            <section aria-labelledby="eod-therapist">
              <h2 id="eod-therapist">By therapist</h2>
              <table className="eod-table">
                <tbody>
                  {day.data.byTherapist.map((t) => (
                    <tr key={t.name}>
                      <th scope="row">{t.name}</th>
                      <td>{printedMoney(t.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          <DataTable
            label="Payments, refunds and voids"
            columns={columns}
            data={day.data.entries}
            getRowId={(e) => `${e.kind}-${e.id}-${e.receivedAt}`}
            empty={<p className="muted">No payments, refunds or voids on this day.</p>}
          />
        </>
      )}
    </div>
  );
}
