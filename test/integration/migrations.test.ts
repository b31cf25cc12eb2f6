import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createKysely, openDatabase } from '../../electron/db/connection';
import { DatabaseTooNewError, migrate, readSchemaVersion } from '../../electron/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/db/migrations';

const dirs: string[] = [];
function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'runback-mig-'));
  dirs.push(dir);
  return join(dir, 'runback.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const fileHash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** A database in memory (foreign keys on, as the app opens it) brought up to `version`: the seed-migrate-assert tests start here. */
async function databaseAt(version: number) {
  const raw = new Database(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = createKysely(raw) as unknown as Kysely<unknown>;
  await migrate(db, version);
  return { raw, db };
}
/** User 1, a therapist. */
const seedTherapist = (raw: Database.Database) => raw.prepare(`insert into users (username, display_name, role, password_hash, created_at, updated_at) values ('t', 'T', 'therapist', 'h', 'x', 'x')`).run();
/** Patient 1, Đặng, Tấn. */
const seedPatient = (raw: Database.Database) =>
  raw
    .prepare(
      `insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at)
      values ('RB000001', 'Tấn', 'Đặng', 'tan', 'dang', '1990-01-01', 'male', 'x', 'x')`,
    )
    .run();

describe('migrations', () => {
  it('are numbered 1..N with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  it('0001 (initial): from an empty file to clinic, users, sessions, patients + search index, append-only audit log', async () => {
    const raw = new Database(':memory:');
    const db = createKysely(raw) as unknown as Kysely<unknown>;
    expect(await readSchemaVersion(db)).toBe(0);
    expect(await migrate(db, 1)).toEqual({ from: 0, to: 1 });
    const tables = raw.prepare(`select name from sqlite_master where type in ('table') order by name`).all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'clinic', 'counters', 'patients', 'patients_fts', 'schema_version', 'sessions', 'users']));
    expect(raw.prepare(`select value from counters where name = 'mrn'`).get()).toEqual({ value: 0 });
    // Rows written at version 1 are searchable through the triggers it installed.
    raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, phone_digits, created_at, updated_at)
      values ('RB000001', 'Zoë', 'Núñez', 'zoe', 'nunez', '1990-01-01', 'female', '3125550100', 'x', 'x')`).run();
    expect(raw.prepare(`select rowid from patients_fts where patients_fts match 'names : "nun"*'`).all()).toEqual([{ rowid: 1 }]);
    expect(raw.prepare(`select rowid from patients_fts where patients_fts match '{mrn phone} : "0100"*'`).all()).toEqual([{ rowid: 1 }]);
    expect(() => raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at) values ('RB000001','a','b','a','b','1990-01-01','female','x','x')`).run()).toThrow(/UNIQUE/);
    await db.destroy();
  });

  it('opening twice is a no-op the second time', async () => {
    const file = tempFile();
    await (await openDatabase(file)).close();
    const again = await openDatabase(file);
    expect(await readSchemaVersion(again.db as unknown as Kysely<unknown>)).toBe(LATEST_VERSION);
    await again.close();
  });

  it('turns on WAL, foreign keys and full sync; a write never waits inside SQLite for a lock', async () => {
    const file = tempFile();
    const { db, close } = await openDatabase(file);
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('synchronous')).toBe(2); // FULL
    // SQLite's busy handler would stop the whole process while it waits; transaction.ts waits instead.
    expect(await pragma('busy_timeout')).toBe(0);
    await close();
  });

  it('applies all pending steps in one transaction: a failing step leaves the database as it was', async () => {
    const file = tempFile();
    await (await openDatabase(file)).close();
    const before = fileHash(file);
    const raw = new Database(file);
    const db = createKysely(raw) as unknown as Kysely<unknown>;
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'adds a table', up: async (d: Kysely<unknown>) => void (await sql`create table extra (id integer)`.execute(d)) },
      { version: LATEST_VERSION + 2, name: 'fails', up: async () => Promise.reject(new Error('boom')) },
    ];
    await expect(migrate(db, LATEST_VERSION + 2, broken)).rejects.toThrow('boom');
    expect(await readSchemaVersion(db)).toBe(LATEST_VERSION);
    expect(raw.prepare(`select count(*) as n from sqlite_master where name = 'extra'`).get()).toEqual({ n: 0 });
    await db.destroy();
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a database written by a newer Runback, with a clear message, and leaves it untouched', async () => {
    const file = tempFile();
    await (await openDatabase(file)).close();
    const raw = new Database(file);
    raw.prepare('update schema_version set version = ?').run(LATEST_VERSION + 5);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = fileHash(file);
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toContain(`database version ${LATEST_VERSION + 5}; this version knows up to ${LATEST_VERSION}`);
    expect((error as Error).message).toContain('Nothing was changed');
    expect(fileHash(file)).toBe(before);
  });
});

