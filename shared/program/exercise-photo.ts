import { z } from 'zod';
import { sniffAttachmentType } from '../charting/attachment';

/**
 * A photo of the patient doing one of their exercises (issue #14): printed in place of the drawing
 * while it is current. PNG or JPEG only, recognised by its first bytes, and small enough to sit in a
 * handout; stored like an attachment (by its SHA-256 in the data folder). Taking a photo out marks its
 * row: the file stays, so a handout already printed with it can be reprinted as it was.
 */
export const EXERCISE_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export type ExercisePhotoType = (typeof EXERCISE_PHOTO_TYPES)[number];

/** 5 MB: a phone photo fits; a handout of a dozen photos stays a printable size. */
export const MAX_EXERCISE_PHOTO_BYTES = 5 * 1024 * 1024;

/** The photo's type from its first bytes; null for anything but PNG and JPEG (a PDF attachment included). */
export function sniffExercisePhotoType(bytes: Uint8Array): ExercisePhotoType | null {
  const type = sniffAttachmentType(bytes);
  return type === 'image/png' || type === 'image/jpeg' ? type : null;
}

const exerciseKey = z.string({ error: 'Exercise is required' }).regex(/^[a-z0-9-]{1,60}$/, 'Not an exercise');

export const exercisePhotoUploadSchema = z.object({
  patientId: z.number({ error: 'Patient is required' }).int().positive(),
  exerciseKey,
  /** The name the file had on the computer, for the refusal messages and the audit log. */
  fileName: z.string().trim().min(1, 'File name is required').max(200),
  /** The photo's bytes, base64; the size limit is checked on the decoded bytes. */
  base64: z
    .string()
    .min(1, 'The file is empty')
    .max(Math.ceil((MAX_EXERCISE_PHOTO_BYTES * 4) / 3) + 8, `The photo is larger than ${MAX_EXERCISE_PHOTO_BYTES / 1024 / 1024} MB: photos may be at most ${MAX_EXERCISE_PHOTO_BYTES / 1024 / 1024} MB`),
});

export const exercisePhotoSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  exerciseKey: z.string(),
  mimeType: z.enum(EXERCISE_PHOTO_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  /** Set once the photo was taken out (it then prints no more, but its file is kept). */
  removedAt: z.string().nullable(),
});
export type ExercisePhoto = z.infer<typeof exercisePhotoSchema>;
