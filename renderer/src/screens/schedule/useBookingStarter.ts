import { useCallback } from 'react';
import type { Appointment, WaitlistEntry } from '../../../../shared/domain/schedule';
import type { BookingDraft, BookingMode, ScheduleSettings } from './bookingForm';
import { isActive, within, workingSpans, type Column, type TherapistInfo } from './scheduleModel';

const overlaps = (a: { startMinute: number; endMinute: number }, start: number, end: number) => a.startMinute < end && start < a.endMinute;

interface Input {
  settings: ScheduleSettings | undefined;
  appointments: Appointment[];
  allTherapists: TherapistInfo[];
  columns: Column[];
  date: string;
  today: string;
  nowMinute: number;
  /** The one therapist the screen shows (their week, or their own day), or null. */
  onlyTherapist: number | null;
  onStart: (mode: BookingMode) => void;
}

/**
 * Where a new booking starts: the slot clicked or dragged, the chart's "Book", a waitlist entry or
 * "New appointment"; the form is prefilled with a free room (the one the therapist uses most that
 * day) and, from a room column, a free therapist.
 */
export function useBookingStarter({ settings, appointments, allTherapists, columns, date, today, nowMinute, onlyTherapist, onStart }: Input) {
  const defaultType = useCallback((s: ScheduleSettings) => s.appointmentTypes.find((t) => t.active && t.name === 'Follow-up') ?? s.appointmentTypes.find((t) => t.active), []);

  const freeRoom = useCallback(
    (day: string, start: number, end: number, therapistId: number | null): number | null => {
      const todays = appointments.filter((a) => a.localDate === day && isActive(a));
      const busy = new Set(todays.filter((a) => overlaps(a, start, end)).map((a) => a.roomId));
      const free = (settings?.rooms ?? []).filter((r) => r.active && !busy.has(r.id));
      const uses = new Map<number, number>();
      for (const a of todays) if (a.therapistId === therapistId && a.roomId !== null) uses.set(a.roomId, (uses.get(a.roomId) ?? 0) + 1);
      const favourite = [...free].sort((a, b) => (uses.get(b.id) ?? 0) - (uses.get(a.id) ?? 0))[0];
      return (favourite && uses.has(favourite.id) ? favourite : free[0])?.id ?? null;
    },
    [appointments, settings],
  );

  const freeTherapist = useCallback(
    (day: string, start: number, end: number): number | null => {
      const busy = new Set(appointments.filter((a) => a.localDate === day && isActive(a) && overlaps(a, start, end)).map((a) => a.therapistId));
      const list = allTherapists;
      return (list.find((t) => within(start, workingSpans(t, day)) && !busy.has(t.id)) ?? list.find((t) => within(start, workingSpans(t, day))) ?? list[0])?.id ?? null;
    },
    [allTherapists, appointments],
  );

  const startBooking = useCallback(
    (draft: Partial<BookingDraft> & { date: string; start: number }) => {
      if (!settings) return;
      const type = draft.typeId ? settings.appointmentTypes.find((t) => t.id === draft.typeId) : defaultType(settings);
      const length = draft.duration ?? type?.durationMinutes ?? 45;
      const therapistId = draft.therapistId ?? freeTherapist(draft.date, draft.start, draft.start + length);
      onStart({
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
    [settings, defaultType, freeRoom, freeTherapist, onStart],
  );

  /** The next quarter hour from now (today), or the first working hour of the day shown. */
  const suggestedStart = useCallback(() => {
    const first = Math.min(...columns.flatMap((c) => c.working.map((w) => w.start)), 9 * 60);
    if (date !== today) return first;
    return Math.max(first, Math.min(Math.ceil((nowMinute + 1) / 15) * 15, 23 * 60));
  }, [columns, date, today, nowMinute]);

  const newAppointment = useCallback(() => startBooking({ date, start: suggestedStart(), therapistId: onlyTherapist }), [startBooking, date, suggestedStart, onlyTherapist]);

  const bookFromWaitlist = useCallback(
    (e: WaitlistEntry) =>
      startBooking({
        date,
        start: e.fromMinute ?? suggestedStart(),
        patient: { id: e.patientId, name: e.patientName, detail: e.patientPhone ?? '' },
        therapistId: e.therapistId ?? onlyTherapist,
        ...(e.typeId !== null ? { typeId: e.typeId } : {}),
        waitlistEntryId: e.id,
      }),
    [startBooking, date, suggestedStart, onlyTherapist],
  );

  return { startBooking, suggestedStart, newAppointment, bookFromWaitlist };
}
