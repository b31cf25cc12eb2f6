import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../shared/domain/roles';
import type { Language } from '../../shared/i18n/languages';
import type { Country, DateOrder, TimeFormat, WeekStartDay } from '../../shared/domain/locale';
import type { AttachmentsTable, EpisodeGoalsTable, EpisodesTable, NoteAddendaTable, NotesTable } from './schema-charting';
import type { ChargesTable, FeeScheduleTable, LedgerVoidsTable, PackageTypesTable, PatientPackagesTable, PaymentApplicationsTable, PaymentsTable, RefundsTable } from './schema-ledger';

export type { AttachmentsTable, EpisodeGoalsTable, EpisodesTable, NoteAddendaTable, NotesTable } from './schema-charting';
import type { ExercisesTable, ExerciseVersionsTable } from './schema-exercises';
import type { PatientNameTokensTable, PatientNumbersTable } from './schema-search';
import type { ExercisePhotosTable, HomeProgramItemsTable, HomeProgramPrintsTable, HomeProgramVersionsTable } from './schema-home-programs';
import type { OutcomeRecordsTable, PatientKiosksTable, ReassessmentMeasuresTable, ReassessmentsTable } from './schema-reassessments';

export type * from './schema-ledger';
export type * from './schema-reassessments';
export type * from './schema-search';
export type { ExercisesTable, ExerciseVersionsTable } from './schema-exercises';
export type { ExercisePhotosTable, HomeProgramItemsTable, HomeProgramPrintsTable, HomeProgramVersionsTable } from './schema-home-programs';

/**
 * The database as Kysely sees it (camelCase; CamelCasePlugin maps to the snake_case columns).
 * Booleans are stored as 0/1 integers, instants as ISO-8601 UTC text, calendar dates as YYYY-MM-DD.
 */
export interface DB {
  schemaVersion: { version: number };
  clinic: ClinicTable;
  users: UsersTable;
  sessions: SessionsTable;
  counters: { name: string; value: number };
  patients: PatientsTable;
  patientNumbers: PatientNumbersTable;
  patientNameTokens: PatientNameTokensTable;
  auditLog: AuditLogTable;
  rooms: RoomsTable;
  appointmentTypes: AppointmentTypesTable;
  workingHours: WorkingHoursTable;
  blockouts: BlockoutsTable;
  appointmentSeries: AppointmentSeriesTable;
  appointments: AppointmentsTable;
  waitlist: WaitlistTable;
  runs: RunsTable;
  runPlans: RunPlansTable;
  planWeeks: PlanWeeksTable;
  clinicPolicy: ClinicPolicyTable;
  redFlagScreens: RedFlagScreensTable;
  redFlagAnswers: RedFlagAnswersTable;
  reassessments: ReassessmentsTable;
  reassessmentMeasures: ReassessmentMeasuresTable;
  outcomeRecords: OutcomeRecordsTable;
  patientKiosks: PatientKiosksTable;
  episodes: EpisodesTable;
  episodeGoals: EpisodeGoalsTable;
  notes: NotesTable;
  noteAddenda: NoteAddendaTable;
  attachments: AttachmentsTable;
  feeSchedule: FeeScheduleTable;
  packageTypes: PackageTypesTable;
  patientPackages: PatientPackagesTable;
  charges: ChargesTable;
  payments: PaymentsTable;
  paymentApplications: PaymentApplicationsTable;
  refunds: RefundsTable;
  ledgerVoids: LedgerVoidsTable;
  exercises: ExercisesTable;
  exerciseVersions: ExerciseVersionsTable;
  homeProgramVersions: HomeProgramVersionsTable;
  homeProgramItems: HomeProgramItemsTable;
  homeProgramPrints: HomeProgramPrintsTable;
  exercisePhotos: ExercisePhotosTable;
}

export interface ClinicTable {
  id: ColumnType<1, 1 | undefined, never>;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string;
  postalCode: string;
  phone: string;
  timeZone: string;
  distanceUnit: 'km' | 'mi';
  npi: string | null;
  taxId: string | null;
  idleLockMinutes: number;
  lateCancelHours: Generated<number>;
  country: Generated<Country>;
  dateOrder: Generated<DateOrder>;
  timeFormat: Generated<TimeFormat>;
  weekStartsOn: Generated<WeekStartDay>;
  createdAt: string;
  updatedAt: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  active: Generated<number>;
  failedSignIns: Generated<number>;
  lockedUntil: string | null;
  /** Individual NPI (type 1), for the superbill's rendering provider. */
  npi: Generated<string | null>;
  /** How the therapist signs, e.g. "PT, DPT". */
  credentials: Generated<string | null>;
  /** State licence, e.g. "TX PT 1234567". */
  license: Generated<string | null>;
  createdAt: string;
  updatedAt: string;
}

export interface SessionsTable {
  id: Generated<number>;
  tokenHash: string;
  userId: number;
  createdAt: string;
  lastActiveAt: string;
  expiresAt: string;
  locked: Generated<number>;
  endedAt: string | null;
}

export interface PatientsTable {
  id: Generated<number>;
  mrn: string;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  /** Accent- and case-folded names, for sorting and best-match ordering. */
  firstNameKey: string;
  lastNameKey: string;
  dateOfBirth: string;
  sex: 'female' | 'male' | 'intersex' | 'unknown';
  phone: string | null;
  phoneDigits: string | null;
  email: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  emergencyContactRelationship: string | null;
  referralSource: string | null;
  referralDetail: string | null;
  insurerName: string | null;
  insurerMemberId: string | null;
  insurerGroupId: string | null;
  medicareBeneficiary: number;
  notes: string | null;
  /** The language of every patient-facing word printed for them (migration 0013). */
  language: Generated<Language>;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: string | null;
}

