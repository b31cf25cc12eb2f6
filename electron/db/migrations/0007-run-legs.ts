import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Imported runs get their own identity per leg of a multisport file, and remember how their
 * run/walk intervals were told apart:
 * - `source_leg`: 0 for a file that holds one activity, 1… for the legs of a multisport file (in
 *   time order). One file's legs share its content hash, so the "same file twice" index now covers
 *   (patient, content hash, leg): the second running leg is no longer a "duplicate" of the first.
 * - `detection_method`: 'cadence-modes', 'speed-modes', 'cadence-threshold' or 'speed-threshold'
 *   (shared/running/run-walk-detection.ts); null for manual runs and runs imported before this.
 *
 * Number and version 0007 (after the read indexes of 0006).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'run-legs',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `alter table runs add column source_leg integer not null default 0 check (source_leg >= 0)`,
  `alter table runs add column detection_method text`,
  `drop index runs_patient_hash`,
  // The same file (and leg) twice for one patient is a duplicate; deleted runs do not block a re-import.
  `create unique index runs_patient_hash_leg on runs(patient_id, content_hash, source_leg) where content_hash is not null and deleted_at is null`,
];
