import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Indexes that keep reads cheap however big the clinic grows (issue #9):
 * - the active patients in name order, covering the name keys, phone digits and MRN: the list
 *   without archived patients, a search's last-name prefix, a broad phone or MRN search and deep
 *   pages are read from this index alone, stopping at the page;
 * - the archived patients: the list's total is every patient less these, and a search can leave them
 *   out without reading each matching row;
 * - each patient's runs by start time: an import checks every activity for a run already logged
 *   within two minutes of its start, which read all of the patient's runs each time (a 1,000-activity
 *   export into a patient's log read half a million rows).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'read-indexes',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  // archived_at is in the index only so SQLite sees it as covering (it does not infer the column
  // from the index's WHERE); every entry holds null there.
  `create index patients_active_name on patients(last_name_key, first_name_key, id, archived_at, phone_digits, mrn) where archived_at is null`,
  `create index patients_archived on patients(archived_at) where archived_at is not null`,
  `create index runs_patient_start on runs(patient_id, started_at) where deleted_at is null`,
];
