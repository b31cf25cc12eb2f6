import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../shared/api/contract';
import { isAllowed } from '../../shared/api/channel';
import { ROLES } from '../../shared/domain/roles';
import { channelSamples, invalidSamples, sampleIds, type SampleIds } from './channel-samples';
import { createTestApp, databaseFingerprint, expectError, PATIENT, sessionFor, type TestApp } from './harness';

describe('dispatcher', () => {
  let t: TestApp;
  let ids: SampleIds;
  let patientId: number;
  beforeAll(async () => {
    t = await createTestApp();
    patientId = (await t.ok('patients.create', PATIENT, t.sessions.admin)).id;
    ids = await sampleIds(t, patientId);
  });
  afterAll(() => t.dispose());

  it('refuses unknown channels and writes nothing', async () => {
    const before = await databaseFingerprint(t);
    const result = await t.dispatch({ channel: 'patients.delete', input: { id: patientId }, sessionToken: t.sessions.admin, transport: 'direct' });
    expectError(result, 'UNKNOWN_CHANNEL');
    expectError(await t.dispatch({ channel: '__proto__', input: {}, transport: 'direct' }), 'UNKNOWN_CHANNEL');
    expectError(await t.dispatch({ channel: 'toString', input: {}, transport: 'direct' }), 'UNKNOWN_CHANNEL');
    expect(await databaseFingerprint(t)).toBe(before);
  });

  describe.each(CHANNEL_NAMES)('%s', (channel: ChannelName) => {
    it('refuses bad input with VALIDATION and writes nothing', async () => {
      const before = await databaseFingerprint(t);
      const result = await t.dispatch({ channel, input: invalidSamples()[channel], sessionToken: t.sessions.admin, transport: 'direct' });
      expectError(result, 'VALIDATION');
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
      expect(await databaseFingerprint(t)).toBe(before);
    });

    it('enforces its roles', async () => {
      const access = contract[channel].access;
      const anonymous = await t.dispatch({ channel, input: channelSamples(t, ids)[channel], sessionToken: null, transport: 'direct' });
      if (access === 'public') expect(anonymous.ok || !['FORBIDDEN', 'UNAUTHENTICATED'].includes(anonymous.error.code) || channel === 'auth.unlock').toBe(true);
      else expectError(anonymous, 'UNAUTHENTICATED');

      for (const role of ROLES) {
        // A fresh session per call: lock, sign-out and password resets must not leak into other checks.
        const session = await sessionFor(t, role);
        const before = await databaseFingerprint(t);
        const result = await t.dispatch({ channel, input: channelSamples(t, ids)[channel], sessionToken: session, transport: 'direct' });
        if (isAllowed(access, role)) {
          expect(result.ok || result.error.code !== 'FORBIDDEN', `${role} should be allowed ${channel}: ${JSON.stringify(result)}`).toBe(true);
          // Whatever the sample asks, an allowed call answers with a reason, never a crash (a read
          // that tried to write on its read-only connection, a response its schema does not match).
          expect(result.ok || result.error.code !== 'INTERNAL', `${role} ${channel}: ${JSON.stringify(result)} ${String(t.errors.at(-1))}`).toBe(true);
        } else {
          expectError(result, 'FORBIDDEN');
          // The refusal is audited, and nothing else changes.
          const after = await t.services.db.selectFrom('auditLog').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
          expect(after).toMatchObject({ action: 'access.forbidden', detail: channel, userId: t.userIds[role] });
          expect(before).not.toBe(await databaseFingerprint(t));
        }
      }
    });
  });

  it('turns an unexpected failure into INTERNAL without a stack, logs it, and rolls back', async () => {
    const before = await databaseFingerprint(t);
    const { createDispatcher } = await import('../../electron/api/dispatcher');
    const { handlers } = await import('../../electron/api/handlers');
    const broken = createDispatcher(t.services, {
      ...handlers,
      'patients.create': async (input, ctx) => {
        await handlers['patients.create'](input, ctx); // writes the patient and its MRN …
        throw new Error('disk on fire at /secret/path'); // … then fails
      },
    });
    const result = await broken({ channel: 'patients.create', input: { ...PATIENT, legalFirstName: 'Rollback' }, sessionToken: t.sessions.admin, transport: 'direct' });
    expectError(result, 'INTERNAL');
    if (!result.ok) {
      expect(result.error.message).not.toContain('secret');
      expect(result.error.message).toMatch(/nothing was saved \(reference [0-9a-f]{8}\)/);
    }
    expect(t.errors.at(-1)).toBeInstanceOf(Error);
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('refuses a response that does not match its schema', async () => {
    const { createDispatcher } = await import('../../electron/api/dispatcher');
    const { handlers } = await import('../../electron/api/handlers');
    const lying = createDispatcher(t.services, { ...handlers, 'clinic.get': async () => ({ name: 42 }) as never });
    expectError(await lying({ channel: 'clinic.get', input: {}, sessionToken: t.sessions.admin, transport: 'direct' }), 'INTERNAL');
  });

  it('sampled (production), checks each channel\'s first three responses and then one in ten; in full, every one', async () => {
    const { createDispatcher } = await import('../../electron/api/dispatcher');
    const { handlers } = await import('../../electron/api/handlers');
    const lying = { ...handlers, 'clinic.get': async () => ({ name: 42 }) as never };
    const refused = async (dispatch: ReturnType<typeof createDispatcher>, calls: number) => {
      const out: number[] = [];
      for (let i = 1; i <= calls; i++) if (!(await dispatch({ channel: 'clinic.get', input: {}, sessionToken: t.sessions.admin, transport: 'direct' })).ok) out.push(i);
      return out;
    };
    const sampled = createDispatcher({ ...t.services, responseChecks: 'sampled' }, lying);
    // Another channel's calls count apart: they move nothing here.
    for (let i = 0; i < 5; i++) expect((await sampled({ channel: 'auth.me', input: {}, sessionToken: t.sessions.admin, transport: 'direct' })).ok).toBe(true);
    expect(await refused(sampled, 31)).toEqual([1, 2, 3, 10, 20, 30]);
    expect(await refused(createDispatcher({ ...t.services, responseChecks: 'full' }, lying), 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
