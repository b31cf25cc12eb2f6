import { useEffect, useState } from 'react';
import type { ResponseData } from '../../../../shared/api/contract';
import { WAITLIST_PRIORITIES, type Appointment } from '../../../../shared/domain/schedule';
import { formatClockTime } from '../../../../shared/schedule/clinic-time';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useClinic } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { ConflictList, conflictReasons, isConflict } from './ConflictList';
import { describeWaitlistWishes, formatDay, formatMinuteRange } from './scheduleFormat';
import { shortName } from './scheduleModel';

type Match = ResponseData<'waitlist.matches'>['matches'][number];

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Waitlisted patients who fit the freed slot, best first, each with why; "Book" books that one. */
export function WaitlistMatches({ appointment, autoLoad, onBooked }: { appointment: Appointment; autoLoad: boolean; onBooked: (message: string) => void }) {
  const { locale } = useClinic();
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
                        {sentence(m.reasons.join(' · '))}
                      </div>
                      <div className="match-wishes muted">
                        {describeWaitlistWishes(m.entry, locale)}
                        {m.entry.patientPhone && (
                          <>
                            {' · '}
                            <span className="nowrap">{m.entry.patientPhone}</span>
                          </>
                        )}
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
