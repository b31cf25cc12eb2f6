import type { Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { ATTACHMENT_TYPE_LABELS, MAX_ATTACHMENT_BYTES, sniffAttachmentType, type Attachment } from '../../../shared/charting/attachment';
import type { AttachmentsTable } from '../../db/schema';
import { AttachmentIntegrityError } from '../../attachments/store';
import { defineHandlers } from '../handler';
import { userNames } from './charting-context';

type AttachmentRow = Selectable<AttachmentsTable>;

function toAttachment(row: AttachmentRow, names: Map<number, string>): Attachment {
  return {
    id: row.id,
    patientId: row.patientId,
    episodeId: row.episodeId,
    kind: row.kind,
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: names.get(row.uploadedBy) ?? 'Unknown',
    uploadedAt: row.uploadedAt,
  };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const attachmentHandlers = defineHandlers({
  async 'attachments.list'({ patientId }, ctx) {
    const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    const rows = await ctx.db.selectFrom('attachments').selectAll().where('patientId', '=', patientId).where('removedAt', 'is', null).orderBy('uploadedAt', 'desc').orderBy('id', 'desc').execute();
    const names = await userNames(ctx.db, rows.map((r) => r.uploadedBy));
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `attachments listed (${rows.length})` });
    return { attachments: rows.map((r) => toAttachment(r, names)) };
  },

  async 'attachments.add'({ patientId, episodeId, kind, title, fileName, base64 }, ctx) {
    const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    if (episodeId !== null) {
      const episode = await ctx.db.selectFrom('episodes').select('patientId').where('id', '=', episodeId).executeTakeFirst();
      if (!episode || episode.patientId !== patientId) throw new ApiError('VALIDATION', 'That episode of care is not this patient’s.', { fields: { episodeId: 'Not this patient’s episode' } });
    }
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length === 0) throw new ApiError('VALIDATION', 'The file is empty.', { fields: { base64: 'The file is empty' } });
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new ApiError('VALIDATION', `${fileName} is ${megabytes(bytes.length)}: attachments may be at most ${megabytes(MAX_ATTACHMENT_BYTES)}.`, { fields: { base64: 'Too large' } });
    }
    const mimeType = sniffAttachmentType(bytes);
    if (!mimeType) {
      throw new ApiError('VALIDATION', `${fileName} is not a PDF, JPEG or PNG file (judged by its content, not its name): only those can be attached.`, { fields: { base64: 'Not a PDF, JPEG or PNG' } });
    }
    // The file is written before the row; if the transaction then fails, an unused file is left, never a row without its file.
    const sha256 = ctx.attachments.save(bytes);
    const row = await ctx.db
      .insertInto('attachments')
      .values({ patientId, episodeId, kind, title, fileName, mimeType, sizeBytes: bytes.length, sha256, uploadedBy: ctx.user.id, uploadedAt: ctx.now.toISOString(), removedAt: null, removedBy: null, removedReason: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `attached ${ATTACHMENT_TYPE_LABELS[mimeType]} "${title}" (${megabytes(bytes.length)}, SHA-256 ${sha256})` });
    return toAttachment(row, await userNames(ctx.db, [ctx.user.id]));
  },

  async 'attachments.get'({ id }, ctx) {
    const row = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.removedAt !== null) throw new ApiError('NOT_FOUND', `There is no attachment with id ${id}.`);
    let bytes: Buffer;
    try {
      bytes = ctx.attachments.read(row.sha256);
    } catch (error) {
      if (error instanceof AttachmentIntegrityError) throw new ApiError('CONFLICT', `"${row.title}" cannot be opened: ${error.message}`);
      throw error;
    }
    ctx.audit({ action: 'attachments.open', entity: 'patient', entityId: row.patientId, detail: `attachment ${id} "${row.title}" opened` });
    return { attachment: toAttachment(row, await userNames(ctx.db, [row.uploadedBy])), base64: bytes.toString('base64') };
  },

  async 'attachments.remove'({ id, reason }, ctx) {
    const row = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.removedAt !== null) throw new ApiError('NOT_FOUND', `There is no attachment with id ${id}.`);
    await ctx.db.updateTable('attachments').set({ removedAt: ctx.now.toISOString(), removedBy: ctx.user.id, removedReason: reason }).where('id', '=', id).execute();
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `attachment ${id} "${row.title}" taken out of the chart: ${reason}` });
    return { id };
  },
});