describe('migration 0002 (schedule)', () => {
  it('keeps the clinic, users and patients of version 1, adds the schedule and the default appointment types', async () => {
    const { raw, db } = await databaseAt(1);
    raw.prepare(`insert into clinic (id, name, address_line1, city, region, postal_code, phone, time_zone, distance_unit, created_at, updated_at)
      values (1, 'Old Clinic', '1 St', 'Town', 'IL', '60601', '3125550100', 'America/Chicago', 'mi', 'x', 'x')`).run();
    seedTherapist(raw);
    raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at)
      values ('RB000001', 'A', 'B', 'a', 'b', '1990-01-01', 'female', 'x', 'x')`).run();
    expect(await migrate(db, 2)).toEqual({ from: 1, to: 2 });
    expect(raw.prepare('select name, late_cancel_hours from clinic').get()).toEqual({ name: 'Old Clinic', late_cancel_hours: 24 });
    expect(raw.prepare('select name, duration_minutes from appointment_types order by id').all()).toEqual([
      { name: 'Initial evaluation', duration_minutes: 60 },
      { name: 'Follow-up', duration_minutes: 45 },
      { name: 'Reassessment', duration_minutes: 45 },
      { name: 'Run analysis', duration_minutes: 60 },
    ]);
    raw.prepare(`insert into appointments (patient_id, therapist_id, type_id, starts_at, ends_at, created_at, updated_at) values (1, 1, 1, '2026-01-01T15:00:00Z', '2026-01-01T16:00:00Z', 'x', 'x')`).run();
    expect(() => raw.prepare(`insert into appointments (patient_id, therapist_id, type_id, starts_at, ends_at, created_at, updated_at) values (99, 1, 1, 'a', 'b', 'x', 'x')`).run()).toThrow(/FOREIGN KEY/);
    expect(() => raw.prepare(`insert into appointments (patient_id, therapist_id, type_id, starts_at, ends_at, created_at, updated_at) values (1, 1, 1, 'b', 'a', 'x', 'x')`).run()).toThrow(/CHECK/);
    await db.destroy();
  });
});

describe('migration 0003 (running)', () => {
  it('keeps version-2 data and adds runs (one file once per patient), plans and weeks', async () => {
    const { raw, db } = await databaseAt(2);
    raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at)
      values ('RB000001', 'A', 'B', 'a', 'b', '1990-01-01', 'female', 'x', 'x')`).run();
    expect(await migrate(db, 3)).toEqual({ from: 2, to: 3 });
    expect(raw.prepare('select count(*) as n from patients').get()).toEqual({ n: 1 });
    const insert = raw.prepare(`insert into runs (patient_id, date, distance_m, duration_s, content_hash, deleted_at, created_at, updated_at) values (1, '2026-01-01', 5000, 1800, ?, ?, 'x', 'x')`);
    insert.run('abc', null);
    expect(() => insert.run('abc', null)).toThrow(/UNIQUE/);
    insert.run('abc', '2026-01-02T00:00:00Z'); // a deleted copy does not block
    insert.run(null, null);
    insert.run(null, null); // manual runs have no hash
    expect(() => raw.prepare(`insert into runs (patient_id, date, distance_m, duration_s, pain_during, created_at, updated_at) values (1, 'd', 1, 1, 11, 'x', 'x')`).run()).toThrow(/CHECK/);
    raw.prepare(`insert into run_plans (patient_id, start_date, starting_step_id, sessions_per_week, ladder_json, created_at) values (1, '2026-01-05', 'rw-15-105', 3, '[]', 'x')`).run();
    const week = raw.prepare(`insert into plan_weeks (plan_id, week_start, step_id) values (1, '2026-01-05', 'rw-15-105')`);
    week.run();
    expect(() => week.run()).toThrow(/UNIQUE/);
    await db.destroy();
  });
});

describe('migration 0004 (locale and audit)', () => {
  it('keeps the version-3 clinic with the settings it showed before, checks the new values, and indexes the audit log for the viewer', async () => {
    const { raw, db } = await databaseAt(3);
    raw.prepare(`insert into clinic (id, name, address_line1, city, region, postal_code, phone, time_zone, distance_unit, created_at, updated_at)
      values (1, 'Old Clinic', '1 St', 'Town', 'IL', '60601', '3125550100', 'America/Chicago', 'mi', 'x', 'x')`).run();
    raw.prepare(`insert into audit_log (at, action) values ('2026-01-01T00:00:00Z', 'clinic.update')`).run();
    expect(await migrate(db, 4)).toEqual({ from: 3, to: 4 });
    expect(raw.prepare('select name, country, date_order, time_format, week_starts_on from clinic').get()).toEqual({
      name: 'Old Clinic',
      country: 'US',
      date_order: 'MDY',
      time_format: '12h',
      week_starts_on: 'monday',
    });
    expect(() => raw.prepare(`update clinic set date_order = 'DDMMYY'`).run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`update clinic set time_format = '13h'`).run()).toThrow(/CHECK/);
    raw.prepare(`update clinic set date_order = 'DMY', time_format = '24h', week_starts_on = 'sunday', country = 'GB'`).run();
    const indexes = raw.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'audit_log' order by name`).all().map((r) => (r as { name: string }).name);
    expect(indexes).toEqual(expect.arrayContaining(['audit_log_action', 'audit_log_at', 'audit_log_entity', 'audit_log_user']));
    const plan = raw.prepare(`explain query plan select * from audit_log where user_id = 1 order by id desc limit 50`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('audit_log_user');
    expect(raw.prepare('select count(*) as n from audit_log').get()).toEqual({ n: 1 });
    await db.destroy();
  });
});

describe('migration 0005 (red-flag screens)', () => {
  it('carries each weekly check-in over as a screen of the four questions it asked, then drops the old column', async () => {
    const { raw, db } = await databaseAt(3);
    raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at)
      values ('RB000001', 'A', 'B', 'a', 'b', '1990-01-01', 'female', 'x', 'x')`).run();
    raw.prepare(`insert into run_plans (patient_id, start_date, starting_step_id, sessions_per_week, ladder_json, created_at) values (1, '2026-01-05', 'rw-15-105', 3, '[]', 'x')`).run();
    const week = raw.prepare(`insert into plan_weeks (plan_id, week_start, step_id, red_flags, decided_at) values (1, ?, 'rw-15-105', ?, ?)`);
    week.run('2026-01-05', 'limp,restOrNightPain', '2026-01-11T19:00:00.000Z');
    week.run('2026-01-12', '', null);
    expect(await migrate(db, MIGRATIONS.findIndex((m) => m.name === 'red-flag-screens') + 1)).toMatchObject({ from: 3 });
    expect(raw.prepare('select patient_id, context, plan_id, plan_week_id, asked_on, asked_by, recorded_at from red_flag_screens').all()).toEqual([
      { patient_id: 1, context: 'check-in', plan_id: 1, plan_week_id: 1, asked_on: '2026-01-05', asked_by: null, recorded_at: '2026-01-11T19:00:00.000Z' },
    ]);
    expect(raw.prepare('select flag, answer from red_flag_answers order by flag').all()).toEqual([
      { flag: 'limp', answer: 'yes' },
      { flag: 'newLegSymptoms', answer: 'no' },
      { flag: 'restOrNightPain', answer: 'yes' },
      { flag: 'swelling', answer: 'no' },
    ]);
    expect(raw.prepare(`select name from pragma_table_info('plan_weeks') where name = 'red_flags'`).all()).toEqual([]);
    // A check-in needs its week; a visit-note screen its note; "already assessed" only on a yes.
    const screen = raw.prepare(`insert into red_flag_screens (patient_id, context, plan_week_id, note_id, asked_on, recorded_at) values (1, ?, ?, ?, '2026-01-20', 'x')`);
    expect(() => screen.run('check-in', null, null)).toThrow(/CHECK/);
    expect(() => screen.run('visit-note', null, null)).toThrow(/CHECK/);
    expect(() => screen.run('plan-start', 2, null)).toThrow(/CHECK/);
    screen.run('visit-note', null, 7);
    expect(() => raw.prepare(`insert into red_flag_answers (screen_id, flag, answer, physician_assessed) values (2, 'fever', 'no', 1)`).run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`insert into red_flag_answers (screen_id, flag, answer) values (2, 'fever', 'maybe')`).run()).toThrow(/CHECK/);
    await db.destroy();
  });
});

