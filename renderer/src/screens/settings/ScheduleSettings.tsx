import { useEffect, useId, useState } from 'react';
import type { AppointmentType, Room, WorkingInterval } from '../../../../shared/domain/schedule';
import { formatClockTime, parseClockTime } from '../../../../shared/schedule/clinic-time';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useClinic } from '../../app/clinic';
import { useLeaveGuard } from '../../app/router';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { weekdayNames } from '../schedule/scheduleFormat';
import { Loading, LoadFailed } from '../../components/LoadState';
import './ScheduleSettings.css';

type Feedback = { tone: 'success' | 'error'; text: string } | null;

function fieldMessage(e: unknown): string {
  if (isApiCallError(e)) return Object.values(e.fields)[0] ?? e.message;
  return messageOf(e);
}

/** Admins: rooms, appointment types and each therapist's working hours. */
export function ScheduleSettings() {
  const { data, error, refetch } = useQuery('schedule.settings', {});
  if (error) return <LoadFailed error={error} onRetry={refetch} />;
  if (!data)
    return (
      <Loading />
    );
  return (
    <>
      <WorkingHoursSection therapists={data.therapists} onSaved={refetch} />
      <TypesSection types={data.appointmentTypes} onSaved={refetch} />
      <RoomsSection rooms={data.rooms} onSaved={refetch} />
      <section className="form-section">
        <h2 className="form-section-title">Late cancellations</h2>
        <p className="form-section-note">
          Cancelling less than <strong>{data.lateCancelHours} hours</strong> before the appointment counts as late. Change the window in{' '}
          <a href={`#${paths.settings('clinic')}`}>Settings → Clinic</a>.
        </p>
      </section>
    </>
  );
}

