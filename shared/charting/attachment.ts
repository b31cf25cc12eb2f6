import { z } from 'zod';
import { requiredText } from '../domain/fields';

/**
 * Documents attached to a patient or an episode: referral letters, imaging reports, outside notes.
 * Only PDF, JPEG and PNG, recognised by their first bytes (not their name), up to a size limit. They
 * are stored in the data folder under their SHA-256 and only ever handed back as data, never opened
 * or run by Runback itself.
 */
export const ATTACHMENT_KINDS = ['referral', 'imaging', 'outside_notes', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  referral: 'Referral letter',
  imaging: 'Imaging report',
  outside_notes: 'Outside notes',
  other: 'Other document',
};

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const ATTACHMENT_TYPE_LABELS: Record<AttachmentType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG image', 'image/png': 'PNG image' };

/** 20 MB: a scanned multi-page referral fits; a video or a disc image does not. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The file type from its first bytes, or null when it is none of the three. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

export const attachmentInputSchema = z.object({
  patientId: z.number({ error: 'Patient is required' }).int().positive(),
  episodeId: z.number().int().positive().nullable().default(null),
  kind: z.enum(ATTACHMENT_KINDS, { error: 'Choose what the document is' }),
  title: requiredText(120, 'Title'),
  fileName: requiredText(200, 'File name'),
  /** The file's bytes, base64. The size limit is checked on the decoded bytes. */
  base64: z.string().min(1, 'The file is empty').max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8, `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`),
});

export const attachmentSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  episodeId: z.number().int().nullable(),
  kind: z.enum(ATTACHMENT_KINDS),
  title: z.string(),
  fileName: z.string(),
  mimeType: z.enum(ATTACHMENT_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
