import { useMemo, useState } from 'react';
import type { Appointment } from '../../../../shared/domain/schedule';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useAuth } from '../../api/session';
import { useClinic } from '../../app/clinic';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { LoadFailed, Loading } from '../../components/LoadState';
import { StatusBadge } from '../schedule/AppointmentDialog';
import { DueLists } from '../notes/DueLists';
import './TodayScreen.css';

/**
 * A therapist's own day (ux.md: "who is next, notes still to sign"): today's appointments with who
 * has arrived, check-in and complete from the list, the chart one click away, and the plan weeks of
 * their patients that wait for a weekly review, and the notes still to write (DueLists: unsigned notes
 * oldest first, progress notes and recertifications due). An admin looks at any therapist's day.
 */
export function TodayScreen() {
  const auth = useAuth();
  const isAdmin = auth.phase === 'signedIn' && auth.user.role === 'admin';
  const { format } = useClinic();
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const today = useQuery('today.get', chosen === undefined ? {} : { therapistId: chosen });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const setStatus = async (a: Appointment, status: 'arrived' | 'completed') => {
    setBusy(a.id);
    setProblem(null);
    try {
      await call('appointments.setStatus', { id: a.id, status });
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const columns = useMemo<DataTableColumn<Appointment>[]>(
    () => [
      { id: 'time', header: 'Time', size: 130, meta: { grow: 0, className: 'nowrap' }, cell: (i) => format.minuteRange(i.row.original.startMinute, i.row.original.endMinute) },
      {
        id: 'patient',
        header: 'Patient',
        size: 200,
        meta: { rowHeader: true, grow: 2 },
        cell: ({ row: { original: a } }) => (
          <div className="today-patient">
            <a href={`#${paths.patient(a.patientId, 'running')}`}>{a.patientName}</a>
            {a.note && <span className="muted">{a.note}</span>}
          </div>
        ),
      },
      { id: 'type', header: 'Type', size: 130, meta: { grow: 1 }, cell: (i) => i.row.original.typeName },
      { id: 'room', header: 'Room', size: 100, meta: { grow: 0.6 }, cell: (i) => i.row.original.roomName ?? <span className="muted">No room</span> },
      { id: 'status', header: 'Status', size: 130, meta: { grow: 0 }, cell: (i) => <StatusBadge a={i.row.original} /> },
      {
        id: 'actions',
        header: '',
        size: 120,
        meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
        cell: ({ row: { original: a } }) =>
          a.status === 'booked' ? (
            <button type="button" className="button button-small button-primary" disabled={busy === a.id} onClick={() => void setStatus(a, 'arrived')}>
              ✓ Check in<span className="visually-hidden"> {a.patientName}</span>
            </button>
          ) : a.status === 'arrived' ? (
            <button type="button" className="button button-small" disabled={busy === a.id} onClick={() => void setStatus(a, 'completed')}>
              Complete<span className="visually-hidden"> {a.patientName}</span>
            </button>
          ) : null,
      },
    ],
    [format, busy],
  );

  if (today.error) return <div className="page"><LoadFailed error={today.error} onRetry={today.refetch} /></div>;
  if (!today.data) return <div className="page"><Loading label="Opening your day…" /></div>;
  const d = today.data;
  const count = (s: Appointment['status']) => d.appointments.filter((a) => a.status === s).length;
  const booked = count('booked');
  const arrived = count('arrived');
  const done = count('completed');
  const next = d.appointments.find((a) => a.status === 'booked' || a.status === 'arrived');

  return (
    <div className="page today">
      <header className="page-header">
        <h1>Today</h1>
        <span className="page-count">{format.day(d.date, 'long')}</span>
        <span className="spacer" />
        {isAdmin && d.therapists.length > 0 && (
          <label className="toolbar-sort">
            <span>Therapist</span>
            <select className="input" value={d.therapist?.id ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
              {d.therapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {!d.therapist ? (
        <div className="empty-state">
          <h2>No therapists yet</h2>
          <p>An admin adds therapists in Settings → Users; each then sees their own day here.</p>
        </div>
      ) : (
        <>
          <dl className="today-facts" aria-label="Your day at a glance">
            <div>
              <dt>Next</dt>
              <dd data-testid="today-next">{next ? `${format.minute(next.startMinute)} · ${next.patientName}` : 'Nobody else today'}</dd>
            </div>
            <div>
              <dt>Arrived, waiting</dt>
              <dd>{arrived}</dd>
            </div>
            <div>
              <dt>Still to come</dt>
              <dd>{booked}</dd>
            </div>
            <div>
              <dt>Done</dt>
              <dd>{done}</dd>
            </div>
          </dl>
          {problem && <Banner tone="error">{problem}</Banner>}
          <section aria-labelledby="today-appointments">
            <h2 id="today-appointments" className="today-title">
              {isAdmin ? `${d.therapist.displayName}’s appointments` : 'Your appointments'}
            </h2>
            <DataTable
              label="Today’s appointments"
              columns={columns}
              data={d.appointments}
              getRowId={(a) => String(a.id)}
              rowTestId="today-appointment"
              rowClassName={(a) => (a.status === 'cancelled' || a.status === 'no_show' ? 'is-inactive' : a.status === 'arrived' ? 'is-arrived' : undefined)}
              maxHeight="none"
              empty={
                <div className="empty-state">
                  <h3>No appointments today</h3>
                  <p>
                    The <a href={`#${paths.schedule()}`}>schedule</a> shows the days ahead.
                  </p>
                </div>
              }
            />
          </section>
          <DueLists therapistId={isAdmin ? d.therapist.id : null} />
          <section aria-labelledby="today-reviews" className="today-reviews">
            <h2 id="today-reviews" className="today-title">
              Weekly reviews due <span className="muted">({d.reviewsDue.length})</span>
            </h2>
            {d.reviewsDue.length === 0 ? (
              <p className="muted">No plan week of your patients is waiting for a review.</p>
            ) : (
              <ul className="review-list">
                {d.reviewsDue.map((r) => (
                  <li key={`${r.patientId}-${r.weekStart}`}>
                    <a href={`#${paths.patient(r.patientId, 'plan')}`}>{r.patientName}</a>
                    <span className="muted">
                      {' '}
                      · week of {format.date(r.weekStart)} · {r.reviewed ? 'the planner’s decision waits for you' : 'not reviewed yet'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="today-reassessments" className="today-reviews">
            <h2 id="today-reassessments" className="today-title">
              Reassessments due today <span className="muted">({d.reassessmentsDue.length})</span>
            </h2>
            {d.reassessmentsDue.length === 0 ? (
              <p className="muted">No reassessment or questionnaire is due for today’s patients.</p>
            ) : (
              <ul className="review-list">
                {d.reassessmentsDue.map((r) => (
                  <li key={r.patientId}>
                    <a href={`#${paths.patient(r.patientId, 'reassessment')}`}>{r.patientName}</a>
                    <span className="muted"> · {r.items.map((i) => `${i.sentence}${i.overdue ? ` (overdue since ${format.date(i.dueOn)})` : ''}`).join(' ')}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
