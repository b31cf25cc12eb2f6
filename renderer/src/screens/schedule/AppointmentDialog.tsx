import { useEffect, useId, useState } from 'react';
import { NoteAction } from '../notes/scheduleNotes';
import type { ResponseData } from '../../../../shared/api/contract';
import { APPOINTMENT_STATUS_LABELS, WAITLIST_PRIORITIES, type Appointment, type SeriesScope } from '../../../../shared/domain/schedule';
import type { Role } from '../../../../shared/domain/roles';
import { formatClockTime } from '../../../../shared/schedule/clinic-time';
import { formatInstantDate } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useClinic } from '../../app/clinic';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { ConflictList, conflictReasons, isConflict } from './ConflictList';
import { PatientFlags } from './PatientFlags';
import { describeWaitlistWishes, formatDay, formatDuration, formatMinuteRange } from './scheduleFormat';
import { shortName } from './scheduleModel';
import { SeriesScopeFields } from './SeriesScopeDialog';

type Detail = ResponseData<'appointments.get'>;

const CANCEL_REASONS = ['Sick', 'Work conflict', 'Childcare', 'Travel', 'Weather', 'Feeling better'];

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
                {data.patientPhone && <span className="muted"> · {data.patientPhone}</span>}
                <PatientFlags key={data.status} patientId={data.patientId} />
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

function CancelForm({ appointment, lateCancelHours, onDone, onBack }: { appointment: Detail; lateCancelHours: number; onDone: (cancelled: Appointment[], message: string) => void; onBack: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<SeriesScope>('one');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) {
      setError('Say why the appointment is cancelled');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const r = await call('appointments.cancel', { id: appointment.id, reason: reason.trim(), scope });
      const late = r.cancelled.filter((c) => c.lateCancel).length;
      const n = r.cancelled.length;
      const windowText = `less than ${lateCancelHours} hours before`;
      const message =
        n === 1
          ? `Appointment cancelled — ${late ? `a late cancellation (${windowText}).` : 'not late.'}`
          : `${n} appointments cancelled${late ? ` — ${late} of them late (${windowText})` : ''}.`;
      onDone(r.cancelled, message);
    } catch (e) {
      setProblem(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <form
      className="cancel-form"
      aria-label="Cancel the appointment"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Cancel this appointment</h3>
      {problem && <Banner tone="error">{problem}</Banner>}
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>Reason for cancelling</label>
        <input
          id={id}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <div className="field-hint reason-chips" id={`${id}-hint`}>
          {CANCEL_REASONS.map((r) => (
            <button key={r} type="button" className="chip" onClick={() => setReason(r)}>
              {r}
            </button>
          ))}
        </div>
        {error && (
          <div className="field-error" id={`${id}-error`}>
            {error}
          </div>
        )}
      </div>
      {appointment.seriesId !== null && (
        <fieldset className="form-subsection">
          <legend>Which appointments are cancelled?</legend>
          <SeriesScopeFields value={scope} onChange={setScope} name="cancel-scope" />
        </fieldset>
      )}
      <p className="muted">Cancelling less than {lateCancelHours} hours before the appointment counts as a late cancellation; Runback records it.</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          Keep the appointment
        </button>
        <button type="submit" className="button button-danger" disabled={busy}>
          Cancel appointment
        </button>
      </div>
    </form>
  );
}

type Match = ResponseData<'waitlist.matches'>['matches'][number];

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Waitlisted patients who fit the freed slot, best first, each with why; "Book" books that one. */
function WaitlistMatches({ appointment, autoLoad, onBooked }: { appointment: Appointment; autoLoad: boolean; onBooked: (message: string) => void }) {
  const { locale, timeZone } = useClinic();
  const [requested, setRequested] = useState(autoLoad);
  const { data, error, refetch } = useQuery('waitlist.matches', { appointmentId: appointment.id }, { enabled: requested });
  const [booked, setBooked] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  useEffect(() => {
    if (autoLoad) setRequested(true);
  }, [autoLoad]);

  const book = async (m: Match) => {
    setBusy(m.entry.id);
    setConflict(null);
    try {
      await call('appointments.book', {
        patientId: m.entry.patientId,
        therapistId: appointment.therapistId,
        roomId: appointment.roomId,
        typeId: appointment.typeId,
        date: appointment.localDate,
        start: formatClockTime(appointment.startMinute),
        durationMinutes: appointment.endMinute - appointment.startMinute,
        waitlistEntryId: m.entry.id,
      });
      const message = `Booked ${m.entry.patientName} into ${formatDay(appointment.localDate, locale, 'short')}, ${formatMinuteRange(appointment.startMinute, appointment.endMinute, locale)} with ${shortName(appointment.therapistName)}.`;
      setBooked(message);
      onBooked(message);
    } catch (e) {
      setConflict(isConflict(e) ? conflictReasons(e) : [messageOf(e)]);
      refetch();
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="waitlist-matches" aria-labelledby="matches-title">
      <h3 id="matches-title">Offer the freed slot</h3>
      {!requested && (
        <button type="button" className="button" onClick={() => setRequested(true)}>
          Find waitlisted patients for this slot
        </button>
      )}
      {booked && <Banner tone="success">{booked}</Banner>}
      {conflict && <ConflictList title="That booking did not go through:" reasons={conflict} />}
      {error && <Banner tone="error">{error.message}</Banner>}
      {requested && !data && !error && (
        <div className="loading-block" role="status">
          <span className="spinner" aria-hidden="true" /> Looking at the waitlist…
        </div>
      )}
      {data && !booked && (
        <>
          {data.matches.length === 0 ? (
            <p className="muted">Nobody on the waitlist fits this slot.</p>
          ) : (
            <>
              <p className="muted">Best fit first. Nothing is booked until you choose.</p>
              <ol className="match-list">
                {data.matches.map((m, i) => (
                  <li key={m.entry.id} className="match">
                    <div className="match-main">
                      <div className="match-name">
                        <span className="match-rank" aria-hidden="true">
                          {i + 1}
                        </span>
                        {m.entry.patientName}
                        {m.entry.priority === 1 && <span className="badge badge-warning">{WAITLIST_PRIORITIES[1]} priority</span>}
                      </div>
                      <div className="match-why">
                        {sentence(
                          m.reasons
                            .filter((r) => !r.startsWith('waiting since'))
                            .concat(`waiting since ${formatInstantDate(m.entry.createdAt, timeZone, locale)}`)
                            .join(' · '),
                        )}
                      </div>
                      <div className="match-wishes muted">
                        {describeWaitlistWishes(m.entry, locale)}
                        {m.entry.patientPhone ? ` · ${m.entry.patientPhone}` : ''}
                      </div>
                    </div>
                    <button type="button" className="button button-primary button-small" disabled={busy !== null} onClick={() => void book(m)}>
                      Book<span className="visually-hidden"> {m.entry.patientName} into this slot</span>
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}
