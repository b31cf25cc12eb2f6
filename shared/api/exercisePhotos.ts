import { z } from 'zod';
import { channel } from './channel';
import { exercisePhotoSchema, exercisePhotoUploadSchema } from '../program/exercise-photo';

/** Photos are part of a patient's clinical record: therapists and admins only. */
const CLINICAL = ['admin', 'therapist'] as const;
const id = z.number({ error: 'Photo is required' }).int().positive();

export const exercisePhotoChannels = {
  'exercisePhotos.upload': channel({
    summary: 'Attach a photo (PNG or JPEG, recognised by its content, at most 5 MB) of the patient doing an exercise; it replaces that exercise’s current photo.',
    access: CLINICAL,
    kind: 'write',
    request: exercisePhotoUploadSchema,
    response: exercisePhotoSchema,
  }),
  'exercisePhotos.list': channel({
    summary: 'A patient’s current exercise photos, one per exercise at most.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ patientId: z.number({ error: 'Patient is required' }).int().positive() }),
    response: z.object({ photos: z.array(exercisePhotoSchema) }),
  }),
  'exercisePhotos.get': channel({
    summary: 'One photo’s bytes, base64 (its hash checked against the stored file).',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ id }),
    response: z.object({ photo: exercisePhotoSchema, base64: z.string() }),
  }),
  'exercisePhotos.remove': channel({
    summary: 'Take a photo out: the drawing prints again. The file is kept for handouts already printed with it.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ id }),
    response: z.object({ id: z.number().int() }),
  }),
} as const;
