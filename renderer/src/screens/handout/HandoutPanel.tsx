import { useState } from 'react';
import type { ResponseData } from '../../../../shared/api/contract';
import type { Language } from '../../../../shared/i18n/languages';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useAuth } from '../../api/session';
import { useFormat } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { Dialog } from '../../components/Dialog';
import { downloadPdf } from '../../components/download';

/** Languages as staff name them (the patient picks from their own names on the Details tab). */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish' };

type Check = ResponseData<'handouts.check'>;
type Print = ResponseData<'handouts.list'>['prints'][number];

/**
 * Print the patient's home program and reprint an earlier one. Before printing, the therapist is told
 * what the patient's language lacks (it prints in English) and may go on; every handout printed for
 * the patient is listed with its date, who printed it, the program version and the language. The
 * desk may reprint a handout a patient lost, but not print a new one.
 */
export function HandoutPanel({ patientId, programVersion }: { patientId: number; programVersion: number | null }) {
  const auth = useAuth();
  const clinical = auth.phase === 'signedIn' && auth.user.role !== 'front_desk';
  const format = useFormat();
  const prints = useQuery('handouts.list', { patientId });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [warning, setWarning] = useState<Check | null>(null);

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const print = () =>
    run('print', async () => {
      setWarning(null);
      const r = await call('handouts.print', { patientId });
      downloadPdf(r.filename, r.pdfBase64);
      setNotice(`Home program printed${r.missing.length ? ` (${r.missing.length} ${r.missing.length === 1 ? 'phrase' : 'phrases'} in English)` : ''}.`);
    });
  const startPrint = () =>
    run('check', async () => {
      const check = await call('handouts.check', { patientId });
      if (check.missing.length) setWarning(check);
      else await print();
    });
  const reprint = (id: number) =>
    run(`reprint-${id}`, async () => {
      const r = await call('handouts.reprint', { printId: id });
      downloadPdf(r.filename, r.pdfBase64);
      setNotice('Handout reprinted exactly as it was first printed.');
    });

  const columns: DataTableColumn<Print>[] = [
    {
      id: 'printed',
      accessorFn: (p) => p.printedAt,
      header: 'Printed',
      enableSorting: true,
      size: 220,
      meta: { rowHeader: true },
      cell: ({ row: { original: p } }) => `${format.instant(p.printedAt)}${p.reprintOf !== null ? ' (reprint)' : ''}`,
    },
    { id: 'by', accessorFn: (p) => p.printedBy, header: 'By', enableSorting: true, size: 170 },
    { id: 'program', accessorFn: (p) => p.programVersion, header: 'Program', enableSorting: true, size: 110, meta: { grow: 0 }, cell: ({ row: { original: p } }) => `Version ${p.programVersion}` },
    {
      id: 'language',
      accessorFn: (p) => LANGUAGE_NAMES[p.language],
      header: 'Language',
      enableSorting: true,
      size: 170,
      cell: ({ row: { original: p } }) => `${LANGUAGE_NAMES[p.language]}${p.missingCount ? ` (${p.missingCount} in English)` : ''}`,
    },
    {
      id: 'actions',
      header: '',
      size: 110,
      meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
      cell: ({ row: { original: p } }) => (
        <button type="button" className="button button-small" onClick={() => void reprint(p.id)} disabled={busy !== null} aria-label={`Reprint the handout printed ${format.instant(p.printedAt)}`}>
          {busy === `reprint-${p.id}` ? 'Preparing…' : 'Reprint'}
        </button>
      ),
    },
  ];
  return (
    <section className="handout-panel" aria-labelledby="handout-title">
      <div className="section-header">
        <h3 id="handout-title">Printed handouts</h3>
        <span className="spacer" />
        {clinical && (
          <button type="button" className="button button-primary" onClick={() => void startPrint()} disabled={programVersion === null || busy !== null}>
            {busy === 'check' || busy === 'print' ? 'Preparing…' : 'Print home program'}
          </button>
        )}
      </div>
      {clinical && programVersion === null && <p className="field-hint">There is no home program to print yet: build one first.</p>}
      {notice && <Banner tone="success">{notice}</Banner>}
      {error && <Banner tone="error">{error}</Banner>}
      <DataTable
        label="Printed handouts"
        className="handout-prints"
        columns={columns}
        data={prints.data?.prints ?? []}
        getRowId={(p) => String(p.id)}
        loading={prints.loading}
        loadingLabel="Loading the printed handouts…"
        error={prints.error ? { message: messageOf(prints.error) } : null}
        onRetry={prints.refetch}
        empty="No handout has been printed for this patient."
        maxHeight="40vh"
      />
      <Dialog
        open={warning !== null}
        onClose={() => setWarning(null)}
        title={`Not everything is in ${warning ? LANGUAGE_NAMES[warning.language] : ''}`}
        describedBy="handout-missing"
        footer={
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setWarning(null)} data-autofocus>
              Cancel
            </button>
            <button type="button" className="button button-primary" onClick={() => void print()} disabled={busy !== null}>
              Print anyway
            </button>
          </div>
        }
      >
        <div id="handout-missing">
          <p>These words have no {warning ? LANGUAGE_NAMES[warning.language] : ''} translation and will print in English:</p>
          <ul>
            {warning?.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      </Dialog>
    </section>
  );
}
