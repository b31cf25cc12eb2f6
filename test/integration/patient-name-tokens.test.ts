import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/app/data-dir';
import { listPatients, type ListTuning, type PatientListQuery } from '../../electron/api/handlers/patient-list';
import { demoPatients } from '../../electron/demo/demo-patients';
import { formatMrn } from '../../shared/domain/identifiers';
import { foldForSearch } from '../../shared/util/text';
import { createTestApp, type TestApp } from './harness';
import { tracingKysely, type Traced } from './statement-trace';

/**
 * The name-token index (migration 0017) puts a name search's few hundred matches in name order
 * without reading their rows. It must hold only words the FTS index holds (so whoever it finds
 * matches) and, for names in Latin letters, all of them (so it is used); the list must answer
 * exactly what it answered by sorting the FTS matches. Checked by statements and rows, not time.
 */

const TUNINGS: ListTuning[] = [
  { cap: 1000, narrow: 1000, wide: 5000 },
  { cap: 40, narrow: 40, wide: 80 },
];

/** [first, last, preferred, archived]: Vietnamese, Spanish, hyphenated, apostrophes, a preferred name in accents, Greek. */
const NAMED: [string, string, string | null, boolean][] = [
  ['Trọng Tấn', 'Đặng', null, false],
  ['Thị Ánh', 'Nguyễn', null, false],
  ['Văn Tân', 'Nguyễn', 'Tom', false],
  ['Thị Tâm', 'Nguyễn', 'Ánh', false],
  ['José Luis', 'Aguayo de Lovato', null, false],
  ['María José', 'Aguirre de Quintero', 'Majo', false],
  ['Josefa', 'Bauch-Satterfield', null, true],
  ['Jose', 'Tanaka-Đỗ', null, false],
  ['Seán', "O'Brien", null, false],
  ['Josiane', 'D’Amore', 'Jo-Jo', false],
  ['Zoë', 'Ζωή', null, false],
  ['Ｊose', 'Smith', null, false],
];

const query = (over: Partial<PatientListQuery>): PatientListQuery => ({ query: '', includeArchived: false, sort: 'relevance', direction: 'asc', offset: 0, limit: 20, ...over });

