import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, databaseFingerprint, expectError, PATIENT, type TestApp } from './harness';
import { SHARED_ACTIVITY_FIXTURES } from '../fixture-dirs';

const FIXTURES = SHARED_ACTIVITY_FIXTURES;
const file = (name: string) => ({ name, base64: readFileSync(resolve(FIXTURES, name)).toString('base64') });

describe('the running log', () => {
  let t: TestApp;
  let patientId: number;
  beforeEach(async () => {
    t = await createTestApp();
    patientId = (await t.ok('patients.create', PATIENT, t.sessions.admin)).id;
  });
  afterEach(() => t.dispose());
  const thera = () => t.sessions.therapist;

  it('adds, edits, deletes with undo; the front desk cannot see it', async () => {
    const run = await t.ok('runs.save', { patientId, run: { date: '2026-11-24', distanceM: 4200, durationS: 1800, runSeconds: 900, walkSeconds: 900, surface: 'grass', painDuring: 3, painNextMorning: 2, rpe: 5 } }, thera());
    expect(run).toMatchObject({ source: 'manual', kind: 'run', surface: 'grass', painDuring: 3, intervals: null });
    const edited = await t.ok('runs.save', { id: run.id, patientId, run: { date: '2026-11-24', distanceM: 4300, durationS: 1800, painDuring: 4, redFlags: ['limp'] } }, thera());
    expect(edited).toMatchObject({ distanceM: 4300, painDuring: 4, redFlags: ['limp'] });
    await t.ok('runs.delete', { id: run.id }, thera());
    expect((await t.ok('runs.list', { patientId }, thera())).runs).toHaveLength(0);
    await t.ok('runs.restore', { id: run.id }, thera());
    expect((await t.ok('runs.list', { patientId }, thera())).runs.map((r) => r.id)).toEqual([run.id]);
    expectError(await t.call('runs.list', { patientId }, t.sessions.front_desk), 'FORBIDDEN');
    const bad = await t.call('runs.save', { patientId, run: { date: '2026-11-24', distanceM: 1000, durationS: 600, runSeconds: 500, walkSeconds: 500, painDuring: 11 } }, thera());
    expectError(bad, 'VALIDATION');
    if (!bad.ok) expect(bad.error.fields).toMatchObject({ 'run.painDuring': 'Pain during is a number from 0 to 10' });
  });

  it('the therapist corrects intervals; the summary follows', async () => {
    const run = await t.ok('runs.save', { patientId, run: { date: '2026-11-24', distanceM: 3000, durationS: 1200 } }, thera());
    const intervals = Array.from({ length: 8 }, (_, i) => [
      { kind: 'run' as const, startSecond: i * 150, endSecond: i * 150 + 60 },
      { kind: 'walk' as const, startSecond: i * 150 + 60, endSecond: i * 150 + 150 },
    ]).flat();
    const fixed = await t.ok('runs.setIntervals', { id: run.id, intervals }, thera());
    expect(fixed).toMatchObject({ intervalsCorrected: true, runSeconds: 480, walkSeconds: 720, intervalSummary: '8 × (1:00 run / 1:30 walk)' });
    expectError(await t.call('runs.setIntervals', { id: run.id, intervals: [{ kind: 'run', startSecond: 0, endSecond: 5000 }] }, thera()), 'VALIDATION');
  });

  const importFiles = async (names: string[]) => {
    const { stageId, total } = await t.ok('runImport.stage', { patientId, files: names.map(file) }, thera());
    const items = [];
    let done = 0;
    while (done < total) {
      const page = await t.ok('runImport.preview', { stageId, count: 2 }, thera());
      expect(page.done).toBeGreaterThan(done);
      done = page.done;
      items.push(...page.items);
    }
    return { stageId, items };
  };

  it('previews every real fixture with what it found or why it is refused, writing nothing', async () => {
    const before = await databaseFingerprint(t);
    const names = ['fenix2-run-9km.fit', 'fenix5-run-short.fit', 'fenix5-walk-short.fit', 'bad-truncated-run.fit', 'cycling-not-a-run.fit', 'tcx-running.tcx', 'gpx10-cerknicko-jezero.gpx', 'gpx10-no-times.gpx', 'gpx-empty-segment.gpx', 'gpx11-all-fields.gpx', 'gpx-unicode-bom.gpx', 'gpx-garmin-extension.gpx'];
    const { items } = await importFiles(names);
    const by = Object.fromEntries(items.map((i) => [i.fileName, i]));
    expect(by['fenix2-run-9km.fit']).toMatchObject({ status: 'ready', found: { sport: 'running', date: '2015-08-15' } });
    expect(by['fenix2-run-9km.fit']!.found!.distanceM).toBeCloseTo(9008, -1);
    expect(by['fenix2-run-9km.fit']!.found!.durationS).toBeCloseTo(2832, -1);
    // A 45-second walk is not a session anyone meant to log without saying so.
    expect(by['fenix5-walk-short.fit']).toMatchObject({ status: 'needs-confirmation', code: 'CONFIRM', found: { sport: 'walking' } });
    expect(by['fenix5-walk-short.fit']!.message).toBe('This lasted only 0:45 and covered 0.07 km — was the watch started by accident? Import it only if it was a real session.');
    expect(by['fenix2-run-9km.fit']!.found!.detection).toBe("Run and walk told apart by this session's own two step rates (127 and 166 steps a minute).");
    expect(by['gpx10-cerknicko-jezero.gpx']).toMatchObject({ status: 'not-a-run', code: 'NOT_ON_FOOT' });
    expect(by['tcx-running.tcx']!.found!.distanceM).toBeCloseTo(4689, -1);
    expect(by['bad-truncated-run.fit']).toMatchObject({ status: 'refused', code: 'CORRUPT' });
    expect(by['cycling-not-a-run.fit']).toMatchObject({ status: 'not-a-run', code: 'NOT_A_RUN' });
    expect(by['cycling-not-a-run.fit']!.message).toContain('ride (cycling), not a run');
    expect(by['gpx10-no-times.gpx']).toMatchObject({ status: 'needs-duration', code: 'NO_TIMESTAMPS' });
    // Every sentence in the clinic's unit (this test clinic's: km) and date format: the parser's "4.6 km"
    // is reworded the clinic's way, the same as every other distance; no ISO dates.
    expect(by['gpx10-no-times.gpx']!.message).toMatch(/distance \d+\.\d\d km is known/);
    expect(by['fenix2-run-9km.fit']!.message).toMatch(/^A run on Aug 15, 2015: 9\.01 km in /);
    expect(by['gpx11-all-fields.gpx']).toMatchObject({ status: 'refused', code: 'EMPTY_TRACK' });
    expect(by['gpx-empty-segment.gpx']).toMatchObject({ status: 'needs-confirmation' });
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('imports what was chosen in one transaction, skips duplicates, logs a ride as cross-training, asks a timeless track for its date and duration', async () => {
    const { stageId, items } = await importFiles(['fenix2-run-9km.fit', 'cycling-not-a-run.fit', 'gpx10-no-times.gpx', 'tcx-running.tcx']);
    const id = (name: string) => items.find((i) => i.fileName === name)!.itemId;
    // A refused choice (importing the ride as a run) fails the whole commit and writes nothing.
    const before = await databaseFingerprint(t);
    const wrong = await t.call('runImport.commit', { stageId, choices: [{ itemId: id('fenix2-run-9km.fit'), action: 'import' }, { itemId: id('cycling-not-a-run.fit'), action: 'import' }] }, thera());
    expectError(wrong, 'VALIDATION');
    if (!wrong.ok) expect(wrong.error.message).toContain('cycling-not-a-run.fit: it is not a run');
    expectError(await t.call('runImport.commit', { stageId, choices: [{ itemId: id('gpx10-no-times.gpx'), action: 'import' }] }, thera()), 'VALIDATION');
    expect(await databaseFingerprint(t)).toBe(before);

    const done = await t.ok(
      'runImport.commit',
      {
        stageId,
        choices: [
          { itemId: id('fenix2-run-9km.fit'), action: 'import' },
          { itemId: id('cycling-not-a-run.fit'), action: 'cross-training' },
          { itemId: id('gpx10-no-times.gpx'), action: 'import', date: '2026-11-20', durationS: 2400 },
          { itemId: id('tcx-running.tcx'), action: 'skip' },
        ],
      },
      thera(),
    );
    expect(done).toMatchObject({ imported: 3, skipped: 1 });
    const runs = (await t.ok('runs.list', { patientId }, thera())).runs;
    expect(runs.map((r) => [r.kind, r.source, r.date])).toEqual([
      ['run', 'gpx', '2026-11-20'],
      ['run', 'fit', '2015-08-15'],
      ['cross_training', 'fit', '2011-06-26'],
    ]);
    const fenix = runs.find((r) => r.sourceName === 'fenix2-run-9km.fit')!;
    expect(fenix.intervals!.length).toBeGreaterThan(1);
    expect(fenix.intervalSummary).toBeTruthy();
    expectError(await t.call('runImport.preview', { stageId }, thera()), 'NOT_FOUND'); // finished

    // The same file again is a duplicate, by content.
    const again = await importFiles(['fenix2-run-9km.fit']);
    expect(again.items[0]).toMatchObject({ status: 'duplicate', code: 'DUPLICATE', message: 'Already in the log (Aug 15, 2015, 9.01 km): skipped.' });
    const committed = await t.ok('runImport.commit', { stageId: again.stageId, choices: [{ itemId: again.items[0]!.itemId, action: 'import' }] }, thera());
    expect(committed).toMatchObject({ imported: 0, skipped: 1 });
    expect((await auditRows(t)).filter((a) => a.action === 'runImport.commit').map((a) => a.detail)).toEqual(['imported 3 activities from files (1 skipped)', 'imported 0 activities from files (1 skipped)']);
  });

  it('a cancelled import is forgotten and wrote nothing; another user cannot use it', async () => {
    const before = await databaseFingerprint(t);
    const { stageId } = await t.ok('runImport.stage', { patientId, files: [file('fenix5-run-short.fit')] }, thera());
    expectError(await t.call('runImport.preview', { stageId }, t.sessions.admin), 'NOT_FOUND');
    expect(await t.ok('runImport.discard', { stageId }, thera())).toEqual({ discarded: true });
    expectError(await t.call('runImport.preview', { stageId }, thera()), 'NOT_FOUND');
    expect(await databaseFingerprint(t)).toBe(before);
  });
});
