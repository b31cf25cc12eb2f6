import type { Generated } from 'kysely';
import type { Language } from '../../shared/i18n/languages';

/** Home programs, their printed handouts and patients' exercise photos (migration 0013, issue #14). */

/** One saved version of a patient's program; never updated or deleted. */
export interface HomeProgramVersionsTable {
  id: Generated<number>;
  patientId: number;
  version: number;
  comment: string | null;
  createdBy: number;
  createdAt: string;
}

/** One exercise of a program version, in print order. */
export interface HomeProgramItemsTable {
  id: Generated<number>;
  programVersionId: number;
  position: number;
  exerciseKey: string;
  /** The library version picked (0 = the seeded text). */
  exerciseVersion: number;
  /** The patient's dose, a library Dosage as JSON. */
  dosageJson: string;
  instructions: string | null;
  reason: string | null;
}

/** One printed handout, with everything it printed (a reprint renders handoutJson again). */
export interface HomeProgramPrintsTable {
  id: Generated<number>;
  patientId: number;
  programVersionId: number;
  language: Language;
  paper: 'letter' | 'a4';
  handoutJson: string;
  missingTranslationsJson: Generated<string>;
  printedBy: number;
  printedAt: string;
  reprintOf: number | null;
}

/** A photo of the patient doing an exercise, stored under its hash in the data folder. */
export interface ExercisePhotosTable {
  id: Generated<number>;
  patientId: number;
  exerciseKey: string;
  mimeType: 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  uploadedBy: number;
  uploadedAt: string;
  removedAt: string | null;
  removedBy: number | null;
}
