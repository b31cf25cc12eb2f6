import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDecision } from '../../shared/clinical/planner';
import { screenEntryOf } from '../../shared/clinical/redFlags';
import type { HandlerContext } from '../../electron/api/context';
import { recordRedFlagScreen } from '../../electron/api/handlers/red-flag-screens';
import { auditRows, createTestApp, databaseFingerprint, expectError, PATIENT, startPlan, type TestApp } from './harness';

// The test clock stands at Thu 2026-11-26 (Chicago). Plans start on Mondays. One app for the file;
// each test has its own patient.
function expectRefusal(result: Awaited<ReturnType<TestApp['call']>>, message: RegExp) {
  expectError(result, 'VALIDATION');
  if (!result.ok) expect(result.error.message).toMatch(message);
}

describe('the red-flag screen', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());
  const thera = () => t.sessions.therapist;
  let n = 0;
  const newPatient = async () => (await t.ok('patients.create', { ...PATIENT, legalFirstName: `Trọng Tấn ${++n}`, legalLastName: 'Đặng' }, t.sessions.admin)).id;
  const startScreen = (patientId: number, entry = screenEntryOf(), replacesId: number | null = null) =>
    t.call('redFlags.record', { patientId, context: { kind: 'plan-start' }, entry, replacesId }, thera());

  it('a cauda-equina sign at plan start: an alert to acknowledge, the clinic’s phone for the patient, and no plan', async () => {
    const patientId = await newPatient();
    const recorded = await startScreen(patientId, screenEntryOf(['saddleNumbness', 'bladderDysfunction']));
    if (!recorded.ok) throw new Error(recorded.error.message);
    const { screen } = recorded.value;
    expect(screen).toMatchObject({ context: 'plan-start', askedOn: '2026-11-26', askedBy: 'Theo Therapist', needsAcknowledgement: true, acknowledgedBy: null });
    expect(screen.triage).toEqual({ action: 'urgent-medical', groups: [{ group: 'cauda-equina', action: 'urgent-medical', flags: ['bladderDysfunction', 'saddleNumbness'] }], physicianAssessed: [] });
    const refused = await t.call('plans.start', { patientId, startDate: '2026-11-30', startingStepId: 'rw-15-105', screenId: screen.id }, thera());
    expectError(refused, 'CONFLICT');
    if (!refused.ok) expect(refused.error.message).toContain('urgent medical assessment today');
    const acknowledged = await t.ok('redFlags.acknowledge', { screenId: screen.id }, thera());
    expect(acknowledged).toMatchObject({ needsAcknowledgement: false, acknowledgedBy: 'Theo Therapist' });
    expectError(await t.call('redFlags.acknowledge', { screenId: screen.id }, thera()), 'CONFLICT');
    // Acknowledging the alert does not make running safe.
    expectError(await t.call('plans.start', { patientId, startDate: '2026-11-30', startingStepId: 'rw-15-105', screenId: screen.id }, thera()), 'CONFLICT');
    const list = await t.ok('redFlags.list', { patientId }, thera());
    expect(list.clinic).toEqual({ name: 'Test Run Clinic', phone: '(312) 555-0100' });
    expect(list.screens.map((s) => s.id)).toEqual([screen.id]);
    const audit = (await auditRows(t)).filter((a) => a.action.startsWith('redFlags.') && a.entityId === String(patientId));
    expect(audit.map((a) => a.detail)).toEqual([
      `red-flag screen ${screen.id} (plan start, 2026-11-26): new bladder dysfunction and saddle numbness (cauda equina signs)`,
      `red-flag screen ${screen.id}: urgent alert acknowledged: patient told, urgent medical assessment today (new bladder dysfunction and saddle numbness (cauda equina signs))`,
      'red-flag screens opened',
    ]);
  });

  it('a systemic finding refers first; once the physician has assessed it, a corrected screen lets the plan start', async () => {
    const patientId = await newPatient();
    const first = await startScreen(patientId, screenEntryOf(['cancerHistory']));
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.screen.triage.action).toBe('stop-and-refer');
    expect(first.value.screen.needsAcknowledgement).toBe(false);
    expectError(await t.call('plans.start', { patientId, startDate: '2026-11-30', startingStepId: 'rw-15-105', screenId: first.value.screen.id }, thera()), 'CONFLICT');
    // "Already assessed" needs who and when, and applies only to a yes.
    const noNote = await startScreen(patientId, screenEntryOf(['cancerHistory'], ['cancerHistory']), first.value.screen.id);
    expectError(noNote, 'VALIDATION');
    if (!noNote.ok) expect(noNote.error.fields).toEqual({ 'entry.note': 'Say who assessed it and when (for example “Dr Nguyen, 2 March: cleared to run”)' });
    expectError(await startScreen(patientId, screenEntryOf([], ['fever'], 'Dr Lee'), first.value.screen.id), 'VALIDATION');
    const corrected = await startScreen(patientId, screenEntryOf(['cancerHistory'], ['cancerHistory'], 'Dr Nguyễn, 20 Nov: remission since 2019, cleared to run'), first.value.screen.id);
    if (!corrected.ok) throw new Error(corrected.error.message);
    expect(corrected.value.screen.triage).toMatchObject({ action: null, physicianAssessed: ['cancerHistory'] });
    const plan = await t.ok('plans.start', { patientId, startDate: '2026-11-30', startingStepId: 'rw-15-105', screenId: corrected.value.screen.id }, thera());
    const screens = (await t.ok('redFlags.list', { patientId }, thera())).screens;
    expect(screens.map((s) => [s.id, s.replacedById, s.planId])).toEqual([
      [corrected.value.screen.id, null, plan.id],
      [first.value.screen.id, corrected.value.screen.id, null],
    ]);
    // The replaced screen cannot be corrected again, nor used.
    expectError(await startScreen(patientId, screenEntryOf(), first.value.screen.id), 'CONFLICT');
  });

  it('running symptoms at plan start need the therapist’s review, and are not read again at the first weekly review', async () => {
    const patientId = await newPatient();
    const recorded = await startScreen(patientId, screenEntryOf(['restOrNightPain']));
    if (!recorded.ok) throw new Error(recorded.error.message);
    const { screen } = recorded.value;
    expect(screen).toMatchObject({ needsAcknowledgement: true, triage: { action: 'stop-until-review' } });
    const start = { patientId, startDate: '2026-11-16', startingStepId: 'rw-15-105', screenId: screen.id };
    expectError(await t.call('plans.start', start, thera()), 'CONFLICT');
    await t.ok('redFlags.acknowledge', { screenId: screen.id }, thera());
    const plan = await t.ok('plans.start', start, thera());
    await t.ok('redFlags.record', { patientId, context: { kind: 'check-in', weekId: plan.weeks[0]!.id }, entry: screenEntryOf() }, thera());
    const reviewed = await t.ok('plans.review', { weekId: plan.weeks[0]!.id }, thera());
    expect(reviewed.weeks[0]!.engineDecision).toBe('hold'); // no runs logged — not a stop
  });

  it('a cauda-equina sign at the weekly check-in stops the plan at once, before the week ends, with the urgent action', async () => {
    const patientId = await newPatient();
    const plan = await startPlan(t, { patientId, startDate: '2026-11-23', startingStepId: 'rw-30-90', baselinePain: 1 }, thera());
    const week = plan.weeks[0]!;
    // Midweek and nothing wrong: the week cannot be reviewed yet.
    const clear = await t.ok('redFlags.record', { patientId, context: { kind: 'check-in', weekId: week.id }, entry: screenEntryOf() }, thera());
    expectError(await t.call('plans.review', { weekId: week.id }, thera()), 'CONFLICT');
    // The patient then tells of a weakening leg: the corrected check-in stops the plan at once.
    const checkIn = await t.ok('redFlags.record', { patientId, context: { kind: 'check-in', weekId: week.id }, entry: screenEntryOf(['legWeakness']), replacesId: clear.screen.id }, thera());
    expect(checkIn.plan!.weeks[0]).toMatchObject({ screenId: checkIn.screen.id, redFlags: ['legWeakness'] });
    const reviewed = await t.ok('plans.review', { weekId: week.id }, thera());
    const d = reviewed.weeks[0]!.decision as PlanDecision;
    expect(d).toMatchObject({ decision: 'stop-and-review', redFlagAction: 'urgent-medical', prescription: null });
    expect(d.reasons[0]!.ruleId).toBe('redflag.cauda-equina');
    expect((await auditRows(t)).at(-1)!.detail).toContain('reviewed early (a stop): stop-and-review (redflag.cauda-equina');

    // Never downgraded: no override turns the week into running, and nothing is written.
    const before = await databaseFingerprint(t);
    for (const decision of ['progress', 'hold', 'regress'] as const)
      expectRefusal(await t.call('plans.override', { weekId: week.id, decision, reason: 'Patient feels fine' }, thera()), /never downgraded/);
    expect(await databaseFingerprint(t)).toEqual(before);
    await t.ok('plans.accept', { weekId: week.id }, thera());
    // Resuming after the accepted stop needs a later screen without the sign.
    const resume = { weekId: week.id, decision: 'regress', reason: 'Seen in the emergency department; cleared' } as const;
    expectRefusal(await t.call('plans.override', resume, thera()), /urgent medical assessment before resuming/);
    // The stopped week takes no more check-ins: the next screen is asked in a visit note.
    t.clock.advanceMinutes(1);
    const note = await t.ok('notes.start', { patientId, type: 'initial_evaluation' }, thera());
    const still = await t.ok('notes.redFlagScreen', { noteId: note.id, entry: screenEntryOf(['legWeakness']) }, thera());
    expectRefusal(await t.call('plans.override', resume, thera()), /still reports a cauda-equina sign/);
    await t.ok('notes.redFlagScreen', { noteId: note.id, entry: screenEntryOf(), replacesId: still.screen.id }, thera());
    const resumed = await t.ok('plans.override', resume, thera());
    expect(resumed.weeks).toHaveLength(2);
  });

  it('a new screen clears a decision reviewed but not yet accepted; a corrected check-in replaces the first', async () => {
    const patientId = await newPatient();
    const plan = await startPlan(t, { patientId, startDate: '2026-11-16', startingStepId: 'rw-15-105' }, thera());
    const week = plan.weeks[0]!;
    const first = await t.ok('redFlags.record', { patientId, context: { kind: 'check-in', weekId: week.id }, entry: screenEntryOf(['swelling']) }, thera());
    const reviewed = await t.ok('plans.review', { weekId: week.id }, thera());
    expect(reviewed.weeks[0]!.engineDecision).toBe('stop-and-review');
    // The swelling was ticked by mistake: the corrected check-in replaces it and clears the pending decision.
    const corrected = await t.ok('redFlags.record', { patientId, context: { kind: 'check-in', weekId: week.id }, entry: screenEntryOf(), replacesId: first.screen.id }, thera());
    expect(corrected.plan!.weeks[0]).toMatchObject({ engineDecision: null, decision: null, screenId: corrected.screen.id, redFlags: [] });
    expect((await t.ok('plans.review', { weekId: week.id }, thera())).weeks[0]!.engineDecision).toBe('hold');
  });

  it('refuses incomplete or misplaced screens with a clear message, writing nothing', async () => {
    const patientId = await newPatient();
    const other = await newPatient();
    const plan = await startPlan(t, { patientId, startDate: '2026-11-23', startingStepId: 'rw-15-105' }, thera());
    const before = await databaseFingerprint(t);
    const { saddleNumbness: _omitted, ...partial } = screenEntryOf().answers;
    const missing = await t.call('redFlags.record', { patientId, context: { kind: 'check-in', weekId: plan.weeks[0]!.id }, entry: { answers: partial } } as never, thera());
    expectError(missing, 'VALIDATION');
    if (!missing.ok) expect(missing.error.fields).toEqual({ 'entry.answers.saddleNumbness': expect.stringContaining('Answer yes or no: numbness or altered feeling between the legs') });
    const future = await t.call('redFlags.record', { patientId, context: { kind: 'check-in', weekId: plan.weeks[0]!.id }, entry: screenEntryOf(), askedOn: '2026-11-27' }, thera());
    expectError(future, 'VALIDATION');
    expectError(await t.call('redFlags.record', { patientId: other, context: { kind: 'check-in', weekId: plan.weeks[0]!.id }, entry: screenEntryOf() }, thera()), 'NOT_FOUND');
    expectError(await t.call('redFlags.record', { patientId, context: { kind: 'plan-start' }, entry: screenEntryOf() }, thera()), 'CONFLICT');
    expectError(await t.call('redFlags.record', { patientId, context: { kind: 'visit-note', noteId: 1 }, entry: screenEntryOf() } as never, thera()), 'VALIDATION');
    expectError(await t.call('redFlags.list', { patientId }, t.sessions.front_desk), 'FORBIDDEN');
    const after = await databaseFingerprint(t);
    // Only the front desk's refusal is recorded (as an audit row).
    expect(after.replace(/audit_log:.*\n/, '')).toBe(before.replace(/audit_log:.*\n/, ''));
  });

  it('keeps one storage path for the visit note: the note’s handler records its screen with the note id', async () => {
    const patientId = await newPatient();
    const audit: string[] = [];
    const therapist = (await t.ok('auth.me', {}, thera())).user;
    const ctx = { db: t.services.db, now: t.clock.now, user: therapist, audit: (a: { detail?: string }) => audit.push(a.detail ?? '') } as unknown as HandlerContext;
    const { screen } = await recordRedFlagScreen(ctx, { patientId, context: { kind: 'visit-note', noteId: 41 }, entry: screenEntryOf(['fever']) });
    expect(screen).toMatchObject({ context: 'visit-note', noteId: 41, weekId: null, triage: { action: 'stop-and-refer' } });
    expect(audit).toEqual([`red-flag screen ${screen.id} (visit note, 2026-11-26): fever or feeling unwell (signs of illness, cancer or fracture)`]);
    expect((await t.ok('redFlags.list', { patientId }, thera())).screens.map((s) => s.context)).toEqual(['visit-note']);
    // Called directly, it still refuses an incomplete screen in words, as the channel would.
    const { fever: _left, ...partial } = screenEntryOf().answers;
    await expect(recordRedFlagScreen(ctx, { patientId, context: { kind: 'visit-note', noteId: 41 }, entry: { answers: partial } as never })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'entry.answers.fever': 'Answer yes or no: fever, or feeling generally unwell, with the back pain' },
    });
  });
});
