import { isIsoDate } from '../../../../shared/util/dates';
import type { ScheduleParams } from '../../app/routes';
import { DateInput } from '../../components/ClinicInputs';
import { formatDateRange, formatDay } from './scheduleFormat';
import { stepDate, type TherapistInfo } from './scheduleModel';

interface ToolbarProps {
  params: ScheduleParams;
  view: 'day' | 'week';
  by: 'therapist' | 'room';
  date: string;
  dates: string[];
  today: string;
  locale: string;
  loading: boolean;
  isTherapist: boolean;
  canBook: boolean;
  allTherapists: TherapistInfo[];
  showCancelled: boolean;
  waitlistOpen: boolean;
  waitlistCount: number | null;
  setParams: (change: Partial<ScheduleParams>) => void;
  onShowCancelled: (show: boolean) => void;
  onNewAppointment: () => void;
  onBlockTime: () => void;
  onPrint: () => void;
  onToggleWaitlist: () => void;
}

/** The schedule's toolbar: move through days, day or week, by therapist or room (or one therapist's week), and the actions. */
export function ScheduleToolbar(p: ToolbarProps) {
  const { view, by, date, today, locale, setParams } = p;
  const heading = view === 'day' ? formatDay(date, locale, 'long') : formatDateRange(p.dates[0]!, p.dates.at(-1)!, locale);
  const step = view === 'day' ? 'day' : 'week';
  return (
    <header className="sched-toolbar">
      <div className="sched-nav" role="group" aria-label="Move through days">
        <button type="button" className="button button-small" onClick={() => setParams({ date: undefined })} disabled={date === today} title="Today (T)">
          Today
        </button>
        <button type="button" className="icon-button sched-step" onClick={() => setParams({ date: stepDate(view, date, -1) })} aria-label={`Previous ${step}`} title={`Previous ${step} (←)`}>
          <span aria-hidden="true">‹</span>
        </button>
        <button type="button" className="icon-button sched-step" onClick={() => setParams({ date: stepDate(view, date, 1) })} aria-label={`Next ${step}`} title={`Next ${step} (→)`}>
          <span aria-hidden="true">›</span>
        </button>
        <h1 className="sched-title" aria-live="polite">
          {heading}
          {view === 'day' && date === today && <span className="badge badge-today">Today</span>}
        </h1>
        <label className="sched-goto">
          <span className="visually-hidden">Go to date</span>
          <DateInput className="input input-compact input-goto" value={date} onChange={(typed) => isIsoDate(typed) && typed !== date && setParams({ date: typed })} />
        </label>
        {p.loading && <span className="spinner" role="status" aria-label="Loading" />}
        <span className="spacer" />
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'day'} onClick={() => setParams({ view: 'day' })} title="Day (D)">
            Day
          </button>
          <button type="button" aria-pressed={view === 'week'} onClick={() => setParams({ view: 'week' })} title="Week (W)">
            Week
          </button>
        </div>
        {!p.isTherapist && view === 'day' && (
          <div className="segmented" role="group" aria-label="Columns">
            <button type="button" aria-pressed={by === 'therapist'} onClick={() => setParams({ by: 'therapist' })}>
              By therapist
            </button>
            <button type="button" aria-pressed={by === 'room'} onClick={() => setParams({ by: 'room' })}>
              By room
            </button>
          </div>
        )}
        {!p.isTherapist && view === 'week' && (
          <label className="sched-select">
            <span>Therapist</span>
            <select className="input input-compact" value={p.params.therapist ?? ''} onChange={(e) => setParams({ therapist: e.target.value ? Number(e.target.value) : undefined })}>
              <option value="">All therapists</option>
              {p.allTherapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="sched-controls">
        <label className="choice sched-toggle">
          <input type="checkbox" checked={p.showCancelled} onChange={(e) => p.onShowCancelled(e.target.checked)} /> Show cancelled
        </label>
        <span className="spacer" />
        {p.canBook && (
          <button type="button" className="button button-primary button-small" onClick={p.onNewAppointment} title="New appointment (N)" data-new-appointment>
            <span aria-hidden="true">+</span> New appointment
          </button>
        )}
        {p.canBook && (
          <button type="button" className="button button-small" onClick={p.onBlockTime}>
            Block time
          </button>
        )}
        <button type="button" className="button button-small" onClick={p.onPrint}>
          Print day sheet
        </button>
        <button type="button" className="button button-small" aria-pressed={p.waitlistOpen} onClick={p.onToggleWaitlist}>
          Waitlist{p.waitlistCount !== null ? ` (${p.waitlistCount})` : ''}
        </button>
      </div>
    </header>
  );
}
