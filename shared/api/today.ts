import { z } from 'zod';
import { channel } from './channel';
import { appointmentSchema } from '../domain/schedule';
import { dueItemSchema } from '../domain/reassessments';

/** A plan week whose last day has passed and that no therapist has decided yet. */
export const reviewDueSchema = z.object({
  patientId: z.number().int(),
  patientName: z.string(),
  mrn: z.string(),
  weekStart: z.string(),
  /** True when the planner has reviewed the week and waits for accept or override. */
  reviewed: z.boolean(),
});

export const todayChannels = {
  'today.get': channel({
    summary: 'A therapist’s own day: their appointments today (who has arrived), the plan weeks of their patients waiting for a review, and today’s patients whose reassessment or questionnaires are due. Admins choose the therapist.',
    access: ['admin', 'therapist'],
    kind: 'read',
    request: z.object({ therapistId: z.number().int().positive().optional() }),
    response: z.object({
      date: z.string(),
      therapist: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
      therapists: z.array(z.object({ id: z.number().int(), displayName: z.string() })),
      appointments: z.array(appointmentSchema),
      reviewsDue: z.array(reviewDueSchema),
      /** Patients booked with the therapist today whose reassessment or questionnaires are due (clinic policy). */
      reassessmentsDue: z.array(z.object({ patientId: z.number().int(), patientName: z.string(), mrn: z.string(), items: z.array(dueItemSchema) })),
    }),
  }),
} as const;
