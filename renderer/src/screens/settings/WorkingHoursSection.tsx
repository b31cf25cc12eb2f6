import { useEffect, useId, useState } from 'react';
import type { WorkingInterval } from '../../../../shared/domain/schedule';
import { formatClockTime, parseClockTime } from '../../../../shared/schedule/clinic-time';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic } from '../../app/clinic';
import { useLeaveGuard } from '../../app/router';
import { Banner } from '../../components/Banner';
import { TimeInput } from '../../components/ClinicInputs';

type Feedback = { tone: 'success' | 'error'; text: string } | null;

interface IntervalDraft {
  key: number;
  weekday: number;
  start: string;
  end: string;
}

let nextKey = 1;
const toDrafts = (hours: WorkingInterval[]): IntervalDraft[] => hours.map((h) => ({ key: nextKey++, weekday: h.weekday, start: formatClockTime(h.startMinute), end: formatClockTime(h.endMinute) }));

/** One therapist's weekly hours, as intervals per weekday (two for a lunch break), in the clinic's week order. */
export function WorkingHoursSection({ therapists, onSaved }: { therapists: { id: number; displayName: string; workingHours: WorkingInterval[] }[]; onSaved: () => void }) {
  const { format } = useClinic();
  const id = useId();
  const [therapistId, setTherapistId] = useState<number | null>(therapists[0]?.id ?? null);
  const therapist = therapists.find((t) => t.id === therapistId) ?? null;
  const [drafts, setDrafts] = useState<IntervalDraft[]>(() => toDrafts(therapist?.workingHours ?? []));
  const [dirty, setDirty] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const week = format.weekdays('long');
  const nameOf = (iso: number) => week.find((d) => d.iso === iso)?.name ?? '';
  const spoken = (hhmm: string) => {
    const minute = parseClockTime(hhmm);
    return minute === null ? hhmm : format.minute(minute);
  };
  useLeaveGuard(dirty);

  const hoursKey = JSON.stringify(therapist?.workingHours ?? []);
  useEffect(() => {
    setDrafts(toDrafts(JSON.parse(hoursKey) as WorkingInterval[]));
    setDirty(false);
  }, [therapistId, hoursKey]);

  const change = (next: IntervalDraft[]) => {
    setDrafts(next);
    setDirty(true);
    setFeedback(null);
  };

  const save = async () => {
    if (!therapist) return;
    for (const d of drafts) {
      const s = parseClockTime(d.start);
      const e = parseClockTime(d.end);
      if (s === null || e === null || e <= s) {
        setFeedback({ tone: 'error', text: `${nameOf(d.weekday)}: each interval needs a start and an end after it, typed like ${format.typedTimeExample}.` });
        return;
      }
    }
    setBusy(true);
    try {
      await call('workingHours.set', { therapistId: therapist.id, intervals: drafts.map((d) => ({ weekday: d.weekday, start: d.start, end: d.end })) });
      setDirty(false);
      setFeedback({ tone: 'success', text: `Working hours saved for ${therapist.displayName}.` });
      onSaved();
    } catch (e) {
      setFeedback({ tone: 'error', text: isApiCallError(e) ? e.message : messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="form-section" aria-labelledby={`${id}-title`}>
      <h2 className="form-section-title" id={`${id}-title`}>
        Working hours
      </h2>
      <p className="form-section-note">Bookings outside these hours are refused (an admin may override). Use two intervals for a lunch break.</p>
      {therapists.length === 0 ? (
        <p className="muted">There are no active therapists. Add one in Settings → Users.</p>
      ) : (
        <>
          <div className="field hours-who">
            <label htmlFor={`${id}-who`}>Therapist</label>
            <select id={`${id}-who`} className="input-compact" value={therapistId ?? ''} onChange={(e) => setTherapistId(Number(e.target.value))} disabled={dirty}>
              {therapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </select>
            {dirty && <span className="field-hint">Save or undo these changes before choosing someone else.</span>}
          </div>
          {feedback && <Banner tone={feedback.tone}>{feedback.text}</Banner>}
          <div className="hours-week">
            {week.map(({ iso: weekday, name }) => {
              const day = drafts.filter((d) => d.weekday === weekday);
              return (
                <div key={name} className="hours-row" role="group" aria-label={name}>
                  <div className="hours-day">{name}</div>
                  <div className="hours-intervals">
                    {day.length === 0 && <span className="hours-off">Not working</span>}
                    {day.map((d) => (
                      <span key={d.key} className="hours-interval">
                        <TimeInput
                          className="input input-compact input-time"
                          aria-label={`${name} from`}
                          value={d.start}
                          onChange={(start) => change(drafts.map((x) => (x.key === d.key ? { ...x, start } : x)))}
                        />
                        <span aria-hidden="true">–</span>
                        <TimeInput
                          className="input input-compact input-time"
                          aria-label={`${name} until`}
                          value={d.end}
                          onChange={(end) => change(drafts.map((x) => (x.key === d.key ? { ...x, end } : x)))}
                        />
                        <button type="button" className="icon-button" aria-label={`Remove ${name} ${spoken(d.start)} – ${spoken(d.end)}`} onClick={() => change(drafts.filter((x) => x.key !== d.key))}>
                          <span aria-hidden="true">×</span>
                        </button>
                      </span>
                    ))}
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      onClick={() => {
                        const last = day.at(-1);
                        const start = last ? Math.min((parseClockTime(last.end) ?? 12 * 60) + 30, 22 * 60) : 9 * 60;
                        change([...drafts, { key: nextKey++, weekday, start: formatClockTime(start), end: formatClockTime(Math.min(start + 4 * 60, 23 * 60 + 45)) }]);
                      }}
                    >
                      + Add hours<span className="visually-hidden"> on {name}</span>
                    </button>
                  </div>
                </div>
              );
            })}
          </div>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy || !dirty}>
              Save working hours
            </button>
            {dirty && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  setDrafts(toDrafts(therapist?.workingHours ?? []));
                  setDirty(false);
                }}
              >
                Undo changes
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
