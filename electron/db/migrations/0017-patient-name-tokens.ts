import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Name search read in name order. A search word that matches a few hundred patients ("jos", "jose",
 * "maria g") had its page sorted from every matching patient's row — one random read of the patients
 * table per match (6–8 ms for the 400–600 of "jose" at 100,000 patients), since the FTS index knows
 * no order. `patient_name_tokens` holds each patient's name words with their name keys and whether
 * they are archived, keyed by (token, last name key, first name key, id): a typed word is one range of
 * its primary key, and that range's rows are put in name order without reading a patient's row.
 *
 * The words are the name keys and the preferred name (lower-cased) split at spaces and the marks
 * names are written with (hyphens, apostrophes, periods, commas, brackets, slashes). They are a
 * guide, not the judge: the search keeps the FTS index's answer for who matches (a row whose word the
 * FTS index would not match is dropped; a match this table does not hold sends the search back to
 * sorting the FTS matches), so a name spelled in a way this split does not foresee is still found.
 * Kept by triggers, like the FTS index and patient_numbers.
 *
 * The expressions are written out here rather than shared: a migration must mean tomorrow what it
 * meant when it ran.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'patient-name-tokens',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

/** The marks a name's words are split at besides spaces (a double quote and a backslash too: they would break the JSON array). */
const SEPARATORS = ['-', "''", '’', '‘', '.', ',', '(', ')', '/', '\\', '"', '&', ';', ':', char(9), char(10), char(13)];
function char(code: number) {
  return `char(${code})`;
}
const literal = (s: string) => (s.startsWith('char(') ? s : `'${s}'`);

/** The row's words (the row's columns prefixed by `p`) as a JSON array of text; '[]' if it cannot be one. */
const wordsArray = (p: string) => {
  const text = SEPARATORS.reduce((e, s) => `replace(${e}, ${literal(s)}, ' ')`, `${p}first_name_key || ' ' || ${p}last_name_key || ' ' || lower(coalesce(${p}preferred_name, ''))`);
  const array = `'["' || replace(${text}, ' ', '","') || '"]'`;
  return `(case when json_valid(${array}) then ${array} else '[]' end)`;
};

/** A patient's distinct non-empty words as rows of one `value` column. */
const words = (p: string) => `select distinct value from json_each(${wordsArray(p)}) where value <> ''`;

const carried = (p: string) => `${p}last_name_key, ${p}first_name_key, ${p}id, ${p}archived_at is not null`;
const COLUMNS = 'token, last_name_key, first_name_key, patient_id, archived';

const STATEMENTS = [
  `create table patient_name_tokens (
    token text not null,
    last_name_key text not null,
    first_name_key text not null,
    patient_id integer not null,
    archived integer not null check (archived in (0, 1)),
    primary key (token, last_name_key, first_name_key, patient_id)
  ) without rowid`,
  // In key order: appended page by page rather than inserted all over the tree.
  `insert or ignore into patient_name_tokens (${COLUMNS})
    select w.value, ${carried('p.')} from patients as p, json_each(${wordsArray('p.')}) as w where w.value <> ''
    order by 1, 2, 3, 4`,
  `create trigger patient_name_tokens_insert after insert on patients begin
    insert or ignore into patient_name_tokens (${COLUMNS}) select value, ${carried('new.')} from (${words('new.')});
  end`,
  `create trigger patient_name_tokens_update after update of first_name_key, last_name_key, preferred_name, archived_at on patients begin
    delete from patient_name_tokens where token in (${words('old.')}) and last_name_key = old.last_name_key and first_name_key = old.first_name_key and patient_id = old.id;
    insert or ignore into patient_name_tokens (${COLUMNS}) select value, ${carried('new.')} from (${words('new.')});
  end`,
  `create trigger patient_name_tokens_delete after delete on patients begin
    delete from patient_name_tokens where token in (${words('old.')}) and last_name_key = old.last_name_key and first_name_key = old.first_name_key and patient_id = old.id;
  end`,
];
