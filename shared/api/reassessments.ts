import { z } from 'zod';
import { channel } from './channel';
import { DEVICES, MEASURE_CODES } from '../clinical/reassessment';
import {
  dueItemSchema,
  gateSummarySchema,
  measureLinesSchema,
  measureTrendSchema,
  noteFindingSchema,
  outcomeRecordSchema,
  outcomeRequestSchema,
  outcomeSummarySchema,
  reassessmentRecordSchema,
  reassessmentRequestSchema,
} from '../domain/reassessments';

/** Clinical records: therapists and admins, not the front desk (ux.md). */
const CLINICAL = ['admin', 'therapist'] as const;

const patientRequest = z.object({ patientId: z.number({ error: 'Patient is required' }).int().positive() });

export const reassessmentChannels = {
  'reassessments.list': channel({
    summary: 'A patient’s reassessments (newest first, corrected ones marked), each measure’s trend against the baseline, the device last used per measure, and the mobility gates the latest one sets.',
    access: CLINICAL,
    kind: 'read',
    request: patientRequest,
    response: z.object({
      reassessments: z.array(reassessmentRecordSchema),
      trends: z.array(measureTrendSchema),
      /** Each charted measure's cut-off and detectable change. */
      lines: z.array(measureLinesSchema),
      lastDevices: z.partialRecord(z.enum(MEASURE_CODES), z.enum(DEVICES)),
      gates: z.array(gateSummarySchema),
      /** The battery and questionnaires due on the clinic's policy. */
      due: z.array(dueItemSchema),
    }),
  }),
  'reassessments.record': channel({
    summary: 'Record a reassessment: the battery’s measures (a partial battery is fine), each with side, unit and device; or a correction that replaces an earlier one.',
    access: CLINICAL,
    kind: 'write',
    request: reassessmentRequestSchema,
    response: reassessmentRecordSchema,
  }),
  'reassessments.progressReportPdf': channel({
    summary: 'The progress report as a PDF: baseline against latest for every measure and questionnaire with small trend charts, and the goals, addressed to the patient or to the referring physician of the episode.',
    access: CLINICAL,
    kind: 'read',
    request: patientRequest.extend({
      addressee: z.enum(['patient', 'physician'], { error: 'Address the report to the patient or the physician' }).default('patient'),
      paper: z.enum(['letter', 'a4']).default('letter'),
    }),
    response: z.object({ filename: z.string(), pdfBase64: z.string() }),
  }),
  'reassessments.forNote': channel({
    summary: 'The reassessments and questionnaires linked to a visit note, each in a line of words (shown in the note and its printout).',
    access: CLINICAL,
    kind: 'read',
    request: z.object({ noteId: z.number({ error: 'Note is required' }).int().positive() }),
    response: z.object({ findings: z.array(noteFindingSchema) }),
  }),
  'outcomes.list': channel({
    summary: 'A patient’s outcome questionnaires (newest first, corrected ones marked) and each one’s change from the first against its detectable and important change.',
    access: CLINICAL,
    kind: 'read',
    request: patientRequest,
    response: z.object({ records: z.array(outcomeRecordSchema), summaries: z.array(outcomeSummarySchema) }),
  }),
  'outcomes.record': channel({
    summary: 'Record an outcome questionnaire (item answers by number, scored by the rules engine), or a correction that replaces an earlier one.',
    access: CLINICAL,
    kind: 'write',
    request: outcomeRequestSchema,
    response: outcomeRecordSchema,
  }),
} as const;
