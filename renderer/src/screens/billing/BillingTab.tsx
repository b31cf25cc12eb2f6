import { useState } from 'react';
import { CHARGE_SOURCE_LABELS, PAYMENT_METHOD_LABELS, type Charge, type Payment } from '../../../../shared/billing/ledger-schemas';
import type { Patient } from '../../../../shared/domain/patient';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useAuth } from '../../api/session';
import { useFormat } from '../../app/clinic';
import { useMoney } from '../../app/money';
import { Banner } from '../../components/Banner';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { LoadFailed, Loading } from '../../components/LoadState';
import { PaymentDialog } from './PaymentDialog';
import { ReceiptButton } from './ReceiptButton';
import { SuperbillDialog } from './SuperbillDialog';
import { ChargeVisitDialog, RefundDialog, SellPackageDialog, VoidDialog, type VoidTarget } from './LedgerDialogs';
import './billing.css';

type Dialog = 'pay' | 'charge' | 'package' | null;

/**
 * The chart's Billing tab: the patient's account as a ledger — charges (from signed notes, or by
 * hand and marked so), payments and what they paid, refunds, voids struck through with who and why,
 * packages and visits left, balance and credit. The desk charges and takes money; admins void.
 */
export function BillingTab({ patient }: { patient: Patient }) {
  const { data: account, error, refetch } = useQuery('ledger.account', { patientId: patient.id });
  const { data: fees } = useQuery('fees.list', {});
  const auth = useAuth();
  const role = auth.phase === 'signedIn' ? auth.user.role : null;
  const desk = role === 'admin' || role === 'front_desk';
  const admin = role === 'admin';
  const f = useFormat();
  const money = useMoney();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  const [superbill, setSuperbill] = useState(false);
  const [voiding, setVoiding] = useState<VoidTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [charging, setCharging] = useState<number | null>(null);

  if (error) return <LoadFailed error={error} onRetry={refetch} />;
  if (!account) return <Loading label="Opening the account…" />;
  const done = (message: string) => {
    setProblem(null);
    setNotice(message);
  };
  const chargeNote = async (noteId: number, pricing: 'codes' | 'visit') => {
    setCharging(noteId);
    setNotice(null);
    setProblem(null);
    try {
      const r = await call('ledger.chargeNote', { noteId, pricing });
      done(`Charged ${money(r.charges.reduce((s, c) => s + c.amountCents, 0))} from the signed note.`);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setCharging(null);
    }
  };
  const chargeName = (c: Charge) => `${c.code && c.code !== 'VISIT' ? `${c.code} ` : ''}${c.description}`;

  const chargeColumns: DataTableColumn<Charge>[] = [
    { id: 'date', accessorFn: (c) => c.dateOfService, header: 'Date of service', size: 130, meta: { className: 'nowrap' }, cell: (i) => f.date(i.row.original.dateOfService) },
    { id: 'what', accessorFn: chargeName, header: 'Service', size: 220, meta: { rowHeader: true, grow: 2 }, cell: (i) => chargeName(i.row.original) },
    { id: 'mods', accessorFn: (c) => c.modifiers.join(' '), header: 'Modifiers', size: 90, cell: (i) => i.row.original.modifiers.join(', ') || '—' },
    { id: 'dx', accessorFn: (c) => c.pointers.join(''), header: 'Dx', size: 60, cell: (i) => i.row.original.pointers.join(', ') || '—' },
    { id: 'units', accessorFn: (c) => c.units, header: 'Units', size: 60, meta: { align: 'end' }, cell: (i) => i.row.original.units },
    { id: 'amount', accessorFn: (c) => c.amountCents, header: 'Charge', size: 100, meta: { align: 'end' }, cell: (i) => money(i.row.original.amountCents) },
    { id: 'open', accessorFn: (c) => c.openCents, header: 'Still owed', size: 100, meta: { align: 'end' }, cell: (i) => (i.row.original.voided ? '—' : money(i.row.original.openCents)) },
    {
      id: 'source',
      accessorFn: (c) => c.source,
      header: 'Source',
      size: 170,
      cell: ({ row: { original: c } }) =>
        c.voided ? (
          <span title={`${c.voided.byName}: ${c.voided.reason}`}>Void — {c.voided.reason}</span>
        ) : (
          <span className={c.source === 'manual' ? 'badge badge-warning' : 'muted'}>{CHARGE_SOURCE_LABELS[c.source]}</span>
        ),
    },
    ...(admin
      ? [
          {
            id: 'actions',
            header: '',
            size: 80,
            meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
            cell: ({ row: { original: c } }) =>
              c.voided ? null : (
                <button type="button" className="button button-small" onClick={() => setVoiding({ entity: 'charge', id: c.id, what: `${chargeName(c)} of ${f.date(c.dateOfService)}, ${money(c.amountCents)}` })}>
                  Void<span className="visually-hidden"> {chargeName(c)}</span>
                </button>
              ),
          } satisfies DataTableColumn<Charge>,
        ]
      : []),
  ];

  const paymentWhat = (p: Payment) => `${PAYMENT_METHOD_LABELS[p.method]} ${money(p.amountCents)} on ${f.date(p.receivedOn)}`;
  const paymentColumns: DataTableColumn<Payment>[] = [
    { id: 'date', accessorFn: (p) => p.receivedOn, header: 'Received', size: 105, meta: { className: 'nowrap' }, cell: (i) => f.date(i.row.original.receivedOn) },
    {
      id: 'method',
      accessorFn: (p) => p.method,
      header: 'Method',
      size: 160,
      meta: { rowHeader: true },
      cell: ({ row: { original: p } }) => `${PAYMENT_METHOD_LABELS[p.method]}${p.packageName ? ` — ${p.packageName}` : ''}${p.reference ? ` (${p.reference})` : ''}`,
    },
    { id: 'amount', accessorFn: (p) => p.amountCents, header: 'Amount', size: 90, meta: { align: 'end' }, cell: (i) => money(i.row.original.amountCents) },
    { id: 'applied', accessorFn: (p) => p.appliedCents, header: 'Paid charges', size: 100, meta: { align: 'end' }, cell: (i) => money(i.row.original.appliedCents) },
    {
      id: 'refunded',
      accessorFn: (p) => p.refundedCents,
      header: 'Refunded',
      size: 150,
      cell: ({ row: { original: p } }) =>
        p.refunds.length === 0
          ? '—'
          : p.refunds.map((r) => (
              <span key={r.id} className={r.voided ? 'is-void-text' : undefined}>
                {money(r.amountCents)} {f.date(r.refundedOn)} — {r.reason}
                {r.voided ? ` (void: ${r.voided.reason})` : ''}
                {admin && !r.voided && !p.voided && (
                  <button type="button" className="button button-small" onClick={() => setVoiding({ entity: 'refund', id: r.id, what: `Refund of ${money(r.amountCents)} on ${f.date(r.refundedOn)}` })}>
                    Void<span className="visually-hidden"> refund</span>
                  </button>
                )}
              </span>
            )),
    },
    { id: 'credit', accessorFn: (p) => p.unappliedCents, header: 'On account', size: 95, meta: { align: 'end' }, cell: (i) => (i.row.original.voided ? '—' : money(i.row.original.unappliedCents)) },
    { id: 'by', accessorFn: (p) => p.takenByName, header: 'Taken by', size: 140, cell: ({ row: { original: p } }) => (p.voided ? `Void — ${p.voided.reason} (${p.voided.byName})` : p.takenByName) },
    ...(desk
      ? [
          {
            id: 'actions',
            header: '',
            size: 210,
            meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
            cell: ({ row: { original: p } }) => (
                <>
                  <ReceiptButton paymentId={p.id} what={paymentWhat(p)} onProblem={setProblem} />
                  {!p.voided && p.unappliedCents > 0 && p.method !== 'package' && (
                    <button type="button" className="button button-small" onClick={() => setRefunding(p)}>
                      Refund<span className="visually-hidden"> {paymentWhat(p)}</span>
                    </button>
                  )}
                  {admin && !p.voided && (
                    <button type="button" className="button button-small" onClick={() => setVoiding({ entity: 'payment', id: p.id, what: paymentWhat(p) })}>
                      Void<span className="visually-hidden"> {paymentWhat(p)}</span>
                    </button>
                  )}
                </>
              ),
          } satisfies DataTableColumn<Payment>,
        ]
      : []),
  ];

  return (
    <section className="billing-tab" aria-labelledby="billing-title">
      <div className="billing-summary">
        <h2 id="billing-title" className="visually-hidden">
          Account
        </h2>
        <dl data-testid="account-summary">
          <div>
            <dt>Balance owed</dt>
            <dd data-testid="owing">{money(account.owingCents)}</dd>
          </div>
          <div>
            <dt>Credit on account</dt>
            <dd data-testid="credit">{money(account.creditCents)}</dd>
          </div>
          <div>
            <dt>Package visits left</dt>
            <dd>{account.packageVisitsLeft}</dd>
          </div>
        </dl>
        {desk && (
          <div className="billing-actions">
            <button type="button" className="button button-primary" onClick={() => setDialog('pay')} aria-keyshortcuts="Alt+P">
              Take payment
            </button>
            <button type="button" className="button" onClick={() => setDialog('charge')}>
              Charge a visit by hand
            </button>
            <button type="button" className="button" onClick={() => setDialog('package')}>
              Sell a package
            </button>
            <button type="button" className="button" onClick={() => setSuperbill(true)}>
              {patient.medicareBeneficiary ? 'Medicare: ABN reminder' : 'Superbill…'}
            </button>
          </div>
        )}
      </div>
      {notice && <Banner tone="success">{notice}</Banner>}
      {problem && <Banner tone="error">{problem}</Banner>}
      {account.unchargedNotes.length > 0 && (
        <section aria-labelledby="uncharged-title">
          <h3 id="uncharged-title">Signed notes not yet charged</h3>
          <ul className="uncharged-list">
            {account.unchargedNotes.map((n) => (
              <li key={n.noteId}>
                <strong>{f.date(n.dateOfService)}</strong>
                <span>
                  {n.noteType}, {n.therapistName}
                </span>
                <span className="muted">{n.lines.map((l) => `${l.code}×${l.units} ${l.modifiers.join(' ')}`).join(' · ')}</span>
                {desk && (
                  <span className="billing-actions">
                    <button type="button" className="button button-small button-primary" disabled={charging !== null} onClick={() => void chargeNote(n.noteId, 'codes')}>
                      Charge from note<span className="visually-hidden"> of {f.date(n.dateOfService)}</span>
                    </button>
                    <button type="button" className="button button-small" disabled={charging !== null} onClick={() => void chargeNote(n.noteId, 'visit')}>
                      At the self-pay visit fee
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {account.packages.length > 0 && (
        <section aria-labelledby="packages-title">
          <h3 id="packages-title">Packages</h3>
          <ul className="uncharged-list">
            {account.packages.map((p) => (
              <li key={p.id} className={p.voided ? 'is-void' : undefined}>
                <strong>{p.name}</strong>
                <span>
                  sold {f.date(p.soldOn)} for {money(p.priceCents)}
                </span>
                <span data-testid="package-left">{p.voided ? 'void' : `${p.used} of ${p.visits} used, ${p.left} left`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="charges-title">
        <h3 id="charges-title">Charges</h3>
        <DataTable
          label="Charges"
          columns={chargeColumns}
          data={account.charges}
          getRowId={(c) => String(c.id)}
          rowClassName={(c) => (c.voided ? 'is-void' : undefined)}
          empty={<p className="muted">No charges yet{desk ? ' — charge a signed note, or a visit by hand.' : '.'}</p>}
        />
      </section>
      <section aria-labelledby="payments-title">
        <h3 id="payments-title">Payments</h3>
        <DataTable
          label="Payments"
          columns={paymentColumns}
          data={account.payments}
          getRowId={(p) => String(p.id)}
          rowClassName={(p) => (p.voided ? 'is-void' : undefined)}
          empty={<p className="muted">No payments yet.</p>}
        />
      </section>
      {superbill && <SuperbillDialog patientId={patient.id} patientName={`${patient.legalLastName}, ${patient.legalFirstName}`} onClose={() => setSuperbill(false)} />}
      <PaymentDialog open={dialog === 'pay'} account={account} onClose={() => setDialog(null)} onDone={done} />
      <ChargeVisitDialog open={dialog === 'charge'} patientId={patient.id} onClose={() => setDialog(null)} onDone={done} />
      <SellPackageDialog open={dialog === 'package'} patientId={patient.id} types={fees?.packageTypes ?? []} onClose={() => setDialog(null)} onDone={done} />
      <RefundDialog payment={refunding} onClose={() => setRefunding(null)} onDone={done} />
      <VoidDialog target={voiding} onClose={() => setVoiding(null)} onDone={done} />
    </section>
  );
}
