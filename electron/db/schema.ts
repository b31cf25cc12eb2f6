import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../shared/domain/roles';

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
  auditLog: AuditLogTable;
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