describe('the name-token index', () => {
  let t: TestApp;
  let raw: Database.Database;

  beforeAll(async () => {
    t = await createTestApp();
    const demo = [...demoPatients({ count: 400, seed: 21, today: '2026-11-26' })].map((r, i) => ({ ...r, mrn: formatMrn(1 + i), archivedAt: i % 13 === 4 ? '2026-01-05T10:00:00.000Z' : null }));
    await t.services.db.insertInto('patients').values(demo).execute();
    const named = NAMED.map(([first, last, preferred, archived], i) => ({
      ...demo[0]!,
      mrn: formatMrn(500 + i),
      legalFirstName: first,
      legalLastName: last,
      preferredName: preferred,
      firstNameKey: foldForSearch(first),
      lastNameKey: foldForSearch(last),
      archivedAt: archived ? '2026-01-05T10:00:00.000Z' : null,
    }));
    await t.services.db.insertInto('patients').values(named).execute();
    raw = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true });
  });
  afterAll(async () => {
    raw.close();
    await t.dispose();
  });

  /** Each patient's words as the FTS index holds them for its names column. */
  function ftsWords(): Map<number, Set<string>> {
    const vocab = new Database(join(t.dataDir, DATABASE_FILE));
    try {
      vocab.exec(`create virtual table temp.names_vocab using fts5vocab(main, patients_fts, instance)`);
      const words = new Map<number, Set<string>>();
      for (const r of vocab.prepare(`select term, doc from temp.names_vocab where col = 'names'`).all() as { term: string; doc: number }[]) {
        if (!words.has(r.doc)) words.set(r.doc, new Set());
        words.get(r.doc)!.add(r.term);
      }
      return words;
    } finally {
      vocab.close();
    }
  }

  function tokenWords(): Map<number, Set<string>> {
    const words = new Map<number, Set<string>>();
    for (const r of raw.prepare(`select token, patient_id as id from patient_name_tokens`).all() as { token: string; id: number }[]) {
      if (!words.has(r.id)) words.set(r.id, new Set());
      words.get(r.id)!.add(r.token);
    }
    return words;
  }

  it('holds only the FTS index’s own words, all of them for names in Latin letters (every letter it accepts, one by one)', async () => {
    // A patient per letter the index accepts (and a few it does not), as first name, last name and preferred name.
    const ranges: [number, number][] = [[0x41, 0x5a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x131], [0x134, 0x13e], [0x141, 0x148], [0x14a, 0x17f], [0x1a0, 0x1a1], [0x1af, 0x1b0], [0x1e00, 0x1e99], [0x1e9b, 0x1eff]];
    const letters = ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)));
    const refused = ['ﬁ', 'Ĳ', 'ǆ', 'Ａ', 'ª', 'Ω', 'ж', '"', '\\', '!'];
    const base = (await t.services.db.selectFrom('patients').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()) as Record<string, unknown>;
    const { id: _id, ...row } = base;
    const rows = [...letters, ...refused].map((l, i) => ({
      ...row,
      mrn: formatMrn(10_000 + i),
      legalFirstName: `x${l}y`,
      legalLastName: `Le-${l}a`,
      preferredName: i % 3 === 0 ? `P${l}q` : null,
      firstNameKey: foldForSearch(`x${l}y`),
      lastNameKey: foldForSearch(`Le-${l}a`),
      archivedAt: null,
    }));
    const { db: writer } = tracingKysely(t, { readonly: false });
    let firstId = 0;
    try {
      firstId = Number((await writer.selectFrom('patients').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m) + 1;
      for (let i = 0; i < rows.length; i += 200) await writer.insertInto('patients').values(rows.slice(i, i + 200) as never).execute();
    } finally {
      await writer.destroy();
    }
    const fts = ftsWords();
    const tokens = tokenWords();
    let sure = 0;
    for (const [id, words] of tokens) for (const w of words) expect(fts.get(id)?.has(w), `${id} ${w}`).toBe(true);
    for (let i = 0; i < rows.length; i++) {
      const id = firstId + i;
      const r = rows[i]!;
      const latinPreferred = r.preferredName === null || /^[\x20-\x7e]*$/.test(r.preferredName);
      if (i < letters.length && latinPreferred) {
        expect([...(tokens.get(id) ?? [])].sort(), `${r.legalFirstName} ${r.legalLastName} ${r.preferredName}`).toEqual([...fts.get(id)!].sort());
        sure++;
      }
    }
    expect(sure).toBeGreaterThan(300); // two in three: every third has a preferred name in that letter
    // Every patient of the demo and the named ones is there (none has more words than the FTS index).
    for (const [id, words] of tokens) expect(words.size).toBeLessThanOrEqual(fts.get(id)!.size);
    // Vietnamese, hyphenated, apostrophes: their words; a preferred name in accents leaves out its own word only; Greek, full-width: no legal words.
    const idOf = (first: string, last: string) => (raw.prepare(`select id from patients where legal_first_name = ? and legal_last_name = ?`).get(first, last) as { id: number }).id;
    const of = (last: string) => [...(tokens.get(idOf(NAMED.find((n) => n[1] === last)![0], last)) ?? [])].sort();
    expect(of('Đặng')).toEqual(['dang', 'tan', 'trong']);
    expect(of('Bauch-Satterfield')).toEqual(['bauch', 'josefa', 'satterfield']);
    expect(of("O'Brien")).toEqual(['brien', 'o', 'sean']);
    expect(of('D’Amore')).toEqual(['amore', 'd', 'jo', 'josiane']);
    expect(raw.prepare(`select distinct archived from patient_name_tokens where token = 'bauch'`).all()).toEqual([{ archived: 1 }]);
    const tam = idOf('Thị Tâm', 'Nguyễn');
    expect([...tokens.get(tam)!].sort()).toEqual(['nguyen', 'tam', 'thi']);
    expect(fts.get(tam)!.has('anh')).toBe(true);
    expect(of('Ζωή')).toEqual([]);
    expect(of('Smith').filter((w) => w !== 'smith')).toEqual([]);
    // The rows written since were for this test only.
    const cleaner = new Database(join(t.dataDir, DATABASE_FILE));
    try {
      cleaner.prepare(`delete from patients where id >= ?`).run(firstId);
    } finally {
      cleaner.close();
    }
    expect(raw.prepare(`select count(*) as n from patient_name_tokens where patient_id >= ?`).get(firstId)).toEqual({ n: 0 });
  });

  it('answers every name search exactly as sorting the FTS matches does, in every order, archived or not', async () => {
    const texts = ['jose', 'jos', 'jo', 'dang', 'nguyen', 'nguyen t', 'nguyễn thị', 'tan dang', 'anh', 'tan', 'bauch', 'satterfield', 'jose a', 'maria jose', 'de', 'o brien', "o'b", 'smith', 'tom', 'lovato jose', 'a', 'ng', 'xyz', 'jo jo'];
    let tokenPages = 0;
    for (const tuning of TUNINGS) {
      for (const text of texts) {
        for (const sort of ['relevance', 'name'] as const) {
          for (const [offset, limit, includeArchived, direction] of [
            [0, 20, false, 'asc'],
            [5, 10, true, 'desc'],
            [30, 30, false, 'asc'],
          ] as const) {
            const q = query({ query: text, sort, offset, limit, includeArchived, direction });
            const { db, trace } = tracingKysely(t);
            try {
              const got = await listPatients(db, q, tuning);
              const want = await listPatients(db, q, { ...tuning, nameTokens: false });
              expect({ total: got.total, capped: got.capped, ids: got.rows.map((r) => r.id) }, `${JSON.stringify(q)} ${JSON.stringify(tuning)}`).toEqual({ total: want.total, capped: want.capped, ids: want.rows.map((r) => r.id) });
              if (trace.some((s: Traced) => /patient_name_tokens/.test(s.sql))) tokenPages++;
            } finally {
              await db.destroy();
            }
          }
        }
      }
    }
    expect(tokenPages).toBeGreaterThan(60);
  });

  it('a name search of a few hundred matches reads its order from the token range and only the page’s rows; a match the index lacks sends it back', async () => {
    const { db, trace } = tracingKysely(t);
    try {
      const page = await listPatients(db, query({ query: 'jose a', limit: 20 }), TUNINGS[0]);
      expect(page.rows.map((r) => r.legalLastName)).toEqual(['Aguayo de Lovato', 'Aguirre de Quintero']);
      // The FTS count; the page's order from the range of "jose" (the longer word), "a" checked in the row's words; the page's rows.
      expect(trace).toHaveLength(3);
      const [count, order, rows] = trace as [Traced, Traced, Traced];
      expect(count.sql).toMatch(/patients_fts/);
      expect(order.plan).toMatch(/SEARCH patient_name_tokens USING PRIMARY KEY \(token>\? AND token<\?\)/);
      expect(order.sql).not.toMatch(/patients_fts|from "patients"/);
      expect(order.sql).toMatch(/instr\(words, \?\)/);
      expect(rows.plan).toMatch(/^SEARCH patients USING INTEGER PRIMARY KEY \(rowid=\?\)$/);
      expect(rows.rows).toBe(2);
      // "anh" finds Nguyễn Thị Tâm by her preferred name Ánh, a word the index does not hold: the FTS matches are sorted instead.
      trace.length = 0;
      const anh = await listPatients(db, query({ query: 'anh', limit: 20 }), TUNINGS[0]);
      expect(anh.rows.map((r) => r.legalFirstName)).toContain('Thị Tâm');
      expect(trace.some((s) => /patient_name_tokens/.test(s.sql))).toBe(true);
      expect(trace.at(-1)!.sql).toMatch(/patients_fts/);
    } finally {
      await db.destroy();
    }
  });
});
