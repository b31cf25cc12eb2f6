import { useMemo, useState } from 'react';
import { WAITLIST_PRIORITIES, type WaitlistEntry } from '../../../../shared/domain/schedule';
import { daysBetween } from '../../../../shared/clinical/calendar';
import { instantToLocal } from '../../../../shared/schedule/clinic-time';
import { useClinic, useClinicToday } from '../../app/clinic';
import { paths } from '../../app/routes';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import type { ScheduleSettings } from './bookingForm';
import { describeWaitlistWishes } from './scheduleFormat';
import { AddToWaitlistDialog, RemoveFromWaitlistDialog } from './WaitlistDialogs';
import './WaitlistPanel.css';

const PRIORITY_TONE: Record<number, string> = { 1: 'badge-warning', 2: 'badge-info', 3: '' };

/** Calendar days between the clinic's date when the entry was made and the clinic's today: 0 today, 1 yesterday. */
export function daysWaiting(createdAt: string, today: string, timeZone: string): number {
  return Math.max(0, daysBetween(instantToLocal(createdAt, timeZone).date, today));
}

export function waitingText(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days`;
}

interface PanelProps {
  entries: WaitlistEntry[] | undefined;
  error: string | null;
  settings: ScheduleSettings;
  canEdit: boolean;
  onChanged: (message: string) => void;
  /** Open the booking dialog for this entry's patient, with their wishes. */
  onBook: (e: WaitlistEntry) => void;
  onClose: () => void;
}

/** The waitlist beside the grid: who is waiting, for what, since when (sortable); add, book or remove (with a reason). */
export function WaitlistPanel({ entries, error, settings, canEdit, onChanged, onBook, onClose }: PanelProps) {
  const { locale, timeZone, format } = useClinic();
  const today = useClinicToday();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<WaitlistEntry | null>(null);
  const columns = useMemo<DataTableColumn<WaitlistEntry>[]>(() => {
    const typeName = (id: number | null) => settings.appointmentTypes.find((t) => t.id === id)?.name ?? null;
    const cols: DataTableColumn<WaitlistEntry>[] = [
      {
        id: 'patient',
        accessorFn: (e) => e.patientName,
        header: 'Patient and wishes',
        enableSorting: true,
        size: 200,
        meta: { rowHeader: true },
        cell: ({ row: { original: e } }) => (
          <div className="waitlist-who">
            <a href={`#${paths.patient(e.patientId)}`} className="waitlist-name">
              {e.patientName}
            </a>
            {e.patientPhone && <span className="muted nowrap">{e.patientPhone}</span>}
            <span>{describeWaitlistWishes(e, locale, typeName(e.typeId))}</span>
            {e.note && <span className="waitlist-note">“{e.note}”</span>}
          </div>
        ),
      },
      {
        id: 'waiting',
        accessorFn: (e) => `${e.priority}|${e.createdAt}`,
        header: 'Priority, waiting',
        enableSorting: true,
        size: 118,
        meta: { grow: 0 },
        cell: ({ row: { original: e } }) => (
          <div className="waitlist-who">
            <span className={`badge ${PRIORITY_TONE[e.priority] ?? ''}`}>{WAITLIST_PRIORITIES[e.priority as 1 | 2 | 3] ?? 'Normal'}</span>
            <span>since {format.instantDate(e.createdAt)}</span>
            <span className="muted">({waitingText(daysWaiting(e.createdAt, today, timeZone))})</span>
          </div>
        ),
      },
    ];
    if (canEdit)
      cols.push({
        id: 'actions',
        header: '',
        size: 84,
        meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
        cell: ({ row: { original: e } }) => (
          <span className="waitlist-actions">
            <button type="button" className="button button-small" onClick={() => onBook(e)}>
              Book…<span className="visually-hidden"> {e.patientName}</span>
            </button>
            <button type="button" className="button button-small button-quiet" onClick={() => setRemoving(e)}>
              Remove<span className="visually-hidden"> {e.patientName} from the waitlist</span>
            </button>
          </span>
        ),
      });
    return cols;
  }, [settings.appointmentTypes, locale, format, today, timeZone, canEdit, onBook]);

  return (
    <aside className="waitlist-panel" aria-labelledby="waitlist-title">
      <header className="waitlist-head">
        <h2 id="waitlist-title">Waitlist</h2>
        <span className="muted">{entries ? `${entries.length} waiting` : ''}</span>
        <span className="spacer" />
        {canEdit && (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            <span aria-hidden="true">+</span> Add to waitlist
          </button>
        )}
        <button type="button" className="icon-button" aria-label="Close the waitlist" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <DataTable
        label="Waitlist"
        columns={columns}
        data={entries ?? []}
        getRowId={(e) => String(e.id)}
        rowTestId="waitlist-entry"
        loading={entries === undefined && !error}
        loadingLabel="Loading the waitlist…"
        error={error ? { message: error } : null}
        fill
        empty={<p className="muted waitlist-empty">Nobody is waiting. When a patient wants an earlier or a different time, add them here — cancellations will suggest them.</p>}
      />
      {adding && <AddToWaitlistDialog settings={settings} onClose={() => setAdding(false)} onAdded={(m) => onChanged(m)} />}
      {removing && <RemoveFromWaitlistDialog entry={removing} onClose={() => setRemoving(null)} onRemoved={(m) => onChanged(m)} />}
    </aside>
  );
}
