import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Indexes for a patient list that stays cheap at 100,000 patients (issue #9):
 * - the active patients in name order, covering the name keys: the list without archived patients,
 *   a search's last-name prefix and deep pages are read from this index alone, stopping at the page;
 * - the archived patients: the list's total is every patient less these, and a search can leave them
 *   out without reading each matching row.
 *
 * Assigned number 0005; it carries version 4 on this branch, after 0003, so the list stays 1..N
 * without gaps (the lead renumbers when the other branches' migrations land).
 */
export const migration0005: Migration = {
  version: 4,
  name: 'patient-list-indexes',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  // archived_at is in the index only so SQLite sees it as covering (it does not infer the column
  // from the index's WHERE); every entry holds null there.
  `create index patients_active_name on patients(last_name_key, first_name_key, id, archived_at) where archived_at is null`,
  `create index patients_archived on patients(archived_at) where archived_at is not null`,
];
