import type { DB } from '../db/schema';

/**
 * The tables a clinic export holds, what each is, and how one patient's rows are found in it. Left
 * out on purpose: sessions (sign-in tokens), counters and the schema version (bookkeeping), the search
 * index (a copy of names). Password hashes and sign-in lockouts are left out of users.
 */
export type TableName = keyof DB;

export type PatientScope =
  /** The table has the patient's id in this column. */
  | { column: string }
  /** The patient's row itself. */
  | { self: true }
  /** Rows whose `column` points into `parent` rows that belong to the patient. */
  | { column: string; parent: TableName; parentColumn: string }
  /** Audit rows about the patient's record. */
  | { audit: true }
  /** Not patient data (clinic settings, staff, rooms). */
  | null;

export interface ExportTable {
  name: TableName;
  /** The file in the zip (the database's own table name). */
  file: string;
  description: string;
  omit?: readonly string[];
  patient: PatientScope;
}

export const EXPORT_TABLES: readonly ExportTable[] = [
  { name: 'clinic', file: 'clinic', description: 'The clinic: name, address, time zone, distance unit, identifiers, date format.', patient: null },
  { name: 'users', file: 'users', description: 'Staff accounts: username, name, role, active. Password hashes are not exported.', omit: ['passwordHash', 'failedSignIns', 'lockedUntil'], patient: null },
  { name: 'patients', file: 'patients', description: 'Patients: MRN, legal and preferred names, date of birth, contact details, emergency contact, referral, insurer, archived.', omit: ['firstNameKey', 'lastNameKey', 'phoneDigits'], patient: { self: true } },
  { name: 'rooms', file: 'rooms', description: 'Treatment rooms.', patient: null },
  { name: 'appointmentTypes', file: 'appointment_types', description: 'Appointment types: name, length in minutes, colour.', patient: null },
  { name: 'workingHours', file: 'working_hours', description: 'Each therapist’s weekly working hours (clinic time).', patient: null },
  { name: 'blockouts', file: 'blockouts', description: 'Time blocked out of a therapist’s schedule.', patient: null },
  { name: 'appointmentSeries', file: 'appointment_series', description: 'Recurring bookings: the rule (RFC 5545 RRULE) each series follows.', patient: { column: 'patientId' } },
  { name: 'appointments', file: 'appointments', description: 'Appointments: start and end as UTC instants, therapist, room, type, status, cancellation.', patient: { column: 'patientId' } },
  { name: 'waitlist', file: 'waitlist', description: 'The waitlist: who wants an earlier slot, when they can come.', patient: { column: 'patientId' } },
  { name: 'runs', file: 'runs', description: 'The running log: date, distance in metres, duration and run/walk seconds, pain 0–10 before, during, after and the next morning, effort, source file.', patient: { column: 'patientId' } },
  { name: 'runPlans', file: 'run_plans', description: 'Run-walk plans: start, starting step, end.', patient: { column: 'patientId' } },
  { name: 'planWeeks', file: 'plan_weeks', description: 'The weeks of each plan: the step, the decision and its reasons.', patient: { column: 'planId', parent: 'runPlans', parentColumn: 'id' } },
  { name: 'clinicPolicy', file: 'clinic_policy', description: 'The clinic’s policy settings (JSON).', patient: null },
  { name: 'redFlagScreens', file: 'red_flag_screens', description: 'Red-flag screens: when, in what context, the outcome and its acknowledgement.', patient: { column: 'patientId' } },
  { name: 'redFlagAnswers', file: 'red_flag_answers', description: 'The answers of each red-flag screen.', patient: { column: 'screenId', parent: 'redFlagScreens', parentColumn: 'id' } },
  { name: 'episodes', file: 'episodes', description: 'Episodes of care: referral, onset, diagnoses (ICD-10-CM, JSON), plan of care, certification, discharge.', patient: { column: 'patientId' } },
  { name: 'episodeGoals', file: 'episode_goals', description: 'Each episode’s short- and long-term goals.', patient: { column: 'episodeId', parent: 'episodes', parentColumn: 'id' } },
  { name: 'notes', file: 'notes', description: 'Visit notes: type, date of service, status, the SOAP content and billing lines (JSON), signature and its SHA-256.', patient: { column: 'patientId' } },
  { name: 'noteAddenda', file: 'note_addenda', description: 'Addenda to signed notes, each signed with its own hash.', patient: { column: 'noteId', parent: 'notes', parentColumn: 'id' } },
  { name: 'attachments', file: 'attachments', description: 'Attached files (the list; the files themselves are in the data folder’s attachments/, named by SHA-256).', patient: { column: 'patientId' } },
  { name: 'auditLog', file: 'audit_log', description: 'The audit log: who did what, when (UTC), to which record.', patient: { audit: true } },
];

/** Column names as the database spells them (snake_case), from the TypeScript (camelCase) ones. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
