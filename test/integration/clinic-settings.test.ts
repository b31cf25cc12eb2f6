import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetCallReads, openCallScope } from '../../electron/api/call-scope';
import { loadClinicFormat } from '../../electron/api/clinic-format';
import { clinicTimeAndUnits } from '../../electron/api/clinic-settings';
import { chartingContext } from '../../electron/api/handlers/charting-context';
import { loadClinicPolicy } from '../../electron/api/handlers/clinic-policy';
import { DATABASE_FILE } from '../../electron/app/data-dir';
import type { ClinicPolicy } from '../../shared/clinical/policy';
import { evaluatedPatient } from './charting-helpers';
import { demoPatients } from '../../electron/demo/demo-patients';
import { createTestApp, type TestApp } from './harness';
import { traceHandler, tracingKysely } from './statement-trace';

/**
 * The clinic's settings (its row and its policy) are read once per call and never kept between
 * calls: counted in the statements a call runs, and shown correct when another connection — as
 * another program on the same file would — changes them between two calls.
 */
describe('the clinic’s settings, once per call', () => {
  let t: TestApp;
  let patientId: number;
  beforeAll(async () => {
    t = await createTestApp();
    const [row] = [...demoPatients({ count: 1, seed: 5, today: '2026-11-26' })];
    patientId = (await t.services.db.insertInto('patients').values({ ...row!, mrn: 'RB000001' }).returning('id').executeTakeFirstOrThrow()).id;
    await evaluatedPatient(t, patientId);
  });
  afterAll(() => t.dispose());

  const reads = (sqls: string[], table: string) => sqls.filter((s) => new RegExp(`from "${table}"`).test(s)).length;

  it('a call reads the clinic row and the policy at most once, however many helpers ask', async () => {
    const { db, trace } = tracingKysely(t);
    try {
      openCallScope(db);
      await chartingContext(db, t.clock.now);
      await clinicTimeAndUnits(db);
      await loadClinicFormat(db);
      await loadClinicPolicy(db);
      await chartingContext(db, t.clock.now);
      expect(reads(trace.map((s) => s.sql), 'clinic')).toBe(1);
      expect(reads(trace.map((s) => s.sql), 'clinic_policy')).toBe(1);
      // A call that changed the settings reads them again; a connection outside a call reads each time.
      forgetCallReads(db);
      await loadClinicFormat(db);
      expect(reads(trace.map((s) => s.sql), 'clinic')).toBe(2);
      const outside = tracingKysely(t);
      try {
        await loadClinicFormat(outside.db);
        await clinicTimeAndUnits(outside.db);
        expect(reads(outside.trace.map((s) => s.sql), 'clinic')).toBe(2);
      } finally {
        await outside.close();
      }
    } finally {
      await db.destroy();
    }
  });

  it('opening a chart: each of its four calls reads the clinic row and the policy at most once', async () => {
    const calls = [
      traceHandler(t, 'patients.get', { id: patientId }, 'therapist'),
      traceHandler(t, 'appointments.patientSummary', { patientId }, 'therapist'),
      traceHandler(t, 'notes.list', { patientId }, 'therapist'),
      traceHandler(t, 'episodes.list', { patientId }, 'therapist'),
    ];
    for (const trace of await Promise.all(calls)) {
      const sqls = trace.map((s) => s.sql);
      expect(reads(sqls, 'clinic')).toBeLessThanOrEqual(1);
      expect(reads(sqls, 'clinic_policy')).toBeLessThanOrEqual(1);
    }
  });

  it('a change another connection commits between two calls is seen by the next call', async () => {
    const other = new Database(join(t.dataDir, DATABASE_FILE));
    try {
      const before = await t.ok('policy.get', {}, t.sessions.therapist);
      const me = await t.ok('auth.me', {}, t.sessions.therapist);
      expect(me.timeZone).toBe('America/Chicago');
      const weekly = (before.policy as ClinicPolicy).progression.sessionsPerWeek; // 3 by default
      // Another program on the same file: the policy, the clinic's zone and distance unit.
      other.prepare(`insert into clinic_policy (id, policy_json, ladder_json, updated_at) values (1, ?, null, ?) on conflict(id) do update set policy_json = excluded.policy_json, updated_at = excluded.updated_at`).run(
        JSON.stringify({ progression: { sessionsPerWeek: weekly + 1 } }),
        '2026-11-26T15:01:00.000Z',
      );
      other.prepare(`update clinic set time_zone = 'Europe/London', distance_unit = 'km', date_order = 'DMY', time_format = '24h'`).run();
      const after = await t.ok('policy.get', {}, t.sessions.therapist);
      expect((after.policy as ClinicPolicy).progression.sessionsPerWeek).toBe(weekly + 1);
      expect(after.changed).toEqual({ progression: { sessionsPerWeek: weekly + 1 } });
      expect((await t.ok('auth.me', {}, t.sessions.therapist)).timeZone).toBe('Europe/London');
      // The formatters a handler writes with follow the new settings in the very next call.
      const format = await t.services.readers.use(async (db) => {
        openCallScope(db);
        return loadClinicFormat(db);
      });
      expect(format.distance(5000)).toBe('5.00 km');
      expect(format.date('2026-03-07')).toBe('7 Mar 2026');
      expect(format.timeZone).toBe('Europe/London');
    } finally {
      other.close();
    }
  });
});
