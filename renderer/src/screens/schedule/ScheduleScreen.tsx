import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { instantToLocal } from '../../../../shared/schedule/clinic-time';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { NoteMarksProvider } from '../notes/scheduleNotes';
import { sessionStore, useAuth } from '../../api/session';
import { useClinic, useClinicToday } from '../../app/clinic';
import { useRouter } from '../../app/router';
import { paths, type ScheduleParams } from '../../app/routes';
import { LoadFailed, Loading } from '../../components/LoadState';
import { AppointmentDialog } from './AppointmentDialog';
import { BlockoutDetailsDialog, NewBlockoutDialog, type BlockoutDraft } from './BlockoutDialogs';
import { BookingDialog, type BookingMode } from './BookingDialog';
import { DaySheetDialog } from './DaySheetDialog';
import { ScheduleGrid, type SlotRequest } from './ScheduleGrid';
import { ScheduleLegend } from './ScheduleLegend';
import { ScheduleNotices } from './ScheduleNotices';
import { ScheduleToolbar } from './ScheduleToolbar';
import { formatDay, formatMinute } from './scheduleFormat';
import { buildColumns, datesOf, stepDate, visibleRange, type BlockoutSpan } from './scheduleModel';
import { SeriesScopeDialog } from './SeriesScopeDialog';
import { useBookingStarter } from './useBookingStarter';
import { useMoves, type Notice, type Refusal } from './useMoves';
import { WaitlistPanel } from './WaitlistPanel';
import './ScheduleScreen.css';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName) || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type));
}

/**
 * The Schedule: the front desk's home (issue #4). This file holds the screen's state and wires its
 * parts: the toolbar, the grid (ScheduleGrid: why it is our own is written there), the notices, the
 * waitlist and the dialogs; booking starts in useBookingStarter, drag moves in useMoves.
 */
