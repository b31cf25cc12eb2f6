/**
 * The Schedule: the front desk's home (issue #4).
 *
 * Why the grid is our own and not @event-calendar/core (MIT, resource time grid + interaction
 * plugin, checked at 5.15.0): that package would pass our CSP (it sets style attributes only and
 * ships its CSS as a file), but
 *  - it understands only 'local', 'UTC' or a fixed offset as a time zone, not the clinic's IANA zone:
 *    we would feed it fake-UTC wall-clock times and still keep our own clinic-time code for "now",
 *    drops and DST days — two sources of truth for the one thing a schedule must get right;
 *  - it is a Svelte 5 app (210 kB + the Svelte runtime) inside our React app: appointment content,
 *    badges, focus and dialogs would be hand-built DOM handed across, not our components;
 *  - what we need beyond its defaults (working hours shaded per therapist, hatched blockouts with
 *    their reason, the series question before a drop is saved, a refused move that snaps back with
 *    the server's reasons, appointments as real buttons for the keyboard) is most of the work anyway.
 * The grid here is ~400 lines on shared/schedule/clinic-time.ts (every date is the clinic's
 * calendar date, every time minutes after the clinic's midnight, so the browser's zone never
 * enters), pointer events for drag/drop/resize with 15-minute snapping, and pure layout in
 * scheduleModel.ts with unit tests. (FullCalendar's resource views are premium: not allowed.)
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Appointment, SeriesScope, WaitlistEntry } from '../../../../shared/domain/schedule';
import { formatClockTime, instantToLocal } from '../../../../shared/schedule/clinic-time';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { NoteMarksProvider } from '../notes/scheduleNotes';
import { sessionStore, useAuth } from '../../api/session';
import { useClinic, useClinicToday } from '../../app/clinic';
import { useRouter } from '../../app/router';
import { paths, type ScheduleParams } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { AppointmentDialog } from './AppointmentDialog';
import { BlockoutDetailsDialog, NewBlockoutDialog, type BlockoutDraft } from './BlockoutDialogs';
import { BookingDialog, type BookingDraft, type BookingMode, type ScheduleSettings } from './BookingDialog';
import { ConflictList, conflictReasons } from './ConflictList';
import { DaySheetDialog } from './DaySheetDialog';
import { ScheduleGrid, type SlotRequest } from './ScheduleGrid';
import { ScheduleLegend } from './ScheduleLegend';
import { formatDateRange, formatDay, formatMinute, formatMinuteRange } from './scheduleFormat';
import { buildColumns, datesOf, isActive, shortName, stepDate, visibleRange, within, workingSpans, type BlockoutSpan, type MoveTarget } from './scheduleModel';
import { SeriesScopeDialog } from './SeriesScopeDialog';
import { WaitlistPanel } from './WaitlistPanel';

interface Notice {
  text: string;
  undo?: () => void;
  /** A date to jump to ("Show"), when the change landed on another day. */
  show?: string;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName) || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type));
}

const overlaps = (a: { startMinute: number; endMinute: number }, start: number, end: number) => a.startMinute < end && start < a.endMinute;

