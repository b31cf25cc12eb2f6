import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeferredBookkeeping } from '../../electron/api/bookkeeping';
import { DEFAULT_LOCK_WAIT } from '../../electron/db/transaction';
import { auditRows, createTestApp, type TestApp } from './harness';
import { tracingKysely } from './statement-trace';

/**
 * What reads owe (access-log rows, session activity) is written after them; reads that finish
 * together share one write transaction. Counted in the statements the writing connection runs.
 */
describe('the bookkeeping of reads that finish together', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  const user = () => ({ id: t.userIds.therapist, username: 'therapist', displayName: 'Therapist', role: 'therapist' as const });
  const noted = (detail: string) => {
    const books = new DeferredBookkeeping(t.clock.now);
    void books.audit(user(), { action: 'patients.get', entity: 'patient', entityId: 7, detail });
    return books;
  };

  it('four calls opening a chart: four access-log rows, in their order, in one transaction', async () => {
    const { db, trace, close } = tracingKysely(t, { readonly: false });
    try {
      const before = (await auditRows(t)).length;
      await Promise.all(['record', 'visits', 'notes', 'episodes'].map((d) => noted(d).flush(db, DEFAULT_LOCK_WAIT)));
      const statements = trace.map((s) => s.sql);
      expect(statements.filter((s) => /^begin immediate$/i.test(s))).toHaveLength(1);
      expect(statements.filter((s) => /^commit$/i.test(s))).toHaveLength(1);
      expect(statements.filter((s) => /^insert into "audit_log"/.test(s))).toHaveLength(4);
      const rows = (await auditRows(t)).slice(before);
      expect(rows.map((r) => r.detail)).toEqual(['record', 'visits', 'notes', 'episodes']);
    } finally {
      await close();
    }
  });

  it('one call’s rows failing never costs the others theirs', async () => {
    const { db, close } = tracingKysely(t, { readonly: false });
    try {
      await sql`pragma foreign_keys = on`.execute(db); // as the app's connection has it
      const before = (await auditRows(t)).length;
      const broken = new DeferredBookkeeping(t.clock.now);
      // An audit row naming a user that does not exist breaks the foreign key.
      void broken.audit({ ...user(), id: 999_999 }, { action: 'patients.get', detail: 'broken' });
      const results = await Promise.allSettled([noted('first').flush(db, DEFAULT_LOCK_WAIT), broken.flush(db, DEFAULT_LOCK_WAIT), noted('last').flush(db, DEFAULT_LOCK_WAIT)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await auditRows(t)).slice(before).map((r) => r.detail)).toEqual(['first', 'last']);
    } finally {
      await close();
    }
  });
});