describe('migration 0006 (read indexes)', () => {
  it('keeps version-3 patients; indexes the active ones by name (with their numbers), the archived ones apart, and runs by start', async () => {
    const raw = new Database(':memory:');
    const db = createKysely(raw) as unknown as Kysely<unknown>;
    await migrate(db, 3);
    const insert = raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, archived_at, created_at, updated_at)
      values (?, 'A', ?, 'a', ?, '1990-01-01', 'female', ?, 'x', 'x')`);
    insert.run('RB000001', 'Bravo', 'bravo', null);
    insert.run('RB000002', 'Alpha', 'alpha', '2026-01-01T00:00:00.000Z');
    insert.run('RB000003', 'Charlie', 'charlie', null);
    expect(await migrate(db, MIGRATIONS.findIndex((m) => m.name === 'read-indexes') + 1)).toMatchObject({ from: 3 });
    expect(raw.prepare('select count(*) as n from patients').get()).toEqual({ n: 3 });
    const plan = (q: string) => (raw.prepare(`explain query plan ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const active = `select id from patients where archived_at is null order by last_name_key, first_name_key, id`;
    expect(plan(active)).toMatch(/USING COVERING INDEX patients_active_name/);
    expect(raw.prepare(active).all()).toEqual([{ id: 1 }, { id: 3 }]);
    // A broad phone or MRN search checks each row's numbers on the same index, without the table.
    const numbers = `select id from patients where archived_at is null and (substr(phone_digits, 1, 3) = '312' or substr(lower(mrn), 1, 4) = 'rb00') order by last_name_key, first_name_key, id`;
    expect(plan(numbers)).toMatch(/^SCAN patients USING COVERING INDEX patients_active_name$/);
    expect(raw.prepare(numbers).all()).toEqual([{ id: 1 }, { id: 3 }]);
    const archived = `select count(*) as n from patients where archived_at is not null`;
    expect(plan(archived)).toMatch(/USING COVERING INDEX patients_archived/);
    expect(raw.prepare(archived).get()).toEqual({ n: 1 });
    const near = `select id from runs where patient_id = 1 and deleted_at is null and started_at >= '2026-01-01T06:58:00Z' and started_at <= '2026-01-01T07:02:00Z'`;
    expect(plan(near)).toMatch(/SEARCH runs USING INDEX runs_patient_start \(patient_id=\? AND started_at>\? AND started_at<\?\)/);
    await db.destroy();
  });
});

