import { z } from 'zod';
import { channel } from './channel';

/** A patient's record leaves with them: clinical staff export it. The whole clinic is the admin's. */
const CLINICAL = ['admin', 'therapist'] as const;

export const EXPORT_FORMATS = ['fhir', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  fhir: 'FHIR R4 bundle (JSON) — for another clinic’s system',
  csv: 'Spreadsheet files (CSV, zipped) — one per table',
};

const exportFileSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  base64: z.string(),
  /** What the file holds, in words ("1 patient, 3 encounters, …"). */
  summary: z.string(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const exportChannels = {
  'export.patient': channel({
    summary: 'One patient’s record as a file: a FHIR R4 Bundle (Patient, Encounters, Conditions, Observations, Procedures, signed notes as PDF) or CSV per table in a zip.',
    access: CLINICAL,
    kind: 'read',
    request: z.object({
      patientId: z.number({ error: 'Patient is required' }).int().positive(),
      format: z.enum(EXPORT_FORMATS, { error: 'Choose FHIR or CSV' }),
    }),
    response: exportFileSchema,
  }),
  'export.clinic': channel({
    summary: 'The whole clinic as CSV files, one per table, in a zip with a README of the columns.',
    access: ['admin'],
    kind: 'read',
    request: z.object({}),
    response: exportFileSchema,
  }),
};
