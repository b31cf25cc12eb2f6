import { useState } from 'react';
import { APPOINTMENT_STATUS_LABELS, type Appointment } from '../../../../shared/domain/schedule';
import { NoteAction } from '../notes/scheduleNotes';
import type { Role } from '../../../../shared/domain/roles';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useClinic } from '../../app/clinic';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { CancelForm } from './CancelForm';
import { PatientFlags } from './PatientFlags';
import { formatDay, formatDuration, formatMinuteRange } from './scheduleFormat';
import { WaitlistMatches } from './WaitlistMatches';
import { BalanceBadge } from '../billing/BalanceBadge';
import './AppointmentDialog.css';

export function StatusBadge({ a }: { a: Pick<Appointment, 'status' | 'lateCancel'> }) {
  const tone = a.status === 'arrived' || a.status === 'completed' ? 'badge-ok' : a.status === 'no_show' ? 'badge-danger' : a.status === 'cancelled' ? '' : 'badge-info';
  return (
    <span className={`badge ${tone}`}>
      {a.status === 'arrived' || a.status === 'completed' ? '✓ ' : ''}
      {APPOINTMENT_STATUS_LABELS[a.status]}
    </span>
  );
}

export function LateCancelBadge() {
  return <span className="badge badge-warning">Late cancellation</span>;
}

interface AppointmentDialogProps {
  appointmentId: number;
  role: Role;
  userId: number;
  lateCancelHours: number;
  onClose: () => void;
  /** Something changed: the grid reloads; `message` is said on the schedule. */
  onChanged: (message?: string) => void;
  onEdit: (a: Appointment, seriesDescription: string | null) => void;
  /** Book this patient again (from a cancelled or missed visit). */
  onRebook: (a: Appointment) => void;
}

/**
 * One appointment: who, when, where, the series it belongs to; check-in, complete, no-show and undo
 * (each role sees what it may do); cancel with a reason (the server decides whether it is late);
 * then the waitlisted patients who fit the freed slot, best first — booked only on a click.
 */
