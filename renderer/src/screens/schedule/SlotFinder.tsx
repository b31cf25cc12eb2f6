import { useState } from 'react';
import type { ResponseData } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinic } from '../../app/clinic';
import { formatDay, formatMinute } from './scheduleFormat';
import { shortName } from './scheduleModel';

export type Slot = ResponseData<'appointments.findSlots'>['slots'][number];

interface SlotFinderProps {
  therapistId: number | null;
  typeId: number | null;
  /** The room the booking needs (null: none): its bookings count too. */
  roomId: number | null;
  patientId: number | null;
  durationMinutes: number | null;
  fromDate: string;
  therapistName: string | null;
  roomName: string | null;
  onPick: (s: Slot) => void;
}

/**
 * "Find next free slot": the therapist's next openings of this length in which the room and the
 * patient are free too (so booking then accepts them), by day; one click fills the form.
 */
export function SlotFinder({ therapistId, typeId, roomId, patientId, durationMinutes, fromDate, therapistName, roomName, onPick }: SlotFinderProps) {
  const { locale } = useClinic();
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const key = `${therapistId}|${typeId}|${roomId}|${patientId}|${durationMinutes}`;
  const [shownFor, setShownFor] = useState(key);
  if (shownFor !== key) {
    setShownFor(key);
    setSlots(null);
    setPicked(null);
  }

  const find = async () => {
    if (!therapistId || !typeId) {
      setProblem('Choose a therapist and an appointment type first.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const r = await call('appointments.findSlots', {
        therapistId,
        typeId,
        roomId,
        ...(patientId ? { patientId } : {}),
        ...(durationMinutes ? { durationMinutes } : {}),
        fromDate,
        weeks: 4,
        limit: 24,
      });
      setSlots(r.slots);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const byDay = new Map<string, Slot[]>();
  for (const s of slots ?? []) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s]);
  const who = [therapistName ? shortName(therapistName) : null, roomName].filter(Boolean).join(' in ');

  return (
    <div className="slot-finder">
      <button type="button" className="button button-small" onClick={() => void find()} disabled={busy}>
        {busy ? 'Looking…' : 'Find next free slot'}
      </button>
      {problem && <span className="field-error">{problem}</span>}
      {slots && (
        <div className="slot-results" role="group" aria-label={`Free slots${who ? ` for ${who}` : ''}`}>
          {slots.length === 0 && <p className="muted">No free slot in the next 4 weeks{who ? ` for ${who}` : ''}.</p>}
          {[...byDay.entries()].slice(0, 5).map(([date, list]) => (
            <div key={date} className="slot-day">
              <span className="slot-date">{formatDay(date, locale, 'short')}</span>
              <span className="slot-times">
                {list.slice(0, 8).map((s) => (
                  <button
                    key={s.startsAt}
                    type="button"
                    className={`slot${picked === s.startsAt ? ' is-picked' : ''}`}
                    aria-pressed={picked === s.startsAt}
                    onClick={() => {
                      setPicked(s.startsAt);
                      onPick(s);
                    }}
                  >
                    {formatMinute(s.startMinute, locale)}
                  </button>
                ))}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
