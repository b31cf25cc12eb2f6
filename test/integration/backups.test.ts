import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKysely } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { LATEST_VERSION } from '../../electron/db/migrations';
import { openApp } from '../../electron/app/open-app';
import { openBackupFile } from '../../electron/backup/backup-file';
import { restoreBackup } from '../../electron/backup/restore';
import { main } from '../../electron/cli/cli';
import { createTestApp, expectError, PASSWORDS, PATIENT, type TestApp } from './harness';
import { WEEKDAY_HOURS } from './channel-samples';

const quiet = { info: () => {}, error: () => {} };
const dirs: string[] = [];
function tempDir(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `runback-${name}-`));
  dirs.push(dir);
  return dir;
}

/**
 * Every row of every table of a database file, as text, for row-for-row comparison. Sessions end at
 * a restore and the backup/restore calls audit themselves, so those rows are left out; so are the
 * search indexes (copies of the patients' columns).
 */
function rowsOf(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'patients_fts%' and name <> 'patient_numbers' and name <> 'patient_name_tokens' and name <> 'sessions' order by name`).all() as { name: string }[]).map((r) => r.name);
    const out: Record<string, string> = {};
    for (const name of tables) {
      const where = name === 'audit_log' ? ` where action not like 'backups.%'` : '';
      out[name] = JSON.stringify(db.prepare(`select * from "${name}"${where} order by rowid`).all());
    }
    return out;
  } finally {
    db.close();
  }
}

/** A fresh data folder holding `backup` restored by the command-line path (no app open). */
async function restoredCopy(t: TestApp, backup: string, passphrase?: string) {
  const dir = tempDir('restored');
  const { BackupService } = await import('../../electron/backup/backup-service');
  const service = new BackupService(dir, join(dir, 'runback.sqlite'), () => t.clock.now, quiet);
  const report = await restoreBackup(service, { file: backup, passphrase, at: t.clock.now, by: { username: 'cli:test', displayName: 'Command line (test)' } });
  return { dir, file: join(dir, 'runback.sqlite'), report };
}

async function cli(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = 0;
  try {
    await main(['node', 'runback', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join(''), err: err.join(''), code };
}

/** After the test's clock moves past the sessions' lifetime, everyone signs in again. */
async function signInAgain(t: TestApp) {
  t.sessions.admin = (await t.ok('auth.signIn', { username: 'admin', password: PASSWORDS.admin })).sessionToken;
  t.sessions.therapist = (await t.ok('auth.signIn', { username: 'thera', password: PASSWORDS.therapist })).sessionToken;
}

let slot = 0;
/** A booking in the next free 15-minute slot on a weekday from Dec 1, 2026 (08:00–16:45). */
function nextBooking(patientId: number, therapistId: number, typeId: number) {
  const n = slot++;
  const weekdays = Math.floor(n / 36);
  const d = new Date(Date.UTC(2026, 11, 1));
  for (let left = weekdays; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  const minutes = 8 * 60 + (n % 36) * 15;
  const start = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { patientId, therapistId, roomId: null, typeId, date: d.toISOString().slice(0, 10), start, durationMinutes: 15 };
}

describe('backups and restore', () => {
  let t: TestApp;
  let patientId: number;
  let typeId: number;
  beforeAll(async () => {
    t = await createTestApp();
    await t.ok('workingHours.set', { therapistId: t.userIds.therapist, intervals: WEEKDAY_HOURS }, t.sessions.admin);
    typeId = (await t.ok('schedule.settings', {}, t.sessions.admin)).appointmentTypes[0]!.id;
    patientId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', preferredName: null }, t.sessions.admin)).id;
    await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Zoë', legalLastName: 'Núñez' }, t.sessions.admin);
    for (let i = 0; i < 6; i++) await t.ok('appointments.book', nextBooking(patientId, t.userIds.therapist, typeId), t.sessions.admin);
    await t.ok('runs.save', { patientId, run: { date: '2026-11-24', distanceM: 3010, durationS: 1830, runSeconds: 600, walkSeconds: 1230, painDuring: 2 } }, t.sessions.therapist);
  });
  afterAll(async () => {
    await t.dispose();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('restores every kind of backup the app makes, row for row', async () => {
    const live = join(t.dataDir, 'runback.sqlite');
    const admin = t.sessions.admin;
    // What each backup must hold: the rows at the moment it was taken.
    const expected = new Map<string, Record<string, string>>();
    const atStart = rowsOf(live);

    const plain = await t.ok('backups.run', {}, admin);
    expected.set(plain.file!, atStart);
    expect(plain).toMatchObject({ ok: true, kind: 'manual', encrypted: false, counts: { patients: 2, appointments: 6, runs: 1, notes: 0 } });

    await t.ok('backups.setPassphrase', { passphrase: 'correct horse battery staple' }, admin);
    const encrypted = await t.ok('backups.run', {}, admin);
    expected.set(encrypted.file!, rowsOf(live));
    expect(encrypted.encrypted).toBe(true);
    // The clinic's key is kept, never the passphrase.
    expect(readFileSync(join(t.dataDir, 'backup-settings.json'), 'utf8')).not.toContain('horse');

    t.clock.advanceMinutes(25 * 60);
    expected.set('daily', rowsOf(live));
    const daily = await t.services.backups.runDue();
    expect(daily?.kind).toBe('daily');
    expected.set(daily!.file, expected.get('daily')!);
    expect(await t.services.backups.runDue()).toBeNull(); // one a day
    await signInAgain(t);

    const passFile = join(tempDir('pass'), 'pass.txt');
    writeFileSync(passFile, 'another clinic passphrase\n');
    const cliOut = join(tempDir('cli'), 'clinic.runbackup');
    expected.set(cliOut, rowsOf(live));
    const backedUp = await cli('backup', '--data-dir', t.dataDir, '--out', cliOut, '--passphrase-file', passFile);
    expect(backedUp.code).toBe(0);
    expect(backedUp.out).toContain('Integrity check: ok. It holds 2 patients, 6 appointments, 1 run, 0 notes.');

    const handCopy = join(tempDir('hand'), 'copied-by-hand.sqlite');
    await new Database(live, { readonly: true }).backup(handCopy);
    expected.set(handCopy, rowsOf(live));

    for (const [file, passphrase] of [
      [plain.file!, undefined],
      [encrypted.file!, 'correct horse battery staple'],
      [daily!.file, 'correct horse battery staple'],
      [cliOut, 'another clinic passphrase'],
      [handCopy, undefined],
    ] as const) {
      const { file: restored, report } = await restoredCopy(t, file, passphrase);
      expect(report.counts, file).toEqual({ patients: 2, appointments: 6, runs: 1, notes: 0 });
      expect(rowsOf(restored), file).toEqual(expected.get(file));
      const db = new Database(restored, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare(`select detail from audit_log where action = 'backups.restore'`).get()).toEqual({ detail: expect.stringMatching(/^Restored from .* \(by Command line \(test\)\)$/) });
      db.close();
    }

    const status = await t.ok('backups.status', {}, t.sessions.admin);
    expect(status.lastGood?.kind).toBe('manual');
    expect(status.backups.map((b) => b.kind).sort()).toEqual(['daily', 'manual', 'manual']);
    expect(status.encrypted).toBe(true);
  });

  it('refuses a truncated, a tampered, a foreign file and a wrong or missing passphrase, with clear messages, changing nothing', async () => {
    const good = (await t.ok('backups.run', {}, t.sessions.admin)).file!;
    const dir = tempDir('bad');
    const variant = (name: string, change: (f: string) => void) => {
      const f = join(dir, name);
      copyFileSync(good, f);
      change(f);
      return f;
    };
    const size = statSync(good).size;
    const truncated = variant('truncated.runbackup', (f) => truncateSync(f, Math.floor(size / 2)));
    const tampered = variant('tampered.runbackup', (f) => {
      const bytes = readFileSync(f);
      const at = Math.floor(size * 0.6);
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(f, bytes);
    });
    const header = variant('header.runbackup', (f) => {
      const bytes = readFileSync(f);
      const at = bytes.indexOf('"manual"');
      bytes.write('"daily"', at, 'utf8'); // the header is authenticated too
      bytes[at + 7] = 0x20;
      writeFileSync(f, bytes);
    });
    const foreign = join(dir, 'notes.txt');
    writeFileSync(foreign, 'not a backup at all');

    const before = rowsOf(join(t.dataDir, 'runback.sqlite'));
    const refusals: [string, string | undefined, RegExp][] = [
      [truncated, 'correct horse battery staple', /The backup file is incomplete: it holds [\d,]+ of its [\d,]+ bytes/],
      [tampered, 'correct horse battery staple', /has been changed or damaged since it was made/],
      [header, 'correct horse battery staple', /has been changed or damaged since it was made/],
      [good, 'the wrong passphrase entirely', /The passphrase is not the one this backup was made with/],
      [foreign, undefined, /This file is not a Runback backup/],
      [join(dir, 'missing.runbackup'), undefined, /There is no file at/],
    ];
    for (const [file, passphrase, message] of refusals) {
      const result = await t.call('backups.restore', { file, passphrase }, t.sessions.admin);
      expectError(result, 'VALIDATION');
      if (!result.ok) expect(result.error.message, file).toMatch(message);
    }
    // Without any passphrase, a backup made with another one asks for it.
    const other = join(tempDir('other'), 'other.runbackup');
    const passFile = join(dir, 'pass.txt');
    writeFileSync(passFile, 'another clinic passphrase\n');
    expect((await cli('backup', '--data-dir', t.dataDir, '--out', other, '--passphrase-file', passFile)).code).toBe(0);
    const noPass = await t.call('backups.restore', { file: other }, t.sessions.admin);
    expectError(noPass, 'VALIDATION');
    if (!noPass.ok) expect(noPass.error.fields?.passphrase).toMatch(/This backup is encrypted: type the backup passphrase/);
    const cliRefusal = await cli('restore', '--data-dir', t.dataDir, '--from', truncated);
    expect(cliRefusal.code).toBe(2);
    expect(cliRefusal.err).toMatch(/^runback restore: The backup file is incomplete/);
    expect(rowsOf(join(t.dataDir, 'runback.sqlite'))).toEqual(before);
    expect(existsSync(join(t.dataDir, 'restore-undo'))).toBe(false);
  });

  it('refuses a backup from a newer Runback as the app does at start', async () => {
    const newer = join(tempDir('newer'), 'newer.sqlite');
    await new Database(join(t.dataDir, 'runback.sqlite'), { readonly: true }).backup(newer);
    const raw = new Database(newer);
    raw.prepare('update schema_version set version = ?').run(LATEST_VERSION + 1);
    raw.close();
    const result = await t.call('backups.restore', { file: newer }, t.sessions.admin);
    expectError(result, 'VALIDATION');
    if (!result.ok) expect(result.error.message).toBe(`This backup was written by a newer version of Runback (database version ${LATEST_VERSION + 1}; this version knows up to ${LATEST_VERSION}). Install the newer Runback to restore it. Nothing was changed.`);
  });

  it('restores in the running app: everyone signs in again, the old database is kept aside, and the restore can be undone', async () => {
    const admin = t.sessions.admin;
    const backup = (await t.ok('backups.run', {}, admin)).file!;
    const atBackup = rowsOf(join(t.dataDir, 'runback.sqlite'));
    await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Added', legalLastName: 'After Backup' }, admin);
    const withNewPatient = rowsOf(join(t.dataDir, 'runback.sqlite'));

    const report = await t.ok('backups.restore', { file: backup }, admin);
    expect(report.counts).toMatchObject({ patients: 2 });
    expect(report.undoFile).toMatch(/restore-undo\/runback-before-restore-.*\.sqlite$/);
    expect(rowsOf(join(t.dataDir, 'runback.sqlite'))).toEqual(atBackup);
    expectError(await t.call('patients.list', { query: '' }, admin), 'UNAUTHENTICATED');

    const signIn = await t.ok('auth.signIn', { username: 'admin', password: 'admin-password-1' });
    t.sessions.admin = signIn.sessionToken;
    expect((await t.ok('backups.status', {}, signIn.sessionToken)).undo?.file).toBe(report.undoFile);
    const undone = await t.ok('backups.restore', { file: report.undoFile! }, signIn.sessionToken);
    expect(undone.counts.patients).toBe(3);
    const back = rowsOf(join(t.dataDir, 'runback.sqlite'));
    // The restore's own audit rows are the only difference.
    expect({ ...back, audit_log: '' }).toEqual({ ...withNewPatient, audit_log: '' });
    t.sessions.admin = (await t.ok('auth.signIn', { username: 'admin', password: 'admin-password-1' })).sessionToken;
  });

  it('a backup taken during a write loop restores to a consistent database holding every write acknowledged before it began', async () => {
    const admin = t.sessions.admin;
    let acknowledged = 0;
    let stop = false;
    const loop = (async () => {
      while (!stop && acknowledged < 1000) {
        await t.ok('appointments.book', nextBooking(patientId, t.userIds.therapist, typeId), admin);
        acknowledged++;
        // Requests arrive as separate events (as web mode's do), not as one chain of promises.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const taken: { file: string; ackedBefore: number }[] = [];
    for (let i = 0; i < 3; i++) {
      while (acknowledged < (i + 1) * 8) await new Promise((r) => setImmediate(r));
      const ackedBefore = acknowledged;
      taken.push({ file: (await t.ok('backups.run', {}, admin)).file!, ackedBefore });
    }
    stop = true;
    await loop;
    const startCount = 6; // booked in beforeAll
    for (const { file, ackedBefore } of taken) {
      const { file: restored } = await restoredCopy(t, file, 'correct horse battery staple');
      const db = new Database(restored, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const appointments = (db.prepare('select count(*) as n from appointments').get() as { n: number }).n;
      const audited = (db.prepare(`select count(*) as n from audit_log where action = 'appointments.book'`).get() as { n: number }).n;
      // Each booking and its audit row were one transaction: a backup never holds one without the other.
      expect(appointments).toBe(audited);
      expect(appointments).toBeGreaterThanOrEqual(startCount + ackedBefore);
      db.close();
    }
  });

  it('keeps automatic backups by the retention rule as the days pass (a clock the test moves)', async () => {
    const folder = tempDir('folder');
    await t.ok('backups.saveSettings', { folder, retention: { daily: 3, weekly: 2, monthly: 2 } }, t.sessions.admin);
    // Seventy days in steps of one to five days: as many days apart as a clinic closed for a week makes.
    for (let day = 0; day < 70; ) {
      const step = 1 + ((day * 7) % 5);
      day += step;
      t.clock.advanceMinutes(step * 24 * 60 + 1);
      const made = await t.services.backups.runDue();
      expect(made?.kind).toBe('daily');
    }
    await signInAgain(t);
    const kept = readdirSync(folder)
      .filter((n) => n.endsWith('.runbackup'))
      .map((n) => n.slice(8, 18))
      .sort();
    // The last backups fell on Jan 27, Jan 30 (Sat), Feb 3 and Feb 5, 2027 (Fri): the last 3 days with
    // one; of this week and last week the newest (Feb 5, Jan 30); of February and January the newest
    // (the same two). Nothing else of the 28 is left.
    expect(kept).toEqual(['2027-01-30', '2027-02-03', '2027-02-05']);
    const refused = await t.call('backups.saveSettings', { folder: 'relative/path', retention: { daily: 7, weekly: 4, monthly: 12 } }, t.sessions.admin);
    expectError(refused, 'CONFLICT');
    if (!refused.ok) expect(refused.error.message).toMatch(/full path/);
  });

  it('warns an admin when no backup has succeeded for 3 days, and says why the last one failed', async () => {
    const admin = t.sessions.admin;
    expect((await t.ok('backups.alert', {}, admin)).overdue).toBe(false);
    const unusable = join(tempDir('gone'), 'file-not-folder');
    writeFileSync(unusable, 'x');
    // The folder setting points at a file: every attempt fails and is recorded.
    const settings = JSON.parse(readFileSync(join(t.dataDir, 'backup-settings.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(t.dataDir, 'backup-settings.json'), JSON.stringify({ ...settings, folder: unusable }));
    t.clock.advanceMinutes(3 * 24 * 60 + 30);
    expect(await t.services.backups.runDue()).toBeNull();
    await signInAgain(t);
    const admin2 = t.sessions.admin;
    const alert = await t.ok('backups.alert', {}, admin2);
    expect(alert.overdue).toBe(true);
    expect(alert.lastError).toMatch(/^Backups cannot be written to .*file-not-folder/);
    expectError(await t.call('backups.alert', {}, t.sessions.therapist), 'FORBIDDEN');
    await t.ok('backups.saveSettings', { folder: null, retention: { daily: 7, weekly: 4, monthly: 12 } }, admin2);
    await t.ok('backups.run', {}, admin2);
    expect((await t.ok('backups.alert', {}, admin2)).overdue).toBe(false);
  });
});

describe('the backup before a migration', () => {
  afterAll(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('is taken before an older database is migrated, holds it as it was, and restores (then migrates) whole', async () => {
    const dir = tempDir('premig');
    const file = join(dir, 'runback.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    await migrate(createKysely(raw) as unknown as Kysely<unknown>, 1);
    raw.prepare(`insert into patients (mrn, legal_first_name, legal_last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at) values ('RB000001', 'Zoë', 'Núñez', 'zoe', 'nunez', '1990-01-01', 'female', 'x', 'x')`).run();
    raw.close();
    const asItWas = rowsOf(file);

    const app = await openApp(dir, { log: quiet, now: () => new Date('2026-11-26T15:00:00Z') });
    await app.close();
    const [name] = readdirSync(join(dir, 'backups'));
    expect(name).toBe('runback-2026-11-26T15-00-00Z-pre-migration.runbackup');
    const inside = join(tempDir('inside'), 'db.sqlite');
    await openBackupFile(join(dir, 'backups', name!), inside, {});
    expect(rowsOf(inside)).toEqual(asItWas);

    const target = tempDir('premig-restored');
    const { BackupService } = await import('../../electron/backup/backup-service');
    const report = await restoreBackup(new BackupService(target, join(target, 'runback.sqlite'), () => new Date(), quiet), {
      file: join(dir, 'backups', name!),
      at: new Date(),
      by: { username: 'cli:test', displayName: 'Command line (test)' },
    });
    expect(report).toMatchObject({ schemaVersion: 1, migratedTo: LATEST_VERSION, counts: { patients: 1 }, undoFile: null });
  });

  it('restores by the command line into a broken data folder, keeping what was there as found', async () => {
    const t = await createTestApp();
    try {
      await t.ok('patients.create', PATIENT, t.sessions.admin);
      const backup = (await t.ok('backups.run', {}, t.sessions.admin)).file!;
      const target = tempDir('broken');
      writeFileSync(join(target, 'runback.sqlite'), 'this database was overwritten by accident');
      const restored = await cli('restore', '--data-dir', target, '--from', backup);
      expect(restored.code).toBe(0);
      expect(restored.out).toMatch(/^Restored runback-.*-manual\.runbackup \(taken 26 Nov 2026, 15:00 UTC\) into .*\nIt holds 1 patient, 0 appointments, 0 runs, 0 notes\. Everyone signs in again\.\nThe database as it was before is kept at .*-as-found\.sqlite\nTo undo: runback restore/);
      const db = new Database(join(target, 'runback.sqlite'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
      const kept = readdirSync(join(target, 'restore-undo'));
      expect(readFileSync(join(target, 'restore-undo', kept[0]!), 'utf8')).toBe('this database was overwritten by accident');
    } finally {
      await t.dispose();
    }
  });
});
