import type { Generated } from 'kysely';

/** Reassessments, outcome questionnaires and the hand-to-patient kiosk (migration 0009). */

/** One sitting of the reassessment battery; corrected by a new record that replaces it. */
export interface ReassessmentsTable {
  id: Generated<number>;
  patientId: number;
  /** The visit note it was taken at, if any (references notes). */
  noteId: number | null;
  /** Calendar date in the clinic's zone. */
  assessedOn: string;
  assessedBy: number;
  recordedAt: string;
  comment: string | null;
  replacesId: number | null;
}

/** One measure and side of a reassessment: a number in its unit, or a categorical result. */
export interface ReassessmentMeasuresTable {
  reassessmentId: number;
  code: string;
  side: 'left' | 'right' | 'none';
  unit: 'deg' | 'cm' | 's' | 'points' | 'result';
  valueNumber: number | null;
  valueResult: 'positive' | 'negative' | 'good' | 'poor' | null;
  device: string | null;
  position: string | null;
  comment: string | null;
}

/** One questionnaire: item answers by number (never the wording) and the engine's score. */
export interface OutcomeRecordsTable {
  id: Generated<number>;
  patientId: number;
  noteId: number | null;
  instrument: 'nprs' | 'odi' | 'modified-odi' | 'psfs' | 'rmdq' | 'start-back';
  completedOn: string;
  recordedBy: number;
  recordedAt: string;
  answersJson: string;
  score: number | null;
  replacesId: number | null;
}

/** A questionnaire handed to the patient: a session scoped to one patient and one questionnaire. */
export interface PatientKiosksTable {
  id: Generated<number>;
  tokenHash: string;
  patientId: number;
  instrument: OutcomeRecordsTable['instrument'];
  noteId: number | null;
  handedBy: number;
  staffSessionId: number;
  startedAt: string;
  expiresAt: string;
  answersJson: Generated<string>;
  savedAt: string | null;
  outcomeRecordId: number | null;
  endedAt: string | null;
}
