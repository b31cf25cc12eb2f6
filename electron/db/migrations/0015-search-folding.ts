import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * "dang" finds Đặng. The search index (migration 0001) strips accents with FTS5's unicode61
 * tokenizer, and the name keys with Unicode decomposition: neither turns a letter that has no
 * decomposition into a plain one, so Đ stayed Đ and a front desk typing on an English keyboard found
 * no Đặng, Søren or Łukasz. The same letters are now folded in the name keys (by foldForSearch in
 * shared/util/text.ts, from here on) and in the index (by these triggers), and both are rebuilt for the
 * patients already on file.
 *
 * The letters are written out here rather than read from shared/: a migration must mean tomorrow what
 * it meant when it ran.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'search-folding',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

/**
 * The letters the index's triggers replace before FTS5 tokenizes a name (the triggers below are still
 * the index's own). The patient search reads this list to know which names the index surely matches
 * by their first letters without asking it (surelyStartsWith in electron/api/handlers/patient-search.ts).
 */
export const FTS_NAME_FOLDS: readonly (readonly [string, string])[] = [
  ['Đ', 'd'], ['đ', 'd'], ['Ð', 'd'], ['ð', 'd'], ['Ø', 'o'], ['ø', 'o'], ['Ł', 'l'], ['ł', 'l'], ['Ħ', 'h'], ['ħ', 'h'],
  ['ı', 'i'], ['Æ', 'ae'], ['æ', 'ae'], ['Œ', 'oe'], ['œ', 'oe'], ['ẞ', 'ss'], ['ß', 'ss'], ['Þ', 'th'], ['þ', 'th'],
];
/** The expression wrapped in replace() once per letter. */
const folded = (expression: string) => FTS_NAME_FOLDS.reduce((e, [from, to]) => `replace(${e}, '${from}', '${to}')`, expression);

const row = (p: string) => `(
      ${p}id,
      ${folded(`${p}legal_first_name || ' ' || ${p}legal_last_name || ' ' || coalesce(${p}preferred_name, '')`)},
      ${p}mrn || ' ' || substr(${p}mrn, 3) || ' ' || cast(cast(substr(${p}mrn, 3) as integer) as text),
      coalesce(${p}phone_digits || ' ' || substr(${p}phone_digits, -10) || ' ' || substr(${p}phone_digits, -7) || ' ' || substr(${p}phone_digits, -4), '')
    )`;

const STATEMENTS = [
  `drop trigger patients_fts_insert`,
  `drop trigger patients_fts_update`,
  `update patients set first_name_key = ${folded('first_name_key')}, last_name_key = ${folded('last_name_key')}`,
  `insert into patients_fts (patients_fts) values ('delete-all')`,
  `insert into patients_fts (rowid, names, mrn, phone) select ${row('').slice(1, -1)} from patients`,
  `create trigger patients_fts_insert after insert on patients begin
    insert into patients_fts (rowid, names, mrn, phone) values ${row('new.')};
  end`,
  `create trigger patients_fts_update after update of legal_first_name, legal_last_name, preferred_name, mrn, phone_digits on patients begin
    delete from patients_fts where rowid = old.id;
    insert into patients_fts (rowid, names, mrn, phone) values ${row('new.')};
  end`,
];
