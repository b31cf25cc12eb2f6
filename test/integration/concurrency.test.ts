import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, PATIENT, type TestApp } from './harness';

describe('concurrent calls', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it('racing registrations each get their own MRN; none is lost', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.ok('patients.create', { ...PATIENT, legalFirstName: `Racer${i}` }, i % 2 ? t.sessions.front_desk : t.sessions.therapist),
      ),
    );
    expect(new Set(results.map((r) => r.mrn)).size).toBe(25);
    expect((await t.ok('patients.list', { limit: 100 }, t.sessions.admin)).total).toBe(25);
    const audit = await t.services.db.selectFrom('auditLog').select('entityId').where('action', '=', 'patients.create').execute();
    expect(audit).toHaveLength(25);
  });

  it('two racing edits of the same version: exactly one wins', async () => {
    const p = await t.ok('patients.create', PATIENT, t.sessions.front_desk);
    t.clock.advanceMinutes(1);
    const [a, b] = await Promise.all([
      t.call('patients.update', { id: p.id, expectedUpdatedAt: p.updatedAt, patient: { ...PATIENT, notes: 'from desk' } }, t.sessions.front_desk),
      t.call('patients.update', { id: p.id, expectedUpdatedAt: p.updatedAt, patient: { ...PATIENT, notes: 'from therapist' } }, t.sessions.therapist),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    expect(loser.ok ? null : loser.error.code).toBe('CONFLICT');
  });
});
