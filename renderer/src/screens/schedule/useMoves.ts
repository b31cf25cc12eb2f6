import { useCallback, useState } from 'react';
import type { Appointment, SeriesScope } from '../../../../shared/domain/schedule';
import { formatClockTime } from '../../../../shared/schedule/clinic-time';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { BookingMode, ScheduleSettings } from './bookingForm';
import { conflictReasons } from './ConflictList';
import { formatDay, formatMinuteRange } from './scheduleFormat';
import { shortName, type MoveTarget, type TherapistInfo } from './scheduleModel';

export interface Notice {
  text: string;
  undo?: () => void;
  /** A date to jump to ("Show"), when the change landed on another day. */
  show?: string;
}

export interface Refusal {
  title: string;
  reasons: string[];
  edit?: () => void;
}

interface Input {
  settings: ScheduleSettings | undefined;
  allTherapists: TherapistInfo[];
  locale: string;
  canBook: boolean;
  onNotice: (notice: Notice | null) => void;
  onRefusal: (refusal: Refusal | null) => void;
  onEdit: (mode: BookingMode) => void;
  /** Ask for what is on screen again; resolves when it is there (so a moved block does not flick back). */
  refresh: () => Promise<void>;
}

/**
 * Moving and resizing by drag: the appointment is drawn where it was dropped while the server
 * decides; a refused move snaps back with every reason; a repeating one asks which to move first;
 * a move can be undone from the notice.
 */
export function useMoves({ settings, allTherapists, locale, canBook, onNotice, onRefusal, onEdit, refresh }: Input) {
  const [pending, setPending] = useState<Map<number, MoveTarget>>(new Map());
  const [seriesAsk, setSeriesAsk] = useState<{ a: Appointment; target: MoveTarget; description: string | null } | null>(null);

  const setPendingFor = useCallback(
    (id: number, target: MoveTarget | null) =>
      setPending((p) => {
        const next = new Map(p);
        if (target) next.set(id, target);
        else next.delete(id);
        return next;
      }),
    [],
  );

  const describeMove = (a: Appointment, t: MoveTarget) => {
    const therapist = allTherapists.find((x) => x.id === t.therapistId);
    const room = settings?.rooms.find((r) => r.id === t.roomId);
    const parts = [`${formatDay(t.date, locale, 'short')}, ${formatMinuteRange(t.start, t.start + t.duration, locale)}`];
    if (t.therapistId !== a.therapistId && therapist) parts.push(`with ${shortName(therapist.displayName)}`);
    if (t.roomId !== a.roomId) parts.push(room ? `in ${room.name}` : 'with no room');
    return parts.join(' ');
  };

  const doMove = async (a: Appointment, t: MoveTarget, scope: SeriesScope): Promise<void> => {
    setPendingFor(a.id, t);
    onRefusal(null);
    onNotice(null);
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
      await refresh();
      const moved = r.appointments.find((x) => x.id === a.id);
      const back: MoveTarget = { date: a.localDate, start: a.startMinute, duration: a.endMinute - a.startMinute, therapistId: a.therapistId, roomId: a.roomId };
      const resized = t.start === a.startMinute && t.date === a.localDate && t.therapistId === a.therapistId && t.roomId === a.roomId;
      onNotice({
        text: `${resized ? 'Changed' : 'Moved'} ${a.patientName} to ${describeMove(a, t)}${r.appointments.length > 1 ? ` — ${r.appointments.length} appointments in the series` : ''}.`,
        ...(scope === 'one' && moved ? { undo: () => void doMove(moved, back, 'one') } : {}),
      });
    } catch (e) {
      const reasons = conflictReasons(e);
      onRefusal({
        title: `${a.patientName} was not moved to ${describeMove(a, t)}:`,
        reasons: reasons.length ? reasons : [messageOf(e)],
        ...(canBook
          ? { edit: () => onEdit({ kind: 'edit', appointment: a, seriesDescription: null, draft: { date: t.date, start: t.start, duration: t.duration, therapistId: t.therapistId, roomId: t.roomId }, scope }) }
          : {}),
      });
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

  const answerSeries = (scope: SeriesScope | null) => {
    if (!seriesAsk) return;
    setSeriesAsk(null);
    if (scope === null) setPendingFor(seriesAsk.a.id, null);
    else void doMove(seriesAsk.a, seriesAsk.target, scope);
  };

  return { pending, seriesAsk, onMove, answerSeries, describeMove };
}
