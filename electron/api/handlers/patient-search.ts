import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { PatientSort } from '../../../shared/domain/patient';
import { findWrittenDate, parseTypedDate, type TypedDateOrder } from '../../../shared/util/dates';
import { digitsOnly, foldForSearch } from '../../../shared/util/text';
import { compiledQuery } from '../../db/compiled-query';
import { FTS_NAME_FOLDS } from '../../db/migrations/0015-search-folding';
import type { DB } from '../../db/schema';

/*
 * Patient search: what staff type → index lookups. The SQLite-only parts of the patient list (the
 * FTS5 match, the unary + that keeps SQLite from driving a query by it, the FTS tokens of a phone
 * and an MRN read from the row) live in this file.
 */

export interface ParsedSearch {
  /** An FTS5 MATCH expression, or null when the search has no name, phone or MRN part. */
  match: string | null;
  dateOfBirth: string | null;
  /** The first name-like word, folded: a last name starting with it ranks first. */
  leadingName: string | null;
  /** The whole search when it is one name word of plain letters and digits ("a", "gar"): the fast path. */
  plainName: string | null;
  /**
   * When every part of the search is a number — phone or MRN digits ("312", "312-55"), an MRN
   * ("rb0004") — those parts (digits, or the MRN folded to lower case); otherwise null.
   */
  numbers: string[] | null;
}

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** MRNs are RB and six digits (shared/domain/identifiers): "rb1105" is RB001105. */
const MRN_DIGITS = 6;

/** A short MRN as typed ("rb1105") with its zeros ("rb001105"); null when it is not short. */
function paddedMrn(typed: string): string | null {
  const digits = typed.slice(2);
  return digits.length < MRN_DIGITS ? `rb${digits.padStart(MRN_DIGITS, '0')}` : null;
}

/**
 * Turns what staff type into index lookups: a date — as the lists write it ("Mar 26, 1945") or as
 * typed in the clinic's order (3/26/1945, 1945-03-26) — matches the date of birth; a run of digits
 * (with - ( ) . +) matches phone or MRN by prefix; an MRN matches with or without its leading zeros
 * (rb1105 finds RB001105); any other word matches a first, last or preferred name by prefix,
 * accent- and case-insensitively. All parts must match.
 */
