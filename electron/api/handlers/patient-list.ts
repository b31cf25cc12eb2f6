import type { TypedDateOrder } from '../../../shared/util/dates';
import type { Expression, Kysely, SqlBool } from 'kysely';
import { PATIENT_SEARCH_TOTAL_CAP } from '../../../shared/api/patients';
import type { PatientSort, PatientSummary } from '../../../shared/domain/patient';
import { compiledPerLength, compiledQuery } from '../../db/compiled-query';
import type { DB } from '../../db/schema';
import {
  ftsMatchCount,
  ftsMatchingAmong,
  matchChecked,
  matchDriven,
  matchFiltered,
  nameTokenPage,
  numberMatchCount,
  numberNamePage,
  numbersDriven,
  numbersFiltered,
  numbersScanned,
  parsePatientSearch,
  plainNameWords,
  prefixEnd,
  sortColumns,
  surelyStartsWith,
  type NameTokenOrder,
  type ParsedSearch,
} from './patient-search';

export interface PatientListQuery {
  query: string;
  /** How the clinic writes numeric dates (a typed 3/7/1985 is read that way). */
  dateOrder?: TypedDateOrder;
  includeArchived: boolean;
  sort: PatientSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface PatientListPage {
  /** Every patient the list holds, or — when `capped` — the cap: there are more than that. */
  total: number;
  capped: boolean;
  rows: PatientSummary[];
}

export interface ListTuning {
  /** A search counts its matches no further than this ("1,000+ matches"). */
  cap: number;
  /** At or below this many matches, sorting the matches beats walking an index in order. */
  narrow: number;
  /**
   * Past this many rows of the number index (matching tokens), a search of phone or MRN numbers walks
   * its index checking each row's numbers, instead of building the set of every match first (a first
   * digit matches tens of thousands of patients; the walk then meets a match every few rows).
   */
  wide: number;
  /**
   * False: a name search of a few hundred matches sorts them from their rows, as before migration
   * 0017, instead of in the name-token index (for comparing the two; the default is true).
   */
  nameTokens?: boolean;
}

/**
 * `wide`: sorting 2,500 rows of the number index costs about what walking the name index to a page
 * of 100 does when the matches are that dense (1 patient in 40); past it the walk wins.
 */
export const DEFAULT_TUNING: ListTuning = { cap: PATIENT_SEARCH_TOTAL_CAP, narrow: PATIENT_SEARCH_TOTAL_CAP, wide: (5 * PATIENT_SEARCH_TOTAL_CAP) / 2 };

/**
 * How a search's matches are used: to drive the query (few), to filter an index walk (many), or,
 * for numbers matching very many, checked on each row the walk reads (numbersScanned).
 */
type How = 'driven' | 'filtered' | 'scanned';

const SUMMARY = [
  'patients.id',
  'patients.mrn',
  'patients.legalFirstName',
  'patients.legalLastName',
  'patients.preferredName',
  'patients.dateOfBirth',
  'patients.phone',
  'patients.archivedAt',
] as const;

/**
 * A page of the patient list and its total, in work that does not grow with the clinic: the list
 * without a search reads its page from an index in order and its total from two index counts; a
 * search counts its matches in the FTS index up to a cap and either sorts them (few) or walks the
 * index of the chosen order, stopping at the page (many). The default order of a search — last
 * names starting with the first word typed, then the other matches, each by name — is two walks.
 */
export async function listPatients(db: Kysely<DB>, q: PatientListQuery, tuning: ListTuning = DEFAULT_TUNING): Promise<PatientListPage> {
  const search = parsePatientSearch(q.query, q.dateOrder);
  if (search.match === null && search.dateOfBirth === null) return browse(db, q);
  const { total, capped, how, n } = await countMatches(db, q, search, tuning);
  // Nothing matches: no page to look for ("rb", a name no one has, would read the index's whole range again).
  if (n === 0) return { total, capped, rows: [] };
  const narrow = how === 'driven';
  const sort = q.sort === 'relevance' && search.leadingName === null ? 'name' : q.sort;
  // A few hundred name matches are sorted in the name-token index (one word in the default order: its rest, after the leading matches).
  const tokens = narrow && n > 0 && tuning.nameTokens !== false ? n : null;
  if (tokens !== null && (sort === 'name' || (sort === 'relevance' && search.plainName === null))) {
    const leading = sort === 'relevance' ? { prefix: search.leadingName!, place: 'first' as const } : null;
    const rows = await nameTokenOrder(db, q, search, tokens, { direction: sort === 'relevance' ? 'asc' : q.direction, offset: q.offset, limit: q.limit, leading });
    if (rows) return { total, capped, rows };
  }
  const rows =
    sort === 'relevance' && (search.plainName !== null || !narrow)
      ? await relevancePage(db, q, search, search.leadingName!, how, tokens, n > tuning.cap ? null : n)
      : await orderedPage(db, q, search, how, sort);
  return { total, capped, rows };
}

function patients(db: Kysely<DB>, q: Pick<PatientListQuery, 'includeArchived'>) {
  const base = db.selectFrom('patients');
  return q.includeArchived ? base : base.where('patients.archivedAt', 'is', null);
}

/** The search's filters. A date of birth leads (a handful of rows, each checked against the index). */
function matchFilter(search: ParsedSearch, how: How): Expression<SqlBool> | null {
  const { match, dateOfBirth, numbers } = search;
  if (match === null) return null;
  if (dateOfBirth !== null) return matchChecked(match);
  if (numbers !== null) return how === 'scanned' ? numbersScanned(numbers) : how === 'driven' ? numbersDriven(numbers) : numbersFiltered(numbers);
  return how === 'driven' ? matchDriven(match) : matchFiltered(match);
}

function searched(db: Kysely<DB>, q: PatientListQuery, search: ParsedSearch, how: How) {
  let query = patients(db, q);
  if (search.dateOfBirth !== null) query = query.where('patients.dateOfBirth', '=', search.dateOfBirth);
  const filter = matchFilter(search, how);
  return filter ? query.where(filter) : query;
}

async function browse(db: Kysely<DB>, q: PatientListQuery): Promise<PatientListPage> {
  let page = patients(db, q).select(SUMMARY);
  for (const column of sortColumns(q.sort === 'relevance' ? 'name' : q.sort)) page = page.orderBy(column, q.direction);
  const rows = await page.orderBy('patients.id', q.direction).limit(q.limit).offset(q.offset).execute();
  // count(*) of a whole table is read from its smallest index; the archived ones have their own.
  const count = (archivedOnly: boolean) => {
    const all = db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n'));
    return (archivedOnly ? all.where('archivedAt', 'is not', null) : all).executeTakeFirstOrThrow();
  };
  const archived = q.includeArchived ? 0 : Number((await count(true)).n);
  return { total: Number((await count(false)).n) - archived, capped: false, rows };
}

/** The search's total up to the cap, and how its page is found (few matches are sorted). */
async function countMatches(db: Kysely<DB>, q: PatientListQuery, search: ParsedSearch, tuning: ListTuning): Promise<{ total: number; capped: boolean; how: How; n: number }> {
  const limit = Math.max(tuning.cap, tuning.narrow) + 1;
  let n: number;
  let how: How | null = null;
  if (search.dateOfBirth !== null) {
    // A date of birth narrows to a few patients: count them through its index.
    const sub = searched(db, q, search, 'driven').select('patients.id').limit(limit);
    n = Number((await db.selectFrom(sub.as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  } else if (search.numbers !== null) {
    // Phone and MRN numbers: from the number index alone, with the density of the matches when there are many.
    const counted = await numberMatchCount(db, search.numbers, { cap: limit, narrow: tuning.narrow, wide: tuning.wide }, !q.includeArchived);
    n = counted.n;
    if (n > tuning.narrow) how = counted.dense ? 'scanned' : 'filtered';
  } else {
    // Names: from the FTS index alone (archived patients left out through their own small index).
    n = await ftsMatchCount(db, search.match!, limit, !q.includeArchived);
  }
  how ??= n <= tuning.narrow ? 'driven' : 'filtered';
  return { total: Math.min(n, tuning.cap), capped: n > tuning.cap, how, n };
}

/**
 * A page of a name search of a few hundred matches (`n`, exact), sorted in the name-token index
 * rather than from every matching patient's row; null when the search is not plain name words or the
 * index did not hold every match (the matches are then sorted from their rows, as before).
 */
async function nameTokenOrder(db: Kysely<DB>, q: PatientListQuery, search: ParsedSearch, n: number, page: NameTokenOrder): Promise<PatientSummary[] | null> {
  const words = plainNameWords(search);
  if (words === null) return null;
  const found = await nameTokenPage(db, words, n, { ...page, includeArchived: q.includeArchived });
  return found.covered ? rowsInOrder(db, found.ids) : null;
}

/** A page in one order: few matches are sorted; many are found by walking that order's index. */
function orderedPage(db: Kysely<DB>, q: PatientListQuery, search: ParsedSearch, how: How, sort: PatientSort): Promise<PatientSummary[]> {
  if (search.numbers !== null && search.dateOfBirth === null && how !== 'scanned' && sort === 'name') return numbersInNameOrder(db, q, search.numbers);
  if (how !== 'driven' && sort === 'name' && !q.includeArchived) return activeNameWalk(db, q, search, how);
  let page = searched(db, q, search, how).select(SUMMARY);
  if (sort === 'relevance') {
    const first = search.leadingName!;
    page = page
      .orderBy((eb) => eb.and([eb('patients.lastNameKey', '>=', first), eb('patients.lastNameKey', '<', prefixEnd(first))]), 'desc')
      .orderBy('patients.lastNameKey')
      .orderBy('patients.firstNameKey')
      .orderBy('patients.id');
  } else {
    for (const column of sortColumns(sort)) page = page.orderBy(column, q.direction);
    page = page.orderBy('patients.id', q.direction);
  }
  return page.limit(q.limit).offset(q.offset).execute();
}

/** Phone and MRN matches in name order, sorted in the number index (numberNamePage); then the page's rows. */
async function numbersInNameOrder(db: Kysely<DB>, q: PatientListQuery, numbers: readonly string[]): Promise<PatientSummary[]> {
  return rowsInOrder(db, await numberNamePage(db, numbers, q));
}

// A page's rows by id: compiled once per page length (a search's pages are mostly 100 long).
const rowsById = compiledPerLength((db: Kysely<DB>, ids: readonly number[]) => db.selectFrom('patients').select(SUMMARY).where('patients.id', 'in', ids));

/** The patients of `ids`, in that order. */
async function rowsInOrder(db: Kysely<DB>, ids: number[]): Promise<PatientSummary[]> {
  if (ids.length === 0) return [];
  const rows = await rowsById(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * Many matches among active patients in name order: the walk reads only ids, so the active-name index
 * covers it — the order, and the phone digits and MRN a number search checks — and no row is read
 * until it is on the page. Asking for the whole row in the walk let SQLite (with statistics, as a
 * clinic's database gathers them) walk the plain name index and read every row it passed: a "3125"
 * typed into the search read thousands of rows for a page of 100.
 */
async function activeNameWalk(db: Kysely<DB>, q: PatientListQuery, search: ParsedSearch, how: How): Promise<PatientSummary[]> {
  const ids = await searched(db, q, search, how)
    .select('patients.id')
    .orderBy('patients.lastNameKey', q.direction)
    .orderBy('patients.firstNameKey', q.direction)
    .orderBy('patients.id', q.direction)
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return rowsInOrder(db, ids.map((r) => r.id));
}

/**
 * The default order of a search: the matches whose last name starts with the first word (walking
 * the name index over that prefix), then the other matches by name — sorted in the name-token index
 * when there are a few hundred (`tokens`: their exact number). `exact`: how many match, when counted
 * to the end (the other matches are not looked for when the leading ones are all of them).
 */
async function relevancePage(db: Kysely<DB>, q: PatientListQuery, search: ParsedSearch, first: string, how: How, tokens: number | null, exact: number | null): Promise<PatientSummary[]> {
  const end = prefixEnd(first);
  const inPrefix = (query: ReturnType<typeof searched>) => query.where('patients.lastNameKey', '>=', first).where('patients.lastNameKey', '<', end);
  const leading =
    search.plainName !== null
      ? await plainLeading(db, q, search, first, end)
      : {
          page: await inPrefix(searched(db, q, search, how))
            .select(SUMMARY)
            .orderBy('patients.lastNameKey')
            .orderBy('patients.firstNameKey')
            .orderBy('patients.id')
            .limit(q.limit)
            .offset(q.offset)
            .execute(),
          count: null,
        };
  const head = leading.page;
  if (head.length === q.limit) return head;
  // The page runs past the leading matches: how many are there (all of them come before it)?
  const leadingCount =
    leading.count ??
    (head.length > 0
      ? q.offset + head.length
      : Number((await inPrefix(searched(db, q, search, how)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
  if (exact !== null && Math.max(leadingCount, q.offset) >= exact) return head;
  const restPage = { direction: 'asc' as const, offset: Math.max(0, q.offset - leadingCount), limit: q.limit - head.length, leading: { prefix: first, place: 'without' as const } };
  const inTokens = tokens === null ? null : await nameTokenOrder(db, q, search, tokens, restPage);
  if (inTokens) return [...head, ...inTokens];
  const rest = await searched(db, q, search, how)
    .select(SUMMARY)
    .where((eb) => eb.or([eb('patients.lastNameKey', '<', first), eb('patients.lastNameKey', '>=', end)]))
    .orderBy('patients.lastNameKey')
    .orderBy('patients.firstNameKey')
    .orderBy('patients.id')
    .limit(q.limit - head.length)
    .offset(Math.max(0, q.offset - leadingCount))
    .execute();
  return [...head, ...rest];
}

/**
 * The leading matches of a one-word search ("a", "gar") without asking the FTS index for its
 * thousands of matches: every patient whose last name starts with the word matches it, as long as
 * the name folds to it plainly (surelyStartsWith); the few that do not are checked one by one.
 * `count` is how many there are, when the walk reached their end.
 */
async function plainLeading(db: Kysely<DB>, q: PatientListQuery, search: ParsedSearch, first: string, end: string) {
  const wanted = q.offset + q.limit;
  let limit = wanted;
  for (;;) {
    const candidates = await (q.includeArchived ? LEADING_CANDIDATES.all : LEADING_CANDIDATES.active)(db, first, end, limit);
    const sure = candidates.map((r) => surelyStartsWith(r.legalLastName, first));
    const unsure = candidates.filter((_r, i) => !sure[i]).map((r) => r.id);
    const confirmed = unsure.length ? await ftsMatchingAmong(db, search.match!, unsure) : new Set<number>();
    const members = candidates.filter((r, i) => sure[i] || confirmed.has(r.id));
    const exhausted = candidates.length < limit;
    if (members.length >= wanted || exhausted) return { page: members.slice(q.offset, wanted), count: exhausted ? members.length : null };
    limit += wanted - members.length;
  }
}

/** plainLeading's walk over the last names starting with a word, compiled once (with and without archived patients). */
const leadingCandidates = (includeArchived: boolean) =>
  compiledQuery((db: Kysely<DB>, first: string, end: string, limit: number) =>
    patients(db, { includeArchived })
      .select(SUMMARY)
      .where('patients.lastNameKey', '>=', first)
      .where('patients.lastNameKey', '<', end)
      .orderBy('patients.lastNameKey')
      .orderBy('patients.firstNameKey')
      .orderBy('patients.id')
      .limit(limit),
  );
const LEADING_CANDIDATES = { all: leadingCandidates(true), active: leadingCandidates(false) };
