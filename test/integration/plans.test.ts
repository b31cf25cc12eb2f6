import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanDecision } from '../../shared/clinical/planner';
import { screenEntryOf } from '../../shared/clinical/redFlags';
import { auditRows, checkIn, createTestApp, databaseFingerprint, expectError, PATIENT, startPlan, type TestApp } from './harness';

// The test clock stands at Thu 2026-11-26 (Chicago). Plans start on Mondays.
describe('the run-walk plan', () => {
  let t: TestApp;
  let patientId: number;
  beforeEach(async () => {
    t = await createTestApp();
    patientId = (await t.ok('patients.create', PATIENT, t.sessions.admin)).id;
  });
  afterEach(() => t.dispose());
  const thera = () => t.sessions.therapist;
  const logRun = (date: string, over: object = {}) =>
    t.ok('runs.save', { patientId, run: { date, distanceM: 3200, durationS: 1800, runSeconds: 225, walkSeconds: 1575, surface: 'grass', painDuring: 2, painAfter: 2, painNextMorning: 2, ...over } }, thera());

  it('starts on a clinic week start, reviews at the week’s end with reasons and sources, and the accepted decision prescribes next week', async () => {
    const { screen } = await t.ok('redFlags.record', { patientId, context: { kind: 'plan-start' }, entry: screenEntryOf() }, thera());
    const wrongDay = await t.call('plans.start', { patientId, startDate: '2026-11-18', startingStepId: 'rw-15-105', screenId: screen.id }, thera());
    expectError(wrongDay, 'VALIDATION');
    if (!wrongDay.ok) expect(wrongDay.error.fields).toEqual({ startDate: 'Choose a monday' });
    const plan = await t.ok('plans.start', { patientId, startDate: '2026-11-16', startingStepId: 'rw-15-105', baselinePain: 2, screenId: screen.id }, thera());
    expectError(await t.call('plans.start', { patientId, startDate: '2026-11-23', startingStepId: 'rw-15-105', screenId: screen.id }, thera()), 'CONFLICT');
    const week1 = plan.weeks[0]!;
    for (const d of ['2026-11-16', '2026-11-18', '2026-11-21']) await logRun(d);
    await checkIn(t, patientId, week1.id, thera());
    const reviewed = await t.ok('plans.review', { weekId: week1.id }, thera());
    const decision = reviewed.weeks[0]!.decision as PlanDecision;
    expect(reviewed.weeks[0]!.engineDecision).toBe('progress');
    expect(decision.toStepId).toBe('rw-30-90');
    expect(decision.reasons.length).toBeGreaterThan(0);
    for (const r of decision.reasons) {
      expect(r.sentence.length).toBeGreaterThan(10);
      expect(r.source.length).toBeGreaterThan(3);
      expect(['confirmed', 'secondary', 'clinic-policy']).toContain(r.grade);
    }
    const accepted = await t.ok('plans.accept', { weekId: week1.id }, thera());
    expect(accepted.weeks.map((w) => [w.weekStart, w.stepId])).toEqual([
      ['2026-11-16', 'rw-15-105'],
      ['2026-11-23', 'rw-30-90'],
    ]);
    expect(accepted.weeks[0]!.acceptedBy).toBe('Theo Therapist');
    expectError(await t.call('plans.accept', { weekId: week1.id }, thera()), 'CONFLICT');
    // The current week has not ended (today is Thursday): no decision yet.
    await checkIn(t, patientId, accepted.weeks[1]!.id, thera());
    const early = await t.call('plans.review', { weekId: accepted.weeks[1]!.id }, thera());
    expectError(early, 'CONFLICT');
    if (!early.ok) expect(early.error.message).toContain('ends on Nov 29, 2026');
  });

  it('red pain regresses; a red flag at the check-in stops for review; an override keeps its reason beside the engine’s decision', async () => {
    const plan = await startPlan(t, { patientId, startDate: '2026-11-09', startingStepId: 'rw-45-75', baselinePain: 2 }, thera());
    for (const d of ['2026-11-09', '2026-11-11']) await logRun(d, { painDuring: 7 });
    await checkIn(t, patientId, plan.weeks[0]!.id, thera());
    const r1 = await t.ok('plans.review', { weekId: plan.weeks[0]!.id }, thera());
    expect(r1.weeks[0]!.engineDecision).toBe('regress');
    const o1 = await t.ok('plans.override', { weekId: plan.weeks[0]!.id, decision: 'hold', reason: 'Pain was from a fall, not the running' }, thera());
    expect(o1.weeks[0]!.override).toMatchObject({ decision: 'hold', reason: 'Pain was from a fall, not the running', by: 'Theo Therapist' });
    expect(o1.weeks[0]!.engineDecision).toBe('regress');
    expect(o1.weeks[1]).toMatchObject({ weekStart: '2026-11-16', stepId: 'rw-45-75' });

    await t.ok('redFlags.record', { patientId, context: { kind: 'check-in', weekId: o1.weeks[1]!.id }, entry: screenEntryOf(['newLegSymptoms']) }, thera());
    const r2 = await t.ok('plans.review', { weekId: o1.weeks[1]!.id }, thera());
    const d2 = r2.weeks[1]!.decision as PlanDecision;
    expect(d2.decision).toBe('stop-and-review');
    expect(d2.prescription).toBeNull();
    expect(d2.overridesInHistory.map((h) => h.reason)).toEqual(['Pain was from a fall, not the running']);
    const stopped = await t.ok('plans.accept', { weekId: r2.weeks[1]!.id }, thera());
    expect(stopped.weeks).toHaveLength(2); // no next week until the therapist decides
    // After seeing the patient, the therapist resumes a rung lower, with the reason.
    expectError(await t.call('plans.override', { weekId: r2.weeks[1]!.id, decision: 'stop-and-review', reason: 'Still stopped' }, thera()), 'VALIDATION');
    const resumed = await t.ok('plans.override', { weekId: r2.weeks[1]!.id, decision: 'regress', reason: 'Leg symptoms cleared on review; restart gently' }, thera());
    expect(resumed.weeks.map((w) => [w.weekStart, w.stepId])).toEqual([
      ['2026-11-09', 'rw-45-75'],
      ['2026-11-16', 'rw-45-75'],
      ['2026-11-23', 'rw-30-90'],
    ]);
    expectError(await t.call('plans.override', { weekId: r2.weeks[1]!.id, decision: 'hold', reason: 'Again' }, thera()), 'CONFLICT');
    const ended = await t.ok('plans.end', { planId: plan.id, reason: 'Referred back to the physician' }, thera());
    expect(ended.endReason).toBe('Referred back to the physician');
    expect((await auditRows(t)).filter((a) => a.action.startsWith('plans.') || a.action.startsWith('redFlags.')).map((a) => a.action)).toEqual([
      'redFlags.record',
      'plans.start',
      'redFlags.record',
      'plans.review',
      'plans.override',
      'redFlags.record',
      'plans.review',
      'plans.accept',
      'plans.override',
      'plans.end',
    ]);
  });

  it('reviews and accepts a week only on that week’s red-flag screen, and a screen with a red answer stops progression', async () => {
    const plan = await startPlan(t, { patientId, startDate: '2026-11-16', startingStepId: 'rw-15-105', baselinePain: 2 }, thera());
    const week = plan.weeks[0]!;
    for (const d of ['2026-11-16', '2026-11-18', '2026-11-21']) await logRun(d);
    const before = await databaseFingerprint(t);
    const unscreened = await t.call('plans.review', { weekId: week.id }, thera());
    expectError(unscreened, 'VALIDATION');
    if (!unscreened.ok) {
      expect(unscreened.error.message).toBe('Record this week’s red-flag screen before reviewing the week.');
      expect(unscreened.error.fields).toEqual({ screenId: 'Record this week’s red-flag screen first' });
    }
    expect(await databaseFingerprint(t)).toBe(before);
    // A screen of another week (the plan start's) does not count for this one.
    expect((await t.ok('plans.get', { patientId }, thera())).plan!.weeks[0]!.screenId).toBeNull();
    // The check-in says the patient has pain at night: the runs alone would progress, the screen stops.
    await t.ok('redFlags.record', { patientId, context: { kind: 'check-in', weekId: week.id }, entry: screenEntryOf(['restOrNightPain']) }, thera());
    const reviewed = await t.ok('plans.review', { weekId: week.id }, thera());
    expect(reviewed.weeks[0]!.engineDecision).toBe('stop-and-review');
    expect((reviewed.weeks[0]!.decision as PlanDecision).toStepId).toBeNull();
    const accepted = await t.ok('plans.accept', { weekId: week.id }, thera());
    expect(accepted.weeks).toHaveLength(1); // nothing prescribed until the therapist has reviewed
  });

  it('refuses to accept a decision taken without the week’s red-flag screen (a week reviewed before the screen was required)', async () => {
    const plan = await startPlan(t, { patientId, startDate: '2026-11-16', startingStepId: 'rw-15-105', baselinePain: 2 }, thera());
    const week = plan.weeks[0]!;
    for (const d of ['2026-11-16', '2026-11-18', '2026-11-21']) await logRun(d);
    await t.ok('redFlags.record', { patientId, context: { kind: 'check-in', weekId: week.id }, entry: screenEntryOf() }, thera());
    await t.ok('plans.review', { weekId: week.id }, thera());
    // Such a week, as an older version left it: reviewed, its check-in missing.
    const checkIns = t.services.db.selectFrom('redFlagScreens').select('id').where('planWeekId', 'is not', null);
    await t.services.db.deleteFrom('redFlagAnswers').where('screenId', 'in', checkIns).execute();
    await t.services.db.deleteFrom('redFlagScreens').where('planWeekId', 'is not', null).execute();
    const accept = await t.call('plans.accept', { weekId: week.id }, thera());
    expectError(accept, 'VALIDATION');
    if (!accept.ok) expect(accept.error.fields).toEqual({ screenId: 'Record this week’s red-flag screen first' });
    const progress = await t.call('plans.override', { weekId: week.id, decision: 'progress', reason: 'Feels fine' }, thera());
    expectError(progress, 'VALIDATION');
    expect((await t.ok('plans.get', { patientId }, thera())).plan!.weeks).toHaveLength(1);
  });

  it('follows the clinic policy, which only an admin changes, audited and validated', async () => {
    const before = await t.ok('policy.get', {}, thera());
    expect(before.rules.length).toBeGreaterThan(20);
    expectError(await t.call('policy.update', { changed: { pain: { amberMax: 4 } } }, thera()), 'FORBIDDEN');
    const bad = await t.call('policy.update', { changed: { pain: { greenMax: 6, amberMax: 5 } } }, t.sessions.admin);
    expectError(bad, 'VALIDATION');
    if (!bad.ok) expect(bad.error.fields).toEqual({ 'changed.pain.greenMax': 'pain.greenMax must be below pain.amberMax' });
    await t.ok('policy.update', { changed: { pain: { amberMax: 4 } } }, t.sessions.admin);
    const after = await t.ok('policy.get', {}, thera());
    const painRule = after.rules.find((r) => r.value.includes('amberMax'))!;
    expect(painRule.value).toContain('amberMax = 4');
    expect(painRule.modified).toBe(true);
    expect((await auditRows(t)).at(-1)!.detail).toBe('policy {} → {"pain":{"amberMax":4}}');
    // The ladder: kept when left out, replaced when given, back to the default with null.
    const shorter = after.ladder.slice(0, 5);
    await t.ok('policy.update', { changed: { pain: { amberMax: 4 } }, ladder: shorter }, t.sessions.admin);
    await t.ok('policy.update', { changed: { pain: { amberMax: 4 } } }, t.sessions.admin);
    expect((await t.ok('policy.get', {}, thera())).ladder).toHaveLength(5);
    await t.ok('policy.update', { changed: { pain: { amberMax: 4 } }, ladder: null }, t.sessions.admin);
    expect((await t.ok('policy.get', {}, thera())).ladder).toHaveLength(10);
    // A pain of 5 during runs is now red: regress.
    const plan = await startPlan(t, { patientId, startDate: '2026-11-16', startingStepId: 'rw-45-75' }, thera());
    for (const d of ['2026-11-16', '2026-11-18']) await logRun(d, { painDuring: 5 });
    await checkIn(t, patientId, plan.weeks[0]!.id, thera());
    expect((await t.ok('plans.review', { weekId: plan.weeks[0]!.id }, thera())).weeks[0]!.engineDecision).toBe('regress');
  });
});
