import { z } from 'zod';
import { billedSchema, billingSummarySchema } from './billing-lines';
import { episodeSchema, referralSummarySchema } from './episode';
import { bodyMarkSchema, NOTE_STATUSES, NOTE_TYPES, noteContentSchema, objectiveRowSchema } from './note-content';

/**
 * Notes as the API returns them. A summary is what every role may see — that a note exists, its
 * date, type, status, therapist and billing lines (for the receipt) — and never the clinical content.
 */
export const noteSummarySchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  episodeId: z.number().int(),
  appointmentId: z.number().int().nullable(),
  type: z.enum(NOTE_TYPES),
  dateOfService: z.string(),
  status: z.enum(NOTE_STATUSES),
  therapistId: z.number().int(),
  therapistName: z.string(),
  signedAt: z.string().nullable(),
  /** The billed lines (code, units, minutes, modifiers, pointers): what the receipt carries. */
  billed: billedSchema.nullable(),
  addenda: z.number().int(),
  updatedAt: z.string(),
});
export type NoteSummary = z.infer<typeof noteSummarySchema>;

export const INTEGRITY = ['verified', 'mismatch'] as const;

export const addendumSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  authorName: z.string(),
  signedAt: z.string(),
  hash: z.string(),
  integrity: z.enum(INTEGRITY),
});
export type Addendum = z.infer<typeof addendumSchema>;

export const copySourceSchema = z.object({
  noteId: z.number().int(),
  date: z.string(),
  rows: z.array(objectiveRowSchema),
  plan: z.object({ frequency: z.string(), homeProgram: z.string(), runWalk: z.string() }),
});

/** The episode as a note shows it: live while the note is a draft, frozen as it was when the note was signed. */
export const episodeSnapshotSchema = episodeSchema.pick({ startDate: true, onsetDate: true, mechanism: true, diagnoses: true, goals: true, planOfCare: true }).extend({ referral: referralSummarySchema });
export type EpisodeSnapshot = z.infer<typeof episodeSnapshotSchema>;

export const noteRecordSchema = noteSummarySchema.extend({
  revision: z.number().int(),
  /** Every line with the sentence that explains it, and the codes whose minutes earned no unit. */
  billing: billingSummarySchema.nullable(),
  content: noteContentSchema,
  /** The episode's diagnoses (the lines point to them), goals and plan of care: now for a draft, as signed once signed. */
  episode: episodeSnapshotSchema,
  signedByName: z.string().nullable(),
  contentHash: z.string().nullable(),
  /** Recomputed from the stored content on every read: 'mismatch' means the record was altered. */
  integrity: z.enum(INTEGRITY).nullable(),
  addendaList: z.array(addendumSchema),
  /** The signed notes copied rows came from, so the editor can show which rows are still as copied. */
  copySources: z.array(copySourceSchema),
  /** The episode's earlier body chart, for side-by-side comparison at re-evaluation. */
  bodyChartBefore: z.object({ noteId: z.number().int(), date: z.string(), type: z.enum(NOTE_TYPES), marks: z.array(bodyMarkSchema) }).nullable(),
  /** True when the caller may edit and sign this draft (its author). */
  canEdit: z.boolean(),
});
export type NoteRecord = z.infer<typeof noteRecordSchema>;

export const dueListsSchema = z.object({
  unsigned: z.array(
    z.object({
      noteId: z.number().int().nullable(),
      appointmentId: z.number().int().nullable(),
      patientId: z.number().int(),
      patientName: z.string(),
      therapistName: z.string(),
      dateOfService: z.string(),
      type: z.enum(NOTE_TYPES).nullable(),
      /** "Draft since Mar 3" or "No note yet for the visit on Mar 3". */
      sentence: z.string(),
    }),
  ),
  progressNotes: z.array(z.object({ patientId: z.number().int(), patientName: z.string(), episodeId: z.number().int(), therapistName: z.string(), overdue: z.boolean(), sentences: z.array(z.string()) })),
  certifications: z.array(
    z.object({ patientId: z.number().int(), patientName: z.string(), episodeId: z.number().int(), therapistName: z.string(), certEnd: z.string(), daysLeft: z.number().int(), sentence: z.string() }),
  ),
});
export type DueLists = z.infer<typeof dueListsSchema>;
