import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * What a superbill needs of the people who render care (issue #15, NUCC 1500 items 24J and 31):
 * - `users.npi`: the therapist's individual NPI (type 1), 10 digits; the check digit is verified by
 *   the API (shared/domain/identifiers.ts), the shape here. No two users share one.
 * - `users.credentials`: how the therapist signs, e.g. "PT, DPT".
 * - `users.license`: state licence, e.g. "TX PT 1234567" (commonly printed, clinical.md §5.1 ⚠️).
 * The clinic's billing NPI (type 2) and EIN, and the patient's primary coverage flag
 * (`medicare_beneficiary`, read as "primary coverage is Medicare Part B"), already exist.
 *
 * Named 0011 (the ledger's 0010 comes before it); its version is its place in the list.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'billing-identity',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `alter table users add column npi text check (npi is null or (length(npi) = 10 and npi not glob '*[^0-9]*'))`,
  `alter table users add column credentials text check (credentials is null or length(credentials) between 1 and 40)`,
  `alter table users add column license text check (license is null or length(license) between 1 and 60)`,
  `create unique index users_npi on users(npi) where npi is not null`,
];
