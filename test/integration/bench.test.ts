import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBench } from '../../electron/bench/report';
import { OPERATIONS } from '../../electron/bench/operations';
import { BenchRefusedError, runBench, type BenchResult } from '../../electron/bench/run-bench';
import { createTestApp, databaseFingerprint, PATIENT, type TestApp } from './harness';
import { evaluatedPatient } from './charting-helpers';

/**
 * `runback bench` on a small clinic, two runs of each operation: that it measures every operation
 * of issue #9 end to end (its figures are not checked: they belong to the machine, see
 * docs/performance.md) and never changes the folder it measures.
 */
describe('runback bench', () => {
  let t: TestApp;
  let result: BenchResult;
  let before: string;
  // The hook's timeout is for a loaded shared machine (it runs every line twice), not a limit on the bench.
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 12; i++) await t.ok('patients.create', { ...PATIENT, legalFirstName: `Runner${i}`, dateOfBirth: `19${70 + i}-05-0${1 + (i % 9)}` }, t.sessions.front_desk);
    // One chart with a signed note: the chart opens on its notes, and the note PDF is benched.
    await evaluatedPatient(t, 3);
    before = await databaseFingerprint(t);
    result = await runBench({ dataDir: t.dataDir, runs: 2, stravaActivities: 5 });
  }, 120_000);
  afterAll(() => t.dispose());

  it('reports every operation through the dispatcher, next to raw SQLite where there is SQL', () => {
    expect(result.operations.map((o) => o.name)).toEqual(OPERATIONS.map((o) => o.name));
    for (const o of result.operations) {
      expect(o.runs, o.name).toBe(2);
      expect(o.p50, o.name).toBeGreaterThan(0);
      expect(o.p95, o.name).toBeGreaterThanOrEqual(o.p50);
      // The Strava import and the handout print write rows: there is no read-only replay of them.
      if (!o.name.includes('Strava') && !o.name.includes('handout')) {
        expect(o.raw, o.name).not.toBeNull();
        expect(o.ratio, o.name).toBeGreaterThan(0);
      }
      if (o.goal) expect(typeof o.met, o.name).toBe('boolean');
    }
    expect(result.operations.map((o) => o.name)).toEqual(expect.arrayContaining(['an empty call (auth.me)', 'day sheet PDF (every therapist, today)', 'opening a chart (record, visits, notes, episodes)']));
    expect(result.data).toMatchObject({ patients: 12, chartPatientId: 3, fitFile: expect.stringMatching(/generated/), stravaActivities: 5 });
    expect(result.machine.cores).toBeGreaterThan(0);
  });

  it('says of each handout line how many exercises and pages it printed', () => {
    const handouts = result.operations.filter((o) => o.name.includes('handout'));
    expect(handouts.map((o) => o.detail)).toEqual([expect.stringMatching(/^4 exercises, [1-9] pages$/), expect.stringMatching(/^4 exercises, [1-9] pages$/)]);
    expect(formatBench(result)).toContain(`${handouts[1]!.name} (${handouts[1]!.detail})`);
  });

  it('prints a table with the machine it ran on', () => {
    const text = formatBench(result);
    expect(text).toMatch(/^Machine: .+ cores/m);
    for (const o of result.operations) expect(text).toContain(o.name);
  });

  it('works on a copy: the clinic measured is left exactly as it was', async () => {
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('refuses a folder without a clinic, saying how to make one', async () => {
    await expect(runBench({ dataDir: `${t.dataDir}/nothing-here`, runs: 1 })).rejects.toBeInstanceOf(BenchRefusedError);
  });
});
