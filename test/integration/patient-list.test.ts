import { sql, type Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPatients, type ListTuning, type PatientListQuery } from '../../electron/api/handlers/patient-list';
import { parsePatientSearch } from '../../electron/api/handlers/patient-search';
import type { PatientsTable } from '../../electron/db/schema';
import { demoPatients } from '../../electron/demo/demo-patients';
import { formatMrn } from '../../shared/domain/identifiers';
import { PATIENT_SORTS } from '../../shared/domain/patient';
import { digitsOnly, foldForSearch } from '../../shared/util/text';
import { createTestApp, type TestApp } from './harness';
import { tracingKysely, type Traced } from './statement-trace';

/**
 * The patient list's work must not grow with the clinic. Instead of timing it (a busy machine
 * would fail that), these tests read what each list call asks SQLite: the statements, their query
 * plans, and the rows each returns — at N patients and at 2N — and check every answer against a
 * plain reading of the same data. Small thresholds make 600 patients behave like 100,000.
 */

const SMALL: ListTuning = { cap: 40, narrow: 40, wide: 80 };

/** Names the demo generator does not make: accents, a ligature, full-width letters, particles. */
const ODD_NAMES: [string, string][] = [
  ['José', 'Álvarez'],
  ['Chloé', "O'Brien"],
  ['Anh', 'Đặng'],
  ['Fiona', 'ﬁsher'],
  ['Sam', 'Ｓmith'],
  ['Ana', 'de la Cruz'],
  ['Émile', 'Aubert'],
  ['Zoë', 'Zimmermann'],
];

function patientRow(seedRow: Insertable<PatientsTable>, mrnNumber: number, archived: boolean): Insertable<PatientsTable> {
  return { ...seedRow, mrn: formatMrn(mrnNumber), archivedAt: archived ? '2026-01-05T10:00:00.000Z' : null };
}

async function addPatients(t: TestApp, count: number, seed: number, firstMrn: number) {
  const rows = [...demoPatients({ count, seed, today: '2026-11-26' })].map((r, i) => patientRow(r, firstMrn + i, i % 17 === 5));
  for (let i = 0; i < rows.length; i += 500) await t.services.db.insertInto('patients').values(rows.slice(i, i + 500)).execute();
}

/** Two odd names carry their MRN in other cases: the FTS index folds case, the MRN's own index does not. */
const mrnCased = (mrn: string, i: number) => (i === 1 ? mrn.toLowerCase() : i === 2 ? `Rb${mrn.slice(2)}` : mrn);

async function addOddNames(t: TestApp, firstMrn: number) {
  const rows = ODD_NAMES.map(([first, last], i) => ({
    mrn: mrnCased(formatMrn(firstMrn + i), i),
    legalFirstName: first,
    legalLastName: last,
    preferredName: null,
    firstNameKey: foldForSearch(first),
    lastNameKey: foldForSearch(last),
    dateOfBirth: '1985-03-07',
    sex: 'female' as const,
    phone: `(312) 555-01${String(i).padStart(2, '0')}`,
    phoneDigits: digitsOnly(`(312) 555-01${String(i).padStart(2, '0')}`),
    medicareBeneficiary: 0,
    archivedAt: null,
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
  }));
  await t.services.db.insertInto('patients').values(rows).execute();
}

const query = (over: Partial<PatientListQuery>): PatientListQuery => ({ query: '', includeArchived: false, sort: 'relevance', direction: 'asc', offset: 0, limit: 20, ...over });

