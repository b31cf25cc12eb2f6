import { useMemo } from 'react';
import type { NoteSummary } from '../../../../shared/charting/note';
import { NOTE_TYPE_LABELS } from '../../../../shared/charting/note-content';
import { useFormat } from '../../app/clinic';
import { paths } from '../../app/routes';
import { DataTable, primaryProps, type DataTableColumn } from '../../components/DataTable/DataTable';

const STATUS_LABELS: Record<NoteSummary['status'], string> = { draft: 'Draft', signed: 'Signed', discarded: 'Discarded' };

function billedText(n: NoteSummary): string {
  if (!n.billed || n.billed.lines.length === 0) return '—';
  return n.billed.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} ×${l.units}`).join(', ');
}

/**
 * A patient's visit notes, newest first. Clinicians open a note from its type (a link); the front
 * desk sees the same rows without links — date, type, status, therapist and the billed lines for the
 * receipt — since a note's content is not theirs to read.
 */
export function NotesTable({ patientId, notes, clinical, loading, error, onRetry, empty }: { patientId: number; notes: readonly NoteSummary[] | undefined; clinical: boolean; loading: boolean; error: { message: string } | null; onRetry: () => void; empty: string }) {
  const f = useFormat();
  const columns = useMemo<DataTableColumn<NoteSummary>[]>(
    () => [
      { id: 'date', accessorFn: (n) => n.dateOfService, header: 'Date', enableSorting: true, size: 120, meta: { grow: 0 }, cell: ({ row: { original: n } }) => f.date(n.dateOfService) },
      {
        id: 'type',
        accessorFn: (n) => NOTE_TYPE_LABELS[n.type],
        header: 'Note',
        enableSorting: true,
        size: 170,
        meta: { rowHeader: true },
        cell: (info) => {
          const n = info.row.original;
          return clinical ? (
            <a href={`#${paths.note(patientId, n.id)}`} className="row-link" {...primaryProps(info)}>
              {NOTE_TYPE_LABELS[n.type]}
            </a>
          ) : (
            NOTE_TYPE_LABELS[n.type]
          );
        },
      },
      {
        id: 'status',
        accessorFn: (n) => n.status,
        header: 'Status',
        enableSorting: true,
        size: 170,
        meta: { grow: 0 },
        cell: ({ row: { original: n } }) => (
          <>
            <span className={`badge ${n.status === 'signed' ? 'badge-ok' : 'badge-warning'}`}>{STATUS_LABELS[n.status]}</span>
            {n.addenda ? <span className="muted"> + {n.addenda} addend{n.addenda === 1 ? 'um' : 'a'}</span> : null}
          </>
        ),
      },
      { id: 'therapist', accessorFn: (n) => n.therapistName, header: 'Therapist', enableSorting: true, size: 170 },
      { id: 'billed', header: 'Billed (code-modifiers ×units)', size: 240, meta: { grow: 1.5 }, cell: ({ row: { original: n } }) => billedText(n) },
    ],
    [f, clinical, patientId],
  );
  return (
    <DataTable
      label="Visit notes"
      className="notes-table"
      columns={columns}
      data={notes ?? []}
      getRowId={(n) => String(n.id)}
      rowFocus={clinical ? 'link' : 'row'}
      loading={loading}
      loadingLabel="Loading the notes…"
      error={error}
      onRetry={onRetry}
      empty={empty}
      maxHeight="60vh"
    />
  );
}
