import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * The clinic's exercise library (issue #14). The seeded exercises live in code (shared/clinical/library)
 * and are not copied into rows: a correction to their text or drawing reaches every clinic with the
 * next release, and a clinic that never edits them carries nothing. A row appears only when the clinic
 * adds its own exercise or edits or archives a seeded one (keyed by the seeded id, so the edit stands
 * in for it). Every edit is a new version, and versions never change or go away (triggers refuse it),
 * so a printed program can name the version it printed; an exercise is archived, never deleted.
 *
 * Numbered 0012 on the issue; on this branch it is the 9th step (the lead renumbers at merge).
 */
export const migration0012: Migration = {
  version: 12,
  name: 'exercises',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `create table exercises (
    id integer primary key,
    -- The seeded id for an edited or archived seeded exercise; 'clinic-N' for the clinic's own.
    exercise_key text not null unique,
    origin text not null check (origin in ('seeded', 'clinic')),
    created_by integer not null references users(id),
    created_at text not null,
    archived_at text,
    archived_by integer references users(id),
    check ((archived_at is null) = (archived_by is null)),
    check ((origin = 'clinic') = (exercise_key like 'clinic-%'))
  )`,
  `create table exercise_versions (
    id integer primary key,
    exercise_id integer not null references exercises(id),
    version integer not null check (version >= 1),
    -- The exercise as the library shows it (title, steps, cues, dose, tags, links, drawing), JSON.
    body_json text not null,
    created_by integer not null references users(id),
    created_at text not null,
    unique (exercise_id, version)
  )`,
  `create trigger exercise_versions_no_update before update on exercise_versions
    begin select raise(abort, 'an exercise version cannot be changed: save a new version'); end`,
  `create trigger exercise_versions_no_delete before delete on exercise_versions
    begin select raise(abort, 'an exercise version cannot be deleted'); end`,
  `create trigger exercises_no_delete before delete on exercises
    begin select raise(abort, 'an exercise cannot be deleted: archive it'); end`,
];
