import Database from 'better-sqlite3';
import { sql, type Generated, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createKysely } from '../../../electron/db/connection';

interface NotesDB {
  patientNotes: { id: Generated<number>; patientId: number; noteText: string | null; createdAt: string | null };
}

/** Rows come from SQLite as arrays and are made into camelCase objects by the connection itself. */
describe('rows as the app reads them', () => {
  let raw: Database.Database | null = null;
  afterEach(() => raw?.close());

  const open = () => {
    raw = new Database(':memory:');
    raw.exec(`create table patient_notes (id integer primary key, patient_id integer not null, note_text text, created_at text)`);
    return createKysely(raw) as unknown as Kysely<NotesDB>;
  };

  it('have camelCase keys and SQLite values, whatever the query (builder, raw SQL, returning)', async () => {
    const k = open();
    const inserted = await k.insertInto('patientNotes').values({ patientId: 7, noteText: 'Đặng: ran 5 km', createdAt: null }).returningAll().executeTakeFirstOrThrow();
    expect(inserted).toEqual({ id: 1, patientId: 7, noteText: 'Đặng: ran 5 km', createdAt: null });
    await k.insertInto('patientNotes').values({ patientId: 8, noteText: null, createdAt: '2026-12-01T10:00:00.000Z' }).execute();
    const rows = await k.selectFrom('patientNotes').select(['id', 'patientId as who', 'noteText']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, who: 7, noteText: 'Đặng: ran 5 km' },
      { id: 2, who: 8, noteText: null },
    ]);
    const counted = await sql<{ patientCount: number }>`select count(*) as patient_count from patient_notes`.execute(k);
    expect(counted.rows).toEqual([{ patientCount: 2 }]);
    const updated = await k.updateTable('patientNotes').set({ noteText: 'x' }).where('id', '=', 2).executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
  });

  it('follow the columns a statement returns now: a kept `select *` after the table changed, a column named __proto__ sets no prototype', async () => {
    const k = open();
    const all = sql<Record<string, unknown>>`select * from patient_notes`;
    await sql`insert into patient_notes (patient_id, note_text) values (1, 'a')`.execute(k);
    expect((await all.execute(k)).rows).toEqual([{ id: 1, patientId: 1, noteText: 'a', createdAt: null }]);
    await sql`alter table patient_notes add column pain_score integer`.execute(k);
    expect((await all.execute(k)).rows).toEqual([{ id: 1, patientId: 1, noteText: 'a', createdAt: null, painScore: null }]);
    const odd = (await sql<Record<string, unknown>>`select 1 as "__proto__", 2 as two`.execute(k)).rows[0]!;
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(Object.keys(odd)).toHaveLength(2);
    expect(odd.two).toBe(2);
  });
});