export interface RoomsTable {
  id: Generated<number>;
  name: string;
  active: Generated<number>;
  createdAt: string;
}

export interface AppointmentTypesTable {
  id: Generated<number>;
  name: string;
  durationMinutes: number;
  colour: string;
  active: Generated<number>;
  createdAt: string;
}

export interface WorkingHoursTable {
  id: Generated<number>;
  therapistId: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface BlockoutsTable {
  id: Generated<number>;
  /** Null: the whole clinic is closed. */
  therapistId: number | null;
  startsAt: string;
  endsAt: string;
  reason: string;
  removedAt: string | null;
  createdAt: string;
}

export interface AppointmentSeriesTable {
  id: Generated<number>;
  patientId: number;
  therapistId: number;
  roomId: number | null;
  typeId: number;
  /** RFC 5545 over calendar dates (floating), e.g. FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8. */
  rrule: string;
  startMinute: number;
  durationMinutes: number;
  note: string | null;
  splitFromSeriesId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AppointmentsTable {
  id: Generated<number>;
  seriesId: number | null;
  /** For a series occurrence: the date the rule produced (kept when the occurrence is moved). */
  occurrenceDate: string | null;
  /** 1 when this occurrence was edited on its own and series-wide edits must leave it be. */
  isException: Generated<number>;
  patientId: number;
  therapistId: number;
  roomId: number | null;
  typeId: number;
  startsAt: string;
  endsAt: string;
  status: Generated<'booked' | 'arrived' | 'completed' | 'cancelled' | 'no_show'>;
  arrivedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  lateCancel: Generated<number>;
  note: string | null;
  doubleBookedReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WaitlistTable {
  id: Generated<number>;
  patientId: number;
  therapistId: number | null;
  typeId: number | null;
  /** Comma-separated ISO weekdays; empty = any day. */
  weekdays: Generated<string>;
  fromMinute: number | null;
  toMinute: number | null;
  priority: Generated<number>;
  note: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedAppointmentId: number | null;
  resolution: string | null;
}

export interface RunsTable {
  id: Generated<number>;
  patientId: number;
  /** Date of the run in the clinic's time zone. */
  date: string;
  startedAt: string | null;
  kind: 'run' | 'walk' | 'cross_training';
  sport: string | null;
  distanceM: number;
  durationS: number;
  runSeconds: number | null;
  walkSeconds: number | null;
  /** JSON [{kind, startSecond, endSecond, distanceMeters?}] from detection or the therapist's correction. */
  intervalsJson: string | null;
  intervalsCorrected: Generated<number>;
  surface: string | null;
  painBefore: number | null;
  painDuring: number | null;
  painAfter: number | null;
  painNextMorning: number | null;
  rpe: number | null;
  /** Comma-separated red-flag keys. */
  redFlags: Generated<string>;
  stoppedEarly: Generated<number>;
  stepId: string | null;
  notes: string | null;
  source: string;
  sourceName: string | null;
  contentHash: string | null;
  /** 0 for a single-activity file; 1… for the legs of a multisport file (the same content hash). */
  sourceLeg: Generated<number>;
  /** How the intervals were told apart (shared/running/run-walk-detection.ts DETECTION_METHODS); null for manual runs. */
  detectionMethod: string | null;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RunPlansTable {
  id: Generated<number>;
  patientId: number;
  startDate: string;
  startingStepId: string;
  sessionsPerWeek: number;
  /** The ladder as it was when the plan started, so a later clinic edit does not rewrite the plan. */
  ladderJson: string;
  baselinePain: number | null;
  endedAt: string | null;
  endReason: string | null;
  createdAt: string;
}

export interface PlanWeeksTable {
  id: Generated<number>;
  planId: number;
  weekStart: string;
  stepId: string;
  engineDecision: string | null;
  /** The planner's whole output at review time (reasons, prescription), as shown to the therapist. */
  decisionJson: string | null;
  decidedAt: string | null;
  acceptedBy: number | null;
  acceptedAt: string | null;
  overrideDecision: string | null;
  overrideStepId: string | null;
  overrideReason: string | null;
  overrideBy: number | null;
  overrideAt: string | null;
}

export interface ClinicPolicyTable {
  id: ColumnType<1, 1 | undefined, never>;
  /** Only the values the clinic changed; the rest are the defaults in shared/clinical/policy.ts. */
  policyJson: string;
  ladderJson: string | null;
  updatedAt: string;
}

/** One asking of the red-flag screen (plan start, weekly check-in or visit note). */
export interface RedFlagScreensTable {
  id: Generated<number>;
  patientId: number;
  context: 'plan-start' | 'check-in' | 'visit-note';
  planId: number | null;
  /** The plan week of a check-in (set exactly when the context is a check-in). */
  planWeekId: number | null;
  /** The visit note of a visit-note screen. */
  noteId: number | null;
  /** Calendar date in the clinic's zone. */
  askedOn: string;
  /** Null only for check-ins carried over from before migration 0005. */
  askedBy: number | null;
  recordedAt: string;
  note: string | null;
  /** The earlier screen this one corrects (kept, shown as replaced). */
  replacesId: number | null;
  /** Who acknowledged an urgent alert (or, at plan start, reviewed the running symptoms), and when. */
  acknowledgedBy: number | null;
  acknowledgedAt: string | null;
}

/** One question's answer; a question not asked has no row (only carried-over check-ins). */
export interface RedFlagAnswersTable {
  screenId: number;
  flag: string;
  answer: 'yes' | 'no';
  physicianAssessed: Generated<number>;
}
