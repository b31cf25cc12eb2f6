import { z } from 'zod';
import { channel } from './channel';
import { billingSummarySchema } from '../charting/billing-lines';
import { diagnosisSchema } from '../charting/episode';
import { dueListsSchema, noteRecordSchema, noteSummarySchema } from '../charting/note';
import { NOTE_STATUSES, NOTE_TYPES, noteContentSchema } from '../charting/note-content';
import { runningSummarySchema } from '../charting/running-summary';
import { requiredText } from '../domain/fields';
import { calendarDay } from '../domain/schedule';
import { screenEntrySchema } from '../clinical/redFlags';
import { redFlagScreenRecordSchema } from '../domain/redFlags';

/** Note content is clinical: therapists and admins. The front desk sees that notes exist and their billing lines. */
const CLINICAL = ['admin', 'therapist'] as const;
const EVERYONE = ['admin', 'therapist', 'front_desk'] as const;
const id = (label: string) => z.number({ error: `${label} is required` }).int().positive();
const revision = z.number({ error: 'The draft’s revision is required' }).int().min(0);

export const noteChannels = {
  'notes.list': channel({
    summary: 'A patient’s visit notes, newest first: date, type, status, therapist and billing lines — never the content.',
    access: EVERYONE,
    kind: 'read',
    request: z.object({ patientId: id('Patient') }),
    response: z.object({
      notes: z.array(noteSummarySchema),
      /** The episodes the notes belong to, with the diagnoses the billing lines point to. */
      episodes: z.array(z.object({ id: z.number().int(), status: z.enum(['open', 'discharged']), startDate: z.string(), dischargeDate: z.string().nullable(), diagnoses: z.array(diagnosisSchema) })),
    }),
  }),
  'notes.get': channel({
    summary: 'One note with its content, billing lines, signature and addenda (every opening is audited).',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ id: id('Note') }),
    response: noteRecordSchema,
  }),
  'notes.start': channel({
    summary: 'Open the note for an appointment (the one already started, or a new draft), or start one from the chart; optionally copied forward from the last signed note.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({
      patientId: id('Patient'),
      appointmentId: id('Appointment').nullable().default(null),
      /** Left out: chosen from the appointment type and what is due. */
      type: z.enum(NOTE_TYPES).optional(),
      /** Start from the last signed note of the episode; left out: yes when there is one (never for an evaluation). */
      copyForward: z.boolean().optional(),
      /** Left out: the appointment's date, else today (clinic time). */
      dateOfService: calendarDay('Date of service').optional(),
    }),
    response: noteRecordSchema,
  }),
  'notes.saveDraft': channel({
    summary: 'Save a draft while it is being written (autosave). `revision` refuses to overwrite a newer save from another window.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ id: id('Note'), revision, type: z.enum(NOTE_TYPES).optional(), dateOfService: calendarDay('Date of service').optional(), content: noteContentSchema }),
    response: z.object({ revision: z.number().int(), updatedAt: z.string(), billing: billingSummarySchema }),
  }),
  'notes.redFlagScreen': channel({
    summary: 'Record the red-flag screen asked in a draft note’s subjective (dated the visit), or correct it; the earlier answers are kept.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ noteId: id('Note'), entry: screenEntrySchema, replacesId: id('Screen').nullable().default(null) }),
    response: z.object({ screen: redFlagScreenRecordSchema }),
  }),
  'notes.runningSummary': channel({
    summary: 'The running since the last visit, from the running log and the plan, for the note’s subjective.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ noteId: id('Note') }),
    response: runningSummarySchema,
  }),
  'notes.sign': channel({
    summary: 'Sign and lock a draft: refused while copied rows are untouched or required parts are missing; stores the signer, time and SHA-256.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ id: id('Note'), revision }),
    response: noteRecordSchema,
  }),
  'notes.addendum': channel({
    summary: 'Add a dated, signed addendum under a signed note (the original stays untouched).',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ noteId: id('Note'), text: requiredText(4000, 'Addendum') }),
    response: noteRecordSchema,
  }),
  'notes.discard': channel({
    summary: 'Discard one’s own draft (it is kept, marked discarded, and leaves the lists).',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ id: id('Note'), revision }),
    response: z.object({ id: z.number().int() }),
  }),
  'notes.pdf': channel({
    summary: 'The note as a PDF: letterhead, patient, episode, the note, the signature block with its hash, and addenda.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ id: id('Note'), paper: z.enum(['letter', 'a4']).default('letter') }),
    response: z.object({ filename: z.string(), pdfBase64: z.string() }),
  }),
  'notes.due': channel({
    summary: 'What is due: unsigned notes (oldest first), progress notes due, plans of care to recertify. A therapist sees their own.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ therapistId: id('Therapist').nullable().default(null) }),
    response: dueListsSchema,
  }),
  'notes.forRange': channel({
    summary: 'The note status of each appointment in a date range, for the schedule’s marks.',
    access: EVERYONE,
    kind: 'read',
    request: z
      .object({ from: calendarDay('From'), to: calendarDay('To') })
      .refine((r) => r.from <= r.to, { message: 'The range ends before it starts', path: ['to'] })
      .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, { message: 'Ask for at most two months at a time', path: ['to'] }),
    response: z.object({ marks: z.array(z.object({ appointmentId: z.number().int(), noteId: z.number().int(), status: z.enum(NOTE_STATUSES), type: z.enum(NOTE_TYPES) })) }),
  }),
} as const;
