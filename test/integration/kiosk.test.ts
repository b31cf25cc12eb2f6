import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../shared/api/contract';
import { channelSamples, sampleIds, type SampleIds } from './channel-samples';
import { auditRows, createTestApp, databaseFingerprint, expectError, PASSWORDS, PATIENT, sessionFor, type TestApp } from './harness';

// "Hand to patient": the kiosk session reaches one patient's one questionnaire and nothing else.
describe('patient kiosk (hand to patient)', () => {
  let t: TestApp;
  let ids: SampleIds;
  let patientId: number;
  let otherId: number;
  beforeAll(async () => {
    t = await createTestApp();
    patientId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', preferredName: null }, t.sessions.admin)).id;
    otherId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Other', legalLastName: 'Person' }, t.sessions.admin)).id;
    ids = await sampleIds(t, patientId);
  });
  afterAll(() => t.dispose());

  async function handOver(instrument: 'nprs' | 'odi' | 'psfs' = 'nprs') {
    const staff = await sessionFor(t, 'therapist');
    const { kioskToken } = await t.ok('kiosk.start', { patientId, instrument }, staff);
    return { staff, kiosk: kioskToken };
  }

  it('locks the staff session and answers no channel but its own (the whole contract), public ones included', async () => {
    const { staff, kiosk } = await handOver();
    expectError(await t.call('patients.get', { id: patientId }, staff), 'LOCKED');
    const samples = channelSamples(t, ids);
    const others = CHANNEL_NAMES.filter((c) => contract[c].access !== 'patient-kiosk');
    expect(others.length).toBeGreaterThan(80);
    for (const channel of others) {
      const before = await auditRows(t);
      const result = await t.dispatch({ channel, input: samples[channel], sessionToken: kiosk, transport: 'direct' });
      expect(result.ok ? channel : result.error.code, channel).toBe('FORBIDDEN');
      // Only the refusal's audit row is written.
      const after = await auditRows(t);
      expect(after.slice(before.length).map((r) => [r.action, r.detail, r.username])).toEqual([['access.forbidden', channel, 'kiosk:thera']]);
    }
    // Every kiosk channel is one a staff session cannot call (the dispatcher test proves it per role).
    expect(CHANNEL_NAMES.filter((c) => contract[c].access === 'patient-kiosk')).toEqual(['kiosk.form', 'kiosk.saveAnswers', 'kiosk.finish', 'kiosk.handBack']);
  });

  it('shows only its own patient and questionnaire: no other patient can be named', async () => {
    const { kiosk } = await handOver();
    const form = await t.ok('kiosk.form', {}, kiosk);
    expect(form).toMatchObject({ firstName: 'Trọng Tấn', instrument: 'nprs', wording: 'full', finished: false, answers: {} });
    expect(JSON.stringify(form)).not.toContain('Đặng');
    // The kiosk's channels take no patient: naming one is refused before anything runs.
    expectError(await t.call('kiosk.form', { patientId: otherId } as never, kiosk), 'VALIDATION');
    expectError(await t.call('kiosk.saveAnswers', { answers: { score: 3 }, patientId: otherId } as never, kiosk), 'VALIDATION');
    expectError(await t.call('patients.get', { id: otherId }, kiosk), 'FORBIDDEN');
    expectError(await t.call('outcomes.list', { patientId: otherId }, kiosk), 'FORBIDDEN');
    // The licensed ODI shows labels only.
    const odi = await handOver('odi');
    expect((await t.ok('kiosk.form', {}, odi.kiosk)).wording).toBe('labels');
  });

  it('saves answers as they go, refuses bad ones, and records the finished form scored by the engine', async () => {
    const { kiosk } = await handOver('psfs');
    let before = await databaseFingerprint(t);
    expectError(await t.call('kiosk.saveAnswers', { answers: { score1: 11 } }, kiosk), 'VALIDATION');
    expectError(await t.call('kiosk.saveAnswers', { answers: { item40: true } }, kiosk), 'VALIDATION');
    expect(await databaseFingerprint(t)).toBe(before);
    await t.ok('kiosk.saveAnswers', { answers: { activity1: 'Running 5 km', score1: 3 } }, kiosk);
    expect((await t.ok('kiosk.form', {}, kiosk)).answers).toEqual({ activity1: 'Running 5 km', score1: 3 });
    // An activity without its score is not finished; the answers are kept.
    const missing = await t.call('kiosk.finish', { answers: { activity1: 'Running 5 km', score1: 3, activity2: 'Sitting at work' } }, kiosk);
    expectError(missing, 'VALIDATION');
    if (!missing.ok) expect(missing.error.fields).toEqual({ 'answers.score2': 'Choose how well you can do this activity (0–10)' });
    await t.ok('kiosk.finish', { answers: { activity1: 'Running 5 km', score1: 3, activity2: 'Sitting at work', score2: 6 } }, kiosk);
    const outcomes = await t.ok('outcomes.list', { patientId }, t.sessions.therapist);
    expect(outcomes.records[0]).toMatchObject({ instrument: 'psfs', score: 4.5, recordedBy: 'Theo Therapist' });
    expect((await t.ok('kiosk.form', {}, kiosk)).finished).toBe(true);
    before = await databaseFingerprint(t);
    expectError(await t.call('kiosk.finish', { answers: { activity1: 'x', score1: 1 } }, kiosk), 'CONFLICT');
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('hands back only with a staff password: the locked session ends, a new one starts, the kiosk ends', async () => {
    const { staff, kiosk } = await handOver();
    const wrong = await t.call('kiosk.handBack', { username: 'thera', password: 'not-the-password' }, kiosk);
    expectError(wrong, 'UNAUTHENTICATED');
    expect((await t.ok('kiosk.form', {}, kiosk)).instrument).toBe('nprs');
    const grant = await t.ok('kiosk.handBack', { username: 'thera', password: PASSWORDS.therapist }, kiosk);
    expect(grant.user.displayName).toBe('Theo Therapist');
    expect((await t.ok('patients.get', { id: patientId }, grant.sessionToken)).id).toBe(patientId);
    expectError(await t.call('patients.get', { id: patientId }, staff), 'UNAUTHENTICATED');
    expectError(await t.call('kiosk.form', {}, kiosk), 'UNAUTHENTICATED');
    const rows = await auditRows(t);
    expect(rows.some((r) => r.action === 'kiosk.handBack.failed')).toBe(true);
  });

  it('keeps unfinished answers: handed back half-way, the questionnaire comes back with them', async () => {
    const first = await handOver('odi');
    await t.ok('kiosk.saveAnswers', { answers: { painIntensity: 2, walking: 'not-applicable' } }, first.kiosk);
    await t.ok('kiosk.handBack', { username: 'thera', password: PASSWORDS.therapist }, first.kiosk);
    const again = await handOver('odi');
    expect((await t.ok('kiosk.form', {}, again.kiosk)).answers).toEqual({ painIntensity: 2, walking: 'not-applicable' });
    // The front desk cannot hand a questionnaire over.
    expectError(await t.call('kiosk.start', { patientId, instrument: 'nprs' }, t.sessions.front_desk), 'FORBIDDEN');
  });
});