export function ScheduleScreen({ params }: { params: ScheduleParams }) {
  const auth = useAuth();
  const user = auth.phase === 'signedIn' ? auth.user : null;
  const role = user?.role ?? 'front_desk';
  const canBook = role === 'admin' || role === 'front_desk';
  const isTherapist = role === 'therapist';
  const { locale, timeZone, format } = useClinic();
  const today = useClinicToday();
  const { navigate } = useRouter();
  const queryClient = useQueryClient();

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
  const dates = datesOf(view, date, format.weekStartsOnIso);
  const rangeInput = { from: dates[0]!, to: dates.at(-1)! };
  const appts = useQuery('appointments.range', rangeInput);
  const blocks = useQuery('blockouts.list', rangeInput);
  const waitlist = useQuery('waitlist.list', {});

  const [showCancelled, setShowCancelled] = useState(true);
  const [waitlistOpen, setWaitlistOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [booking, setBooking] = useState<BookingMode | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [newBlockout, setNewBlockout] = useState<BlockoutDraft | null>(null);
  const [openBlockout, setOpenBlockout] = useState<{ b: BlockoutSpan; date: string } | null>(null);
  const [printing, setPrinting] = useState(false);
  const [focusAppointment, setFocusAppointment] = useState<number | null>(null);
  const [nowMinute, setNowMinute] = useState(() => instantToLocal(new Date(), timeZone).minute);

  useEffect(() => {
    const t = window.setInterval(() => setNowMinute(instantToLocal(new Date(), timeZone).minute), 30_000);
    return () => window.clearInterval(t);
  }, [timeZone]);

  // A notice fades after a while (its Undo with it).
  useEffect(() => {
    if (!notice) return undefined;
    const t = window.setTimeout(() => setNotice(null), notice.text.length > 160 ? 30_000 : 12_000);
    return () => window.clearTimeout(t);
  }, [notice]);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ['schedule'] }), [queryClient]);

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
  const onlyTherapist = weekTherapist ?? (by === 'therapist' && therapists.length === 1 ? therapists[0]!.id : null);

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
        weekStartsOn: format.weekStartsOnIso,
      }),
    [view, by, date, therapists, settings.data, appts.data, blocks.data, timeZone, showCancelled, format.weekStartsOnIso],
  );
  const range = useMemo(() => visibleRange(columns), [columns]);

  const startEdit = useCallback((mode: BookingMode) => {
    setRefusal(null);
    setBooking(mode);
  }, []);
  const { startBooking, suggestedStart, newAppointment, bookFromWaitlist } = useBookingStarter({
    settings: settings.data,
    appointments: appts.data?.appointments ?? [],
    allTherapists,
    columns,
    date,
    today,
    nowMinute,
    onlyTherapist,
    onStart: startEdit,
  });
  const moves = useMoves({ settings: settings.data, allTherapists, locale, canBook, onNotice: setNotice, onRefusal: setRefusal, onEdit: startEdit, refresh });

  const onSlot = (r: SlotRequest) =>
    startBooking({
      date: r.column.date,
      start: r.start,
      ...(r.duration !== undefined ? { duration: r.duration } : {}),
      therapistId: r.column.therapistId,
      ...(r.column.roomId !== undefined ? { roomId: r.column.roomId } : {}),
    });

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

  // Keyboard: ←/→ a day or week, T today, D day, W week, N new appointment.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || sessionStore.isLocked() || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key === 'arrowleft' || key === 'pageup') setParams({ date: stepDate(view, date, -1) });
      else if (key === 'arrowright' || key === 'pagedown') setParams({ date: stepDate(view, date, 1) });
      else if (key === 't') setParams({ date: undefined });
      else if (key === 'd') setParams({ view: 'day' });
      else if (key === 'w') setParams({ view: 'week' });
      else if (key === 'n' && canBook) newAppointment();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [setParams, view, date, canBook, newAppointment]);

  if (settings.error)
    return (
      <div className="page">
        <LoadFailed error={settings.error} onRetry={settings.refetch} />
      </div>
    );
  if (!settings.data)
    return (
      <div className="page">
        <Loading label="Opening the schedule…" />
      </div>
    );
  const s = settings.data;
  const seriesAsk = moves.seriesAsk;

  return (
    <NoteMarksProvider from={rangeInput.from} to={rangeInput.to}>
    <div className="schedule">
      <ScheduleToolbar
        params={params}
        view={view}
        by={by}
        date={date}
        dates={dates}
        today={today}
        locale={locale}
        loading={appts.fetching || blocks.fetching}
        isTherapist={isTherapist}
        canBook={canBook}
        allTherapists={allTherapists}
        showCancelled={showCancelled}
        waitlistOpen={waitlistOpen}
        waitlistCount={waitlist.data ? waitlist.data.entries.length : null}
        setParams={setParams}
        onShowCancelled={setShowCancelled}
        onNewAppointment={newAppointment}
        onBlockTime={() => setNewBlockout({ therapistId: weekTherapist, date, start: 12 * 60, end: 13 * 60 })}
        onPrint={() => setPrinting(true)}
        onToggleWaitlist={() => setWaitlistOpen((o) => !o)}
      />

      <ScheduleNotices
        loadError={appts.error}
        onRetry={appts.refetch}
        refusal={refusal}
        notice={notice}
        date={date}
        onDismissRefusal={() => setRefusal(null)}
        onDismissNotice={() => setNotice(null)}
        onShow={(d) => setParams({ date: d })}
      />

      <div className="sched-main">
        {therapists.length === 0 ? (
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
            pending={moves.pending}
            focusAppointmentId={focusAppointment}
            onShowTherapist={isTherapist ? undefined : (id) => setParams({ therapist: id })}
            onFocused={() => setFocusAppointment(null)}
            onSlot={onSlot}
            onBlockSlot={(r) => setNewBlockout({ therapistId: r.column.therapistId, date: r.column.date, start: r.start, end: r.start + r.duration })}
            onOpen={(a) => setDetailId(a.id)}
            onMove={moves.onMove}
            onOpenBlockout={(b, c) => setOpenBlockout({ b, date: c.date })}
          />
        )}
        {waitlistOpen && (
          <WaitlistPanel
            entries={waitlist.data?.entries}
            error={waitlist.error?.message ?? null}
            settings={s}
            canEdit={canBook}
            onChanged={(m) => setNotice({ text: m })}
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
          onSaved={({ message, date: landed, appointmentId }) => {
            setBooking(null);
            setRefusal(null);
            setNotice({ text: message, ...(landed !== date && !dates.includes(landed) ? { show: landed } : {}) });
            // The keyboard stays on the schedule: on the new appointment when it is shown, else on "New appointment".
            if (dates.includes(landed) && appointmentId !== null) setFocusAppointment(appointmentId);
            else window.setTimeout(() => document.querySelector<HTMLElement>('[data-new-appointment]')?.focus(), 0);
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
          onChanged={(m) => m && setNotice({ text: m })}
          onEdit={(a, description) => {
            setDetailId(null);
            startEdit({ kind: 'edit', appointment: a, seriesDescription: description });
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
              <strong>{moves.describeMove(seriesAsk.a, seriesAsk.target)}</strong>.
            </>
          }
          confirmLabel="Move"
          onChoose={(scope) => moves.answerSeries(scope)}
          onCancel={() => moves.answerSeries(null)}
        />
      )}
      {newBlockout && (
        <NewBlockoutDialog
          draft={newBlockout}
          settings={s}
          onClose={() => setNewBlockout(null)}
          onSaved={(m, landed) => setNotice({ text: m, ...(!dates.includes(landed) ? { show: landed } : {}) })}
        />
      )}
      {openBlockout && (
        <BlockoutDetailsDialog
          blockout={openBlockout.b}
          date={openBlockout.date}
          therapistName={allTherapists.find((t) => t.id === openBlockout.b.therapistId)?.displayName ?? null}
          onClose={() => setOpenBlockout(null)}
          onRemoved={(m) => setNotice({ text: m })}
        />
      )}
      {printing && (
        <DaySheetDialog
          date={date}
          settings={s}
          therapistId={onlyTherapist}
          lockedTherapistId={isTherapist ? (user?.id ?? null) : null}
          onClose={() => setPrinting(false)}
        />
      )}
    </div>
    </NoteMarksProvider>
  );
}
