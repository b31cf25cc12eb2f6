import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Charting: episodes of care with their goals, visit notes (draft → signed, with the SHA-256 of their
 * canonical content), signed addenda, and attachments stored in the data folder under their hash.
 *
 * A signed note cannot change: triggers refuse UPDATE and DELETE of a signed note and of any addendum,
 * whatever code (or raw SQL) runs against the file. Corrections are addenda.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'charting',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `create table episodes (
    id integer primary key,
    patient_id integer not null references patients(id),
    start_date text not null,
    referral_type text not null check (referral_type in ('self', 'physician')),
    referral_name text,
    referral_npi text,
    referral_date text,
    onset_date text,
    mechanism text,
    diagnoses_json text not null default '[]',
    visits_per_week integer check (visits_per_week between 1 and 7),
    weeks integer check (weeks between 1 and 52),
    cert_start text,
    cert_end text,
    discharged_on text,
    discharge_reason text,
    discharge_summary text,
    created_by integer not null references users(id),
    created_at text not null,
    updated_at text not null,
    check (cert_end is null or cert_start is null or cert_end >= cert_start)
  )`,
  `create index episodes_patient on episodes(patient_id, start_date)`,
  // One current episode per patient: at most one without a discharge.
  `create unique index episodes_one_open on episodes(patient_id) where discharged_on is null`,
  `create table episode_goals (
    id integer primary key,
    episode_id integer not null references episodes(id),
    term text not null check (term in ('short', 'long')),
    description text not null,
    target_date text,
    status text not null default 'not_met' check (status in ('not_met', 'partly', 'met')),
    sort_order integer not null,
    removed_at text,
    created_at text not null,
    updated_at text not null
  )`,
  `create index episode_goals_episode on episode_goals(episode_id, sort_order)`,
  `create table notes (
    id integer primary key,
    patient_id integer not null references patients(id),
    episode_id integer not null references episodes(id),
    appointment_id integer references appointments(id),
    author_id integer not null references users(id),
    note_type text not null check (note_type in ('initial_evaluation', 'daily', 'progress', 'discharge')),
    date_of_service text not null,
    status text not null default 'draft' check (status in ('draft', 'signed', 'discarded')),
    revision integer not null default 0,
    content_json text not null,
    billing_json text,
    billed_json text,
    episode_json text,
    copied_from_note_id integer references notes(id),
    signed_at text,
    signed_by integer references users(id),
    signed_by_name text,
    content_hash text,
    created_at text not null,
    updated_at text not null,
    check (status <> 'signed' or (signed_at is not null and signed_by is not null and content_hash is not null and billing_json is not null and episode_json is not null))
  )`,
  // A patient's notes newest first (the chart's Notes tab) without a sort step, even at 300 notes.
  `create index notes_patient_date on notes(patient_id, date_of_service, id)`,
  `create index notes_episode on notes(episode_id, date_of_service)`,
  `create index notes_author_status on notes(author_id, status, date_of_service)`,
  // One live note per appointment (a discarded draft frees it).
  `create unique index notes_one_per_appointment on notes(appointment_id) where appointment_id is not null and status <> 'discarded'`,
  `create trigger notes_signed_no_update before update on notes when old.status = 'signed' begin
    select raise(abort, 'a signed note cannot be changed: add an addendum');
  end`,
  `create trigger notes_signed_no_delete before delete on notes when old.status = 'signed' begin
    select raise(abort, 'a signed note cannot be deleted');
  end`,
  `create table note_addenda (
    id integer primary key,
    note_id integer not null references notes(id),
    author_id integer not null references users(id),
    author_name text not null,
    text text not null,
    signed_at text not null,
    content_hash text not null
  )`,
  `create index note_addenda_note on note_addenda(note_id, id)`,
  `create trigger note_addenda_no_update before update on note_addenda begin
    select raise(abort, 'an addendum cannot be changed: add another addendum');
  end`,
  `create trigger note_addenda_no_delete before delete on note_addenda begin
    select raise(abort, 'an addendum cannot be deleted');
  end`,
  `create table attachments (
    id integer primary key,
    patient_id integer not null references patients(id),
    episode_id integer references episodes(id),
    kind text not null check (kind in ('referral', 'imaging', 'outside_notes', 'other')),
    title text not null,
    file_name text not null,
    mime_type text not null check (mime_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes integer not null check (size_bytes > 0),
    sha256 text not null check (length(sha256) = 64),
    uploaded_by integer not null references users(id),
    uploaded_at text not null,
    removed_at text,
    removed_by integer references users(id),
    removed_reason text
  )`,
  `create index attachments_patient on attachments(patient_id, uploaded_at)`,
];
