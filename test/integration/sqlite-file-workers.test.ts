import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile, databaseHasClinic, onlineBackup, replaceDatabase } from '../../electron/db/sqlite-file';

const PATIENTS = 200_000;
let dir: string;
let big: string;

/**
 * A database whose integrity_check reads tens of megabytes (a table and an index of 200,000 rows):
 * work a synchronous check would do in one piece, with no turn of the event loop until it ended.
 */
function makeDatabase(file: string, clinic: boolean): void {
  const db = new Database(file);
  try {
    db.exec(`
      create table schema_version (version integer not null);
      insert into schema_version values (7);
      create table clinic (id integer primary key, name text not null);
      create table visit_notes (id integer primary key, body text);
      insert into visit_notes (body) values ('first'), ('second');
      create table patients (id integer primary key, name text not null, born text not null);
      create index patients_name on patients (name);
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${PATIENTS})
        insert into patients (name, born) select hex(randomblob(16)), '1980-01-01' from n;
    `);
    if (clinic) db.exec(`insert into clinic (name) values ('Back on Track')`);
  } finally {
    db.close();
  }
}

/** Counts turns of the event loop until stop() (counted, never timed: a busy machine only makes the count larger). */
function turnCounter(): { stop(): number } {
  let turns = 0;
  let running = true;
  const turn = () => {
    turns++;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  return {
    stop() {
      running = false;
      return turns;
    },
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'runback-check-'));
  big = join(dir, 'big.sqlite');
  makeDatabase(big, false);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the database check and the online copy (in worker threads)', () => {
  it('gives the version, the counts and whether a clinic exists, while the event loop keeps turning', async () => {
    // Turns of the event loop while the check runs: a synchronous check would allow none before
    // its promise settled (the continuation of an already settled promise runs before any setImmediate).
    const counter = turnCounter();
    const check = await checkDatabaseFile(big);
    const turns = counter.stop();
    expect(check).toEqual({ integrity: 'ok', schemaVersion: 7, counts: { patients: PATIENTS, appointments: 0, runs: 0, notes: 2 }, hasClinic: false });
    // Many turns, not a few: the main thread kept answering through the whole check, not only
    // before it (here ~140,000 turns; a yield before a synchronous check would allow one or two).
    expect(turns).toBeGreaterThan(1000);
  });

  it('rejects with the same plain-language reasons as before: a missing file, a file that is not a database, a damaged index', async () => {
    await expect(checkDatabaseFile(join(dir, 'nowhere', 'missing.sqlite'))).rejects.toThrow(/^it cannot be opened as a database \(.+\)$/);

    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'This is a shopping list, not a database. '.repeat(200));
    await expect(checkDatabaseFile(text)).rejects.toThrow('it is not a sound database (file is not a database)');

    // An index whose definition no longer matches its entries: integrity_check lists the rows.
    const damaged = join(dir, 'damaged.sqlite');
    makeDatabase(damaged, true);
    const db = new Database(damaged);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare(`update sqlite_master set sql = 'CREATE INDEX patients_name ON patients (born)' where name = 'patients_name'`).run();
    db.close();
    await expect(checkDatabaseFile(damaged)).rejects.toThrow(/^SQLite's integrity check found problems: row 1 missing from index patients_name; row 2 missing from index patients_name; row 3 missing from index patients_name$/);
  });

  it('copies a database with the online backup while the event loop keeps turning; a source that is not a database is refused with its reason', async () => {
    const copy = join(dir, 'copy.sqlite');
    const counter = turnCounter();
    await onlineBackup(big, copy);
    const turns = counter.stop();
    // The copy's single step (every page in one read transaction) ran in the worker, not here: on the
    // main thread the same copy allowed 3 to 8 turns (its awaits before the step), in the worker ~90,000.
    expect(turns).toBeGreaterThan(1000);
    expect((await checkDatabaseFile(copy)).counts.patients).toBe(PATIENTS);

    const text = join(dir, 'not-a-source.txt');
    writeFileSync(text, 'Not a database either. '.repeat(200));
    await expect(onlineBackup(text, join(dir, 'copy-of-text.sqlite'))).rejects.toMatchObject({ message: 'file is not a database', code: 'SQLITE_NOTADB' });
    await expect(onlineBackup(big, join(dir, 'no-such-folder', 'copy.sqlite'))).rejects.toThrow('Cannot save backup because the directory does not exist');
  });

  it('writes a backup into a live file (a restore) while the event loop keeps turning; a connection already open sees it once it commits', async () => {
    const live = join(dir, 'live.sqlite');
    const open = new Database(live);
    open.pragma('journal_mode = WAL');
    open.exec(`create table clinic (id integer primary key, name text not null); insert into clinic (name) values ('Before')`);
    try {
      const counter = turnCounter();
      await replaceDatabase(big, live);
      expect(counter.stop()).toBeGreaterThan(1000);
      // The app's own connection stays open through a restore and reads what was written.
      expect((open.prepare('select count(*) as n from patients').get() as { n: number }).n).toBe(PATIENTS);
      expect(open.prepare('select count(*) as n from clinic').get()).toEqual({ n: 0 });
    } finally {
      open.close();
    }
    await expect(replaceDatabase(join(dir, 'nowhere.sqlite'), live)).rejects.toThrow(/unable to open database file|does not exist/);
    expect((await checkDatabaseFile(live)).counts.patients).toBe(PATIENTS);
  });

  it('answers "is there a clinic?" from the clinic table alone, and throws for a file it cannot read', () => {
    const withClinic = join(dir, 'with-clinic.sqlite');
    const noTable = join(dir, 'no-table.sqlite');
    new Database(withClinic).exec(`create table clinic (id integer primary key); insert into clinic default values`).close();
    new Database(noTable).exec(`create table patients (id integer primary key)`).close();
    expect(databaseHasClinic(withClinic)).toBe(true);
    expect(databaseHasClinic(big)).toBe(false); // the table is there, empty
    expect(databaseHasClinic(noTable)).toBe(false);
    const text = join(dir, 'not-a-database.txt');
    writeFileSync(text, 'Not a database at all. '.repeat(200));
    expect(() => databaseHasClinic(text)).toThrow('file is not a database');
  });
});