describe('migration 0007 (run legs)', () => {
  it('keeps imported runs (as leg 0) and lets the legs of one multisport file share its hash; the same file and leg twice is still refused', async () => {
    const { raw, db } = await databaseAt(3);
    raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at)
      values ('RB000001', 'A', 'B', 'a', 'b', '1990-01-01', 'female', 'x', 'x')`).run();
    raw.prepare(`insert into runs (patient_id, date, distance_m, duration_s, content_hash, created_at, updated_at) values (1, '2026-01-01', 5000, 1800, 'abc', 'x', 'x')`).run();
    const version = MIGRATIONS.find((m) => m.name === 'run-legs')!.version;
    expect(await migrate(db, version)).toEqual({ from: 3, to: version });
    expect(raw.prepare('select content_hash, source_leg, detection_method from runs').all()).toEqual([{ content_hash: 'abc', source_leg: 0, detection_method: null }]);
    const leg = raw.prepare(`insert into runs (patient_id, date, distance_m, duration_s, content_hash, source_leg, detection_method, deleted_at, created_at, updated_at) values (1, '2026-01-01', 2000, 900, ?, ?, 'speed-modes', ?, 'x', 'x')`);
    leg.run('multi', 1, null);
    leg.run('multi', 3, null);
    expect(() => leg.run('multi', 3, null)).toThrow(/UNIQUE/);
    leg.run('multi', 3, '2026-01-02T00:00:00Z'); // a deleted copy does not block
    expect(() => leg.run('abc', 0, null)).toThrow(/UNIQUE/);
    expect(() => leg.run('neg', -1, null)).toThrow(/CHECK/);
    await db.destroy();
  });
});

describe('migration 0008 (charting)', () => {
  it('keeps earlier data and adds episodes (one open per patient), notes locked once signed, addenda that never change, attachments', async () => {
    const v = MIGRATIONS.find((m) => m.name === 'charting')!.version;
    const { raw, db } = await databaseAt(v - 1);
    seedTherapist(raw);
    seedPatient(raw);
    raw.prepare(`insert into appointments (patient_id, therapist_id, type_id, starts_at, ends_at, created_at, updated_at) values (1, 1, 1, '2026-01-01T15:00:00Z', '2026-01-01T16:00:00Z', 'x', 'x')`).run();
    expect(await migrate(db, v)).toEqual({ from: v - 1, to: v });
    expect(raw.prepare('select count(*) as n from appointments').get()).toEqual({ n: 1 });
    const episode = raw.prepare(`insert into episodes (patient_id, start_date, referral_type, discharged_on, created_by, created_at, updated_at) values (1, '2026-01-01', 'self', ?, 1, 'x', 'x')`);
    episode.run(null);
    expect(() => episode.run(null)).toThrow(/UNIQUE/);
    episode.run('2025-06-01'); // a discharged one beside it is fine
    const note = raw.prepare(`insert into notes (patient_id, episode_id, appointment_id, author_id, note_type, date_of_service, status, content_json, billing_json, episode_json, signed_at, signed_by, content_hash, created_at, updated_at)
      values (1, 1, ?, 1, 'daily', '2026-01-01', ?, '{}', ?, ?, ?, ?, ?, 'x', 'x')`);
    expect(() => note.run(null, 'signed', null, null, null, null, null)).toThrow(/CHECK/);
    note.run(1, 'draft', null, null, null, null, null);
    expect(() => note.run(1, 'draft', null, null, null, null, null)).toThrow(/UNIQUE/); // one live note per appointment
    raw.prepare(`update notes set status = 'discarded' where id = 1`).run();
    note.run(1, 'signed', '{}', '{}', 'y', 1, 'a'.repeat(64));
    expect(() => raw.prepare(`update notes set content_json = '{"x":1}' where id = 2`).run()).toThrow(/a signed note cannot be changed/);
    expect(() => raw.prepare(`delete from notes where id = 2`).run()).toThrow(/a signed note cannot be deleted/);
    raw.prepare(`insert into note_addenda (note_id, author_id, author_name, text, signed_at, content_hash) values (2, 1, 'T', 'fix', 'y', 'h')`).run();
    expect(() => raw.prepare(`update note_addenda set text = 'other'`).run()).toThrow(/an addendum cannot be changed/);
    expect(() => raw.prepare(`delete from note_addenda`).run()).toThrow(/an addendum cannot be deleted/);
    expect(() => raw.prepare(`insert into attachments (patient_id, kind, title, file_name, mime_type, size_bytes, sha256, uploaded_by, uploaded_at) values (1, 'referral', 'R', 'r.exe', 'application/x-msdownload', 10, ?, 1, 'x')`).run('b'.repeat(64))).toThrow(/CHECK/);
    await db.destroy();
  });
});

describe('migration 0009 (reassessments and outcomes)', () => {
  it('keeps earlier patients; stores each measure with side, unit and device, outcome answers with their score, and one correction per record', async () => {
    const raw = new Database(':memory:');
    raw.pragma('foreign_keys = ON');
    const db = createKysely(raw) as unknown as Kysely<unknown>;
    const version = MIGRATIONS.find((m) => m.name === 'reassessments')!.version;
    await migrate(db, version - 1);
    raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at)
      values ('RB000001', 'Trọng Tấn', 'Đặng', 'trong tan', 'dang', '1990-01-01', 'male', 'x', 'x')`).run();
    raw.prepare(`insert into users (username, display_name, role, password_hash, created_at, updated_at) values ('theo', 'Theo', 'therapist', 'x', 'x', 'x')`).run();
    expect(await migrate(db, version)).toEqual({ from: version - 1, to: version });
    expect(raw.prepare('select count(*) as n from patients').get()).toEqual({ n: 1 });
    const sitting = raw.prepare(`insert into reassessments (patient_id, note_id, assessed_on, assessed_by, recorded_at, replaces_id) values (1, ?, '2026-11-02', 1, 'x', ?)`);
    sitting.run(null, null);
    // The visit note it names must exist.
    expect(() => sitting.run(42, 1)).toThrow(/FOREIGN KEY/);
    sitting.run(null, 1);
    expect(() => sitting.run(null, 1)).toThrow(/UNIQUE/);
    const measure = raw.prepare(`insert into reassessment_measures (reassessment_id, code, side, unit, value_number, value_result, device) values (1, ?, ?, ?, ?, ?, ?)`);
    measure.run('thomas_hip_angle', 'left', 'deg', 8, null, 'goniometer');
    measure.run('prone_instability', 'none', 'result', null, 'positive', 'visual');
    expect(() => measure.run('thomas_hip_angle', 'left', 'deg', 3, null, 'goniometer')).toThrow(/UNIQUE/);
    expect(() => measure.run('hip_ir', 'up', 'deg', 30, null, null)).toThrow(/CHECK/);
    expect(() => measure.run('hip_ir', 'left', 'deg', 30, 'good', null)).toThrow(/CHECK/);
    expect(() => measure.run('hip_ir', 'left', 'deg', null, 'good', null)).toThrow(/CHECK/);
    expect(() => measure.run('hip_ir', 'left', 'deg', 30, null, 'ruler')).toThrow(/CHECK/);
    expect(() => measure.run('hip_er', 'left', 'deg', 30, null, null)).not.toThrow();
    const outcome = raw.prepare(`insert into outcome_records (patient_id, instrument, completed_on, recorded_by, recorded_at, answers_json, score) values (1, ?, '2026-11-02', 1, 'x', ?, ?)`);
    outcome.run('nprs', '{"score":6}', 6);
    outcome.run('odi', '{"version":"odi","sections":{}}', null);
    expect(() => outcome.run('sf-36', '{}', 1)).toThrow(/CHECK/);
    expect(() => raw.prepare(`insert into outcome_records (patient_id, instrument, completed_on, recorded_by, recorded_at, answers_json) values (9, 'nprs', '2026-11-02', 1, 'x', '{}')`).run()).toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});

