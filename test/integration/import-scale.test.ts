import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportItem } from '../../shared/api/running';
import { stravaExport } from '../../electron/bench/strava-export';
import { createTestApp, PATIENT, type TestApp } from './harness';
import { traceHandler } from './statement-trace';

/** A Strava bulk export of runs, one a day from 2 January 2023: activities `from` … `from + count - 1`. */
const exportOf = (from: number, count: number) => Buffer.from(stravaExport({ firstDay: '2023-01-02', from, count })).toString('base64');

/**
 * A big Strava export imports with progress, all in one transaction, and its cost per activity does
 * not grow with the runs already logged: the same statements through the same indexes whether the
 * patient has none or hundreds. (How long 1,000 activities take is `runback bench`'s.)
 */
describe('a large Strava export', () => {
  let t: TestApp;
  let patientId: number;
  beforeAll(async () => {
    t = await createTestApp();
    patientId = (await t.ok('patients.create', PATIENT, t.sessions.admin)).id;
  });
  afterAll(() => t.dispose());

  /** Stages and previews an export, 50 activities a page, as the import dialog does. */
  async function staged(base64: string) {
    const { stageId, total } = await t.ok('runImport.stage', { patientId, files: [{ name: 'export_12345.zip', base64 }] }, t.sessions.therapist);
    const progress: number[] = [];
    const items: ImportItem[] = [];
    for (let done = 0; done < total; ) {
      const page = await t.ok('runImport.preview', { stageId, count: 50 }, t.sessions.therapist);
      done = page.done;
      progress.push(done);
      items.push(...page.items);
    }
    return { stageId, total, progress, items, choices: items.map((i) => ({ itemId: i.itemId, action: 'import' as const })) };
  }

  it('imports with progress, all in one transaction', async () => {
    const first = await staged(exportOf(0, 120));
    expect(first.total).toBe(120);
    expect(first.progress).toEqual([50, 100, 120]);
    expect(first.items.filter((i) => i.status === 'ready')).toHaveLength(120);
    expect(first.items[0]!.found!.intervalSummary).toBe('12 × (1:00 run / 1:30 walk)');
    const result = await t.ok('runImport.commit', { stageId: first.stageId, choices: first.choices }, t.sessions.therapist);
    expect(result.imported).toBe(120);
    expect((await t.ok('runs.list', { patientId }, t.sessions.therapist)).runs).toHaveLength(120);
  });

  it('saving each activity costs the same statements through the same indexes, however many runs are logged', async () => {
    const commitTrace = async (from: number) => {
      const batch = await staged(exportOf(from, 20));
      return traceHandler(t, 'runImport.commit', { stageId: batch.stageId, choices: batch.choices }, 'therapist');
    };
    const logged = async () => (await t.ok('runs.list', { patientId }, t.sessions.therapist)).runs.length;
    const withRuns = async (n: number) => {
      expect(await logged()).toBe(n);
      return commitTrace(n + 1000); // activities after every run already logged
    };
    const at120 = await withRuns(120);
    // Twice the runs logged: import the next 120 for real, then the same kind of batch again.
    const more = await staged(exportOf(120, 120));
    await t.ok('runImport.commit', { stageId: more.stageId, choices: more.choices }, t.sessions.therapist);
    const at240 = await withRuns(240);
    const shape = (trace: typeof at120) => trace.map((s) => ({ statement: s.sql.replace(/\?(, \?)*/g, '?'), plan: s.plan, rows: s.rows }));
    expect(shape(at240)).toEqual(shape(at120));
    // The clinic's settings once, then for each activity: the same-file check, the same-start check,
    // the plan's rung that day, the insert.
    expect(at120).toHaveLength(1 + 4 * 20);
    // No statement reads the patient's whole log: the duplicate checks go through an index range.
    for (const s of at120) expect(s.plan, s.sql).not.toMatch(/SCAN runs\b/);
    expect(at120.map((s) => s.plan).join('\n')).toMatch(/SEARCH runs USING INDEX runs_patient_start \(patient_id=\? AND started_at>\? AND started_at<\?\)/);
  });
});
