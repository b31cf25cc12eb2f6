import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * The cash desk's ledger: fees by effective date, prepaid visit packages, charges, payments, what
 * each payment paid, refunds and voids. Money is integer cents.
 *
 * Every money row is written once and never changed or deleted (triggers refuse it, whatever code
 * or raw SQL runs against the file): a mistake is undone by a void row that names the row, who and
 * why; a balance is always computed from the rows, never stored.
 *
 * Numbered 0010 after reassessments' 0009 (another branch); on this branch it is the 9th step, so
 * its version is 9 until the lead renumbers at merge.
 */
export const migration0010: Migration = {
  version: 9,
  name: 'ledger',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const APPEND_ONLY = ['fee_schedule', 'charges', 'payments', 'payment_applications', 'refunds', 'ledger_voids', 'patient_packages'];

const STATEMENTS = [
  // One row per fee set; the fee in force for a code on a date is the newest row with the latest
  // effective_from on or before it. code 'VISIT' is the flat self-pay visit fee.
  `create table fee_schedule (
    id integer primary key,
    code text not null,
    fee_cents integer not null check (fee_cents >= 0),
    effective_from text not null,
    created_by integer not null references users(id),
    created_at text not null
  )`,
  `create index fee_schedule_code on fee_schedule(code, effective_from, id)`,
  `create table package_types (
    id integer primary key,
    name text not null,
    visits integer not null check (visits between 1 and 100),
    price_cents integer not null check (price_cents >= 0),
    active integer not null default 1 check (active in (0, 1)),
    created_by integer not null references users(id),
    created_at text not null,
    updated_at text not null
  )`,
  // A package sold to a patient keeps its own name, visits and price: the type may change later.
  `create table patient_packages (
    id integer primary key,
    patient_id integer not null references patients(id),
    package_type_id integer not null references package_types(id),
    name text not null,
    visits integer not null check (visits between 1 and 100),
    price_cents integer not null check (price_cents >= 0),
    sold_on text not null,
    created_by integer not null references users(id),
    created_at text not null
  )`,
  `create index patient_packages_patient on patient_packages(patient_id, sold_on)`,
  `create table charges (
    id integer primary key,
    patient_id integer not null references patients(id),
    date_of_service text not null,
    source text not null check (source in ('note', 'manual', 'package')),
    note_id integer references notes(id),
    appointment_id integer references appointments(id),
    patient_package_id integer references patient_packages(id),
    code text,
    description text not null,
    modifiers_json text not null default '[]',
    pointers_json text not null default '[]',
    units integer not null check (units between 1 and 99),
    amount_cents integer not null check (amount_cents >= 0),
    created_by integer not null references users(id),
    created_at text not null,
    check (source <> 'note' or note_id is not null),
    check (source <> 'package' or patient_package_id is not null)
  )`,
  `create index charges_patient on charges(patient_id, date_of_service, id)`,
  `create index charges_note on charges(note_id) where note_id is not null`,
  `create table payments (
    id integer primary key,
    patient_id integer not null references patients(id),
    method text not null check (method in ('card', 'cash', 'check', 'hsa_fsa', 'package')),
    amount_cents integer not null check (amount_cents > 0),
    received_on text not null,
    reference text,
    patient_package_id integer references patient_packages(id),
    taken_by integer not null references users(id),
    created_at text not null,
    check ((method = 'package') = (patient_package_id is not null))
  )`,
  `create index payments_patient on payments(patient_id, received_on, id)`,
  `create index payments_day on payments(received_on, method)`,
  `create table payment_applications (
    id integer primary key,
    payment_id integer not null references payments(id),
    charge_id integer not null references charges(id),
    amount_cents integer not null check (amount_cents > 0),
    created_by integer not null references users(id),
    created_at text not null
  )`,
  `create index payment_applications_payment on payment_applications(payment_id)`,
  `create index payment_applications_charge on payment_applications(charge_id)`,
  `create table refunds (
    id integer primary key,
    payment_id integer not null references payments(id),
    amount_cents integer not null check (amount_cents > 0),
    refunded_on text not null,
    reason text not null check (length(trim(reason)) > 0),
    created_by integer not null references users(id),
    created_at text not null
  )`,
  `create index refunds_payment on refunds(payment_id)`,
  // A void cancels one charge, payment or refund (or a sold package) for good, with who and why.
  `create table ledger_voids (
    id integer primary key,
    entity text not null check (entity in ('charge', 'payment', 'refund')),
    entity_id integer not null,
    reason text not null check (length(trim(reason)) > 0),
    voided_by integer not null references users(id),
    voided_at text not null
  )`,
  `create unique index ledger_voids_once on ledger_voids(entity, entity_id)`,
  ...APPEND_ONLY.flatMap((table) => [
    `create trigger ${table}_no_update before update on ${table} begin
      select raise(abort, 'money records are never changed: void and record again');
    end`,
    `create trigger ${table}_no_delete before delete on ${table} begin
      select raise(abort, 'money records are never deleted: void instead');
    end`,
  ]),
];
