import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surelyStartsWith } from '../../electron/api/handlers/patient-search';
import { DATABASE_FILE } from '../../electron/app/data-dir';
import { demoPatients } from '../../electron/demo/demo-patients';
import { formatMrn } from '../../shared/domain/identifiers';
import { foldForSearch } from '../../shared/util/text';
import { createTestApp, type TestApp } from './harness';

/**
 * A one-word search takes the last names that surely start with the word without asking the FTS
 * index (surelyStartsWith): every such "surely" must be a match the index really has, for every Latin
 * letter a name can start with, the folded ones (Đ, Ø, Ł…) included.
 */
describe('surelyStartsWith against the FTS index itself', () => {
  let t: TestApp;
  let lastNames: string[] = [];
  let letters: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    // Every character of the first plane outside ASCII that decomposes to a plain letter or digit and
    // its marks, as a last name's first letter; and every mark inside a name (most of them split a word).
    letters = [];
    const marks: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (/^\p{M}$/u.test(ch)) marks.push(ch);
      else if (/^[a-z0-9]/.test(ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase())) letters.push(ch);
    }
    const others = ['Nguye\u0302\u0303n', 'D\u0323a\u0306ng', 'ﬁ', 'Ĳ', 'Ａ', 'ª', 'Ω', 'ж', 'ẞ', 'ı', ' Đinh', "O'Brien", 'D’Amore', 'Tanaka-Đỗ'];
    lastNames = [...letters.map((l) => `${l}ang`), ...marks.map((m) => `Ga${m}rcia`), ...others];
    const [template] = demoPatients({ count: 1, seed: 5, today: '2026-11-26' });
    const rows = lastNames.map((last, i) => ({ ...template!, mrn: formatMrn(1 + i), legalFirstName: 'Kim', legalLastName: last, preferredName: null, firstNameKey: 'kim', lastNameKey: foldForSearch(last), archivedAt: null }));
    for (let i = 0; i < rows.length; i += 200) await t.services.db.insertInto('patients').values(rows.slice(i, i + 200)).execute();
  });
  afterAll(async () => t.dispose());

  it('claims only matches the index has, and claims the folded letters', () => {
    const vocab = new Database(join(t.dataDir, DATABASE_FILE));
    const terms = new Map<string, string[]>();
    try {
      vocab.exec(`create virtual table temp.names_vocab using fts5vocab(main, patients_fts, instance)`);
      const rows = vocab.prepare(`select p.legal_last_name as last, v.term from temp.names_vocab v join patients p on p.id = v.doc where v.col = 'names'`).all() as { last: string; term: string }[];
      for (const r of rows) terms.set(r.last, [...(terms.get(r.last) ?? []), r.term]);
    } finally {
      vocab.close();
    }
    let claimed = 0;
    for (const last of lastNames) {
      const folded = foldForSearch(last);
      const words = new Set(['a', 'd', 'o', 'l', 'ss', 'ae', 'th', ...[1, 2, 3, 4].map((n) => folded.slice(0, n))].filter((w) => /^[a-z0-9]+$/.test(w)));
      for (const word of words) {
        if (!surelyStartsWith(last, word)) continue;
        claimed++;
        expect(terms.get(last)?.some((term) => term.startsWith(word)), `${last} / ${word}: the index has ${terms.get(last)}`).toBe(true);
      }
    }
    expect(claimed).toBeGreaterThan(1000);
    expect(letters.length).toBeGreaterThan(400);
    for (const [last, word] of [['Đang', 'dang'], ['đang', 'd'], ['Ðang', 'da'], ['Øang', 'oa'], ['Łang', 'lan'], ['Æang', 'aea'], [' Đinh', 'dinh']]) expect(surelyStartsWith(last!, word!), `${last} / ${word}`).toBe(true);
  });
});
