import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { findSeededExercise } from '../../../shared/clinical/library';
import { MAX_EXERCISE_PHOTO_BYTES, sniffExercisePhotoType, type ExercisePhoto } from '../../../shared/program/exercise-photo';
import type { DB } from '../../db/schema';
import type { ExercisePhotosTable } from '../../db/schema-home-programs';
import { AttachmentIntegrityError } from '../../attachments/store';
import { defineHandlers } from '../handler';
import { userNames } from './charting-context';

type PhotoRow = Selectable<ExercisePhotosTable>;

function toPhoto(row: PhotoRow, names: Map<number, string>): ExercisePhoto {
  const { uploadedBy, removedBy: _r, ...rest } = row;
  return { ...rest, uploadedBy: names.get(uploadedBy) ?? 'Unknown' };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const LIMIT = `${MAX_EXERCISE_PHOTO_BYTES / 1024 / 1024} MB`;
const TYPE_WORDS: [number[], string][] = [
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x52, 0x49, 0x46, 0x46], 'a WebP image or other RIFF file'],
];

/** What a refused file is, in words, when we can tell (its first bytes), for the refusal message. */
function whatItIs(bytes: Uint8Array): string {
  const found = TYPE_WORDS.find(([sig]) => sig.every((b, i) => bytes[i] === b));
  return found ? `${found[1]}, not a PNG or JPEG photo` : 'not a PNG or JPEG photo';
}

/** A patient's current photos: one per exercise, the newest (the rows a handout prints in place of drawings). */
export async function currentExercisePhotos(db: Kysely<DB>, patientId: number): Promise<PhotoRow[]> {
  const rows = await db.selectFrom('exercisePhotos').selectAll().where('patientId', '=', patientId).where('removedAt', 'is', null).orderBy('uploadedAt', 'desc').orderBy('id', 'desc').execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.exerciseKey) && seen.add(r.exerciseKey));
}

async function knownExercise(db: Kysely<DB>, key: string): Promise<boolean> {
  if (findSeededExercise(key)) return true;
  return (await db.selectFrom('exercises').select('id').where('exerciseKey', '=', key).executeTakeFirst()) !== undefined;
}

export const exercisePhotoHandlers = defineHandlers({
  async 'exercisePhotos.upload'({ patientId, exerciseKey, fileName, base64 }, ctx) {
    const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    if (!(await knownExercise(ctx.db, exerciseKey))) throw new ApiError('VALIDATION', 'That exercise is not in the clinic’s library.', { fields: { exerciseKey: 'Not in the library' } });
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length === 0) throw new ApiError('VALIDATION', `${fileName} is empty.`, { fields: { base64: 'The file is empty' } });
    if (bytes.length > MAX_EXERCISE_PHOTO_BYTES) {
      throw new ApiError('VALIDATION', `${fileName} is ${megabytes(bytes.length)}: exercise photos may be at most ${LIMIT}. Save a smaller copy of the photo and try again.`, { fields: { base64: `Larger than ${LIMIT}` } });
    }
    const mimeType = sniffExercisePhotoType(bytes);
    if (!mimeType) {
      throw new ApiError('VALIDATION', `${fileName} is ${whatItIs(bytes)} (judged by its content, not its name): only PNG and JPEG photos can be printed in a handout.`, { fields: { base64: 'Not a PNG or JPEG' } });
    }
    // The file is written before the rows; if the transaction then fails, an unused file is left, never a row without its file.
    const sha256 = ctx.attachments.save(bytes);
    const now = ctx.now.toISOString();
    const replaced = await ctx.db
      .updateTable('exercisePhotos')
      .set({ removedAt: now, removedBy: ctx.user.id })
      .where('patientId', '=', patientId)
      .where('exerciseKey', '=', exerciseKey)
      .where('removedAt', 'is', null)
      .returning('id')
      .execute();
    const row = await ctx.db
      .insertInto('exercisePhotos')
      .values({ patientId, exerciseKey, mimeType, sizeBytes: bytes.length, sha256, uploadedBy: ctx.user.id, uploadedAt: now, removedAt: null, removedBy: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const instead = replaced.length ? ` in place of photo ${replaced.map((r) => r.id).join(', ')}` : '';
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `exercise photo ${row.id} for ${exerciseKey} added${instead} (${megabytes(bytes.length)}, SHA-256 ${sha256})` });
    return toPhoto(row, await userNames(ctx.db, [ctx.user.id]));
  },

  async 'exercisePhotos.list'({ patientId }, ctx) {
    const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    const rows = await currentExercisePhotos(ctx.db, patientId);
    const names = await userNames(ctx.db, rows.map((r) => r.uploadedBy));
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `exercise photos listed (${rows.length})` });
    return { photos: rows.map((r) => toPhoto(r, names)) };
  },

  async 'exercisePhotos.get'({ id }, ctx) {
    const row = await ctx.db.selectFrom('exercisePhotos').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new ApiError('NOT_FOUND', `There is no exercise photo with id ${id}.`);
    let bytes: Buffer;
    try {
      bytes = ctx.attachments.read(row.sha256);
    } catch (error) {
      if (error instanceof AttachmentIntegrityError) throw new ApiError('CONFLICT', `The photo cannot be shown: ${error.message}`);
      throw error;
    }
    ctx.audit({ action: 'exercisePhotos.open', entity: 'patient', entityId: row.patientId, detail: `exercise photo ${id} for ${row.exerciseKey} opened` });
    return { photo: toPhoto(row, await userNames(ctx.db, [row.uploadedBy])), base64: bytes.toString('base64') };
  },

  async 'exercisePhotos.remove'({ id }, ctx) {
    const row = await ctx.db.selectFrom('exercisePhotos').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.removedAt !== null) throw new ApiError('NOT_FOUND', `There is no current exercise photo with id ${id}.`);
    await ctx.db.updateTable('exercisePhotos').set({ removedAt: ctx.now.toISOString(), removedBy: ctx.user.id }).where('id', '=', id).execute();
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `exercise photo ${id} for ${row.exerciseKey} taken out (the file is kept for printed handouts)` });
    return { id };
  },
});