describe('the patient list at any size', () => {
  let t: TestApp;
  let all: { id: number; legalFirstName: string; legalLastName: string; lastNameKey: string; firstNameKey: string; dateOfBirth: string; mrn: string; createdAt: string; archivedAt: string | null }[];

  beforeAll(async () => {
    t = await createTestApp();
    await addPatients(t, 300, 11, 1);
    await addOddNames(t, 301);
    all = await t.services.db.selectFrom('patients').select(['id', 'legalFirstName', 'legalLastName', 'lastNameKey', 'firstNameKey', 'dateOfBirth', 'mrn', 'createdAt', 'archivedAt']).execute();
  });
  afterAll(() => t.dispose());

  /** What the list must answer, read plainly: the FTS index says who matches; sorting is done here. */
  async function reference(q: PatientListQuery, tuning: ListTuning) {
    const search = parsePatientSearch(q.query);
    let rows = all.filter((p) => q.includeArchived || p.archivedAt === null);
    if (search.dateOfBirth) rows = rows.filter((p) => p.dateOfBirth === search.dateOfBirth);
    if (search.match) {
      const hits = await sql<{ id: number }>`select rowid as id from patients_fts where patients_fts match ${search.match}`.execute(t.services.db);
      const ids = new Set(hits.rows.map((r) => r.id));
      rows = rows.filter((p) => ids.has(p.id));
    }
    const cmp = codePointCompare;
    const dir = q.direction === 'asc' ? 1 : -1;
    const sort = q.sort === 'relevance' && search.leadingName === null ? 'name' : q.sort;
    const key = (p: (typeof all)[number]): string[] =>
      sort === 'dateOfBirth' ? [p.dateOfBirth] : sort === 'mrn' ? [p.mrn] : sort === 'createdAt' ? [p.createdAt] : [p.lastNameKey, p.firstNameKey];
    rows.sort((a, b) => {
      if (sort === 'relevance') {
        const lead = (p: (typeof all)[number]) => (p.lastNameKey.startsWith(search.leadingName!) ? 0 : 1);
        return lead(a) - lead(b) || cmp(a.lastNameKey, b.lastNameKey) || cmp(a.firstNameKey, b.firstNameKey) || a.id - b.id;
      }
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < ka.length; i++) {
        const c = cmp(ka[i]!, kb[i]!);
        if (c) return c * dir;
      }
      return (a.id - b.id) * dir;
    });
    const searching = search.match !== null || search.dateOfBirth !== null;
    return {
      total: searching ? Math.min(rows.length, tuning.cap) : rows.length,
      capped: searching && rows.length > tuning.cap,
      ids: rows.slice(q.offset, q.offset + q.limit).map((p) => p.id),
    };
  }

  it('answers exactly what a plain reading of the data answers, whichever way it runs', async () => {
    const queries = ['', 'a', 'M', 'mar', 'garc', 'z', 'q', 'jose', 'o', "o'b", 'fisher', 'smith', 's', 'dang', 'đang', 'de la', 'an 3/7/1985', '3/7/1985', '555', '0101', 'rb00001', 'x y', 'é', 'rb', 'gar', 'do'];
    // Phone and MRN numbers typed from their first character: broad ones are checked row by row.
    const numbers = ['3', '31', '(312)', '312-5', '312-55', '312-555-01', '0105', '0', '7', 'rb0', 'rb00', 'RB0003', 'rb3', 'rb12', '312 5', '5 312', 'rb0 3', '3125 55501', '3 a'];
    // MRNs alone are ranges on the MRN's index: typed in any case, with or without zeros, matching MRNs stored in any case.
    const mrns = ['rB00030', 'Rb000303', 'rb302', 'RB303', 'rb0003 rb00030', 'rb0 3/7/1985', 'rb9'];
    const tunings: ListTuning[] = [{ cap: 1000, narrow: 1000, wide: 5000 }, SMALL, { cap: 40, narrow: 3, wide: 10 }];
    let checked = 0;
    for (const tuning of tunings) {
      for (const text of [...queries, ...numbers, ...mrns]) {
        for (const sort of PATIENT_SORTS) {
          for (const [offset, limit] of [
            [0, 20],
            [15, 10],
            [45, 30],
          ] as const) {
            const q = query({ query: text, sort, offset, limit, direction: offset === 15 ? 'desc' : 'asc', includeArchived: offset === 45 });
            const got = await t.services.readers.use((db) => listPatients(db, q, tuning));
            const want = await reference(q, tuning);
            expect({ total: got.total, capped: got.capped, ids: got.rows.map((r) => r.id) }, `${JSON.stringify(q)} ${JSON.stringify(tuning)}`).toEqual(want);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(3 * (26 + 19 + 7) * 5 * 3);
  });

  it('a one-letter search reads the name index over that letter, stopping at the page, and counts no further than the cap', async () => {
    const { db, trace } = tracingKysely(t);
    try {
      const page = await listPatients(db, query({ query: 'm', limit: 20 }), SMALL);
      expect(page).toMatchObject({ total: 40, capped: true });
      expect(page.rows).toHaveLength(20);
      // Two statements: the capped count in the FTS index, and the walk over last names in M.
      expect(trace).toHaveLength(2);
      const [count, walk] = trace as [Traced, Traced];
      expect(count.sql).toMatch(/limit \?\)$/);
      expect(count.plan).toMatch(/VIRTUAL TABLE INDEX/);
      expect(count.plan).toMatch(/COVERING INDEX patients_archived/);
      expect(walk.plan).toBe('SEARCH patients USING INDEX patients_active_name (last_name_key>? AND last_name_key<?)');
      expect(walk.sql).not.toMatch(/patients_fts/); // no FTS set of every "m…" patient is built
      expect(walk.rows).toBe(20);
    } finally {
      await db.destroy();
    }
  });

  it('a phone or MRN search matching very many walks the name index checking each row’s numbers, without a set of the matches', async () => {
    const { db, trace } = tracingKysely(t);
    try {
      const page = await listPatients(db, query({ query: '3', limit: 20 }), SMALL);
      expect(page).toMatchObject({ total: 40, capped: true });
      expect(page.rows).toHaveLength(20);
      expect(trace).toHaveLength(3);
      const [count, walk, rows] = trace as [Traced, Traced, Traced];
      // Counted in the number index to the cap; then whether its range holds more than `wide` rows (a step past them).
      expect(count.plan).toMatch(/SEARCH t0 USING PRIMARY KEY \(token>\? AND token<\?\)/);
      expect(count.plan).toMatch(/SCALAR SUBQUERY \d+ \| SEARCH r USING PRIMARY KEY \(token>\? AND token<\?\)/);
      expect(count.sql).toMatch(/limit 1 offset \?\)/);
      // The walk reads ids from the covering index alone; only the page's 20 rows are read.
      expect(walk.plan).toBe('SCAN patients USING COVERING INDEX patients_active_name');
      expect(walk.sql).not.toMatch(/patient_numbers/);
      expect(walk.rows).toBe(20);
      expect(rows.plan).toMatch(/^SEARCH patients USING INTEGER PRIMARY KEY \(rowid=\?\)$/);
      expect(rows.rows).toBe(20);
      // Fewer matching rows than `wide`: they are put in name order in the number index, reading no patient's row.
      await listPatients(db, query({ query: '3', limit: 20 }), { cap: 40, narrow: 40, wide: 100_000 });
      expect(trace.at(-2)!.plan).toMatch(/^SEARCH t0 USING PRIMARY KEY \(token>\? AND token<\?\) \| USE TEMP B-TREE FOR ORDER BY$/);
      expect(trace.at(-2)!.rows).toBe(40); // twice the page: a patient with two matching tokens has two rows
      expect(trace.map((s) => s.sql).join(' ')).not.toMatch(/patients_fts/);
    } finally {
      await db.destroy();
    }
  });

  it('a phone typed past three digits is a range of the number index, never the FTS index: its count, its few matches and its many', async () => {
    const { db, trace } = tracingKysely(t);
    try {
      // The odd names' phones are (312) 555-01xx: "312-555-01" matches them (and no demo patient: 555 is not dialled).
      const few = await listPatients(db, query({ query: '312-555-01', limit: 20 }), SMALL);
      expect(few.total).toBe(ODD_NAMES.length);
      // The count, the page's ids in name order, the page's rows: only the last reads a patient's row.
      expect(trace).toHaveLength(3);
      const [count, order, rows] = trace as [Traced, Traced, Traced];
      expect(count.plan).toMatch(/^CO-ROUTINE \(subquery-\d+\) \| CO-ROUTINE \(subquery-\d+\) \| SEARCH t0 USING PRIMARY KEY \(token>\? AND token<\?\) \| USE TEMP B-TREE FOR DISTINCT/);
      expect(count.plan).not.toMatch(/patients/);
      expect(order.plan).toBe('SEARCH t0 USING PRIMARY KEY (token>? AND token<?) | USE TEMP B-TREE FOR ORDER BY');
      expect(order.rows).toBe(ODD_NAMES.length);
      expect(rows.plan).toBe('SEARCH patients USING INTEGER PRIMARY KEY (rowid=?)');
      // In another order the matches drive the query, as names do.
      await listPatients(db, query({ query: '312-555-01', sort: 'dateOfBirth', limit: 20 }), SMALL);
      expect(trace.at(-1)!.plan).toMatch(/^SEARCH patients USING INTEGER PRIMARY KEY \(rowid=\?\) \| LIST SUBQUERY \d+ \| SEARCH t0 USING PRIMARY KEY \(token>\? AND token<\?\)/);
      // The last four digits, and a phone with an MRN's number: each number a range of its own.
      trace.length = 0;
      await listPatients(db, query({ query: '0105', limit: 20 }), SMALL);
      await listPatients(db, query({ query: '3125 55501', limit: 20 }), SMALL);
      expect(trace.at(-2)!.plan).toMatch(/^SEARCH t0 USING PRIMARY KEY \(token>\? AND token<\?\) \| LIST SUBQUERY \d+ \| SEARCH t1 USING PRIMARY KEY \(token>\? AND token<\?\)/);
      expect(trace.map((s) => s.sql).join(' ')).not.toMatch(/patients_fts/);
    } finally {
      await db.destroy();
    }
  });

  it('an MRN search reads ranges of the number index, never the FTS index: its count, its few matches and its many', async () => {
    const { db, trace } = tracingKysely(t);
    try {
      const few = await listPatients(db, query({ query: 'rB00030', limit: 20 }), SMALL);
      expect(few.rows.map((r) => r.mrn)).toEqual(expect.arrayContaining(['rb000302', 'Rb000303']));
      expect(trace).toHaveLength(3);
      const [count, order] = trace as [Traced, Traced];
      // Typed short it is also an MRN in full with its zeros (rB00030 → rb000030): a range, or that one token.
      expect(count.plan).toMatch(/^CO-ROUTINE \(subquery-\d+\) \| CO-ROUTINE \(subquery-\d+\) \| MULTI-INDEX OR \| INDEX 1 \| SEARCH t0 USING PRIMARY KEY \(token>\? AND token<\?\) \| INDEX 2 \| SEARCH t0 USING PRIMARY KEY \(token=\?\)/);
      expect(order.plan).toMatch(/^MULTI-INDEX OR \| INDEX 1 \| SEARCH t0 USING PRIMARY KEY \(token>\? AND token<\?\) \| INDEX 2 \| SEARCH t0 USING PRIMARY KEY \(token=\?\) \| USE TEMP B-TREE FOR ORDER BY$/);
      // More than `narrow`: the number index's rows are sorted by name; more than `wide`: each row's MRN is checked in the name walk.
      trace.length = 0;
      await listPatients(db, query({ query: 'rb0', limit: 20 }), { cap: 40, narrow: 40, wide: 100_000 });
      expect(trace[1]!.plan).toMatch(/^SEARCH t0 USING PRIMARY KEY \(token>\? AND token<\?\) \| USE TEMP B-TREE FOR ORDER BY$/);
      await listPatients(db, query({ query: 'rb0', limit: 20 }), SMALL);
      expect(trace.at(-2)!.plan).toBe('SCAN patients USING COVERING INDEX patients_active_name');
      expect(trace.map((s) => s.sql).join(' ')).not.toMatch(/patients_fts/);
    } finally {
      await db.destroy();
    }
  });

  it('the list without a search reads its page in index order and its total from index counts', async () => {
    const { db, trace } = tracingKysely(t);
    try {
      await listPatients(db, query({ sort: 'name', offset: 100, limit: 50 }), SMALL);
      await listPatients(db, query({ sort: 'dateOfBirth', direction: 'desc', limit: 50 }), SMALL);
      const plans = trace.map((s) => s.plan);
      expect(plans[0]).toMatch(/^SCAN patients USING INDEX patients_active_name$/);
      expect(plans[1]).toMatch(/^SEARCH patients USING COVERING INDEX patients_archived/);
      expect(plans[2]).toMatch(/^SCAN patients USING COVERING INDEX /); // count(*) of the table
      expect(plans[3]).toMatch(/^SCAN patients USING INDEX patients_dob$/);
      expect(plans.join(' ')).not.toMatch(/TEMP B-TREE/);
    } finally {
      await db.destroy();
    }
  });

  it('stops at the count when nothing matches, and at the leading last names when they are every match', async () => {
    const { db, trace } = tracingKysely(t);
    try {
      // "rb" on its way to an MRN matches no name: its count read the index's whole "rb" range, and the page read it again.
      expect(await listPatients(db, query({ query: 'rb' }), SMALL)).toEqual({ total: 0, capped: false, rows: [] });
      expect(await listPatients(db, query({ query: 'zzqx 3125' }))).toEqual({ total: 0, capped: false, rows: [] });
      expect(trace).toHaveLength(2);
      trace.length = 0;
      const smi = await listPatients(db, query({ query: 'smi' }));
      expect(smi.rows.map((r) => r.legalLastName.slice(0, 3).toLowerCase())).toEqual(Array(smi.total).fill('smi'));
      expect(smi.total).toBeGreaterThan(0);
      // The count, the last names starting "smi" (all of the matches; a name not surely folding to it checked
      // on its own row of the index), and nothing after them.
      const checks = trace.filter((s) => s.sql.includes('and rowid = cast('));
      expect(trace.filter((s) => !checks.includes(s)).map((s) => s.sql.includes('patients_fts'))).toEqual([true, false]);
      expect(checks.length).toBeLessThanOrEqual(smi.total);
    } finally {
      await db.destroy();
    }
  });

  it('many matches in another order walk that order’s index; few are sorted; a date of birth leads', async () => {
    const { db, trace } = tracingKysely(t);
    try {
      await listPatients(db, query({ query: 'a', sort: 'dateOfBirth' }), SMALL);
      expect(trace.at(-1)!.plan).toMatch(/^SCAN patients USING INDEX patients_dob \| LIST SUBQUERY \d+ \| SCAN patients_fts VIRTUAL TABLE/);
      // A few matches (4) sorted from their rows (as when the name-token index does not hold them all).
      await listPatients(db, query({ query: 'gar', sort: 'name' }), { cap: 1000, narrow: 1000, wide: 5000, nameTokens: false });
      expect(trace.at(-1)!.plan).toMatch(/SEARCH patients USING INTEGER PRIMARY KEY .*USE TEMP B-TREE FOR ORDER BY/);
      await listPatients(db, query({ query: 'an 3/7/1985' }), SMALL);
      expect(trace.at(-1)!.plan).toMatch(/^SEARCH patients USING INDEX patients_dob \(date_of_birth=\?\)/);
    } finally {
      await db.destroy();
    }
  });

  it('twice the patients: the same statements, returning the same number of rows', async () => {
    const calls = [
      query({ query: 'm' }),
      query({ query: '3' }),
      query({ query: '3 1' }),
      query({ query: 'rb0', sort: 'dateOfBirth' }),
      query({ query: 'rb00' }),
      query({ query: 'm', offset: 10, limit: 10 }),
      query({ query: '', sort: 'name', offset: 200 }),
      query({ query: 'm', sort: 'dateOfBirth' }),
      query({ query: 'm', sort: 'mrn', direction: 'desc' }),
    ];
    const traceOf = async () => {
      const { db, trace } = tracingKysely(t);
      try {
        // Searches with more matches than the cap at either size: the same strategy runs at both.
        for (const q of calls) expect((await listPatients(db, q, SMALL)).capped || q.query === '').toBe(true);
        return trace.map((s) => ({ sql: s.sql, rows: s.rows, plan: s.plan }));
      } finally {
        await db.destroy();
      }
    };
    const before = await traceOf();
    await addPatients(t, 310, 12, 1000);
    all = await t.services.db.selectFrom('patients').select(['id', 'legalFirstName', 'legalLastName', 'lastNameKey', 'firstNameKey', 'dateOfBirth', 'mrn', 'createdAt', 'archivedAt']).execute();
    expect(all.length).toBeGreaterThan(600);
    const after = await traceOf();
    expect(after).toEqual(before);
  });
});

describe('the patient list with the statistics a clinic gathers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await addPatients(t, 300, 13, 1);
    // What `pragma optimize` leaves (the demo clinic runs it): SQLite then weighs indexes by their statistics.
    await sql`analyze`.execute(t.services.db);
  });
  afterAll(() => t.dispose());

  it('a phone or MRN typed from its first digit reads its page’s order from an index, not the table, in both of its ways', async () => {
    const { db, trace } = tracingKysely(t);
    const WALKED = /SCAN patients USING COVERING INDEX patients_active_name/;
    const SORTED = /SEARCH t0 USING PRIMARY KEY \(token>\? AND token<\?\) \| USE TEMP B-TREE FOR ORDER BY/;
    const ways = new Set<string>();
    try {
      for (const tuning of [SMALL, { cap: 40, narrow: 40, wide: 100_000 }]) {
        for (const text of ['3', '31', 'rb0']) {
          trace.length = 0;
          const page = await listPatients(db, query({ query: text, limit: 20 }), tuning);
          expect(page.rows).toHaveLength(20);
          const plans = trace.map((s) => s.plan);
          expect(plans, `${text} ${JSON.stringify(tuning)}`).toHaveLength(3);
          // Very many: the covering name index, walked; else the number index, sorted.
          expect(plans[1]).toMatch(new RegExp(`^(${WALKED.source})|(${SORTED.source})$`));
          ways.add(WALKED.test(plans[1]!) ? 'walked' : 'sorted');
          expect(plans[2]).toBe('SEARCH patients USING INTEGER PRIMARY KEY (rowid=?)');
          expect(plans.join(' ')).not.toMatch(/USING INDEX patients_name/);
        }
      }
      expect([...ways].sort()).toEqual(['sorted', 'walked']);
    } finally {
      await db.destroy();
    }
  });
});

function codePointCompare(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}