export function parsePatientSearch(query: string, order: TypedDateOrder = 'MDY'): ParsedSearch {
  const clauses: string[] = [];
  let dateOfBirth: string | null = null;
  let leadingName: string | null = null;
  const numbers: string[] = [];
  let rest = query;
  const written = findWrittenDate(query);
  if (written) {
    dateOfBirth = written.iso;
    rest = `${query.slice(0, written.start)} ${query.slice(written.end)}`;
  }
  for (const token of rest.trim().split(/\s+/).filter(Boolean)) {
    const date = parseTypedDate(token.replace(/,$/, ''), order);
    if (date) {
      dateOfBirth = date;
      continue;
    }
    if (/^[\d()+.-]+$/.test(token)) {
      const digits = digitsOnly(token);
      if (digits) {
        clauses.push(`{mrn phone} : ${quote(digits)}*`);
        numbers.push(digits);
      }
      continue;
    }
    if (/^rb\d+$/i.test(token)) {
      const padded = paddedMrn(token.toLowerCase());
      clauses.push(padded ? `mrn : (${quote(token.toLowerCase())}* OR ${quote(padded)})` : `mrn : ${quote(token.toLowerCase())}*`);
      numbers.push(token.toLowerCase());
      continue;
    }
    const folded = foldForSearch(token).replace(/[^\p{L}\p{N}'-]+/gu, '');
    if (!folded) continue;
    leadingName ??= folded;
    clauses.push(`names : ${quote(folded)}*`);
  }
  const onlyNumbers = numbers.length > 0 && numbers.length === clauses.length;
  const plainName = clauses.length === 1 && dateOfBirth === null && leadingName !== null && /^[a-z0-9]+$/.test(leadingName) ? leadingName : null;
  return {
    match: clauses.length ? clauses.join(' AND ') : null,
    dateOfBirth,
    leadingName,
    plainName,
    numbers: onlyNumbers ? numbers : null,
  };
}

/** The patients the FTS index matches (its rowids are patient ids). */
function ftsRowids(match: string): RawBuilder<unknown> {
  return sql`select rowid from patients_fts where patients_fts match ${match}`;
}

/**
 * Matches of the search, as the query's driver: SQLite reads the matching ids first and looks each
 * patient up. Right when there are few matches.
 */
export function matchDriven(match: string): Expression<SqlBool> {
  return sql<SqlBool>`patients.id in (${ftsRowids(match)})`;
}

/**
 * Matches of the search as a filter only (the unary + stops SQLite driving by it): the query walks
 * the index of its sort order and stops once the page is full. Right when there are many matches.
 */
export function matchFiltered(match: string): Expression<SqlBool> {
  return sql<SqlBool>`+patients.id in (${ftsRowids(match)})`;
}

/** One patient's match, checked for that row alone (a rowid lookup in the index): for a handful of rows. */
export function matchChecked(match: string): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from patients_fts where patients_fts match ${match} and patients_fts.rowid = patients.id)`;
}

/**
 * The patients whose phone or MRN has a token starting with each number, read from the row itself
 * (no FTS set is built): for walking an index over a search that matches thousands. The tokens are
 * the FTS index's own, made by the same expressions as its triggers (migration 0001): phone digits
 * whole, their last 10, 7 and 4; the MRN ("RB000123", folded to lower case by the tokenizer), its
 * digits and their number. A digit search matches phone or MRN tokens; an "rb…" search the MRN.
 */
export function numbersScanned(numbers: readonly string[]): Expression<SqlBool> {
  const startsWith = (token: RawBuilder<unknown>, prefix: string) => sql`substr(${token}, 1, ${prefix.length}) = ${prefix}`;
  const phone = sql.ref('patients.phoneDigits');
  const mrn = sql.ref('patients.mrn');
  const parts = numbers.map((n) => {
    if (n.startsWith('rb')) {
      const padded = paddedMrn(n);
      const typed = startsWith(sql`lower(${mrn})`, n);
      return padded ? sql`(${typed} or lower(${mrn}) = ${padded})` : typed;
    }
    const tokens = [
      sql`${phone}`,
      sql`substr(${phone}, -10)`,
      sql`substr(${phone}, -7)`,
      sql`substr(${phone}, -4)`,
      sql`substr(${mrn}, 3)`,
      sql`cast(cast(substr(${mrn}, 3) as integer) as text)`,
    ];
    return sql`(${sql.join(
      tokens.map((t) => startsWith(t, n)),
      sql` or `,
    )})`;
  });
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/**
 * The patients whose phone or MRN has a token matching each number as the FTS index matches it —
 * starting with it, or (a short MRN) equal to it with its zeros (rb1105 → rb001105) — as ranges of
 * the number index's primary key (migration 0016 keeps there the tokens the FTS index holds for the
 * phone and the MRN, the MRN in lower case). `t0` is the first number's table; every other number
 * is a subquery of its own. The FTS index has prefix indexes up to three characters only: "3125"
 * made it merge a doclist per phone number starting with it (thousands) just to count them.
 */
function numberMatching(numbers: readonly string[]): { first: RawBuilder<unknown>; rest: RawBuilder<unknown>[] } {
  const [head, ...tail] = numbers;
  return {
    first: numberRange(head!, 't0'),
    rest: tail.map((typed, i) => {
      const alias = `t${i + 1}`;
      return sql`t0.patient_id in (select ${sql.ref(`${alias}.patient_id`)} from patient_numbers as ${sql.raw(alias)} where ${numberRange(typed, alias)})`;
    }),
  };
}

/** One typed number's rows of the number index (of `table`, an alias of patient_numbers). */
function numberRange(typed: string, table: string): RawBuilder<unknown> {
  const token = sql.ref(`${table}.token`);
  // "rb0" with its zeros (rb000000) is already in its range: an OR of the two made the count read it twice over.
  const padded = typed.startsWith('rb') ? paddedMrn(typed) : null;
  const prefix = sql`(${token} >= ${typed} and ${token} < ${prefixEnd(typed)})`;
  return padded && !padded.startsWith(typed) ? sql`(${prefix} or ${token} = ${padded})` : prefix;
}

/** The matching patients' ids (a patient may come more than once: one row per matching token). */
function numberIds(numbers: readonly string[]): RawBuilder<unknown> {
  const { first, rest } = numberMatching(numbers);
  return sql`select t0.patient_id from patient_numbers as t0 where ${sql.join([first, ...rest], sql` and `)}`;
}

/** Number matches as the query's driver (few), as matchDriven. */
export function numbersDriven(numbers: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`patients.id in (${numberIds(numbers)})`;
}

/** Number matches as a filter of an index walk (many), as matchFiltered. */
export function numbersFiltered(numbers: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`+patients.id in (${numberIds(numbers)})`;
}

/**
 * How many patients the numbers match, counting no further than `cap`, read from the number index
 * alone; and, when that is more than `narrow`, whether a number's range holds more than `wide` rows:
 * what a sort or a set of the matches would cost, which decides how their page is found (up to
 * `wide` rows they are sorted in the index; past it, each row the name walk reads is checked). One
 * statement; the rows are looked at only when needed, by stepping past `wide` of them (counting
 * them to 5,000 cost six times as much).
 */
export async function numberMatchCount(db: Kysely<DB>, numbers: readonly string[], limits: { cap: number; narrow: number; wide: number }, withoutArchived = false): Promise<{ n: number; dense: boolean }> {
  const { first, rest } = numberMatching(numbers);
  const archived = withoutArchived ? [sql`t0.archived = 0`] : [];
  const past = numbers.map((typed) => sql`exists (select 1 from patient_numbers as r where ${numberRange(typed, 'r')} limit 1 offset ${limits.wide})`);
  const dense = past.length > 1 ? sql`max(${sql.join(past, sql`, `)})` : past[0]!;
  const row = await sql<{ n: number; dense: number }>`select n, case when n > ${limits.narrow} then ${dense} else 0 end as dense from (select count(*) as n from (select distinct t0.patient_id from patient_numbers as t0 where ${sql.join([first, ...rest, ...archived], sql` and `)} limit ${limits.cap}))`.execute(db);
  return { n: Number(row.rows[0]?.n ?? 0), dense: Number(row.rows[0]?.dense ?? 0) === 1 };
}

/**
 * The ids of a page of the patients the numbers match, in name order, read from the number index
 * alone: its rows carry the name keys, so the matching rows of the first number's range are sorted
 * without reading a patient's row. Right up to a few thousand matching rows; past that, walking the
 * name index and checking each row's numbers (numbersScanned) reaches a page sooner. A patient with
 * two matching tokens ("1" in 13125551234 and its last four, 1234) has two rows, next to each other
 * in this order: they are made one here, as SQLite's DISTINCT (a B-tree of every matching row) cost
 * twice the sort itself; when they leave the page short, more rows are read.
 */
export async function numberNamePage(db: Kysely<DB>, numbers: readonly string[], page: { includeArchived: boolean; direction: 'asc' | 'desc'; offset: number; limit: number }): Promise<number[]> {
  const { first, rest } = numberMatching(numbers);
  const archived = page.includeArchived ? [] : [sql`t0.archived = 0`];
  const dir = sql.raw(page.direction === 'desc' ? 'desc' : 'asc');
  const wanted = page.offset + page.limit;
  // Twice the rows wanted: a short prefix ("3") finds many patients twice; a sort keeping 200 rows costs hardly more than 100.
  for (let rows = 2 * wanted; ; ) {
    const found = await sql<{ id: number }>`select t0.patient_id as id from patient_numbers as t0 where ${sql.join([first, ...rest, ...archived], sql` and `)} order by t0.last_name_key ${dir}, t0.first_name_key ${dir}, t0.patient_id ${dir} limit ${rows}`.execute(db);
    const ids = found.rows.map((r) => r.id).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    if (ids.length >= wanted || found.rows.length < rows) return ids.slice(page.offset, wanted);
    rows += wanted - ids.length;
  }
}

/**
 * How many patients the FTS part matches, counting no further than `cap` (archived ones included):
 * read from the index alone, it decides whether to sort the matches or walk an index.
 */
export async function ftsMatchCount(db: Kysely<DB>, match: string, cap: number, withoutArchived = false): Promise<number> {
  const rows = await (withoutArchived ? activeFtsCount : ftsCount)(db, match, cap);
  return Number(rows[0]?.n ?? 0);
}

// Every name search counts first: the two forms of the count, compiled once.
const ftsCount = compiledQuery((_db: Kysely<DB>, match: string, cap: number) => sql<{ n: number }>`select count(*) as n from (select 1 from patients_fts where patients_fts match ${match} limit ${cap})`);
const activeFtsCount = compiledQuery(
  (_db: Kysely<DB>, match: string, cap: number) =>
    sql<{ n: number }>`select count(*) as n from (select 1 from patients_fts where patients_fts match ${match} and rowid not in (select id from patients where archived_at is not null) limit ${cap})`,
);

/** Patients whose FTS entry matches, among the given ids (a lookup per id: for a few suspect rows). */
export async function ftsMatchingAmong(db: Kysely<DB>, match: string, ids: number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (const id of ids) {
    // FTS5 ignores a rowid constraint whose value is not typed INTEGER, and JavaScript numbers are
    // bound as REAL: without the cast this would answer every match.
    const row = await sql<{ id: number }>`select rowid as id from patients_fts where patients_fts match ${match} and rowid = cast(${id} as integer)`.execute(db);
    if (row.rows.some((r) => r.id === id)) found.add(id);
  }
  return found;
}

/** The sort columns of each order; the list and its indexes follow them. */
export function sortColumns(sort: Exclude<PatientSort, 'relevance'>) {
  switch (sort) {
    case 'name':
      return ['patients.lastNameKey', 'patients.firstNameKey'] as const;
    case 'dateOfBirth':
      return ['patients.dateOfBirth'] as const;
    case 'mrn':
      return ['patients.mrn'] as const;
    case 'createdAt':
      return ['patients.createdAt'] as const;
  }
}

/** The smallest text greater than every text starting with `prefix` (a range on an index). */
export function prefixEnd(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1)!;
  return prefix.slice(0, -1) + String.fromCodePoint(last + 1);
}

/**
 * True when a last name surely starts an FTS name token with `word` (plain letters and digits): its
 * first characters fold to it by the letters the index's triggers replace (Đ → d) and by canonical
 * decomposition, which the FTS tokenizer's diacritic removal also undoes. Anything else (ligatures,
 * full-width letters) is checked against the index.
 */
export function surelyStartsWith(lastName: string, word: string): boolean {
  // Most names begin in plain ASCII, which decomposition, mark removal and case folding leave one
  // character for one: their first characters are compared as they are (a one-letter search asks
  // this of a hundred names and more).
  const name = lastName.trimStart();
  let ascii = true;
  for (let i = 0; i < word.length && i < name.length; i++) {
    if (name.charCodeAt(i) >= 128) {
      ascii = false;
      break;
    }
  }
  if (ascii) return name.length >= word.length && name.slice(0, word.length).toLowerCase() === word;
  if (NOT_FOLDED_BY_THE_INDEX.test(name)) return false;
  // The index folds Đ, Ø, Ł… (which have no decomposition) before it tokenizes: so does this, in the same
  // way, or every Đặng and Đỗ of a "d" search would be checked against the index one by one.
  return name.trim().replace(FOLDED_LETTERS, (letter) => FOLDS.get(letter)!).normalize('NFD').replace(STRIPPED_MARKS, '').toLowerCase().startsWith(word);
}
const FOLDS = new Map(FTS_NAME_FOLDS);
const FOLDED_LETTERS = new RegExp(`[${[...FOLDS.keys()].join('')}]`, 'gu');
/**
 * What decomposition folds and FTS5's tokenizer does not, in Unicode's first plane: Ǡ and ǡ (A with dot
 * above and macron), which it keeps as they are, and three marks that decompose to accents it drops
 * but split a word themselves (U+0340, U+0341, U+0344). test/integration/surely-starts-with-fts.test.ts
 * tries every letter and every mark of that plane against the index.
 */
const NOT_FOLDED_BY_THE_INDEX = /\u01e0|\u01e1|\u0340|\u0341|\u0344/u;
/**
 * The combining marks FTS5's tokenizer drops from a word (the accents of Latin letters, Vietnamese's
 * included); any other mark (an overline, Hebrew points) splits the word there, so it is kept here and
 * the name is not surely a match. The same test tries every mark of the first plane.
 */
const STRIPPED_MARKS = /[\u0300-\u0304\u0306-\u030c\u030f\u0311\u031b\u0323-\u0328\u032d\u032e\u0330\u0331]+/gu;

/**
 * The words of a search that is names only, each plain letters and digits ("jose", "maria g"), as its
 * MATCH expression holds them; null for anything else (a number, a date, a word with an apostrophe,
 * which the FTS index reads as two words).
 */
export function plainNameWords(search: ParsedSearch): string[] | null {
  if (search.match === null || search.numbers !== null || search.dateOfBirth !== null) return null;
  const words: string[] = [];
  for (const clause of search.match.split(' AND ')) {
    const word = /^names : "([a-z0-9]+)"\*$/.exec(clause)?.[1];
    if (word === undefined) return null;
    words.push(word);
  }
  return words;
}

/** Which page of a name search's matches, in which order (see nameTokenPage). */
export interface NameTokenOrder {
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  leading: { prefix: string; place: 'first' | 'without' } | null;
}

export interface NameTokenPage {
  /** The index held all `n` of the search's matches: the page is right. */
  covered: boolean;
  ids: number[];
}

/**
 * A page of a name search's matches, in name order (or the search's default order: last names
 * starting with `leading.prefix` first; or only the others, `without` them), read from the name-token index (migration 0017) rather than from
 * the matching patients' rows: the range of the longest word — a few hundred rows of word, name keys,
 * id and the patient's words — kept to the rows holding every other word at a word's start, made one
 * row per patient and sorted. The index holds only words the FTS index holds too, so each patient
 * found matches; `covered` says whether it found all `n` the FTS index counted (a patient whose name
 * is in letters the index leaves out is not there, and the caller sorts the FTS matches instead).
 * An empty page says nothing about coverage: covered is then false.
 */
export async function nameTokenPage(
  db: Kysely<DB>,
  words: readonly string[],
  n: number,
  page: NameTokenOrder & { includeArchived: boolean },
): Promise<NameTokenPage> {
  const drive = words.reduce((a, b) => (b.length > a.length ? b : a));
  const others = words.filter((w, i) => i !== words.indexOf(drive));
  const conditions = [
    sql`token >= ${drive}`,
    sql`token < ${prefixEnd(drive)}`,
    ...(page.includeArchived ? [] : [sql`archived = 0`]),
    ...others.map((w) => sql`instr(words, ${` ${w}`}) > 0`),
  ];
  const dir = sql.raw(page.direction === 'desc' ? 'desc' : 'asc');
  const lead = page.leading;
  const inLeading = lead === null ? null : sql`(last_name_key >= ${lead.prefix} and last_name_key < ${prefixEnd(lead.prefix)})`;
  const first = inLeading !== null && lead!.place === 'first' ? sql`${inLeading} desc, ` : sql``;
  const without = inLeading !== null && lead!.place === 'without' ? sql`where not ${inLeading}` : sql``;
  // `materialized`: the range's patients are found once, for both the count (of them all) and the page.
  const found = await sql<{ covered: number; id: number }>`with c as materialized (
      select distinct patient_id, last_name_key, first_name_key from patient_name_tokens where ${sql.join(conditions, sql` and `)})
    select (select count(*) from c) as covered, patient_id as id from c ${without}
    order by ${first}last_name_key ${dir}, first_name_key ${dir}, patient_id ${dir} limit ${page.limit} offset ${page.offset}`.execute(db);
  return { covered: found.rows.length > 0 && Number(found.rows[0]!.covered) === n, ids: found.rows.map((r) => r.id) };
}