describe('migration 0010 (ledger)', () => {
  it('keeps earlier data and adds fees, packages, charges, payments, applications, refunds and voids that are never changed or deleted', async () => {
    const v = MIGRATIONS.find((m) => m.name === 'ledger')!.version;
    const { raw, db } = await databaseAt(v - 1);
    raw.prepare(`insert into users (username, display_name, role, password_hash, created_at, updated_at) values ('a', 'A', 'admin', 'h', 'x', 'x')`).run();
    seedPatient(raw);
    raw.prepare(`insert into episodes (patient_id, start_date, referral_type, created_by, created_at, updated_at) values (1, '2026-01-01', 'self', 1, 'x', 'x')`).run();
    expect(await migrate(db, v)).toEqual({ from: v - 1, to: v });
    expect(raw.prepare('select count(*) as n from episodes').get()).toEqual({ n: 1 });

    const fee = raw.prepare(`insert into fee_schedule (code, fee_cents, effective_from, created_by, created_at) values (?, ?, ?, 1, 'x')`);
    fee.run('97140', 6500, '2026-01-01');
    expect(() => fee.run('97140', -1, '2026-01-01')).toThrow(/CHECK/);
    const charge = raw.prepare(`insert into charges (patient_id, date_of_service, source, note_id, code, description, units, amount_cents, created_by, created_at) values (1, '2026-01-02', ?, null, '97140', 'Manual therapy', ?, ?, 1, 'x')`);
    charge.run('manual', 2, 13000);
    expect(() => charge.run('note', 1, 100)).toThrow(/CHECK/); // a charge from a note names it
    expect(() => charge.run('manual', 1, -5)).toThrow(/CHECK/);
    const payment = raw.prepare(`insert into payments (patient_id, method, amount_cents, received_on, patient_package_id, taken_by, created_at) values (1, ?, ?, '2026-01-02', null, 1, 'x')`);
    payment.run('card', 13000);
    expect(() => payment.run('package', 100)).toThrow(/CHECK/); // a package payment names its package
    expect(() => payment.run('card', 0)).toThrow(/CHECK/);
    expect(() => payment.run('bitcoin', 100)).toThrow(/CHECK/);
    raw.prepare(`insert into payment_applications (payment_id, charge_id, amount_cents, created_by, created_at) values (1, 1, 13000, 1, 'x')`).run();
    expect(() => raw.prepare(`insert into refunds (payment_id, amount_cents, refunded_on, reason, created_by, created_at) values (1, 100, '2026-01-03', '  ', 1, 'x')`).run()).toThrow(/CHECK/);
    const voidRow = raw.prepare(`insert into ledger_voids (entity, entity_id, reason, voided_by, voided_at) values ('charge', 1, 'Wrong patient', 1, 'x')`);
    voidRow.run();
    expect(() => voidRow.run()).toThrow(/UNIQUE/); // voided once
    for (const table of ['fee_schedule', 'charges', 'payments', 'payment_applications', 'ledger_voids']) {
      expect(() => raw.prepare(`update ${table} set id = id`).run()).toThrow(/never changed/);
      expect(() => raw.prepare(`delete from ${table}`).run()).toThrow(/never deleted/);
    }
    await db.destroy();
  });
});

describe('migration 0011 (billing identity)', () => {
  it('keeps the users and gives them an NPI (10 digits, no two alike), credentials and a licence', async () => {
    const v = MIGRATIONS.find((m) => m.name === 'billing-identity')!.version;
    const { raw, db } = await databaseAt(v - 1);
    raw.prepare(`insert into users (username, display_name, role, password_hash, created_at, updated_at) values ('t', 'Nguyễn, Lan', 'therapist', 'h', 'x', 'x')`).run();
    raw.prepare(`insert into users (username, display_name, role, password_hash, created_at, updated_at) values ('u', 'U', 'therapist', 'h', 'x', 'x')`).run();
    expect(await migrate(db, v)).toEqual({ from: v - 1, to: v });
    expect(raw.prepare('select display_name, npi, credentials, license from users where id = 1').get()).toEqual({ display_name: 'Nguyễn, Lan', npi: null, credentials: null, license: null });
    const set = raw.prepare('update users set npi = ?, credentials = ? where id = ?');
    set.run('1288456795', 'PT, DPT', 1);
    expect(() => set.run('1288456795', 'PT', 2)).toThrow(/UNIQUE/);
    expect(() => set.run('12884567', 'PT', 2)).toThrow(/CHECK/);
    expect(() => set.run('12884567AB', 'PT', 2)).toThrow(/CHECK/);
    expect(() => set.run(null, '', 2)).toThrow(/CHECK/);
    set.run(null, null, 2);
    await db.destroy();
  });
});