function RoomsSection({ rooms, onSaved }: { rooms: Room[]; onSaved: () => void }) {
  const id = useId();
  const [names, setNames] = useState<Record<number, string>>({});
  const [newName, setNewName] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  const save = async (input: { id?: number; name: string; active: boolean }, done: string) => {
    setBusy(true);
    setFeedback(null);
    try {
      await call('rooms.save', input);
      setFeedback({ tone: 'success', text: done });
      onSaved();
      return true;
    } catch (e) {
      setFeedback({ tone: 'error', text: fieldMessage(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="form-section" aria-labelledby={`${id}-title`}>
      <h2 className="form-section-title" id={`${id}-title`}>
        Rooms
      </h2>
      <p className="form-section-note">A retired room keeps its history but can no longer be booked.</p>
      {feedback && <Banner tone={feedback.tone}>{feedback.text}</Banner>}
      <table className="data-table settings-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rooms.map((r) => {
            const name = names[r.id] ?? r.name;
            return (
              <tr key={r.id} className={r.active ? undefined : 'is-inactive'}>
                <td>
                  <input className="input input-compact" aria-label={`Name of room ${r.name}`} value={name} maxLength={60} onChange={(e) => setNames((n) => ({ ...n, [r.id]: e.target.value }))} />
                </td>
                <td>{r.active ? <span className="badge badge-ok">In use</span> : <span className="badge">Retired</span>}</td>
                <td className="actions-cell">
                  {name !== r.name && (
                    <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void save({ id: r.id, name, active: r.active }, `Renamed to ${name}.`)}>
                      Save<span className="visually-hidden"> {name}</span>
                    </button>
                  )}
                  <button type="button" className="button button-small" disabled={busy} onClick={() => void save({ id: r.id, name: r.name, active: !r.active }, r.active ? `${r.name} is retired.` : `${r.name} is in use again.`)}>
                    {r.active ? 'Retire' : 'Bring back'}
                    <span className="visually-hidden"> {r.name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="inline-add"
        aria-label="Add a room"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newName.trim()) {
            setFeedback({ tone: 'error', text: 'Room name is required.' });
            return;
          }
          void save({ name: newName.trim(), active: true }, `${newName.trim()} added.`).then((ok) => ok && setNewName(''));
        }}
      >
        <label htmlFor={`${id}-new`}>New room</label>
        <input id={`${id}-new`} className="input input-compact" value={newName} maxLength={60} onChange={(e) => setNewName(e.target.value)} placeholder="e.g. Treatment 4" />
        <button type="submit" className="button button-small" disabled={busy}>
          Add room
        </button>
      </form>
    </section>
  );
}

interface TypeDraft {
  name: string;
  durationMinutes: string;
  colour: string;
}

function TypesSection({ types, onSaved }: { types: AppointmentType[]; onSaved: () => void }) {
  const id = useId();
  const [drafts, setDrafts] = useState<Record<number, TypeDraft>>({});
  const [adding, setAdding] = useState<TypeDraft>({ name: '', durationMinutes: '45', colour: '#2f6f8f' });
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const draftOf = (t: AppointmentType): TypeDraft => drafts[t.id] ?? { name: t.name, durationMinutes: String(t.durationMinutes), colour: t.colour };
  const changed = (t: AppointmentType) => {
    const d = draftOf(t);
    return d.name !== t.name || d.durationMinutes !== String(t.durationMinutes) || d.colour.toLowerCase() !== t.colour.toLowerCase();
  };

  const save = async (input: { id?: number; name: string; durationMinutes: number; colour: string; active: boolean }, done: string) => {
    setBusy(true);
    setFeedback(null);
    try {
      await call('appointmentTypes.save', input);
      setFeedback({ tone: 'success', text: done });
      const savedId = input.id;
      if (savedId !== undefined)
        setDrafts((d) => {
          const rest = { ...d };
          delete rest[savedId];
          return rest;
        });
      onSaved();
      return true;
    } catch (e) {
      setFeedback({ tone: 'error', text: fieldMessage(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const edit = (t: AppointmentType, change: Partial<TypeDraft>) => setDrafts((d) => ({ ...d, [t.id]: { ...draftOf(t), ...change } }));

  return (
    <section className="form-section" aria-labelledby={`${id}-title`}>
      <h2 className="form-section-title" id={`${id}-title`}>
        Appointment types
      </h2>
      <p className="form-section-note">The duration is the default length when booking; the colour marks the type on the schedule (its name is always written too).</p>
      {feedback && <Banner tone={feedback.tone}>{feedback.text}</Banner>}
      <table className="data-table settings-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Minutes</th>
            <th scope="col">Colour</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {types.map((t) => {
            const d = draftOf(t);
            return (
              <tr key={t.id} className={t.active ? undefined : 'is-inactive'}>
                <td>
                  <input className="input input-compact" aria-label={`Name of type ${t.name}`} value={d.name} maxLength={60} onChange={(e) => edit(t, { name: e.target.value })} />
                </td>
                <td>
                  <input className="input input-compact input-short" type="number" min={5} max={480} step={5} aria-label={`Minutes for ${t.name}`} value={d.durationMinutes} onChange={(e) => edit(t, { durationMinutes: e.target.value })} />
                </td>
                <td>
                  <span className="colour-field">
                    <input type="color" aria-label={`Colour of ${t.name}`} value={d.colour} onChange={(e) => edit(t, { colour: e.target.value })} />
                    <span className="mono">{d.colour}</span>
                  </span>
                </td>
                <td>{t.active ? <span className="badge badge-ok">In use</span> : <span className="badge">Retired</span>}</td>
                <td className="actions-cell">
                  {changed(t) && (
                    <button
                      type="button"
                      className="button button-small button-primary"
                      disabled={busy}
                      onClick={() => void save({ id: t.id, name: d.name, durationMinutes: Number(d.durationMinutes), colour: d.colour, active: t.active }, `${d.name} saved.`)}
                    >
                      Save<span className="visually-hidden"> {d.name}</span>
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    onClick={() => void save({ id: t.id, name: t.name, durationMinutes: t.durationMinutes, colour: t.colour, active: !t.active }, t.active ? `${t.name} is retired.` : `${t.name} is in use again.`)}
                  >
                    {t.active ? 'Retire' : 'Bring back'}
                    <span className="visually-hidden"> {t.name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="inline-add"
        aria-label="Add an appointment type"
        onSubmit={(e) => {
          e.preventDefault();
          if (!adding.name.trim()) {
            setFeedback({ tone: 'error', text: 'Type name is required.' });
            return;
          }
          void save({ name: adding.name.trim(), durationMinutes: Number(adding.durationMinutes), colour: adding.colour, active: true }, `${adding.name.trim()} added.`).then(
            (ok) => ok && setAdding({ name: '', durationMinutes: '45', colour: '#2f6f8f' }),
          );
        }}
      >
        <label htmlFor={`${id}-new`}>New type</label>
        <input id={`${id}-new`} className="input input-compact" value={adding.name} maxLength={60} onChange={(e) => setAdding((a) => ({ ...a, name: e.target.value }))} placeholder="e.g. Gait retraining" />
        <input className="input input-compact input-short" type="number" min={5} max={480} step={5} aria-label="Minutes for the new type" value={adding.durationMinutes} onChange={(e) => setAdding((a) => ({ ...a, durationMinutes: e.target.value }))} />
        <input type="color" aria-label="Colour of the new type" value={adding.colour} onChange={(e) => setAdding((a) => ({ ...a, colour: e.target.value }))} />
        <button type="submit" className="button button-small" disabled={busy}>
          Add type
        </button>
      </form>
    </section>
  );
}

interface IntervalDraft {
  key: number;
  weekday: number;
  start: string;
  end: string;
}

let nextKey = 1;
const toDrafts = (hours: WorkingInterval[]): IntervalDraft[] => hours.map((h) => ({ key: nextKey++, weekday: h.weekday, start: formatClockTime(h.startMinute), end: formatClockTime(h.endMinute) }));

function WorkingHoursSection({ therapists, onSaved }: { therapists: { id: number; displayName: string; workingHours: WorkingInterval[] }[]; onSaved: () => void }) {
  const { locale } = useClinic();
  const id = useId();
  const [therapistId, setTherapistId] = useState<number | null>(therapists[0]?.id ?? null);
  const therapist = therapists.find((t) => t.id === therapistId) ?? null;
  const [drafts, setDrafts] = useState<IntervalDraft[]>(() => toDrafts(therapist?.workingHours ?? []));
  const [dirty, setDirty] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const names = weekdayNames(locale, 'long');
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
        setFeedback({ tone: 'error', text: `${names[d.weekday - 1]}: each interval needs a start and an end after it.` });
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
            {names.map((name, i) => {
              const weekday = i + 1;
              const day = drafts.filter((d) => d.weekday === weekday);
              return (
                <div key={name} className="hours-row" role="group" aria-label={name}>
                  <div className="hours-day">{name}</div>
                  <div className="hours-intervals">
                    {day.length === 0 && <span className="hours-off">Not working</span>}
                    {day.map((d) => (
                      <span key={d.key} className="hours-interval">
                        <input
                          type="time"
                          step={900}
                          className="input input-compact"
                          aria-label={`${name} from`}
                          value={d.start}
                          onChange={(e) => change(drafts.map((x) => (x.key === d.key ? { ...x, start: e.target.value } : x)))}
                        />
                        <span aria-hidden="true">–</span>
                        <input
                          type="time"
                          step={900}
                          className="input input-compact"
                          aria-label={`${name} until`}
                          value={d.end}
                          onChange={(e) => change(drafts.map((x) => (x.key === d.key ? { ...x, end: e.target.value } : x)))}
                        />
                        <button type="button" className="icon-button" aria-label={`Remove ${name} ${d.start}–${d.end}`} onClick={() => change(drafts.filter((x) => x.key !== d.key))}>
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