export function AppointmentDialog({ appointmentId, role, userId, lateCancelHours, onClose, onChanged, onEdit, onRebook }: AppointmentDialogProps) {
  const { locale } = useClinic();
  const { data, error, setData } = useQuery('appointments.get', { id: appointmentId });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [justCancelled, setJustCancelled] = useState(false);
  const canBook = role === 'admin' || role === 'front_desk';

  const setStatus = async (status: 'booked' | 'arrived' | 'completed' | 'no_show', done: string) => {
    if (!data) return;
    setBusy(true);
    setProblem(null);
    try {
      const updated = await call('appointments.setStatus', { id: data.id, status });
      setData({ ...updated, seriesDescription: data.seriesDescription });
      setNotice(done);
      onChanged();
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const title = data ? data.patientName : 'Appointment';
  const mine = data ? role !== 'therapist' || data.therapistId === userId : false;
  const started = data ? data.startsAt <= new Date().toISOString() : false;

  return (
    <Dialog open onClose={onClose} title={title} size="wide">
      {error && <Banner tone="error">{error.message}</Banner>}
      {!data && !error && (
        <div className="loading-block" role="status">
          <span className="spinner" aria-hidden="true" /> Opening the appointment…
        </div>
      )}
      {data && (
        <div className="appt-detail" data-testid="appointment-detail">
          <div className="appt-detail-badges">
            <StatusBadge a={data} />
            {data.status === 'cancelled' && data.lateCancel && <LateCancelBadge />}
            {data.seriesId !== null && <span className="badge">↻ Repeats</span>}
            {data.doubleBookedReason && <span className="badge badge-warning">Double-booked</span>}
          </div>
          <dl className="facts appt-facts">
            <div className="facts-row">
              <dt>When</dt>
              <dd>
                {formatDay(data.localDate, locale, 'long')}
                <br />
                {formatMinuteRange(data.startMinute, data.endMinute, locale)} <span className="muted">({formatDuration(data.endMinute - data.startMinute)})</span>
              </dd>
            </div>
            <div className="facts-row">
              <dt>Therapist</dt>
              <dd>{data.therapistName}</dd>
            </div>
            <div className="facts-row">
              <dt>Room</dt>
              <dd>{data.roomName ?? <span className="muted">No room</span>}</dd>
            </div>
            <div className="facts-row">
              <dt>Type</dt>
              <dd>
                <span className="type-swatch" style={{ background: data.typeColour }} aria-hidden="true" /> {data.typeName}
              </dd>
            </div>
            {data.seriesDescription && (
              <div className="facts-row">
                <dt>Repeats</dt>
                <dd>{data.seriesDescription}</dd>
              </div>
            )}
            {data.note && (
              <div className="facts-row">
                <dt>Note</dt>
                <dd className="pre-line">{data.note}</dd>
              </div>
            )}
            {data.status === 'cancelled' && (
              <div className="facts-row">
                <dt>Cancelled</dt>
                <dd>
                  {data.cancelReason}
                  {data.lateCancel && <span className="muted"> — less than {lateCancelHours} hours before</span>}
                </dd>
              </div>
            )}
            {data.doubleBookedReason && (
              <div className="facts-row">
                <dt>Double-booked</dt>
                <dd>{data.doubleBookedReason}</dd>
              </div>
            )}
            <div className="facts-row">
              <dt>Patient</dt>
              <dd>
                <a href={`#${paths.patient(data.patientId)}`} onClick={onClose}>
                  Open {data.patientName}’s chart
                </a>
                {data.patientPhone && <span className="muted nowrap"> · {data.patientPhone}</span>}
                <PatientFlags key={data.status} patientId={data.patientId} excludeAppointmentId={data.id} />
              </dd>
            </div>
            <div className="facts-row">
              <dt>Account</dt>
              <dd>
                <BalanceBadge patientId={data.patientId} />{' '}
                {canBook && (
                  <a href={`#${paths.patient(data.patientId, 'billing')}`} onClick={onClose}>
                    Take payment or charge the visit
                  </a>
                )}
              </dd>
            </div>
          </dl>

          {problem && <Banner tone="error">{problem}</Banner>}
          {notice && !justCancelled && <Banner tone="success">{notice}</Banner>}

          {!cancelling && !justCancelled && (
            <div className="appt-actions">
              <NoteAction appointment={data} role={role} userId={userId} onOpened={onClose} />
              {mine && data.status === 'booked' && (
                <button type="button" className="button button-primary" disabled={busy} onClick={() => void setStatus('arrived', `${data.patientName} is checked in.`)}>
                  ✓ Check in
                </button>
              )}
              {mine && (data.status === 'booked' || data.status === 'arrived') && (
                <button type="button" className="button" disabled={busy} onClick={() => void setStatus('completed', 'Marked completed.')}>
                  Complete
                </button>
              )}
              {canBook && data.status === 'booked' && started && (
                <button type="button" className="button" disabled={busy} onClick={() => void setStatus('no_show', 'Marked as a no-show.')}>
                  No-show
                </button>
              )}
              {mine && data.status === 'arrived' && (
                <button type="button" className="button button-quiet" disabled={busy} onClick={() => void setStatus('booked', 'Check-in undone.')}>
                  Undo check-in
                </button>
              )}
              {canBook && data.status === 'no_show' && (
                <button type="button" className="button button-quiet" disabled={busy} onClick={() => void setStatus('booked', 'No-show undone.')}>
                  Undo no-show
                </button>
              )}
              <span className="spacer" />
              {canBook && (data.status === 'booked' || data.status === 'arrived') && (
                <>
                  <button type="button" className="button" onClick={() => onEdit(data, data.seriesDescription)}>
                    Edit
                  </button>
                  <button type="button" className="button button-danger-quiet" onClick={() => setCancelling(true)}>
                    Cancel appointment…
                  </button>
                </>
              )}
              {canBook && (data.status === 'cancelled' || data.status === 'no_show') && (
                <button type="button" className="button" onClick={() => onRebook(data)}>
                  Book again
                </button>
              )}
            </div>
          )}

          {cancelling && (
            <CancelForm
              appointment={data}
              lateCancelHours={lateCancelHours}
              onDone={(cancelled, message) => {
                const self = cancelled.find((c) => c.id === data.id) ?? cancelled[0];
                if (self) setData({ ...self, seriesDescription: data.seriesDescription });
                setCancelling(false);
                setJustCancelled(true);
                setNotice(message);
                onChanged(message);
              }}
              onBack={() => setCancelling(false)}
            />
          )}

          {justCancelled && notice && (
            <Banner tone="success">
              {notice} {data.lateCancel && <LateCancelBadge />}
            </Banner>
          )}

          {canBook && data.status === 'cancelled' && data.startsAt > new Date().toISOString() && (
            <WaitlistMatches appointment={data} autoLoad={justCancelled} onBooked={(m) => onChanged(m)} />
          )}
        </div>
      )}
    </Dialog>
  );
}
