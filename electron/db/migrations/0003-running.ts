import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * The running log and run-walk plans: runs (manual or imported, with detected or corrected run/walk
 * intervals and the source file's hash for de-duplication), plans with their weekly decisions and
 * overrides, and the clinic's planner policy and ladder.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'running',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `create table runs (
    id integer primary key,
    patient_id integer not null references patients(id),
    date text not null,
    started_at text,
    kind text not null default 'run' check (kind in ('run', 'walk', 'cross_training')),
    sport text,
    distance_m real not null check (distance_m >= 0),
    duration_s real not null check (duration_s > 0),
    run_seconds real,
    walk_seconds real,
    intervals_json text,
    intervals_corrected integer not null default 0 check (intervals_corrected in (0, 1)),
    surface text,
    pain_before integer check (pain_before between 0 and 10),
    pain_during integer check (pain_during between 0 and 10),
    pain_after integer check (pain_after between 0 and 10),
    pain_next_morning integer check (pain_next_morning between 0 and 10),
    rpe real check (rpe between 0 and 10),
    red_flags text not null default '',
    stopped_early integer not null default 0 check (stopped_early in (0, 1)),
    step_id text,
    notes text,
    source text not null default 'manual',
    source_name text,
    content_hash text,
    deleted_at text,
    created_at text not null,
    updated_at text not null
  )`,
  `create index runs_patient_date on runs(patient_id, date)`,
  // The same file twice for one patient is a duplicate (deleted runs do not block a re-import).
  `create unique index runs_patient_hash on runs(patient_id, content_hash) where content_hash is not null and deleted_at is null`,
  `create table run_plans (
    id integer primary key,
    patient_id integer not null references patients(id),
    start_date text not null,
    starting_step_id text not null,
    sessions_per_week integer not null check (sessions_per_week between 1 and 7),
    ladder_json text not null,
    baseline_pain integer check (baseline_pain between 0 and 10),
    ended_at text,
    end_reason text,
    created_at text not null
  )`,
  `create index run_plans_patient on run_plans(patient_id, ended_at)`,
  `create table plan_weeks (
    id integer primary key,
    plan_id integer not null references run_plans(id),
    week_start text not null,
    step_id text not null,
    red_flags text not null default '',
    engine_decision text,
    decision_json text,
    decided_at text,
    accepted_by integer references users(id),
    accepted_at text,
    override_decision text,
    override_step_id text,
    override_reason text,
    override_by integer references users(id),
    override_at text,
    unique (plan_id, week_start)
  )`,
  `create table clinic_policy (
    id integer primary key check (id = 1),
    policy_json text not null,
    ladder_json text,
    updated_at text not null
  )`,
];
