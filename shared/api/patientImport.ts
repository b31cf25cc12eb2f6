import { z } from 'zod';
import { channel } from './channel';
import { importMappingSchema } from '../domain/patient-import';

/** The most rows one import takes, and one check page. */
export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_PAGE_MAX = 2_000;
const csvText = z.string({ error: 'Choose a CSV file' }).min(1, 'The file is empty').max(30_000_000, 'The file is larger than 30 MB: split it');
const fileName = z.string().trim().max(200).default('patients.csv');
/** Data row numbers (1 = the first row under the header) to leave out. */
const exclude = z.array(z.number().int().positive()).max(IMPORT_MAX_ROWS).default([]);

export const importRowSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  problems: z.array(z.string()),
  excluded: z.boolean(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const patientImportChannels = {
  'patientImport.mapping': channel({
    summary: 'The column mapping used by the last patient import (remembered for the next file from the same system).',
    access: ['admin'],
    kind: 'read',
    request: z.object({}),
    response: z.object({ mapping: importMappingSchema.nullable() }),
  }),
  'patientImport.check': channel({
    summary: 'Reads a CSV of patients with a column mapping and checks a page of its rows: missing names, bad dates, duplicates in the file or of patients on file. Writes nothing.',
    access: ['admin'],
    kind: 'read',
    request: z.object({
      csv: csvText,
      mapping: importMappingSchema.nullable(),
      exclude,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(IMPORT_PAGE_MAX).default(500),
    }),
    response: z.object({
      headers: z.array(z.string()),
      /** The mapping used (the one given, or one suggested from the headers and the last import). */
      mapping: importMappingSchema,
      mappingProblems: z.array(z.string()),
      total: z.number().int(),
      /** Rows checked so far (offset + this page). */
      checked: z.number().int(),
      rows: z.array(importRowSchema),
    }),
  }),
  'patientImport.commit': channel({
    summary: 'Imports every row of the CSV not left out, all or nothing: one bad row refuses the whole import.',
    access: ['admin'],
    kind: 'write',
    request: z.object({ csv: csvText, mapping: importMappingSchema, exclude, fileName }),
    response: z.object({ imported: z.number().int(), excluded: z.number().int(), firstMrn: z.string().nullable(), lastMrn: z.string().nullable() }),
  }),
};
