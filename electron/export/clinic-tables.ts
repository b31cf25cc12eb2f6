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
  /** Rows that name one row of several tables (a void names a charge, a payment or a refund). */
  | { entityColumn: string; idColumn: string; parents: Readonly<Record<string, TableName>> }
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
  { name: 'patients', file: 'patients', description: 'Patients: MRN, legal and preferred names, date of birth, contact details, emergency contact, referral, insurer, handout language, archived.', omit: ['firstNameKey', 'lastNameKey', 'phoneDigits'], patient: { self: true } },
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
  { name: 'episodes', file: 'episodes', description: 'Episodes of care: referral (the physician’s name, NPI, address, phone and fax), onset, diagnoses (ICD-10-CM, JSON), plan of care, certification, discharge.', patient: { column: 'patientId' } },
  { name: 'episodeGoals', file: 'episode_goals', description: 'Each episode’s short- and long-term goals.', patient: { column: 'episodeId', parent: 'episodes', parentColumn: 'id' } },
  { name: 'notes', file: 'notes', description: 'Visit notes: type, date of service, status, the SOAP content and billing lines (JSON), signature and its SHA-256.', patient: { column: 'patientId' } },
  { name: 'noteAddenda', file: 'note_addenda', description: 'Addenda to signed notes, each signed with its own hash.', patient: { column: 'noteId', parent: 'notes', parentColumn: 'id' } },
  { name: 'attachments', file: 'attachments', description: 'Attached files (the list; the files themselves are in the data folder’s attachments/, named by SHA-256).', patient: { column: 'patientId' } },
  { name: 'reassessments', file: 'reassessments', description: 'Reassessments: one sitting of the mobility and motor-control battery, its date, who, the visit note, the record it corrects.', patient: { column: 'patientId' } },
  { name: 'reassessmentMeasures', file: 'reassessment_measures', description: 'Each measure of a reassessment: code, side, unit (deg, cm, s, points or a result), value and the device it was taken with.', patient: { column: 'reassessmentId', parent: 'reassessments', parentColumn: 'id' } },
  { name: 'outcomeRecords', file: 'outcome_records', description: 'Outcome questionnaires (NPRS, ODI, PSFS, Roland-Morris, STarT Back): item numbers and answers (JSON, never item wording) and the score.', patient: { column: 'patientId' } },
  { name: 'feeSchedule', file: 'fee_schedule', description: 'Fees per CPT code (or VISIT, the self-pay visit fee) in cents, per visit or per unit, from their effective date.', patient: null },
  { name: 'packageTypes', file: 'package_types', description: 'Prepaid visit packages the clinic sells: visits and price in cents.', patient: null },
  { name: 'patientPackages', file: 'patient_packages', description: 'Packages sold to patients and the visits they hold.', patient: { column: 'patientId' } },
  { name: 'charges', file: 'charges', description: 'Charges (ledger rows, never edited): date of service, code, modifiers, diagnosis pointers, units, amount in cents, the note they came from.', patient: { column: 'patientId' } },
  { name: 'payments', file: 'payments', description: 'Payments (ledger rows): method, amount in cents, date, reference.', patient: { column: 'patientId' } },
  { name: 'paymentApplications', file: 'payment_applications', description: 'Which charge each payment paid, and how much (cents).', patient: { column: 'paymentId', parent: 'payments', parentColumn: 'id' } },
  { name: 'refunds', file: 'refunds', description: 'Refunds of payments: amount in cents, date, reason.', patient: { column: 'paymentId', parent: 'payments', parentColumn: 'id' } },
  { name: 'ledgerVoids', file: 'ledger_voids', description: 'Voided charges, payments and refunds: which, who, when and why (the row itself stays).', patient: { entityColumn: 'entity', idColumn: 'entityId', parents: { charge: 'charges', payment: 'payments', refund: 'refunds' } } },
  { name: 'exercises', file: 'exercises', description: 'The clinic’s own exercises and the seeded ones it edited or archived.', patient: null },
  { name: 'exerciseVersions', file: 'exercise_versions', description: 'Every version of an exercise’s text (JSON), never changed.', patient: null },
  { name: 'homeProgramVersions', file: 'home_program_versions', description: 'Home programs: each saved version of a patient’s program, when and by whom, never changed.', patient: { column: 'patientId' } },
  { name: 'homeProgramItems', file: 'home_program_items', description: 'The exercises of each program version in order: exercise and library version, the patient’s dose (JSON), instructions, why it was suggested.', patient: { column: 'programVersionId', parent: 'homeProgramVersions', parentColumn: 'id' } },
  { name: 'homeProgramPrints', file: 'home_program_prints', description: 'Printed home-program handouts: the whole handout as printed (JSON), its language and paper, missing translations, who printed it and when.', patient: { column: 'patientId' } },
  { name: 'exercisePhotos', file: 'exercise_photos', description: 'Photos of a patient doing an exercise (the list, with who added and who took out each; the files are in the data folder’s attachments/, named by SHA-256).', patient: { column: 'patientId' } },
  { name: 'auditLog', file: 'audit_log', description: 'The audit log: who did what, when (UTC), to which record.', patient: { audit: true } },
];

/**
 * Tables no export holds, and why: sign-in sessions and a patient's hand-to-patient session (tokens),
 * counters and the schema version (bookkeeping), the search indexes (copies of names, phones and MRNs). A test checks
 * that every table of the database is either exported or named here, so a new table is a decision.
 */
export const NOT_EXPORTED: readonly string[] = ['sessions', 'patient_kiosks', 'counters', 'schema_version'];
export const isSearchIndexTable = (name: string) => name.startsWith('patients_fts') || name === 'patient_numbers' || name === 'patient_name_tokens';

/** Column names as the database spells them (snake_case), from the TypeScript (camelCase) ones. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
