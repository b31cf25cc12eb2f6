import { z } from 'zod';
import { parseClockTime } from '../schedule/clinic-time';
import { isIsoDate } from '../util/dates';
import { optionalText, requiredText } from './fields';

export const APPOINTMENT_STATUSES = ['booked', 'arrived', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  arrived: 'Arrived',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};
/** Statuses that hold the slot: a cancelled or no-show appointment frees it. */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['booked', 'arrived', 'completed'];

export const SERIES_SCOPES = ['one', 'following', 'all'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];

export const calendarDay = (label: string) => z.string({ error: `${label} is required` }).refine(isIsoDate, `${label} is not a real date (YYYY-MM-DD)`);
export const clockTime = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .refine((v) => parseClockTime(v) !== null, `${label} must be a time like 09:30`)
    .transform((v) => parseClockTime(v)!);
export const isoWeekdays = z
  .array(z.number().int().min(1, 'Weekdays run 1 (Monday) to 7 (Sunday)').max(7, 'Weekdays run 1 (Monday) to 7 (Sunday)'))
  .min(1, 'Choose at least one weekday');

export const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #1f7a8c');

export const roomSchema = z.object({ id: z.number().int(), name: z.string(), active: z.boolean() });
export type Room = z.infer<typeof roomSchema>;
export const roomInputSchema = z.object({ id: z.number().int().positive().optional(), name: requiredText(60, 'Room name'), active: z.boolean().default(true) });

export const appointmentTypeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  durationMinutes: z.number().int(),
  colour: z.string(),
  active: z.boolean(),
});
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;
export const appointmentTypeInputSchema = z.object({
  id: z.number().int().positive().optional(),
  name: requiredText(60, 'Type name'),
  durationMinutes: z.number({ error: 'Duration is required' }).int('Duration is in whole minutes').min(5, 'Duration must be at least 5 minutes').max(480, 'Duration may be at most 8 hours'),
  colour: hexColour,
  active: z.boolean().default(true),
});

/** Working hours: intervals in minutes after local midnight, per ISO weekday. */
export const workingIntervalSchema = z.object({ weekday: z.number().int().min(1).max(7), startMinute: z.number().int(), endMinute: z.number().int() });
export type WorkingInterval = z.infer<typeof workingIntervalSchema>;
export const workingIntervalInputSchema = z
  .object({ weekday: z.number().int().min(1, 'Weekdays run 1–7').max(7, 'Weekdays run 1–7'), start: clockTime('Start'), end: clockTime('End') })
  .refine((v) => v.end > v.start, { message: 'End must be after start', path: ['end'] });

export const blockoutSchema = z.object({
  id: z.number().int(),
  therapistId: z.number().int().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string(),
});
export type Blockout = z.infer<typeof blockoutSchema>;

export const recurrenceInputSchema = z
  .object({
    weekdays: isoWeekdays,
    intervalWeeks: z.number().int().min(1, 'Repeat at least every week').max(8, 'Repeat at most every 8 weeks').default(1),
    until: calendarDay('End date').nullable().optional(),
    count: z.number().int().min(1, 'At least one appointment').max(100, 'At most 100 appointments in a series').nullable().optional(),
  })
  .refine((r) => Boolean(r.until) !== Boolean(r.count), { message: 'Give either an end date or a number of appointments', path: ['count'] });

export const overrideSchema = z.object({ reason: requiredText(200, 'Reason for double-booking') });

export const appointmentSchema = z.object({
  id: z.number().int(),
  seriesId: z.number().int().nullable(),
  patientId: z.number().int(),
  patientName: z.string(),
  patientPhone: z.string().nullable(),
  therapistId: z.number().int(),
  therapistName: z.string(),
  roomId: z.number().int().nullable(),
  roomName: z.string().nullable(),
  typeId: z.number().int(),
  typeName: z.string(),
  typeColour: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The same instants as the clinic's wall clock: date and minutes after midnight. */
  localDate: z.string(),
  startMinute: z.number().int(),
  endMinute: z.number().int(),
  status: z.enum(APPOINTMENT_STATUSES),
  arrivedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  lateCancel: z.boolean(),
  note: z.string().nullable(),
  doubleBookedReason: z.string().nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const waitlistEntrySchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  patientName: z.string(),
  patientPhone: z.string().nullable(),
  therapistId: z.number().int().nullable(),
  therapistName: z.string().nullable(),
  typeId: z.number().int().nullable(),
  weekdays: z.array(z.number().int()),
  fromMinute: z.number().int().nullable(),
  toMinute: z.number().int().nullable(),
  priority: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

export const WAITLIST_PRIORITIES = { 1: 'High', 2: 'Normal', 3: 'Low' } as const;

export const waitlistInputSchema = z
  .object({
    patientId: z.number({ error: 'Choose a patient' }).int().positive(),
    therapistId: z.number().int().positive().nullable().default(null),
    typeId: z.number().int().positive().nullable().default(null),
    weekdays: z.array(z.number().int().min(1).max(7)).default([]),
    from: clockTime('Earliest time').nullable().default(null),
    to: clockTime('Latest time').nullable().default(null),
    priority: z.number().int().min(1).max(3).default(2),
    note: optionalText(500, 'Note'),
  })
  .refine((v) => v.from === null || v.to === null || v.to > v.from, { message: 'Latest time must be after earliest time', path: ['to'] });