describe('migration 0012 (exercises)', () => {
  it('keeps earlier data and adds the clinic’s exercises with versions that never change, archived never deleted', async () => {
    const v = MIGRATIONS.find((m) => m.name === 'exercises')!.version;
    const { raw, db } = await databaseAt(v - 1);
    seedTherapist(raw);
    seedPatient(raw);
    expect(await migrate(db, v)).toEqual({ from: v - 1, to: v });
    expect(raw.prepare('select count(*) as n from patients').get()).toEqual({ n: 1 });
    const exercise = raw.prepare(`insert into exercises (exercise_key, origin, created_by, created_at) values (?, ?, 1, 'x')`);
    exercise.run('bird-dog', 'seeded');
    exercise.run('clinic-2', 'clinic');
    expect(() => exercise.run('clinic-2', 'clinic')).toThrow(/UNIQUE/);
    expect(() => exercise.run('heel-drops', 'clinic')).toThrow(/CHECK/);
    const version = raw.prepare(`insert into exercise_versions (exercise_id, version, body_json, created_by, created_at) values (?, ?, '{}', 1, 'x')`);
    version.run(2, 1);
    version.run(2, 2);
    expect(() => version.run(2, 2)).toThrow(/UNIQUE/);
    expect(() => raw.prepare(`update exercise_versions set body_json = '{"title":"x"}'`).run()).toThrow(/cannot be changed/);
    expect(() => raw.prepare(`delete from exercise_versions`).run()).toThrow(/cannot be deleted/);
    expect(() => raw.prepare(`delete from exercises where id = 1`).run()).toThrow(/archive it/);
    expect(() => raw.prepare(`update exercises set archived_at = 'y' where id = 1`).run()).toThrow(/CHECK/);
    raw.prepare(`update exercises set archived_at = 'y', archived_by = 1 where id = 1`).run();
    await db.destroy();
  });
});

describe('migration 0013 (home programs)', () => {
  it('keeps patients (English by default), keeps program versions and prints unchangeable, and stores photos by hash', async () => {
    const v = MIGRATIONS.find((m) => m.name === 'home-programs')!.version;
    const { raw, db } = await databaseAt(v - 1);
    seedTherapist(raw);
    seedPatient(raw);
    expect(await migrate(db, v)).toEqual({ from: v - 1, to: v });
    expect(raw.prepare('select legal_first_name, language from patients').get()).toEqual({ legal_first_name: 'Tấn', language: 'en' });
    raw.prepare(`update patients set language = 'es'`).run();
    expect(() => raw.prepare(`update patients set language = 'fr'`).run()).toThrow(/CHECK/);
    const version = raw.prepare(`insert into home_program_versions (patient_id, version, created_by, created_at) values (1, ?, 1, 'x')`);
    version.run(1);
    expect(() => version.run(1)).toThrow(/UNIQUE/);
    const item = raw.prepare(`insert into home_program_items (program_version_id, position, exercise_key, exercise_version, dosage_json) values (1, ?, ?, 0, '{}')`);
    item.run(1, 'bird-dog');
    expect(() => item.run(1, 'dead-bug')).toThrow(/UNIQUE/);
    expect(() => item.run(2, 'bird-dog')).toThrow(/UNIQUE/);
    const print = raw.prepare(`insert into home_program_prints (patient_id, program_version_id, language, paper, handout_json, printed_by, printed_at, reprint_of) values (1, 1, ?, ?, '{}', 1, 'x', ?)`);
    print.run('es', 'letter', null);
    print.run('es', 'letter', 1);
    expect(() => print.run('fr', 'letter', null)).toThrow(/CHECK/);
    expect(() => print.run('en', 'legal', null)).toThrow(/CHECK/);
    for (const table of ['home_program_versions', 'home_program_items', 'home_program_prints']) {
      expect(() => raw.prepare(`update ${table} set id = id`).run()).toThrow(/cannot be changed/);
      expect(() => raw.prepare(`delete from ${table}`).run()).toThrow(/cannot be deleted/);
    }
    const photo = raw.prepare(`insert into exercise_photos (patient_id, exercise_key, mime_type, size_bytes, sha256, uploaded_by, uploaded_at) values (1, 'bird-dog', ?, 10, ?, 1, 'x')`);
    photo.run('image/png', 'a'.repeat(64));
    expect(() => photo.run('image/gif', 'a'.repeat(64))).toThrow(/CHECK/);
    expect(() => photo.run('image/png', 'abc')).toThrow(/CHECK/);
    expect(() => raw.prepare(`update exercise_photos set removed_at = 'y'`).run()).toThrow(/CHECK/);
    await db.destroy();
  });
});

