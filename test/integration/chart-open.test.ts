import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import { ReaderPool } from '../../electron/db/reader-pool';
import { EPISODE_INPUT, EVAL_CONTENT } from './charting-helpers';
import { createTestApp, PATIENT, type TestApp } from './harness';
import { tracingKysely, type Traced } from './statement-trace';

const DAILY = { subjective: { painNow: 3 }, assessment: { text: 'Tolerating load.' }, plan: { frequency: '2× a week' }, objective: { rows: [{ id: 'x1', kind: 'joint' as const, region: 'hip' as const, technique: 'distraction' as const, grade: 'IV' as const, minutes: 8 }] } };

/**
 * Opening a chart (issue #9: "record, visits, notes, episodes ≤ 5 ms"), counted instead of timed: the
 * four calls the Notes tab makes at once, through the whole dispatcher, on tracing connections. A
 * patient with twice the history (twice the episodes of care, twice the notes) costs the same
 * statements; only the rows that the screen shows grow.
 */
describe('opening a chart', () => {
  let t: TestApp;
  let k = 0;
  const patients: { once: number; twice: number } = { once: 0, twice: 0 };

  async function signed(patientId: number, type: 'initial_evaluation' | 'daily', date: string) {
    const s = t.sessions.therapist;
    const note = await t.ok('notes.start', { patientId, type, dateOfService: date, copyForward: false }, s);
    if (type === 'initial_evaluation') await t.ok('episodes.save', { id: note.episodeId, patientId, episode: EPISODE_INPUT }, s);
    const saved = await t.ok('notes.saveDraft', { id: note.id, revision: note.revision, content: type === 'initial_evaluation' ? EVAL_CONTENT : DAILY }, s);
    await t.ok('notes.sign', { id: note.id, revision: saved.revision }, s);
    return note.episodeId;
  }

  /** A patient with `episodes` episodes of care (an evaluation and two visits each), all but the last discharged. */
  async function patientWith(episodes: number) {
    const id = (await t.ok('patients.create', { ...PATIENT, legalFirstName: `Trọng Tấn ${k++}`, legalLastName: 'Đặng' }, t.sessions.front_desk)).id;
    for (let e = 0; e < episodes; e++) {
      const month = String(2 + e * 2).padStart(2, '0');
      const episodeId = await signed(id, 'initial_evaluation', `2026-${month}-02`);
      await signed(id, 'daily', `2026-${month}-09`);
      await signed(id, 'daily', `2026-${month}-16`);
      if (e < episodes - 1) await t.ok('episodes.discharge', { id: episodeId, discharge: { date: `2026-${month}-20`, reason: 'goals_met', summary: 'Running 5 km pain-free.' } }, t.sessions.therapist);
    }
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    patients.once = await patientWith(2);
    patients.twice = await patientWith(4);
  });
  afterAll(() => t.dispose());

  /** The four calls at once, as the chart asks, with both connections (reader and writer) traced. */
  async function openChart(patientId: number) {
    const reader = tracingKysely(t);
    const writer = tracingKysely(t, { readonly: false });
    try {
      const dispatch = createDispatcher({ ...t.services, db: writer.db, readers: new ReaderPool([reader.db]) });
      const calls = [
        ['patients.get', { id: patientId }],
        ['appointments.patientSummary', { patientId }],
        ['notes.list', { patientId }],
        ['episodes.list', { patientId }],
      ] as const;
      const results = await Promise.all(calls.map(([channel, input]) => dispatch({ channel, input, sessionToken: t.sessions.therapist, transport: 'direct' })));
      expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
      const values = results.map((r) => (r as { value: unknown }).value) as [unknown, unknown, { notes: unknown[] }, { episodes: { visits: number; goals: unknown[] }[] }];
      return { reads: [...reader.trace], writes: [...writer.trace], notes: values[2].notes.length, episodes: values[3].episodes };
    } finally {
      await reader.close();
      await writer.close();
    }
  }
  const queries = (trace: Traced[]) => trace.filter((s) => !/^\s*(begin|commit|rollback|pragma)\b/i.test(s.sql));

  it('runs the same statements with the same plans for twice the history', async () => {
    const once = await openChart(patients.once);
    const twice = await openChart(patients.twice);
    expect([once.notes, twice.notes]).toEqual([6, 12]);
    expect([once.episodes.length, twice.episodes.length]).toEqual([2, 4]);
    expect(twice.episodes.map((e) => e.visits)).toEqual([3, 3, 3, 3]);
    expect(twice.episodes.every((e) => e.goals.length === 2)).toBe(true);

    expect(queries(twice.reads).map((s) => s.sql).sort()).toEqual(queries(once.reads).map((s) => s.sql).sort());
    expect(queries(twice.reads).map((s) => s.plan).sort()).toEqual(queries(once.reads).map((s) => s.plan).sort());
    // Four sessions (each with the clinic's settings joined), the record, the visits (counts, upcoming,
    // the Medicare flag), the notes with their addenda counted, the episodes (summary for the notes, full
    // for the card) with their goals and visits, and the clinic's policy once per call that needs it: no
    // statement per note or episode, and no call reads the clinic row on its own.
    expect(queries(once.reads).length).toBe(queries(twice.reads).length);
    expect(queries(once.reads).length).toBe(16);
    expect(queries(once.reads).filter((s) => /^\s*select\b(?:(?!\bjoin\b).)*\bfrom "clinic"/is.test(s.sql))).toEqual([]);
    // Every statement is a search on an index or a key; none scans a table that grows with the clinic.
    for (const s of queries(twice.reads)) expect(s.plan, s.sql).not.toMatch(/\bSCAN (?!clinic\b|clinic_policy\b)\w+/);
    // What the chart owes is its three access-log rows (the record, the notes, the episodes), in one transaction.
    const inserts = (w: Traced[]) => w.filter((s) => /^\s*insert into "audit_log"/i.test(s.sql)).length;
    expect([inserts(once.writes), inserts(twice.writes)]).toEqual([3, 3]);
    expect(twice.writes.filter((s) => /^\s*begin immediate/i.test(s.sql))).toHaveLength(1);
  });

  it('reads only the rows the chart shows: the notes and episodes grow with the history, nothing else does', async () => {
    const once = await openChart(patients.once);
    const twice = await openChart(patients.twice);
    const rowsOf = (trace: Traced[], table: string) => queries(trace).filter((s) => new RegExp(`from "${table}"`).test(s.sql)).reduce((n, s) => n + s.rows, 0);
    expect([rowsOf(once.reads, 'notes'), rowsOf(twice.reads, 'notes')]).toEqual([6 + 6, 12 + 12]); // the list, and the episodes' visits
    expect([rowsOf(once.reads, 'episode_goals'), rowsOf(twice.reads, 'episode_goals')]).toEqual([4, 8]);
    expect(rowsOf(twice.reads, 'sessions')).toBe(4);
    expect(rowsOf(twice.reads, 'patients')).toBe(rowsOf(once.reads, 'patients'));
  });
});
