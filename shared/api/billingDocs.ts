import { z } from 'zod';
import { channel } from './channel';
import { calendarDay } from '../domain/schedule';

const id = (label: string) => z.number({ error: `${label} is required` }).int().positive();

const DESK = ['admin', 'front_desk'] as const;
const EVERYONE = ['admin', 'therapist', 'front_desk'] as const;
const paper = z.enum(['letter', 'a4']).default('letter');
const pdf = z.object({ filename: z.string(), pdfBase64: z.string() });
const range = z
  .object({ patientId: id('Patient'), from: calendarDay('From'), to: calendarDay('To') })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The end date is before the start date' });

/**
 * The cash desk's documents (issue #15): receipts, superbills (refused with the list of what is
 * missing, and never for a patient whose primary coverage is Medicare Part B), the end-of-day report
 * and its CSV for the accountant.
 */
export const billingDocChannels = {
  'superbill.check': channel({
    summary: 'Whether a superbill for these dates can print: the Medicare guard, then everything missing or invalid.',
    access: EVERYONE,
    kind: 'read',
    request: range,
    response: z.object({
      printable: z.boolean(),
      /** Primary coverage is Medicare Part B: no superbill at all (the ABN reminder instead). */
      medicare: z.object({ refusal: z.string(), reminder: z.array(z.string()) }).nullable(),
      problems: z.array(z.string()),
      lines: z.number().int(),
      chargesCents: z.number().int(),
    }),
  }),
  'superbill.pdf': channel({
    summary: 'The superbill for a date range as a PDF; refused with the list of what is missing, or for a Medicare Part B patient.',
    access: EVERYONE,
    kind: 'read',
    request: range.and(z.object({ paper })),
    response: pdf,
  }),
  'receipts.pdf': channel({
    summary: 'The receipt for one payment as a PDF.',
    access: EVERYONE,
    kind: 'read',
    request: z.object({ paymentId: id('Payment'), paper }),
    response: pdf,
  }),
  'endOfDay.get': channel({
    summary: 'The day’s payments, refunds and voids, by method and by therapist, to look at before printing.',
    access: DESK,
    kind: 'read',
    request: z.object({ date: calendarDay('Date') }),
    response: z.object({
      date: z.string(),
      entries: z.array(
        z.object({
          id: z.number().int(),
          receivedAt: z.string(),
          patientName: z.string(),
          mrn: z.string(),
          methodLabel: z.string(),
          reference: z.string().nullable(),
          amountCents: z.number().int(),
          receivedBy: z.string(),
          kind: z.enum(['payment', 'refund', 'void']),
          reason: z.string().nullable(),
        }),
      ),
      byMethod: z.array(z.object({ label: z.string(), count: z.number().int(), amountCents: z.number().int() })),
      byTherapist: z.array(z.object({ name: z.string(), amountCents: z.number().int() })),
      totalCents: z.number().int(),
    }),
  }),
  'endOfDay.pdf': channel({
    summary: 'The day’s payments, refunds and voids, by method and by therapist, as a PDF.',
    access: DESK,
    kind: 'read',
    request: z.object({ date: calendarDay('Date'), paper }),
    response: pdf,
  }),
  'endOfDay.csv': channel({
    summary: 'The day’s payments, refunds and voids as a CSV for the accountant.',
    access: DESK,
    kind: 'read',
    request: z.object({ date: calendarDay('Date') }),
    response: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  }),
} as const;
