import { z } from 'zod';
import { channel } from './channel';
import { attachmentInputSchema, attachmentSchema } from '../charting/attachment';
import { requiredText } from '../domain/fields';

const CLINICAL = ['admin', 'therapist'] as const;
const id = (label: string) => z.number({ error: `${label} is required` }).int().positive();

export const attachmentChannels = {
  'attachments.list': channel({
    summary: 'Documents attached to a patient (and their episodes), newest first.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ patientId: id('Patient') }),
    response: z.object({ attachments: z.array(attachmentSchema) }),
  }),
  'attachments.add': channel({
    summary: 'Attach a PDF, JPEG or PNG (size-limited, recognised by its content) to a patient or episode; stored with its SHA-256.',
    access: CLINICAL,
    kind: 'write',
    request: attachmentInputSchema,
    response: attachmentSchema,
  }),
  'attachments.get': channel({
    summary: 'One attachment’s bytes (audited as an opening); its hash is checked against the stored file.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ id: id('Attachment') }),
    response: z.object({ attachment: attachmentSchema, base64: z.string() }),
  }),
  'attachments.remove': channel({
    summary: 'Take a document out of the chart, with the reason (the file and its record are kept).',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ id: id('Attachment'), reason: requiredText(200, 'Reason') }),
    response: z.object({ id: z.number().int() }),
  }),
} as const;
