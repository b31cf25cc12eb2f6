import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Mobility reassessments and outcome questionnaires (issue #13), recorded against the patient.
 * A reassessment is one sitting of the battery (shared/clinical/reassessment.ts): each measure with
 * its side, unit and the device it was taken with, so readings of different devices are never
 * compared as equal. An outcome record is one questionnaire: the item numbers' answers (never the
 * questionnaire's wording) and the score the engine gave them. Neither is edited: a correction is a
 * new record that replaces the earlier one, and both are kept. A patient kiosk is a questionnaire
 * handed to the patient on the clinic's screen: its own narrow session and its saved answers.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'reassessments',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `create table reassessments (
    id integer primary key,
    patient_id integer not null references patients(id),
    -- The visit note it was taken at, when it was taken at a visit.
    note_id integer references notes(id),
    assessed_on text not null,
    assessed_by integer not null references users(id),
    recorded_at text not null,
    comment text,
    replaces_id integer references reassessments(id)
  )`,
  `create index reassessments_patient on reassessments(patient_id, assessed_on)`,
  // A record is corrected at most once; a later correction replaces the correction.
  `create unique index reassessments_replaces on reassessments(replaces_id) where replaces_id is not null`,
  `create table reassessment_measures (
    reassessment_id integer not null references reassessments(id),
    code text not null,
    side text not null check (side in ('left', 'right', 'none')),
    unit text not null check (unit in ('deg', 'cm', 's', 'points', 'result')),
    value_number real,
    value_result text check (value_result in ('positive', 'negative', 'good', 'poor')),
    device text check (device in ('goniometer', 'inclinometer', 'digital-inclinometer', 'tape-measure', 'stopwatch', 'visual', 'photograph', 'other')),
    position text,
    comment text,
    primary key (reassessment_id, code, side),
    check ((value_number is null) <> (value_result is null)),
    check ((unit = 'result') = (value_result is not null))
  )`,
  `create table outcome_records (
    id integer primary key,
    patient_id integer not null references patients(id),
    -- As on reassessments: the visit note it was filled in at, if any.
    note_id integer references notes(id),
    instrument text not null check (instrument in ('nprs', 'odi', 'modified-odi', 'psfs', 'rmdq', 'start-back')),
    completed_on text not null,
    recorded_by integer not null references users(id),
    recorded_at text not null,
    -- Item numbers and their answers (JSON checked by the instrument's schema), never item wording.
    answers_json text not null,
    -- The engine's score at the time; null when the form could not be scored (too many ODI sections missing).
    score real,
    replaces_id integer references outcome_records(id)
  )`,
  `create index outcome_records_patient on outcome_records(patient_id, instrument, completed_on)`,
  `create unique index outcome_records_replaces on outcome_records(replaces_id) where replaces_id is not null`,
  // A questionnaire handed to the patient: a session of its own, scoped to one patient and one
  // questionnaire (only its token's hash is kept), the answers saved as they are given, and the
  // staff session it came from (locked while the patient holds the screen).
  `create table patient_kiosks (
    id integer primary key,
    token_hash text not null unique,
    patient_id integer not null references patients(id),
    instrument text not null check (instrument in ('nprs', 'odi', 'modified-odi', 'psfs', 'rmdq', 'start-back')),
    note_id integer references notes(id),
    handed_by integer not null references users(id),
    staff_session_id integer not null references sessions(id),
    started_at text not null,
    expires_at text not null,
    answers_json text not null default '{}',
    saved_at text,
    outcome_record_id integer references outcome_records(id),
    ended_at text
  )`,
  `create index patient_kiosks_patient on patient_kiosks(patient_id, instrument, started_at)`,
];
