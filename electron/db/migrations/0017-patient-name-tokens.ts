import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Name search read in name order. A search word that matches a few hundred patients ("jos", "jose",
 * "maria g") had its page sorted from every matching patient's row — a random read of the patients
 * table per match, since the FTS index knows no order. `patient_name_tokens` holds each
 * patient's name words with their name keys, whether they are archived, and all their words (`words`,
 * for a second word typed), keyed by (token, last name key, first name key, id): a typed word is one
 * range of its primary key, put in name order without reading a patient's row.
 *
 * The words are those the FTS index holds for the patient, made the same way: the name keys (made by
 * foldForSearch from the legal names) and the preferred name lower-cased, split at spaces and the
 * marks names are written with — when the legal names are in Latin letters with or without accents,
 * Vietnamese ones among them (a test checks, letter by letter, that the FTS index's words are these),
 * and the preferred name's when it is ASCII (SQL folds nothing else; folding ~400 letters here nested
 * too deep for SQLite's parser). So every row is a word the FTS index holds; a patient with other
 * characters has fewer words here (none, for the legal names), and the search, which counts its
 * matches in the FTS index, uses this table only when it found every one of them: nobody is missed.
 * Kept by triggers, like the FTS index and patient_numbers.
 *
 * The expressions are written out here rather than shared: a migration must mean
 * tomorrow what it meant when it ran.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'patient-name-tokens',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

/** The marks (besides spaces) a name's words are split at; the FTS tokenizer splits at each of them too. */
const MARKS = `&'(),./‘’-`;
/** Legal names in these characters have the FTS index's words (a test checks every letter); `-` last, where GLOB reads it as itself. */
const OTHER_CHARACTER = `[^ &''(),./0-9A-Za-zÀ-ÖØ-öø-ıĴ-ľŁ-ňŊ-ſƠơƯưḀ-ẙẛ-ỿ‘’-]`;
/** A preferred name has no key: SQL lower-cases ASCII only, so only an ASCII one's words are the FTS index's. */
const OTHER_THAN_ASCII = `[^ &''(),./0-9A-Za-z‘’-]`;

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** The expression with every mark made a space. */
const spaced = (e: string) => [...MARKS].reduce((x, m) => `replace(${x}, ${quoted(m)}, ' ')`, e);
/**
 * The row's words (its columns prefixed by `p`), each after a space and a space at the end
 * (" trong tan dang "): the legal names' words unless they hold another character, and the preferred
 * name's when it is ASCII.
 */
const wordsOf = (p: string) => {
  const legal = `${p}first_name_key || ' ' || ${p}last_name_key`;
  const preferred = `case when coalesce(${p}preferred_name, '') glob '*${OTHER_THAN_ASCII}*' then '' else lower(coalesce(${p}preferred_name, '')) end`;
  return `case when (${p}legal_first_name || ' ' || ${p}legal_last_name) glob '*${OTHER_CHARACTER}*' then ' ' else ' ' || ${spaced(`${legal} || ' ' || ${preferred}`)} || ' ' end`;
};

/** The words as a JSON array. */
const asArray = `'["' || replace(trim(w.words), ' ', '","') || '"]'`;

/** The words of `w.words` as rows of `j.value` (none when they are no JSON array: a name with a quote, a backslash, a control character). */
const eachWord = `json_each(case when json_valid(${asArray}) then ${asArray} else '[]' end) as j where j.value <> ''`;

/** A patient's (`p`: new. or old.) rows: one per distinct word. */
const rowsOf = (p: string) => `select distinct j.value as token, ${p}last_name_key, ${p}first_name_key, ${p}id, ${p}archived_at is not null, w.words
    from (select ${wordsOf(p)} as words) as w, ${eachWord}`;

const COLUMNS = 'token, last_name_key, first_name_key, patient_id, archived, words';

const STATEMENTS = [
  `create table patient_name_tokens (
    token text not null,
    last_name_key text not null,
    first_name_key text not null,
    patient_id integer not null,
    archived integer not null check (archived in (0, 1)),
    words text not null,
    primary key (token, last_name_key, first_name_key, patient_id)
  ) without rowid`,
  // Each patient's words made once (materialized), the rows inserted in key order.
  `insert or ignore into patient_name_tokens (${COLUMNS})
    with w as materialized (select id, last_name_key, first_name_key, archived_at, ${wordsOf('')} as words from patients)
    select distinct j.value, w.last_name_key, w.first_name_key, w.id, w.archived_at is not null, w.words from w, ${eachWord}
    order by 1, 2, 3, 4`,
  `create trigger patient_name_tokens_insert after insert on patients begin
    insert or ignore into patient_name_tokens (${COLUMNS}) ${rowsOf('new.')};
  end`,
  `create trigger patient_name_tokens_update after update of legal_first_name, legal_last_name, first_name_key, last_name_key, preferred_name, archived_at on patients begin
    delete from patient_name_tokens where (token, last_name_key, first_name_key, patient_id) in (select token, last_name_key, first_name_key, id from (${rowsOf('old.')}));
    insert or ignore into patient_name_tokens (${COLUMNS}) ${rowsOf('new.')};
  end`,
  `create trigger patient_name_tokens_delete after delete on patients begin
    delete from patient_name_tokens where (token, last_name_key, first_name_key, patient_id) in (select token, last_name_key, first_name_key, id from (${rowsOf('old.')}));
  end`,
];
