import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { PatientSort } from '../../../shared/domain/patient';
import { findWrittenDate, parseTypedDate, type TypedDateOrder } from '../../../shared/util/dates';
import { digitsOnly, foldForSearch } from '../../../shared/util/text';
import type { DB } from '../../db/schema';

export interface ParsedSearch {
  /** An FTS5 MATCH expression, or null when the search has no name, phone or MRN part. */
  match: string | null;
  dateOfBirth: string | null;
  /** The first name-like word, folded: a last name starting with it ranks first. */
  leadingName: string | null;
}

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** MRNs are RB and six digits (shared/domain/identifiers): "rb1105" is RB001105. */
const MRN_DIGITS = 6;

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
      if (digits) clauses.push(`{mrn phone} : ${quote(digits)}*`);
      continue;
    }
    if (/^rb\d+$/i.test(token)) {
      const digits = token.slice(2);
      const padded = digits.length < MRN_DIGITS ? `rb${digits.padStart(MRN_DIGITS, '0')}` : null;
      clauses.push(padded ? `mrn : (${quote(token.toLowerCase())}* OR ${quote(padded)})` : `mrn : ${quote(token.toLowerCase())}*`);
      continue;
    }
    const folded = foldForSearch(token).replace(/[^\p{L}\p{N}'-]+/gu, '');
    if (!folded) continue;
    leadingName ??= folded;
    clauses.push(`names : ${quote(folded)}*`);
  }
  return { match: clauses.length ? clauses.join(' AND ') : null, dateOfBirth, leadingName };
}

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

/** The base query (from + filters) shared by the page and its count. */
export function filteredPatients(db: Kysely<DB>, q: Pick<PatientListQuery, 'query' | 'includeArchived' | 'dateOrder'>) {
  const search = parsePatientSearch(q.query, q.dateOrder);
  let base = db.selectFrom('patients');
  if (search.match !== null) {
    base = base.where(sql<SqlBool>`patients.id in (select rowid from patients_fts where patients_fts match ${search.match})`);
  }
  if (search.dateOfBirth !== null) base = base.where('patients.dateOfBirth', '=', search.dateOfBirth);
  if (!q.includeArchived) base = base.where('patients.archivedAt', 'is', null);
  return { base, search };
}

export function listPatientsQuery(db: Kysely<DB>, q: PatientListQuery) {
  const { base, search } = filteredPatients(db, q);
  let page = base.selectAll('patients');
  const dir = q.direction;
  const sort = q.sort === 'relevance' && search.leadingName === null ? 'name' : q.sort;
  switch (sort) {
    case 'relevance': {
      const prefix = `${search.leadingName}%`;
      const lastFirst: Expression<number> = sql<number>`(patients.last_name_key like ${prefix})`;
      page = page.orderBy(lastFirst, 'desc').orderBy('patients.lastNameKey').orderBy('patients.firstNameKey');
      break;
    }
    case 'name':
      page = page.orderBy('patients.lastNameKey', dir).orderBy('patients.firstNameKey', dir);
      break;
    case 'dateOfBirth':
      page = page.orderBy('patients.dateOfBirth', dir);
      break;
    case 'mrn':
      page = page.orderBy('patients.mrn', dir);
      break;
    case 'createdAt':
      page = page.orderBy('patients.createdAt', dir);
      break;
  }
  return page.orderBy('patients.id', dir).limit(q.limit).offset(q.offset);
}

export function countPatientsQuery(db: Kysely<DB>, q: Pick<PatientListQuery, 'query' | 'includeArchived' | 'dateOrder'>) {
  return filteredPatients(db, q).base.select((eb) => eb.fn.countAll<number>().as('n'));
}
