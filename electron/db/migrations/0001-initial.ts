import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/** Clinic, users and sessions, patients with their search index, and the append-only audit log. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `create table clinic (
    id integer primary key check (id = 1),
    name text not null,
    address_line1 text not null,
    address_line2 text,
    city text not null,
    region text not null,
    postal_code text not null,
    phone text not null,
    time_zone text not null,
    distance_unit text not null check (distance_unit in ('km', 'mi')),
    npi text,
    tax_id text,
    idle_lock_minutes integer not null default 10,
    created_at text not null,
    updated_at text not null
  )`,
  `create table users (
    id integer primary key,
    username text not null unique collate nocase,
    display_name text not null,
    role text not null check (role in ('admin', 'therapist', 'front_desk')),
    password_hash text not null,
    active integer not null default 1 check (active in (0, 1)),
    failed_sign_ins integer not null default 0,
    locked_until text,
    created_at text not null,
    updated_at text not null
  )`,
  `create table sessions (
    id integer primary key,
    token_hash text not null unique,
    user_id integer not null references users(id),
    created_at text not null,
    last_active_at text not null,
    expires_at text not null,
    locked integer not null default 0 check (locked in (0, 1)),
    ended_at text
  )`,
  `create index sessions_user on sessions(user_id)`,
  `create table counters (name text primary key, value integer not null)`,
  `insert into counters (name, value) values ('mrn', 0)`,
  `create table patients (
    id integer primary key,
    mrn text not null unique,
    legal_first_name text not null,
    legal_last_name text not null,
    preferred_name text,
    first_name_key text not null,
    last_name_key text not null,
    date_of_birth text not null,
    sex text not null check (sex in ('female', 'male', 'intersex', 'unknown')),
    phone text,
    phone_digits text,
    email text,
    address_line1 text,
    address_line2 text,
    city text,
    region text,
    postal_code text,
    emergency_contact_name text,
    emergency_contact_phone text,
    emergency_contact_relationship text,
    referral_source text,
    referral_detail text,
    insurer_name text,
    insurer_member_id text,
    insurer_group_id text,
    medicare_beneficiary integer not null default 0 check (medicare_beneficiary in (0, 1)),
    notes text,
    archived_at text,
    created_at text not null,
    updated_at text not null
  )`,
  `create index patients_name on patients(last_name_key, first_name_key, id)`,
  `create index patients_dob on patients(date_of_birth, id)`,
  `create index patients_created on patients(created_at, id)`,
  // Contentless FTS5 index over names, MRN and phone digits. unicode61 with remove_diacritics 2 makes
  // "jose" find "José"; the prefix indexes make search-as-you-type ("gar" → Garcia) an index lookup.
  `create virtual table patients_fts using fts5(
    names, mrn, phone,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
  )`,
  // MRN tokens: RB000123, 000123 and 123. Phone tokens: all digits, the last 10 (without a country code), 7 and 4, so staff can type any of them.
  `create trigger patients_fts_insert after insert on patients begin
    insert into patients_fts (rowid, names, mrn, phone) values (
      new.id,
      new.legal_first_name || ' ' || new.legal_last_name || ' ' || coalesce(new.preferred_name, ''),
      new.mrn || ' ' || substr(new.mrn, 3) || ' ' || cast(cast(substr(new.mrn, 3) as integer) as text),
      coalesce(new.phone_digits || ' ' || substr(new.phone_digits, -10) || ' ' || substr(new.phone_digits, -7) || ' ' || substr(new.phone_digits, -4), '')
    );
  end`,
  `create trigger patients_fts_update after update of legal_first_name, legal_last_name, preferred_name, mrn, phone_digits on patients begin
    delete from patients_fts where rowid = old.id;
    insert into patients_fts (rowid, names, mrn, phone) values (
      new.id,
      new.legal_first_name || ' ' || new.legal_last_name || ' ' || coalesce(new.preferred_name, ''),
      new.mrn || ' ' || substr(new.mrn, 3) || ' ' || cast(cast(substr(new.mrn, 3) as integer) as text),
      coalesce(new.phone_digits || ' ' || substr(new.phone_digits, -10) || ' ' || substr(new.phone_digits, -7) || ' ' || substr(new.phone_digits, -4), '')
    );
  end`,
  `create table audit_log (
    id integer primary key,
    at text not null,
    user_id integer references users(id),
    username text,
    action text not null,
    entity text,
    entity_id text,
    detail text
  )`,
  `create index audit_log_entity on audit_log(entity, entity_id, id)`,
  // The audit log is append-only at the database level too, whatever code runs against it.
  `create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit log rows cannot be changed'); end`,
  `create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit log rows cannot be deleted'); end`,
];
