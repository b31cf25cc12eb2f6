import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * The schedule: rooms, appointment types, therapists' working hours and blockouts, recurring series
 * (the RRULE is stored, occurrences link back to it), appointments and the waitlist; the clinic's
 * late-cancellation window.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'schedule',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `alter table clinic add column late_cancel_hours integer not null default 24`,
  `create table rooms (
    id integer primary key,
    name text not null unique collate nocase,
    active integer not null default 1 check (active in (0, 1)),
    created_at text not null
  )`,
  `create table appointment_types (
    id integer primary key,
    name text not null unique collate nocase,
    duration_minutes integer not null check (duration_minutes between 5 and 480),
    colour text not null,
    active integer not null default 1 check (active in (0, 1)),
    created_at text not null
  )`,
  `create table working_hours (
    id integer primary key,
    therapist_id integer not null references users(id),
    weekday integer not null check (weekday between 1 and 7),
    start_minute integer not null check (start_minute between 0 and 1440),
    end_minute integer not null check (end_minute between 0 and 1440 and end_minute > start_minute)
  )`,
  `create index working_hours_therapist on working_hours(therapist_id, weekday)`,
  `create table blockouts (
    id integer primary key,
    therapist_id integer references users(id),
    starts_at text not null,
    ends_at text not null check (ends_at > starts_at),
    reason text not null,
    removed_at text,
    created_at text not null
  )`,
  `create index blockouts_time on blockouts(starts_at)`,
  `create table appointment_series (
    id integer primary key,
    patient_id integer not null references patients(id),
    therapist_id integer not null references users(id),
    room_id integer references rooms(id),
    type_id integer not null references appointment_types(id),
    rrule text not null,
    start_minute integer not null,
    duration_minutes integer not null,
    note text,
    split_from_series_id integer references appointment_series(id),
    created_at text not null,
    updated_at text not null
  )`,
  `create table appointments (
    id integer primary key,
    series_id integer references appointment_series(id),
    occurrence_date text,
    is_exception integer not null default 0 check (is_exception in (0, 1)),
    patient_id integer not null references patients(id),
    therapist_id integer not null references users(id),
    room_id integer references rooms(id),
    type_id integer not null references appointment_types(id),
    starts_at text not null,
    ends_at text not null check (ends_at > starts_at),
    status text not null default 'booked' check (status in ('booked', 'arrived', 'completed', 'cancelled', 'no_show')),
    arrived_at text,
    completed_at text,
    cancelled_at text,
    cancel_reason text,
    late_cancel integer not null default 0 check (late_cancel in (0, 1)),
    note text,
    double_booked_reason text,
    created_at text not null,
    updated_at text not null
  )`,
  `create index appointments_start on appointments(starts_at)`,
  `create index appointments_therapist on appointments(therapist_id, starts_at)`,
  `create index appointments_room on appointments(room_id, starts_at)`,
  `create index appointments_patient on appointments(patient_id, starts_at)`,
  `create index appointments_series on appointments(series_id, occurrence_date)`,
  `create table waitlist (
    id integer primary key,
    patient_id integer not null references patients(id),
    therapist_id integer references users(id),
    type_id integer references appointment_types(id),
    weekdays text not null default '',
    from_minute integer,
    to_minute integer,
    priority integer not null default 2 check (priority between 1 and 3),
    note text,
    created_at text not null,
    resolved_at text,
    resolved_appointment_id integer references appointments(id),
    resolution text
  )`,
  `create index waitlist_open on waitlist(resolved_at, priority, created_at)`,
  // The clinic's defaults (issue #4): initial evaluation 60, follow-up 45, reassessment 45, run analysis 60.
  `insert into appointment_types (name, duration_minutes, colour, created_at) values
    ('Initial evaluation', 60, '#1f6f8b', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('Follow-up', 45, '#3a7d44', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('Reassessment', 45, '#8c5e14', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('Run analysis', 60, '#6b4c9a', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
];