describe('migration 0014 (referral address)', () => {
  it('keeps episodes (no address yet) and holds the physician’s address, phone and fax in shape', async () => {
    const v = MIGRATIONS.find((m) => m.name === 'referral-address')!.version;
    const { raw, db } = await databaseAt(v - 1);
    seedTherapist(raw);
    seedPatient(raw);
    raw.prepare(`insert into episodes (patient_id, start_date, referral_type, referral_name, referral_npi, created_by, created_at, updated_at)
      values (1, '2026-03-02', 'physician', 'Dr Hồ Thị Mai', '1234567893', 1, 'x', 'x')`).run();
    expect(await migrate(db, v)).toEqual({ from: v - 1, to: v });
    expect(raw.prepare('select referral_name, referral_address_line1, referral_city, referral_phone, referral_fax from episodes').get()).toEqual({
      referral_name: 'Dr Hồ Thị Mai',
      referral_address_line1: null,
      referral_city: null,
      referral_phone: null,
      referral_fax: null,
    });
    raw.prepare(`update episodes set referral_address_line1 = '12 Elm St', referral_address_line2 = 'Suite 4', referral_city = 'Austin', referral_region = 'TX', referral_postal_code = '78701', referral_phone = '512 555 0100', referral_fax = '512 555 0101'`).run();
    expect(() => raw.prepare(`update episodes set referral_city = ''`).run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`update episodes set referral_postal_code = ?`).run('9'.repeat(21))).toThrow(/CHECK/);
    expect(() => raw.prepare(`update episodes set referral_fax = ?`).run('5'.repeat(41))).toThrow(/CHECK/);
    await db.destroy();
  });

  it('folds the letters Unicode does not decompose in name keys and the search index: "dang" finds Đặng', async () => {
    const v = MIGRATIONS.find((m) => m.name === 'search-folding')!.version;
    const { raw, db } = await databaseAt(v - 1);
    // As the app stored them before: keys folded by decomposition alone, so Đ stayed đ.
    raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at)
      values ('RB000001', 'Tấn', 'Đặng', 'tan', 'đang', '1990-01-01', 'male', 'x', 'x'), ('RB000002', 'Søren', 'Ærø', 'søren', 'ærø', '1985-03-07', 'male', 'x', 'x')`).run();
    const match = (q: string) => raw.prepare(`select rowid as id from patients_fts where patients_fts match ? order by rowid`).all(q).map((r) => (r as { id: number }).id);
    expect(match('names : "dang"*')).toEqual([]);
    expect(await migrate(db, v)).toEqual({ from: v - 1, to: v });
    expect(raw.prepare('select first_name_key, last_name_key from patients order by id').all()).toEqual([
      { first_name_key: 'tan', last_name_key: 'dang' },
      { first_name_key: 'soren', last_name_key: 'aero' },
    ]);
    expect(match('names : "dang"*')).toEqual([1]);
    expect(match('names : "soren"* AND names : "aer"*')).toEqual([2]);
    expect(match('mrn : "2"*')).toEqual([2]);
    // Patients added or renamed later are indexed the same way.
    raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at)
      values ('RB000003', 'Łukasz', 'Straße', 'lukasz', 'strasse', '1979-11-30', 'male', 'x', 'x')`).run();
    expect(match('names : "lukasz"* AND names : "strasse"')).toEqual([3]);
    raw.prepare(`update patients set legal_last_name = 'Đoàn' where id = 2`).run();
    expect(match('names : "doan"')).toEqual([2]);
    expect(match('names : "aero"')).toEqual([]);
    await db.destroy();
  });
});

