import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Home programs (issue #14): what a patient takes home, and the language they read it in.
 *
 * A program is kept as versions: each change a therapist saves is a new version with its own rows,
 * and versions never change or go away (triggers refuse it), so "what did we give her on the 3rd"
 * always has an answer. A printed handout keeps everything it printed — the exercise words as they
 * stood, the drawings, the run-walk weeks, the pain rules — in its own row, so a reprint is the same
 * handout even after the library, the plan or the translations moved on.
 *
 * A patient's own photo of an exercise is stored like an attachment (a file named by its hash in the
 * data folder) and printed in place of the drawing while it is current.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'home-programs',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  // The language every patient-facing word is printed in; English until someone says otherwise.
  `alter table patients add column language text not null default 'en' check (language in ('en', 'es'))`,
  `create table home_program_versions (
    id integer primary key,
    patient_id integer not null references patients(id),
    version integer not null check (version >= 1),
    -- Why this version was saved, in the therapist's words (optional).
    comment text,
    created_by integer not null references users(id),
    created_at text not null,
    unique (patient_id, version)
  )`,
  `create table home_program_items (
    id integer primary key,
    program_version_id integer not null references home_program_versions(id),
    position integer not null check (position >= 1),
    -- A seeded exercise id or 'clinic-N'; the library version it was picked at (0 = the seeded text).
    exercise_key text not null,
    exercise_version integer not null check (exercise_version >= 0),
    -- The dose for this patient, in the library's Dosage shape, JSON.
    dosage_json text not null,
    -- A note for the patient under the exercise (optional), and why it was suggested (optional).
    instructions text,
    reason text,
    unique (program_version_id, position),
    unique (program_version_id, exercise_key)
  )`,
  `create table home_program_prints (
    id integer primary key,
    patient_id integer not null references patients(id),
    program_version_id integer not null references home_program_versions(id),
    language text not null check (language in ('en', 'es')),
    paper text not null check (paper in ('letter', 'a4')),
    -- The whole handout as printed (words, drawings, weeks, rules), JSON: a reprint renders this.
    handout_json text not null,
    -- Keys the patient's language lacked, printed in English (the therapist was told), JSON array.
    missing_translations_json text not null default '[]',
    printed_by integer not null references users(id),
    printed_at text not null,
    -- The print this one reprints, or null for a first print.
    reprint_of integer references home_program_prints(id)
  )`,
  `create index home_program_prints_patient on home_program_prints(patient_id, printed_at)`,
  `create table exercise_photos (
    id integer primary key,
    patient_id integer not null references patients(id),
    exercise_key text not null,
    mime_type text not null check (mime_type in ('image/jpeg', 'image/png')),
    size_bytes integer not null check (size_bytes > 0),
    sha256 text not null check (length(sha256) = 64),
    uploaded_by integer not null references users(id),
    uploaded_at text not null,
    removed_at text,
    removed_by integer references users(id),
    check ((removed_at is null) = (removed_by is null))
  )`,
  `create index exercise_photos_patient on exercise_photos(patient_id, exercise_key)`,
  ...['home_program_versions', 'home_program_items', 'home_program_prints'].flatMap((table) => [
    `create trigger ${table}_no_update before update on ${table}
      begin select raise(abort, 'a saved home program cannot be changed: save a new version'); end`,
    `create trigger ${table}_no_delete before delete on ${table}
      begin select raise(abort, 'a saved home program cannot be deleted'); end`,
  ]),
];
