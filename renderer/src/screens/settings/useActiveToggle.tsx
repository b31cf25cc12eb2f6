import { useState } from 'react';
import { messageOf } from '../../api/errors';
import type { DataTableColumn } from '../../components/DataTable/DataTable';

export type Feedback = { tone: 'success' | 'error'; text: string } | null;

/**
 * Retiring and bringing back a room or an appointment type: which row is being saved, and what to
 * say after (the row keeps its history either way).
 */
export function useActiveToggle<T extends { id: number; name: string; active: boolean }>(save: (item: T) => Promise<unknown>) {
  const [busy, setBusy] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const toggle = async (item: T) => {
    setBusy(item.id);
    setFeedback(null);
    try {
      await save(item);
      setFeedback({ tone: 'success', text: item.active ? `${item.name} is retired.` : `${item.name} is in use again.` });
    } catch (e) {
      setFeedback({ tone: 'error', text: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, feedback, setFeedback, toggle };
}

/** The Status and actions columns a rooms or types table shares: change it, retire it or bring it back. */
export function activeColumns<T extends { id: number; name: string; active: boolean }>(editLabel: string, onEdit: (item: T) => void, busy: number | null, toggle: (item: T) => Promise<void>): DataTableColumn<T>[] {
  return [
    { id: 'status', header: 'Status', size: 100, cell: (i) => (i.row.original.active ? <span className="badge badge-ok">In use</span> : <span className="badge">Retired</span>) },
    {
      id: 'actions',
      header: '',
      size: 190,
      meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
      cell: ({ row: { original: item } }) => (
        <>
          <button type="button" className="button button-small" onClick={() => onEdit(item)}>
            {editLabel}
            <span className="visually-hidden"> {item.name}</span>
          </button>
          <button type="button" className="button button-small" disabled={busy === item.id} onClick={() => void toggle(item)}>
            {item.active ? 'Retire' : 'Bring back'}
            <span className="visually-hidden"> {item.name}</span>
          </button>
        </>
      ),
    },
  ];
}