describe('migration 0016 (patient numbers)', () => {
  it('indexes every patient’s phone and MRN tokens as the search index holds them, with their name keys, and keeps them as patients change', async () => {
    const v = MIGRATIONS.find((m) => m.name === 'patient-numbers')!.version;
    const { raw, db } = await databaseAt(v - 1);
    const insert = raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, phone_digits, created_at, updated_at)
      values (?, 'A', 'B', 'a', 'b', '1990-01-01', 'female', ?, 'x', 'x')`);
    // A US phone, one with the country code, an extension's digits, none, a short one, one of no digits; MRNs in any case.
    const seeded: [string, string | null][] = [['RB000001', '3125550100'], ['rb000312', '13125550199'], ['Rb001105', '773555012345'], ['RB031250', null], ['RB100000', '12'], ['RB000000', '']];
    for (const [mrn, phone] of seeded) insert.run(mrn, phone);
    expect(await migrate(db, v)).toEqual({ from: v - 1, to: v });
    // The FTS index keeps a deleted patient (it has no delete trigger; the app deletes none): read it through patients.
    const fts = (typed: string) => raw.prepare(`select rowid as id from patients_fts where patients_fts match ? and rowid in (select id from patients) order by rowid`).all(typed.startsWith('rb') ? `mrn : "${typed}"*` : `{mrn phone} : "${typed}"*`).map((r) => (r as { id: number }).id);
    const numbers = (typed: string) =>
      raw.prepare(`select distinct patient_id as id from patient_numbers where token >= ? and token < ? order by patient_id`).all(typed, typed.slice(0, -1) + String.fromCharCode(typed.charCodeAt(typed.length - 1) + 1)).map((r) => (r as { id: number }).id);
    const typed = ['3', '31', '312', '3125', '31255501', '1', '13125', '0', '01', '0100', '0199', '5550', '2345', '773', '12', '1105', '001105', '00031', '100000', 'rb', 'rb0', 'rb00031', 'rb1', '9'];
    const agree = () => {
      for (const text of typed) expect(numbers(text), text).toEqual(fts(text));
    };
    agree();
    expect(numbers('3125')).toEqual([1, 2, 4]); // a phone, a phone after its country code, an MRN's number
    expect(raw.prepare(`select count(*) as n from patient_numbers where token = ''`).get()).toEqual({ n: 0 });
    // Patients added, renumbered, given another phone, renamed (nothing to do) and deleted later are kept the same way.
    insert.run('RB000007', '6305550101');
    raw.prepare(`update patients set phone_digits = '8475550102' where id = 1`).run();
    raw.prepare(`update patients set mrn = 'RB000099', phone_digits = null where id = 2`).run();
    raw.prepare(`update patients set legal_last_name = 'C' where id = 3`).run();
    raw.prepare(`update patients set last_name_key = 'c', archived_at = 'x' where id = 4`).run();
    raw.prepare(`delete from patients where id = 5`).run();
    typed.push('630', '847', '8475', '0102', 'rb00009', '99');
    agree();
    expect(numbers('312')).toEqual([4]);
    expect(raw.prepare(`select count(*) as n from patient_numbers where patient_id = 5`).get()).toEqual({ n: 0 });
    expect(raw.prepare(`select token from patient_numbers where patient_id = 2 order by token`).all()).toEqual([{ token: '000099' }, { token: '99' }, { token: 'rb000099' }]);
    // Each row carries the name keys and whether the patient is archived, as their row has them now.
    expect(raw.prepare(`select count(*) as n from patient_numbers as t join patients as p on p.id = t.patient_id
      where t.last_name_key <> p.last_name_key or t.first_name_key <> p.first_name_key or t.archived <> (p.archived_at is not null)`).get()).toEqual({ n: 0 });
    expect(raw.prepare(`select distinct last_name_key, archived from patient_numbers where patient_id = 4`).all()).toEqual([{ last_name_key: 'c', archived: 1 }]);
    await db.destroy();
  });
});

describe('migration 0017 (patient name tokens)', () => {
  it('indexes every patient’s name words with their name keys, only words the search index holds, and keeps them as patients change', async () => {
    const v = MIGRATIONS.find((m) => m.name === 'patient-name-tokens')!.version;
    const { raw, db } = await databaseAt(v - 1);
    const insert = raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, preferred_name, first_name_key, last_name_key, date_of_birth, sex, archived_at, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, '1990-01-01', 'female', ?, 'x', 'x')`);
    // Vietnamese, a hyphen and an ASCII preferred name, archived, a preferred name in accents, Greek.
    insert.run('RB000001', 'Trọng Tấn', 'Đặng', null, 'trong tan', 'dang', null);
    insert.run('RB000002', 'Thị Ánh', 'Nguyễn-Lê', 'Annie', 'thi anh', 'nguyen-le', '2026-01-05T10:00:00.000Z');
    insert.run('RB000003', 'Thị Tâm', 'Nguyễn', 'Ánh', 'thi tam', 'nguyen', null);
    insert.run('RB000004', 'Ζωή', 'Παππάς', null, 'ζωη', 'παππας', null);
    expect(await migrate(db, v)).toEqual({ from: v - 1, to: v });
    const rows = (id: number) => raw.prepare(`select token, last_name_key as last, first_name_key as first, archived, words from patient_name_tokens where patient_id = ? order by token`).all(id);
    const tokens = (id: number) => (rows(id) as { token: string }[]).map((r) => r.token);
    expect(rows(1)).toEqual(['dang', 'tan', 'trong'].map((token) => ({ token, last: 'dang', first: 'trong tan', archived: 0, words: ' trong tan dang  ' })));
    expect(tokens(2)).toEqual(['anh', 'annie', 'le', 'nguyen', 'thi']);
    expect(raw.prepare(`select distinct archived from patient_name_tokens where patient_id = 2`).all()).toEqual([{ archived: 1 }]);
    expect(tokens(3)).toEqual(['nguyen', 'tam', 'thi']); // Ánh: no key to fold it by; the search finds her through the FTS index
    expect(tokens(4)).toEqual([]);
    // A word of the index is a word of the search index for that patient.
    const fts = (word: string) => raw.prepare(`select rowid as id from patients_fts where patients_fts match ? order by rowid`).all(`names : "${word}"`).map((r) => (r as { id: number }).id);
    for (const { token, id } of raw.prepare(`select token, patient_id as id from patient_name_tokens`).all() as { token: string; id: number }[]) expect(fts(token), token).toContain(id);
    // Patients added, renamed, unarchived, given a preferred name and deleted later are kept the same way.
    insert.run('RB000005', "Seán", "O'Brien", null, 'sean', "o'brien", null);
    raw.prepare(`update patients set legal_last_name = 'Đoàn', last_name_key = 'doan' where id = 1`).run();
    raw.prepare(`update patients set archived_at = null where id = 2`).run();
    raw.prepare(`update patients set preferred_name = 'Tammy' where id = 3`).run();
    raw.prepare(`delete from patients where id = 4`).run();
    expect(tokens(5)).toEqual(['brien', 'o', 'sean']);
    expect(tokens(1)).toEqual(['doan', 'tan', 'trong']);
    expect(raw.prepare(`select distinct last_name_key as last from patient_name_tokens where patient_id = 1`).all()).toEqual([{ last: 'doan' }]);
    expect(raw.prepare(`select distinct archived from patient_name_tokens where patient_id = 2`).all()).toEqual([{ archived: 0 }]);
    expect(tokens(3)).toEqual(['nguyen', 'tam', 'tammy', 'thi']);
    raw.prepare(`update patients set legal_last_name = 'Παππάς', last_name_key = 'παππας' where id = 3`).run();
    expect(tokens(3)).toEqual([]);
    expect(raw.prepare(`select count(*) as n from patient_name_tokens as t join patients as p on p.id = t.patient_id
      where t.last_name_key <> p.last_name_key or t.first_name_key <> p.first_name_key or t.archived <> (p.archived_at is not null)`).get()).toEqual({ n: 0 });
    await db.destroy();
  });
});
