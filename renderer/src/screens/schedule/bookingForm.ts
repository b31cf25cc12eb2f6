import { z } from 'zod';
import type { ResponseData } from '../../../../shared/api/contract';
import type { Appointment, SeriesScope } from '../../../../shared/domain/schedule';
import { formatClockTime, isoWeekday, parseClockTime } from '../../../../shared/schedule/clinic-time';
import { isIsoDate } from '../../../../shared/util/dates';
import type { PickedPatient } from './PatientPicker';

/**
 * The booking form as data: what the dialog edits (strings, as typed), its checks in plain words, the
 * server's field names, its starting values (from the grid, the chart, the waitlist or an appointment)
 * and the request it becomes.
 */

export type ScheduleSettings = ResponseData<'schedule.settings'>;

/** What the grid (or the chart, or the waitlist) already knows when booking starts. */
export interface BookingDraft {
  patient: PickedPatient | null;
  therapistId: number | null;
  roomId: number | null;
  typeId: number | null;
  date: string;
  start: number;
  /** From a drag; undefined = the type's own length. */
  duration?: number;
  note?: string;
  waitlistEntryId?: number;
}

export type BookingMode =
  | { kind: 'new'; draft: BookingDraft }
  | { kind: 'edit'; appointment: Appointment; seriesDescription: string | null; draft?: Partial<BookingDraft>; scope?: SeriesScope };

/** How the clinic types a date and a time, for the checks' words ("Type the date as MM/DD/YYYY"). */
export interface TypingWords {
  typedDatePattern: string;
  typedTimeExample: string;
}

const bookingFields = z.object({
    patient: z.object({ id: z.number(), name: z.string(), detail: z.string() }).nullable(),
    therapistId: z.string(),
    roomId: z.string(),
    typeId: z.string(),
    date: z.string(),
    start: z.string(),
    duration: z.string(),
    note: z.string().max(500, 'Note is longer than 500 characters'),
    repeat: z.boolean(),
    weekdays: z.array(z.string()),
    intervalWeeks: z.string(),
    ends: z.enum(['count', 'until']),
    count: z.string(),
    until: z.string(),
    scope: z.enum(['one', 'following', 'all']),
  });

export type BookingValues = z.infer<typeof bookingFields>;

/** The booking form's checks, in the words of the clinic's own date and time formats. */
export function bookingFormSchema(words: TypingWords) {
  return bookingFields.superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.patient) issue('patient', 'Choose a patient');
    if (!v.therapistId) issue('therapistId', 'Choose a therapist');
    if (!v.typeId) issue('typeId', 'Choose an appointment type');
    if (!v.date.trim()) issue('date', 'Choose a date');
    else if (!isIsoDate(v.date)) issue('date', `Type the date as ${words.typedDatePattern}`);
    const start = parseClockTime(v.start);
    if (start === null) issue('start', v.start.trim() ? `Type the time like ${words.typedTimeExample}` : 'Choose a start time');
    const duration = Number(v.duration);
    if (!v.duration.trim() || !Number.isInteger(duration)) issue('duration', 'Duration is a whole number of minutes');
    else if (duration < 5) issue('duration', 'At least 5 minutes');
    else if (duration > 480) issue('duration', 'At most 8 hours');
    else if (start !== null && start + duration > 24 * 60) issue('duration', 'The appointment would run past midnight');
    if (v.repeat) {
      if (v.weekdays.length === 0) issue('weekdays', 'Choose at least one weekday');
      const every = Number(v.intervalWeeks);
      if (!Number.isInteger(every) || every < 1 || every > 8) issue('intervalWeeks', 'Every 1 to 8 weeks');
      if (v.ends === 'count') {
        const n = Number(v.count);
        if (!Number.isInteger(n) || n < 1 || n > 100) issue('count', 'Between 1 and 100 appointments');
      } else if (!v.until.trim()) issue('until', 'Choose the last date');
      else if (!isIsoDate(v.until)) issue('until', `Type the last date as ${words.typedDatePattern}`);
      else if (isIsoDate(v.date) && v.until < v.date) issue('until', 'The last date is before the first');
    }
  });
}

export const SERVER_FIELDS: Record<string, keyof BookingValues> = {
  therapistId: 'therapistId',
  roomId: 'roomId',
  typeId: 'typeId',
  date: 'date',
  start: 'start',
  durationMinutes: 'duration',
  note: 'note',
  'recurrence.weekdays': 'weekdays',
  'recurrence.intervalWeeks': 'intervalWeeks',
  'recurrence.count': 'count',
  'recurrence.until': 'until',
};

export function initialValues(mode: BookingMode, settings: ScheduleSettings): BookingValues {
  const d: Partial<BookingDraft> =
    mode.kind === 'new'
      ? mode.draft
      : {
          patient: { id: mode.appointment.patientId, name: mode.appointment.patientName, detail: mode.appointment.patientPhone ?? '' },
          therapistId: mode.appointment.therapistId,
          roomId: mode.appointment.roomId,
          typeId: mode.appointment.typeId,
          date: mode.appointment.localDate,
          start: mode.appointment.startMinute,
          duration: mode.appointment.endMinute - mode.appointment.startMinute,
          note: mode.appointment.note ?? '',
          ...mode.draft,
        };
  const types = settings.appointmentTypes.filter((t) => t.active);
  const type = types.find((t) => t.id === d.typeId) ?? types.find((t) => t.name === 'Follow-up') ?? types[0];
  const date = d.date ?? '';
  return {
    patient: d.patient ?? null,
    therapistId: d.therapistId ? String(d.therapistId) : '',
    roomId: d.roomId ? String(d.roomId) : '',
    typeId: type ? String(type.id) : '',
    date,
    start: d.start !== undefined ? formatClockTime(d.start) : '',
    duration: String(d.duration ?? type?.durationMinutes ?? 45),
    note: d.note ?? '',
    repeat: false,
    weekdays: isIsoDate(date) ? [String(isoWeekday(date))] : [],
    intervalWeeks: '1',
    ends: 'count',
    count: '8',
    until: '',
    scope: mode.kind === 'edit' ? (mode.scope ?? 'one') : 'one',
  };
}

/** The fields every booking and change sends (when, who, where, how long, the note). */
export function baseRequest(v: BookingValues) {
  return {
    therapistId: Number(v.therapistId),
    roomId: v.roomId ? Number(v.roomId) : null,
    typeId: Number(v.typeId),
    date: v.date,
    start: formatClockTime(parseClockTime(v.start)!),
    durationMinutes: Number(v.duration),
    note: v.note.trim() === '' ? null : v.note,
  };
}

/** A weekly series' rule, when Repeat is ticked. */
export function recurrenceOf(v: BookingValues) {
  if (!v.repeat) return undefined;
  return {
    weekdays: v.weekdays.map(Number),
    intervalWeeks: Number(v.intervalWeeks),
    ...(v.ends === 'count' ? { count: Number(v.count) } : { until: v.until }),
  };
}

/** The server field a message belongs on (recurrence messages go to the weekdays). */
export function formFieldOf(path: string): keyof BookingValues | undefined {
  return SERVER_FIELDS[path] ?? (path.startsWith('recurrence') ? 'weekdays' : undefined);
}
