import { z } from 'zod';
import { channel } from './channel';
import { optionalText, requiredText } from '../domain/fields';
import {
  appointmentSchema,
  appointmentTypeInputSchema,
  appointmentTypeSchema,
  blockoutSchema,
  calendarDay,
  clockTime,
  overrideSchema,
  recurrenceInputSchema,
  roomInputSchema,
  roomSchema,
  SERIES_SCOPES,
  workingIntervalInputSchema,
  workingIntervalSchema,
} from '../domain/schedule';

const id = (label: string) => z.number({ error: `${label} is required` }).int().positive();
const BOOKERS = ['admin', 'front_desk'] as const;
const EVERYONE = ['admin', 'therapist', 'front_desk'] as const;


export const scheduleChannels = {
  'schedule.settings': channel({
    summary: 'Rooms, appointment types, therapists and their working hours: what the schedule grid needs.',
    access: 'signed-in',
    kind: 'read',
    request: z.object({}),
    response: z.object({
      rooms: z.array(roomSchema),
      appointmentTypes: z.array(appointmentTypeSchema),
      therapists: z.array(z.object({ id: z.number().int(), displayName: z.string(), workingHours: z.array(workingIntervalSchema) })),
      lateCancelHours: z.number().int(),
    }),
  }),
  'rooms.save': channel({
    summary: 'Add or rename a room, or take it out of use.',
    access: ['admin'],
    kind: 'write',
    request: roomInputSchema,
    response: roomSchema,
  }),
  'appointmentTypes.save': channel({
    summary: 'Add or change an appointment type (name, duration, colour), or retire it.',
    access: ['admin'],
    kind: 'write',
    request: appointmentTypeInputSchema,
    response: appointmentTypeSchema,
  }),
  'workingHours.set': channel({
    summary: 'Replace a therapist’s weekly working hours.',
    access: ['admin'],
    kind: 'write',
    request: z.object({ therapistId: id('Therapist'), intervals: z.array(workingIntervalInputSchema).max(28) }),
    response: z.object({ workingHours: z.array(workingIntervalSchema) }),
  }),
  'blockouts.list': channel({
    summary: 'Blockouts (lunch, leave, meetings) overlapping a date range.',
    access: 'signed-in',
    kind: 'read',
    request: z.object({ from: calendarDay('From'), to: calendarDay('To') }),
    response: z.object({ blockouts: z.array(blockoutSchema) }),
  }),
  'blockouts.create': channel({
    summary: 'Block out time for a therapist (or the whole clinic when no therapist is given).',
    access: BOOKERS,
    kind: 'write',
    request: z
      .object({
        therapistId: id('Therapist').nullable(),
        date: calendarDay('Date'),
        start: clockTime('Start'),
        end: clockTime('End'),
        reason: requiredText(120, 'Reason'),
      })
      .refine((b) => b.end > b.start, { message: 'End must be after start', path: ['end'] }),
    response: blockoutSchema,
  }),
  'blockouts.remove': channel({
    summary: 'Remove a blockout (kept in the audit log).',
    access: BOOKERS,
    kind: 'write',
    request: z.object({ id: id('Blockout') }),
    response: z.object({ removed: z.literal(true) }),
  }),
  'appointments.range': channel({
    summary: 'Appointments starting within a range of dates (therapists see only their own).',
    access: EVERYONE,
    kind: 'read',
    request: z
      .object({
        from: calendarDay('From'),
        to: calendarDay('To'),
        therapistIds: z.array(z.number().int().positive()).max(50).optional(),
        includeCancelled: z.boolean().default(true),
      })
      .refine((r) => r.to >= r.from, { message: 'The range ends before it starts', path: ['to'] }),
    response: z.object({ appointments: z.array(appointmentSchema) }),
  }),
  'appointments.get': channel({
    summary: 'One appointment with its series rule described.',
    access: EVERYONE,
    kind: 'read',
    request: z.object({ id: id('Appointment') }),
    response: appointmentSchema.extend({ seriesDescription: z.string().nullable() }),
  }),
  'appointments.book': channel({
    summary: 'Book an appointment, or a weekly series. Conflicts are refused with their reasons; an admin may override with a reason.',
    access: BOOKERS,
    kind: 'write',
    request: z.object({
      patientId: id('Patient'),
      therapistId: id('Therapist'),
      roomId: id('Room').nullable().default(null),
      typeId: id('Appointment type'),
      date: calendarDay('Date'),
      start: clockTime('Start time'),
      durationMinutes: z.number().int().min(5, 'At least 5 minutes').max(480, 'At most 8 hours').optional(),
      note: optionalText(500, 'Note'),
      recurrence: recurrenceInputSchema.optional(),
      override: overrideSchema.optional(),
      waitlistEntryId: id('Waitlist entry').optional(),
      /** A series: book the dates that fit and leave out the ones that clash (each named in `skipped`). */
      skipConflicting: z.boolean().optional(),
    }),
    response: z.object({
      appointments: z.array(appointmentSchema),
      seriesId: z.number().int().nullable(),
      /** Dates of a series left out because they clash, each with its reasons in words. */
      skipped: z.array(z.object({ date: z.string(), reasons: z.array(z.string()) })).default([]),
    }),
  }),
  'appointments.move': channel({
    summary: 'Move or resize an appointment (one occurrence, this and following, or the whole series).',
    access: BOOKERS,
    kind: 'write',
    request: z.object({
      id: id('Appointment'),
      date: calendarDay('Date'),
      start: clockTime('Start time'),
      durationMinutes: z.number().int().min(5, 'At least 5 minutes').max(480, 'At most 8 hours'),
      therapistId: id('Therapist'),
      roomId: id('Room').nullable(),
      typeId: id('Appointment type').optional(),
      note: optionalText(500, 'Note').optional(),
      scope: z.enum(SERIES_SCOPES).default('one'),
      override: overrideSchema.optional(),
    }),
    response: z.object({ appointments: z.array(appointmentSchema) }),
  }),
  'appointments.cancel': channel({
    summary: 'Cancel with a reason (late when inside the clinic’s window): one, this and following, or the whole series.',
    access: BOOKERS,
    kind: 'write',
    request: z.object({ id: id('Appointment'), reason: requiredText(200, 'Reason for cancelling'), scope: z.enum(SERIES_SCOPES).default('one') }),
    response: z.object({ cancelled: z.array(appointmentSchema) }),
  }),
  'appointments.setStatus': channel({
    summary: 'Check in (arrived), complete, mark a no-show, or undo back to booked.',
    access: EVERYONE,
    kind: 'write',
    request: z.object({ id: id('Appointment'), status: z.enum(['booked', 'arrived', 'completed', 'no_show']) }),
    response: appointmentSchema,
  }),
  'appointments.findSlots': channel({
    summary: 'The next free slots for a therapist and appointment type (and the room and patient, when given) within the next weeks.',
    access: EVERYONE,
    kind: 'read',
    request: z.object({
      therapistId: id('Therapist'),
      typeId: id('Appointment type'),
      /** The room the booking needs free too, and the patient who must not be booked elsewhere then. */
      roomId: id('Room').nullable().optional(),
      patientId: id('Patient').optional(),
      /** The length to find (default: the type's own). */
      durationMinutes: z.number().int().min(5).max(480).optional(),
      fromDate: calendarDay('From'),
      weeks: z.number().int().min(1, 'Look at least one week ahead').max(26, 'Look at most 26 weeks ahead').default(4),
      limit: z.number().int().min(1).max(50).default(10),
    }),
    response: z.object({ slots: z.array(z.object({ startsAt: z.string(), endsAt: z.string(), date: z.string(), startMinute: z.number().int() })) }),
  }),
  'appointments.patientSummary': channel({
    summary: 'A patient’s cancellations, late cancellations and no-shows, and upcoming appointments.',
    access: EVERYONE,
    kind: 'read',
    request: z.object({ patientId: id('Patient') }),
    response: z.object({
      cancellations: z.number().int(),
      lateCancellations: z.number().int(),
      noShows: z.number().int(),
      completed: z.number().int(),
      upcoming: z.array(appointmentSchema),
      /** The Medicare guard's flag, shown wherever the front desk books (no self-submit superbill). */
      medicarePartBPrimary: z.boolean(),
    }),
  }),
  'schedule.daySheet': channel({
    summary: 'A printable day sheet (PDF) for one therapist, or all, on a date.',
    access: EVERYONE,
    kind: 'read',
    request: z.object({ date: calendarDay('Date'), therapistId: id('Therapist').nullable().default(null), paper: z.enum(['letter', 'a4']).default('letter') }),
    response: z.object({ filename: z.string(), pdfBase64: z.string() }),
  }),
} as const;


