import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createKysely } from '../../../electron/db/connection';
import { compiledQuery } from '../../../electron/db/compiled-query';
import type { DB } from '../../../electron/db/schema';

describe('a query compiled once', () => {
  const raw = new Database(':memory:');
  raw.exec(`create table patients (id integer primary key, mrn text, archived_at text)`);
  const insert = raw.prepare('insert into patients (id, mrn, archived_at) values (?, ?, ?)');
  for (let i = 1; i <= 9; i++) insert.run(i, `RB00000${i}`, i % 3 === 0 ? '2026-01-01T00:00:00.000Z' : null);
  const db = createKysely(raw);
  afterAll(() => db.destroy());

  const plain = (k: Kysely<DB>, from: number, mrnAbove: string) =>
    k.selectFrom('patients').select(['id', 'mrn']).where('id', '>=', from).where('archivedAt', 'is', null).where('mrn', '<>', 'RB000004').where('mrn', '>', mrnAbove).orderBy('id').limit(3);

  it('is built once and runs with each call’s values, the constants it was built with kept', async () => {
    let built = 0;
    const compiled = compiledQuery((k: Kysely<DB>, from: number, mrnAbove: string) => {
      built++;
      return plain(k, from, mrnAbove);
    });
    for (const [from, above] of [
      [1, 'RB000001'],
      [2, 'RB000000'],
      [5, 'RB000007'],
      [9, 'RB000009'],
    ] as const) {
      expect(await compiled(db, from, above)).toEqual(await plain(db, from, above).execute());
    }
    expect(built).toBe(1);
    expect(await compiled(db, 1, 'RB000001')).toEqual([
      { id: 2, mrn: 'RB000002' },
      { id: 5, mrn: 'RB000005' },
      { id: 7, mrn: 'RB000007' },
    ]);
  });

  it('refuses a query that computes with an argument instead of binding it', async () => {
    const computed = compiledQuery((k: Kysely<DB>, id: number) => k.selectFrom('patients').select('id').where('mrn', '=', `RB00000${id}`));
    await expect(computed(db, 1)).rejects.toThrow(/uses 0 of its 1 arguments/);
  });
});