export function ScheduleScreen({ params }: { params: ScheduleParams }) {
  const auth = useAuth();
  const user = auth.phase === 'signedIn' ? auth.user : null;
  const role = user?.role ?? 'front_desk';
  const canBook = role === 'admin' || role === 'front_desk';
  const isTherapist = role === 'therapist';
  const { locale, timeZone } = useClinic();
  const today = useClinicToday();
  const { navigate } = useRouter();

  const date = params.date ?? today;
  const view = params.view ?? 'day';
  const by = isTherapist ? 'therapist' : (params.by ?? 'therapist');
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const setParams = useCallback(
    (change: Partial<ScheduleParams>) => {
      const next = { ...paramsRef.current, ...change };
      if (next.date === today) delete next.date;
      void navigate(paths.schedule(next), { replace: true, force: true });
    },
    [navigate, today],
  );

  const settings = useQuery('schedule.settings', {});
  const dates = datesOf(view, date);
  const rangeInput = { from: dates[0]!, to: dates.at(-1)! };
  const rangeKey = `${rangeInput.from}|${rangeInput.to}`;
  const rangeKeyRef = useRef(rangeKey);
  rangeKeyRef.current = rangeKey;
  const appts = useQuery('appointments.range', rangeInput);
  const blocks = useQuery('blockouts.list', rangeInput);
  const waitlist = useQuery('waitlist.list', {});

  const [showCancelled, setShowCancelled] = useState(true);
  const [waitlistOpen, setWaitlistOpen] = useState(false);
  const [pending, setPending] = useState<Map<number, MoveTarget>>(new Map());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<{ title: string; reasons: string[]; edit?: () => void } | null>(null);
  const [booking, setBooking] = useState<BookingMode | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [seriesAsk, setSeriesAsk] = useState<{ a: Appointment; target: MoveTarget; description: string | null } | null>(null);
  const [newBlockout, setNewBlockout] = useState<BlockoutDraft | null>(null);
  const [openBlockout, setOpenBlockout] = useState<{ b: BlockoutSpan; date: string } | null>(null);
  const [printing, setPrinting] = useState(false);
  const [nowMinute, setNowMinute] = useState(() => instantToLocal(new Date(), timeZone).minute);

  useEffect(() => {
    const tick = () => setNowMinute(instantToLocal(new Date(), timeZone).minute);
    const t = window.setInterval(tick, 30_000);
    return () => window.clearInterval(t);
  }, [timeZone]);

  // A notice fades after a while (its Undo with it).
  useEffect(() => {
    if (!notice) return undefined;
    const t = window.setTimeout(() => setNotice(null), 12_000);
    return () => window.clearTimeout(t);
  }, [notice]);

  /** Ask again for what is on screen; the answer is used only if the screen still shows that range. */
  const apptsSetData = appts.setData;
  const blocksSetData = blocks.setData;
  const waitlistRefetch = waitlist.refetch;
  const reload = useCallback(async () => {
    const key = rangeKeyRef.current;
    const [from, to] = key.split('|') as [string, string];
    try {
      const [a, b] = await Promise.all([call('appointments.range', { from, to }), call('blockouts.list', { from, to })]);
      if (rangeKeyRef.current === key) {
        apptsSetData(a);
        blocksSetData(b);
      }
    } catch {
      // The next refresh (focus, another change) tries again; the grid keeps what it shows.
    }
    waitlistRefetch();
  }, [apptsSetData, blocksSetData, waitlistRefetch]);

  // Others book too: look again when the window comes back into focus.
  useEffect(() => {
    const onFocus = () => {
      if (!sessionStore.isLocked() && document.visibilityState === 'visible') void reload();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [reload]);

  const allTherapists = useMemo(() => settings.data?.therapists ?? [], [settings.data]);
  const therapists = useMemo(() => {
    if (isTherapist) return allTherapists.filter((t) => t.id === user?.id);
    if (view === 'week' && params.therapist !== undefined) {
      const chosen = allTherapists.filter((t) => t.id === params.therapist);
      if (chosen.length) return chosen;
    }
    return allTherapists;
  }, [allTherapists, isTherapist, user?.id, view, params.therapist]);
  const weekTherapist = view === 'week' && therapists.length === 1 ? therapists[0]!.id : null;

  const columns = useMemo(
    () =>
      buildColumns({
        view,
        by,
        date,
        therapists,
        rooms: settings.data?.rooms ?? [],
        appointments: appts.data?.appointments ?? [],
        blockouts: blocks.data?.blockouts ?? [],
        timeZone,
        showCancelled,
      }),
    [view, by, date, therapists, settings.data, appts.data, blocks.data, timeZone, showCancelled],
  );
  const range = useMemo(() => visibleRange(columns), [columns]);

  // --- Booking -------------------------------------------------------------------------------
  const defaultType = useCallback((s: ScheduleSettings) => s.appointmentTypes.find((t) => t.active && t.name === 'Follow-up') ?? s.appointmentTypes.find((t) => t.active), []);

  /** A room nobody uses at that time: the one the therapist uses most that day, else the first free one. */
  const freeRoom = useCallback(
    (day: string, start: number, end: number, therapistId: number | null): number | null => {
      const todays = (appts.data?.appointments ?? []).filter((a) => a.localDate === day && isActive(a));
      const busy = new Set(todays.filter((a) => overlaps(a, start, end)).map((a) => a.roomId));
      const free = (settings.data?.rooms ?? []).filter((r) => r.active && !busy.has(r.id));
      const uses = new Map<number, number>();
      for (const a of todays) if (a.therapistId === therapistId && a.roomId !== null) uses.set(a.roomId, (uses.get(a.roomId) ?? 0) + 1);
      const favourite = [...free].sort((a, b) => (uses.get(b.id) ?? 0) - (uses.get(a.id) ?? 0))[0];
      return (favourite && uses.has(favourite.id) ? favourite : free[0])?.id ?? null;
    },
    [appts.data, settings.data],
  );

  /** The first therapist who works then and is free (for a click in a room column). */
  const freeTherapist = useCallback(
    (day: string, start: number, end: number): number | null => {
      const list = allTherapists;
      const busy = new Set((appts.data?.appointments ?? []).filter((a) => a.localDate === day && isActive(a) && overlaps(a, start, end)).map((a) => a.therapistId));
      return (list.find((t) => within(start, workingSpans(t, day)) && !busy.has(t.id)) ?? list.find((t) => within(start, workingSpans(t, day))) ?? list[0])?.id ?? null;
    },
    [allTherapists, appts.data],
  );

  const startBooking = useCallback(
    (draft: Partial<BookingDraft> & { date: string; start: number }) => {
      if (!settings.data) return;
      const type = draft.typeId ? settings.data.appointmentTypes.find((t) => t.id === draft.typeId) : defaultType(settings.data);
      const length = draft.duration ?? type?.durationMinutes ?? 45;
      const therapistId = draft.therapistId ?? freeTherapist(draft.date, draft.start, draft.start + length);
      setConflict(null);
      setBooking({
        kind: 'new',
        draft: {
          patient: draft.patient ?? null,
          therapistId,
          roomId: draft.roomId !== undefined ? draft.roomId : freeRoom(draft.date, draft.start, draft.start + length, therapistId),
          typeId: type?.id ?? null,
          date: draft.date,
          start: draft.start,
          ...(draft.duration !== undefined ? { duration: draft.duration } : {}),
          ...(draft.waitlistEntryId !== undefined ? { waitlistEntryId: draft.waitlistEntryId } : {}),
        },
      });
    },
    [settings.data, defaultType, freeRoom, freeTherapist],
  );

  const onSlot = (r: SlotRequest) => {
    startBooking({
      date: r.column.date,
      start: r.start,
      ...(r.duration !== undefined ? { duration: r.duration } : {}),
      therapistId: r.column.therapistId,
      ...(r.column.roomId !== undefined ? { roomId: r.column.roomId } : {}),
    });
  };

  /** The next quarter hour from now (today), or the first working hour of the day shown. */
  const suggestedStart = useCallback(() => {
    const first = Math.min(...columns.flatMap((c) => c.working.map((w) => w.start)), 9 * 60);
    if (date !== today) return first;
    return Math.max(first, Math.min(Math.ceil((nowMinute + 1) / 15) * 15, 23 * 60));
  }, [columns, date, today, nowMinute]);

  const newAppointment = useCallback(() => {
    startBooking({ date, start: suggestedStart(), therapistId: weekTherapist ?? (by === 'therapist' && view === 'day' && therapists.length === 1 ? therapists[0]!.id : null) });
  }, [startBooking, date, suggestedStart, weekTherapist, by, view, therapists]);

  // The chart's "Book" arrives as ?book=<patient id>.
  const bookParam = params.book;
  useEffect(() => {
    if (bookParam === undefined || !settings.data || !canBook) return;
    let current = true;
    setParams({ book: undefined });
    call('patients.get', { id: bookParam }).then(
      (p) => {
        if (!current) return;
        const name = `${p.legalLastName}, ${p.legalFirstName}${p.preferredName && p.preferredName !== p.legalFirstName ? ` (${p.preferredName})` : ''}`;
        startBooking({ date, start: suggestedStart(), patient: { id: p.id, name, detail: [p.phone, p.mrn].filter(Boolean).join(' · ') } });
      },
      (e: unknown) => current && setNotice({ text: messageOf(e) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per ?book=
  }, [bookParam, settings.data]);

  const bookFromWaitlist = (e: WaitlistEntry) => {
    const start = e.fromMinute ?? suggestedStart();
    startBooking({
      date,
      start,
      patient: { id: e.patientId, name: e.patientName, detail: e.patientPhone ?? '' },
      therapistId: e.therapistId ?? weekTherapist,
      ...(e.typeId !== null ? { typeId: e.typeId } : {}),
      waitlistEntryId: e.id,
    });
  };

  // --- Moving --------------------------------------------------------------------------------
  const setPendingFor = (id: number, target: MoveTarget | null) =>
    setPending((p) => {
      const next = new Map(p);
      if (target) next.set(id, target);
      else next.delete(id);
      return next;
    });

  const describeMove = (a: Appointment, t: MoveTarget) => {
    const therapist = allTherapists.find((x) => x.id === t.therapistId);
    const room = settings.data?.rooms.find((r) => r.id === t.roomId);
    const parts = [`${formatDay(t.date, locale, 'short')}, ${formatMinuteRange(t.start, t.start + t.duration, locale)}`];
    if (t.therapistId !== a.therapistId && therapist) parts.push(`with ${shortName(therapist.displayName)}`);
    if (t.roomId !== a.roomId) parts.push(room ? `in ${room.name}` : 'with no room');
    return parts.join(' ');
  };

  const doMove = async (a: Appointment, t: MoveTarget, scope: SeriesScope) => {
    setPendingFor(a.id, t);
    setConflict(null);
    setNotice(null);
    try {
      const r = await call('appointments.move', {
        id: a.id,
        date: t.date,
        start: formatClockTime(t.start),
        durationMinutes: t.duration,
        therapistId: t.therapistId,
        roomId: t.roomId,
        scope,
      });
      await reload();
      const moved = r.appointments.find((x) => x.id === a.id);
      const back: MoveTarget = { date: a.localDate, start: a.startMinute, duration: a.endMinute - a.startMinute, therapistId: a.therapistId, roomId: a.roomId };
      const resized = t.start === a.startMinute && t.date === a.localDate && t.therapistId === a.therapistId && t.roomId === a.roomId;
      setNotice({
        text: `${resized ? 'Changed' : 'Moved'} ${a.patientName} to ${describeMove(a, t)}${r.appointments.length > 1 ? ` — ${r.appointments.length} appointments in the series` : ''}.`,
        ...(scope === 'one' && moved ? { undo: () => void doMove(moved, back, 'one') } : {}),
      });
    } catch (e) {
      const reasons = conflictReasons(e);
      setConflict({
        title: `${a.patientName} was not moved to ${describeMove(a, t)}:`,
        reasons: reasons.length ? reasons : [messageOf(e)],
        ...(canBook
          ? {
              edit: () =>
                setBooking({
                  kind: 'edit',
                  appointment: a,
                  seriesDescription: null,
                  draft: { date: t.date, start: t.start, duration: t.duration, therapistId: t.therapistId, roomId: t.roomId },
                  scope,
                }),
            }
          : {}),
      });
      void reload();
    } finally {
      setPendingFor(a.id, null);
    }
  };

  const onMove = (a: Appointment, t: MoveTarget) => {
    if (a.seriesId === null) {
      void doMove(a, t, 'one');
      return;
    }
    setPendingFor(a.id, t);
    setSeriesAsk({ a, target: t, description: null });
    call('appointments.get', { id: a.id }).then(
      (full) => setSeriesAsk((s) => (s && s.a.id === a.id ? { ...s, description: full.seriesDescription } : s)),
      () => {},
    );
  };

  // --- Keyboard ------------------------------------------------------------------------------
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || sessionStore.isLocked() || document.querySelector('dialog[open]')) return;
      const key = e.key;
      if (key === 'ArrowLeft' || key === 'PageUp') setParams({ date: stepDate(view, date, -1) });
      else if (key === 'ArrowRight' || key === 'PageDown') setParams({ date: stepDate(view, date, 1) });
      else if (key === 't' || key === 'T') setParams({ date: undefined });
      else if (key === 'd' || key === 'D') setParams({ view: 'day' });
      else if (key === 'w' || key === 'W') setParams({ view: 'week' });
      else if ((key === 'n' || key === 'N') && canBook) newAppointment();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [setParams, view, date, canBook, newAppointment]);

  // --- Render --------------------------------------------------------------------------------
  if (settings.error) {
    return (
      <div className="page">
        <Banner
          tone="error"
          actions={
            <button type="button" className="button" onClick={settings.refetch}>
              Try again
            </button>
          }
        >
          {settings.error.message}
        </Banner>
      </div>
    );
  }
  if (!settings.data) {
    return (
      <div className="page">
        <div className="loading-block" role="status">
          <span className="spinner" aria-hidden="true" /> Opening the schedule…
        </div>
      </div>
    );
  }
  const s = settings.data;
  const heading = view === 'day' ? formatDay(date, locale, 'long') : formatDateRange(dates[0]!, dates.at(-1)!, locale);
  const noTherapists = therapists.length === 0;

  return (
    <NoteMarksProvider from={rangeInput.from} to={rangeInput.to}>
    <div className="schedule">
      <header className="sched-toolbar">
        <div className="sched-nav" role="group" aria-label="Move through days">
          <button type="button" className="button button-small" onClick={() => setParams({ date: undefined })} disabled={date === today} title="Today (T)">
            Today
          </button>
          <button type="button" className="icon-button sched-step" onClick={() => setParams({ date: stepDate(view, date, -1) })} aria-label={view === 'day' ? 'Previous day' : 'Previous week'} title={`${view === 'day' ? 'Previous day' : 'Previous week'} (←)`}>
            <span aria-hidden="true">‹</span>
          </button>
          <button type="button" className="icon-button sched-step" onClick={() => setParams({ date: stepDate(view, date, 1) })} aria-label={view === 'day' ? 'Next day' : 'Next week'} title={`${view === 'day' ? 'Next day' : 'Next week'} (→)`}>
            <span aria-hidden="true">›</span>
          </button>
          <h1 className="sched-title" aria-live="polite">
            {heading}
            {view === 'day' && date === today && <span className="badge badge-today">Today</span>}
          </h1>
          <label className="sched-goto">
            <span className="visually-hidden">Go to date</span>
            <input type="date" className="input input-compact" value={date} onChange={(e) => e.target.value && setParams({ date: e.target.value })} />
          </label>
          {(appts.loading || blocks.loading) && <span className="spinner" role="status" aria-label="Loading" />}
          <span className="spacer" />
          <div className="segmented" role="group" aria-label="View">
            <button type="button" aria-pressed={view === 'day'} onClick={() => setParams({ view: 'day' })} title="Day (D)">
              Day
            </button>
            <button type="button" aria-pressed={view === 'week'} onClick={() => setParams({ view: 'week' })} title="Week (W)">
              Week
            </button>
          </div>
          {!isTherapist && view === 'day' && (
            <div className="segmented" role="group" aria-label="Columns">
              <button type="button" aria-pressed={by === 'therapist'} onClick={() => setParams({ by: 'therapist' })}>
                By therapist
              </button>
              <button type="button" aria-pressed={by === 'room'} onClick={() => setParams({ by: 'room' })}>
                By room
              </button>
            </div>
          )}
          {!isTherapist && view === 'week' && (
            <label className="sched-select">
              <span>Therapist</span>
              <select className="input input-compact" value={params.therapist ?? ''} onChange={(e) => setParams({ therapist: e.target.value ? Number(e.target.value) : undefined })}>
                <option value="">All therapists</option>
                {allTherapists.map((t) => (
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
            <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} /> Show cancelled
          </label>
          <span className="spacer" />
          {canBook && (
            <button type="button" className="button button-primary button-small" onClick={newAppointment} title="New appointment (N)">
              <span aria-hidden="true">+</span> New appointment
            </button>
          )}
          {canBook && (
            <button type="button" className="button button-small" onClick={() => setNewBlockout({ therapistId: weekTherapist, date, start: 12 * 60, end: 13 * 60 })}>
              Block time
            </button>
          )}
          <button type="button" className="button button-small" onClick={() => setPrinting(true)}>
            Print day sheet
          </button>
          <button type="button" className="button button-small" aria-pressed={waitlistOpen} onClick={() => setWaitlistOpen((o) => !o)}>
            Waitlist{waitlist.data ? ` (${waitlist.data.entries.length})` : ''}
          </button>
        </div>
      </header>

      {(notice || conflict || appts.error) && (
        <div className="sched-messages">
          {appts.error && (
            <Banner
              tone="error"
              actions={
                <button type="button" className="button" onClick={appts.refetch}>
                  Try again
                </button>
              }
            >
              {appts.error.message}
            </Banner>
          )}
          {conflict && (
            <ConflictList
              title={conflict.title}
              reasons={conflict.reasons}
              actions={
                <>
                  {conflict.edit && (
                    <button type="button" className="button button-small" onClick={conflict.edit}>
                      Change it in the form…
                    </button>
                  )}
                  <button type="button" className="button button-small button-quiet" onClick={() => setConflict(null)}>
                    Dismiss
                  </button>
                </>
              }
            />
          )}
          {notice && (
            <Banner
              tone="success"
              actions={
                <>
                  {notice.show && notice.show !== date && (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => {
                        setParams({ date: notice.show });
                        setNotice(null);
                      }}
                    >
                      Show
                    </button>
                  )}
                  {notice.undo && (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => {
                        notice.undo?.();
                        setNotice(null);
                      }}
                    >
                      Undo
                    </button>
                  )}
                  <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setNotice(null)}>
                    <span aria-hidden="true">×</span>
                  </button>
                </>
              }
            >
              {notice.text}
            </Banner>
          )}
        </div>
      )}

      <div className="sched-main">
        {noTherapists ? (
          <div className="empty-state">
            <h2>No therapists to schedule yet</h2>
            <p>An admin adds therapists in Settings → Users, then their working hours in Settings → Schedule.</p>
          </div>
        ) : (
          <ScheduleGrid
            view={view}
            columns={columns}
            range={range}
            locale={locale}
            today={today}
            nowMinute={nowMinute}
            groupedHeadings={view === 'week' && therapists.length > 1}
            canBook={canBook}
            canMove={(a) => canBook && (a.status === 'booked' || a.status === 'arrived')}
            pending={pending}
            onSlot={onSlot}
            onBlockSlot={(r) => setNewBlockout({ therapistId: r.column.therapistId, date: r.column.date, start: r.start, end: r.start + r.duration })}
            onOpen={(a) => setDetailId(a.id)}
            onMove={onMove}
            onOpenBlockout={(b, c) => setOpenBlockout({ b, date: c.date })}
          />
        )}
        {waitlistOpen && (
          <WaitlistPanel
            entries={waitlist.data?.entries}
            error={waitlist.error?.message ?? null}
            settings={s}
            canEdit={canBook}
            onChanged={(m) => {
              setNotice({ text: m });
              waitlist.refetch();
            }}
            onBook={bookFromWaitlist}
            onClose={() => setWaitlistOpen(false)}
          />
        )}
      </div>

      <ScheduleLegend types={s.appointmentTypes.filter((t) => t.active)} canBook={canBook} />

      {booking && (
        <BookingDialog
          mode={booking}
          settings={s}
          isAdmin={role === 'admin'}
          onClose={() => setBooking(null)}
          onSaved={({ message, date: landed }) => {
            setBooking(null);
            setConflict(null);
            setNotice({ text: message, ...(landed !== date && !dates.includes(landed) ? { show: landed } : {}) });
            void reload();
          }}
        />
      )}
      {detailId !== null && user && (
        <AppointmentDialog
          appointmentId={detailId}
          role={role}
          userId={user.id}
          lateCancelHours={s.lateCancelHours}
          onClose={() => setDetailId(null)}
          onChanged={(m) => {
            if (m) setNotice({ text: m });
            void reload();
          }}
          onEdit={(a, description) => {
            setDetailId(null);
            setBooking({ kind: 'edit', appointment: a, seriesDescription: description });
          }}
          onRebook={(a) => {
            setDetailId(null);
            startBooking({
              date: a.localDate > today ? a.localDate : date >= today ? date : today,
              start: a.startMinute,
              patient: { id: a.patientId, name: a.patientName, detail: a.patientPhone ?? '' },
              therapistId: a.therapistId,
              roomId: a.roomId,
              typeId: a.typeId,
            });
          }}
        />
      )}
      {seriesAsk && (
        <SeriesScopeDialog
          title="Move a repeating appointment"
          description={seriesAsk.description}
          change={
            <>
              Move <strong>{seriesAsk.a.patientName}</strong> from {formatDay(seriesAsk.a.localDate, locale, 'short')}, {formatMinute(seriesAsk.a.startMinute, locale)} to{' '}
              <strong>{describeMove(seriesAsk.a, seriesAsk.target)}</strong>.
            </>
          }
          confirmLabel="Move"
          onChoose={(scope) => {
            const { a, target } = seriesAsk;
            setSeriesAsk(null);
            void doMove(a, target, scope);
          }}
          onCancel={() => {
            setPendingFor(seriesAsk.a.id, null);
            setSeriesAsk(null);
          }}
        />
      )}
      {newBlockout && (
        <NewBlockoutDialog
          draft={newBlockout}
          settings={s}
          onClose={() => setNewBlockout(null)}
          onSaved={(m, landed) => {
            setNotice({ text: m, ...(!dates.includes(landed) ? { show: landed } : {}) });
            void reload();
          }}
        />
      )}
      {openBlockout && (
        <BlockoutDetailsDialog
          blockout={openBlockout.b}
          date={openBlockout.date}
          therapistName={allTherapists.find((t) => t.id === openBlockout.b.therapistId)?.displayName ?? null}
          onClose={() => setOpenBlockout(null)}
          onRemoved={(m) => {
            setNotice({ text: m });
            void reload();
          }}
        />
      )}
      {printing && (
        <DaySheetDialog
          date={date}
          settings={s}
          therapistId={weekTherapist ?? (by === 'therapist' && therapists.length === 1 ? therapists[0]!.id : null)}
          lockedTherapistId={isTherapist ? (user?.id ?? null) : null}
          onClose={() => setPrinting(false)}
        />
      )}
    </div>
    </NoteMarksProvider>
  );
}
