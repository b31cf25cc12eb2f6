import { useState } from 'react';
import type { Fee, PackageType } from '../../../../shared/billing/ledger-schemas';
import { useQuery } from '../../api/hooks';
import { useFormat } from '../../app/clinic';
import { useMoney } from '../../app/money';
import { Banner } from '../../components/Banner';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { LoadFailed } from '../../components/LoadState';
import { PackageTypeDialog, SetFeeDialog } from './FeeDialogs';

const STATUS_WORDS: Record<Fee['status'], { text: string; className: string }> = {
  current: { text: 'In force', className: 'badge badge-ok' },
  future: { text: 'From its date', className: 'badge badge-warning' },
  replaced: { text: 'Replaced', className: 'badge' },
};

/**
 * Settings → Fees: the fee schedule (a fee per code, per unit for timed codes, each from its
 * effective date; old charges keep their fee) and the prepaid packages. Everyone reads it; admins
 * set fees and packages.
 */
export function FeesSettings({ canEdit }: { canEdit: boolean }) {
  const { data, error, refetch } = useQuery('fees.list', {});
  const f = useFormat();
  const money = useMoney();
  const [notice, setNotice] = useState<string | null>(null);
  const [feeFor, setFeeFor] = useState<string | null | false>(false);
  const [pkg, setPkg] = useState<PackageType | null | false>(false);
  const [showReplaced, setShowReplaced] = useState(false);

  if (error) return <LoadFailed error={error} onRetry={refetch} />;
  const fees = (data?.fees ?? []).filter((x) => showReplaced || x.status !== 'replaced');
  const feeColumns: DataTableColumn<Fee>[] = [
    { id: 'code', accessorFn: (x) => x.code, header: 'Code', enableSorting: true, size: 80, meta: { rowHeader: true, className: 'mono' }, cell: (i) => (i.row.original.code === 'VISIT' ? 'Visit' : i.row.original.code) },
    { id: 'label', accessorFn: (x) => x.label, header: 'Service', enableSorting: true, size: 220, meta: { grow: 2 }, cell: (i) => i.row.original.label },
    {
      id: 'fee',
      accessorFn: (x) => x.feeCents,
      header: 'Fee',
      enableSorting: true,
      size: 150,
      meta: { align: 'end' },
      cell: ({ row: { original: x } }) => `${money(x.feeCents)} ${x.perUnit ? 'per unit' : 'per visit'}`,
    },
    { id: 'from', accessorFn: (x) => x.effectiveFrom, header: 'Effective from', enableSorting: true, size: 130, meta: { className: 'nowrap' }, cell: (i) => f.date(i.row.original.effectiveFrom) },
    {
      id: 'status',
      accessorFn: (x) => x.status,
      header: 'Status',
      size: 120,
      cell: ({ row: { original: x } }) => <span className={STATUS_WORDS[x.status].className}>{STATUS_WORDS[x.status].text}</span>,
    },
    { id: 'by', accessorFn: (x) => x.createdByName, header: 'Set by', size: 200, cell: (i) => `${i.row.original.createdByName}, ${f.instantDate(i.row.original.createdAt)}` },
    ...(canEdit
      ? [
          {
            id: 'actions',
            header: '',
            size: 130,
            meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
            cell: ({ row: { original: x } }) =>
              x.status === 'replaced' ? null : (
                <button type="button" className="button button-small" onClick={() => setFeeFor(x.code)}>
                  New fee<span className="visually-hidden"> for {x.label}</span>
                </button>
              ),
          } satisfies DataTableColumn<Fee>,
        ]
      : []),
  ];
  const packageColumns: DataTableColumn<PackageType>[] = [
    { id: 'name', accessorFn: (p) => p.name, header: 'Package', enableSorting: true, size: 220, meta: { rowHeader: true, grow: 2 }, cell: (i) => i.row.original.name },
    { id: 'visits', accessorFn: (p) => p.visits, header: 'Visits', size: 80, meta: { align: 'end' }, cell: (i) => i.row.original.visits },
    { id: 'price', accessorFn: (p) => p.priceCents, header: 'Price', size: 110, meta: { align: 'end' }, cell: (i) => money(i.row.original.priceCents) },
    { id: 'per', accessorFn: (p) => p.priceCents / p.visits, header: 'Per visit', size: 110, meta: { align: 'end' }, cell: (i) => money(Math.round(i.row.original.priceCents / i.row.original.visits)) },
    { id: 'active', accessorFn: (p) => p.active, header: 'At the desk', size: 120, cell: (i) => (i.row.original.active ? <span className="badge badge-ok">Offered</span> : <span className="badge">Not offered</span>) },
    ...(canEdit
      ? [
          {
            id: 'actions',
            header: '',
            size: 100,
            meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
            cell: ({ row: { original: p } }) => (
              <button type="button" className="button button-small" onClick={() => setPkg(p)}>
                Change<span className="visually-hidden"> {p.name}</span>
              </button>
            ),
          } satisfies DataTableColumn<PackageType>,
        ]
      : []),
  ];
  return (
    <>
      <section aria-labelledby="fees-title">
        <div className="section-header">
          <h2 id="fees-title">Fee schedule</h2>
          <label className="checkbox">
            <input type="checkbox" checked={showReplaced} onChange={(e) => setShowReplaced(e.target.checked)} /> Show replaced fees
          </label>
          <span className="spacer" />
          {canEdit && (
            <button type="button" className="button button-primary" onClick={() => setFeeFor(null)}>
              <span aria-hidden="true">+</span> Set a fee
            </button>
          )}
        </div>
        {notice && <Banner tone="success">{notice}</Banner>}
        {!canEdit && <p className="muted">Only an admin changes fees.</p>}
        <DataTable
          label="Fee schedule"
          columns={feeColumns}
          data={fees}
          getRowId={(x) => String(x.id)}
          loading={!data}
          loadingLabel="Loading fees…"
          initialSorting={[{ id: 'code', desc: false }]}
          empty={<p className="muted">No fees yet{canEdit ? ' — set the self-pay visit fee and a fee for each code you bill.' : '.'}</p>}
        />
      </section>
      <section aria-labelledby="packages-title">
        <div className="section-header">
          <h2 id="packages-title">Prepaid packages</h2>
          <span className="spacer" />
          {canEdit && (
            <button type="button" className="button button-primary" onClick={() => setPkg(null)}>
              <span aria-hidden="true">+</span> Add package
            </button>
          )}
        </div>
        <DataTable
          label="Prepaid packages"
          columns={packageColumns}
          data={data?.packageTypes ?? []}
          getRowId={(p) => String(p.id)}
          loading={!data}
          empty={<p className="muted">No packages yet{canEdit ? ' — add one (e.g. 6 visits) to sell at the desk.' : '.'}</p>}
        />
      </section>
      <SetFeeDialog open={feeFor !== false} initialCode={feeFor === false ? null : feeFor} onClose={() => setFeeFor(false)} onSaved={setNotice} />
      <PackageTypeDialog open={pkg !== false} editing={pkg === false ? null : pkg} onClose={() => setPkg(false)} onSaved={setNotice} />
    </>
  );
}
