import { z } from 'zod';
import { channel } from './channel';
import { dischargeInputSchema, episodeInputSchema, episodeSchema } from '../charting/episode';

/** Episodes of care are clinical records: therapists and admins (the front desk sees diagnoses only on billing lines). */
const CLINICAL = ['admin', 'therapist'] as const;
const id = (label: string) => z.number({ error: `${label} is required` }).int().positive();

export const episodeChannels = {
  'episodes.list': channel({
    summary: 'A patient’s episodes of care, the current (open) one first, with what is due on each.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ patientId: id('Patient') }),
    response: z.object({ episodes: z.array(episodeSchema) }),
  }),
  'episodes.save': channel({
    summary: 'Open an episode of care or change one: referral, onset, diagnoses (checked against the code set), goals, plan of care.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({
      id: id('Episode').optional(),
      patientId: id('Patient'),
      /** Refuses to overwrite someone else’s newer edit. */
      expectedUpdatedAt: z.string().optional(),
      episode: episodeInputSchema,
    }),
    response: episodeSchema,
  }),
  'episodes.discharge': channel({
    summary: 'Discharge an episode (date, reason, summary); a discharge-summary note does this when it is signed.',
    access: CLINICAL,
    kind: 'write',
    request: z.object({ id: id('Episode'), discharge: dischargeInputSchema }),
    response: episodeSchema,
  }),
} as const;
