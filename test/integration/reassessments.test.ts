import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDecision } from '../../shared/clinical/planner';
import type { MeasureEntry } from '../../shared/domain/reassessments';
import { evaluatedPatient } from './charting-helpers';
import { auditRows, checkIn, createTestApp, databaseFingerprint, expectError, PATIENT, startPlan, type TestApp } from './harness';

// The test clock stands at Thu 2026-11-26 (Chicago). Plans start on Mondays. One app for the file;
// each test has its own patient.
describe('reassessments and outcome questionnaires', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());
  const thera = () => t.sessions.therapist;
  let n = 0;
  const newPatient = async () => (await t.ok('patients.create', { ...PATIENT, legalFirstName: `Trọng Tấn ${++n}`, legalLastName: 'Đặng' }, t.sessions.admin)).id;
  const hip = (left: number, right: number, device: MeasureEntry['device'] = 'goniometer'): MeasureEntry[] => [
    { code: 'thomas_hip_angle', side: 'left', value: left, device },
    { code: 'thomas_hip_angle', side: 'right', value: right, device },
  ];

  it('records a battery with sides and devices, shows each measure’s trend against the baseline, and remembers the device', async () => {
    const patientId = await newPatient();
    const baseline = await t.ok(
      'reassessments.record',
      {
        patientId,
        assessedOn: '2026-10-29',
        comment: 'Baseline',
        measures: [
          { code: 'thoracic_rotation', side: 'left', value: 40, device: 'inclinometer', comment: '3 trials averaged' },
          { code: 'thoracic_rotation', side: 'right', value: 44, device: 'inclinometer' },
          { code: 'prone_instability', value: 'positive', device: 'visual' },
          ...hip(-2, 1),
        ],
      },
      thera(),
    );
    // Stored in the battery's order, each with its unit.
    expect(baseline.measures.map((m) => [m.code, m.side, m.unit, m.value])).toEqual([
      ['thomas_hip_angle', 'left', 'deg', -2],
      ['thomas_hip_angle', 'right', 'deg', 1],
      ['thoracic_rotation', 'left', 'deg', 40],
      ['thoracic_rotation', 'right', 'deg', 44],
      ['prone_instability', 'none', 'result', 'positive'],
    ]);
    expect(baseline).toMatchObject({ assessedBy: 'Theo Therapist', assessedOn: '2026-10-29', noteId: null, replacedById: null });
    // Four weeks later, a partial battery: rotation left up 6.5° (beyond the 6.3° published change), right up 3°.
    await t.ok(
      'reassessments.record',
      { patientId, assessedOn: '2026-11-26', measures: [{ code: 'thoracic_rotation', side: 'left', value: 46.5, device: 'inclinometer' }, { code: 'thoracic_rotation', side: 'right', value: 47, device: 'digital-inclinometer' }, { code: 'prone_instability', value: 'negative' }] },
      thera(),
    );
    const list = await t.ok('reassessments.list', { patientId }, thera());
    expect(list.reassessments.map((r) => r.assessedOn)).toEqual(['2026-11-26', '2026-10-29']);
    const trend = (code: string, side: string) => list.trends.find((x) => x.code === code && x.side === side)!;
    expect(trend('thoracic_rotation', 'left').points.map((p) => [p.date, p.value, p.sinceBaseline?.classification ?? null])).toEqual([
      ['2026-10-29', 40, null],
      ['2026-11-26', 46.5, 'improved'],
    ]);
    expect(trend('thoracic_rotation', 'left').points[1]!.sinceBaseline).toMatchObject({ threshold: 6.3, thresholdGrade: 'confirmed', warnings: [] });
    const right = trend('thoracic_rotation', 'right').points[1]!.sinceBaseline!;
    expect(right.classification).toBe('within-error');
    expect(right.warnings[0]).toContain('inclinometer before and a digital-inclinometer now');
    expect(trend('prone_instability', 'none').points[1]!.sinceBaseline!.classification).toBe('improved');
    expect(trend('thomas_hip_angle', 'left').points).toHaveLength(1);
    expect(list.lastDevices).toEqual({ thoracic_rotation: 'inclinometer', prone_instability: 'visual', thomas_hip_angle: 'goniometer' });
    // The latest reassessment lifted the prone-instability gate; the Thomas test, not retested, still reads
    // the baseline's right hip 1° above the cut-off, within the goniometer's error.
    expect(list.gates.map((g) => [g.gate, g.active, g.lifted, g.reassessmentDate])).toEqual([
      ['thomas', false, false, '2026-10-29'],
      ['prone-instability', false, true, '2026-11-26'],
    ]);
  });

  it('refuses out-of-range values, duplicates, future dates and unknown patients, naming the field, and writes nothing', async () => {
    const patientId = await newPatient();
    const before = await databaseFingerprint(t);
    const hipAt400 = await t.call('reassessments.record', { patientId, measures: [{ code: 'hip_ir', side: 'left', value: 400, device: 'goniometer' }] }, thera());
    expectError(hipAt400, 'VALIDATION');
    if (!hipAt400.ok) {
      expect(hipAt400.error.message).toBe('Hip internal rotation (left) must be between 0 and 90°');
      expect(hipAt400.error.fields).toEqual({ 'measures.0.value': 'Hip internal rotation (left) must be between 0 and 90°' });
    }
    const negativeTime = await t.call('reassessments.record', { patientId, measures: [{ code: 'side_bridge', side: 'right', value: -3, device: 'stopwatch' }] }, thera());
    if (!negativeTime.ok) expect(negativeTime.error.message).toContain('Side bridge endurance hold (right) must be between 0 and 600 s');
    const twice = await t.call('reassessments.record', { patientId, measures: [...hip(2, 2), { code: 'thomas_hip_angle', side: 'left', value: 3 }] }, thera());
    if (!twice.ok) expect(twice.error.fields).toEqual({ 'measures.2.value': 'Modified Thomas test — hip angle (left) is entered twice' });
    expectError(twice, 'VALIDATION');
    expectError(await t.call('reassessments.record', { patientId, measures: [] }, thera()), 'VALIDATION');
    expectError(await t.call('reassessments.record', { patientId, assessedOn: '2026-11-27', measures: hip(1, 1) }, thera()), 'VALIDATION');
    expectError(await t.call('reassessments.record', { patientId: 99999, measures: hip(1, 1) }, thera()), 'NOT_FOUND');
    const odi6 = await t.call('outcomes.record', { patientId, form: { instrument: 'odi', answers: { sections: { painIntensity: 6 } } } }, thera());
    expectError(odi6, 'VALIDATION');
    if (!odi6.ok) expect(odi6.error.fields).toEqual({ 'form.answers.sections.painIntensity': 'An ODI section scores 0–5' });
    expectError(await t.call('outcomes.record', { patientId, form: { instrument: 'nprs', answers: { score: 11 } } }, thera()), 'VALIDATION');
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('a correction replaces a reassessment (both kept; only the correction counts); each record is corrected once', async () => {
    const patientId = await newPatient();
    const wrong = await t.ok('reassessments.record', { patientId, assessedOn: '2026-11-20', measures: hip(21, 2) }, thera());
    const fixed = await t.ok('reassessments.record', { patientId, assessedOn: '2026-11-20', replacesId: wrong.id, measures: hip(-1, -2) }, thera());
    expect(fixed.replacesId).toBe(wrong.id);
    expectError(await t.call('reassessments.record', { patientId, replacesId: wrong.id, measures: hip(0, 0) }, thera()), 'CONFLICT');
    const other = await newPatient();
    expectError(await t.call('reassessments.record', { patientId: other, replacesId: fixed.id, measures: hip(0, 0) }, thera()), 'VALIDATION');
    const list = await t.ok('reassessments.list', { patientId }, thera());
    expect(list.reassessments.map((r) => [r.id, r.replacedById])).toEqual([
      [fixed.id, null],
      [wrong.id, fixed.id],
    ]);
    expect(list.trends.find((x) => x.side === 'left')!.points.map((p) => p.value)).toEqual([-1]);
    expect(list.gates).toEqual([]);
    const audit = (await auditRows(t)).filter((a) => a.action === 'reassessments.record' && a.entityId === String(patientId)).map((a) => a.detail);
    expect(audit).toEqual([`reassessment ${wrong.id} (2026-11-20, 2 measures)`, `reassessment ${fixed.id} (2026-11-20, 2 measures), correcting reassessment ${wrong.id}`]);
  });

  it('the front desk neither reads nor writes reassessments or questionnaires', async () => {
    const patientId = await newPatient();
    const desk = t.sessions.front_desk;
    expectError(await t.call('reassessments.list', { patientId }, desk), 'FORBIDDEN');
    expectError(await t.call('reassessments.record', { patientId, measures: hip(1, 1) }, desk), 'FORBIDDEN');
    expectError(await t.call('outcomes.list', { patientId }, desk), 'FORBIDDEN');
    expectError(await t.call('outcomes.record', { patientId, form: { instrument: 'nprs', answers: { score: 3 } } }, desk), 'FORBIDDEN');
    await t.ok('reassessments.record', { patientId, measures: hip(1, 1) }, t.sessions.admin);
  });

  it('scores questionnaires with the engine and reads the change from the first against the detectable and important change', async () => {
    const patientId = await newPatient();
    const sections = (v: number | null) => ({ painIntensity: 3, personalCare: 1, lifting: 3, walking: 2, sitting: 2, standing: 2, sleeping: 1, sexLife: v, socialLife: 1, travelling: 1 });
    const odi1 = await t.ok('outcomes.record', { patientId, completedOn: '2026-10-29', form: { instrument: 'odi', answers: { sections: sections(null) } } }, thera());
    // 16 points over 9 answered sections: 16/45 × 100 = 35.6%.
    expect(odi1.score).toBeCloseTo(35.56, 2);
    expect(odi1.scoreText).toBe('36% — moderate disability (21–40%)');
    const low = { painIntensity: 1, personalCare: 0, lifting: 1, walking: 0, sitting: 1, standing: 1, sleeping: 0, sexLife: 'not-applicable', socialLife: 0, travelling: 0 } as const;
    await t.ok('outcomes.record', { patientId, completedOn: '2026-11-26', form: { instrument: 'odi', answers: { sections: low } } }, thera());
    await t.ok('outcomes.record', { patientId, completedOn: '2026-10-29', form: { instrument: 'nprs', answers: { score: 6 } } }, thera());
    await t.ok('outcomes.record', { patientId, completedOn: '2026-11-26', form: { instrument: 'nprs', answers: { score: 5 } } }, thera());
    const sb = await t.ok('outcomes.record', { patientId, completedOn: '2026-10-29', form: { instrument: 'start-back', answers: { agree: [true, false, true, true, true, true, false, true], bothersomeness: 'very-much' } } }, thera());
    expect(sb.scoreText).toBe('7/9, distress 4/5 — high risk');
    await t.ok('outcomes.record', { patientId, form: { instrument: 'psfs', answers: { activities: [{ name: 'Chạy 5 km', score: 3 }, { name: 'Sitting at work', score: 6 }] } } }, thera());
    const { summaries, records } = await t.ok('outcomes.list', { patientId }, thera());
    expect(records).toHaveLength(6);
    const odi = summaries.find((s) => s.instrument === 'odi')!;
    // 4/45 = 8.9%: 26.7 points better, beyond the 10-point change and the 10-point/30% MIC.
    expect(odi.change).toMatchObject({ direction: 'improved', beyondMdc: true, meetsMcid: true });
    expect(odi.latest.scoreText).toBe('9% — minimal disability (0–20%)');
    const nprs = summaries.find((s) => s.instrument === 'nprs')!;
    expect(nprs.change).toMatchObject({ change: -1, direction: 'within-error', beyondMdc: false, meetsMcid: false });
    expect(nprs.change!.reasons.map((r) => r.sentence)).toEqual([
      'NPRS went from 6/10 to 5/10 (-1): within the 2-point measurement error.',
      'The change does not reach the minimal important improvement (2 points or 30% of baseline).',
    ]);
    expect(nprs.thresholds).toBe('detectable change 2 points · important change 2 points or 30%');
    expect(summaries.find((s) => s.instrument === 'start-back')!.change).toBeNull();
    expect(summaries.find((s) => s.instrument === 'psfs')!.latest.scoreText).toBe('4.5/10 average of 2 activities');
    // A correction is the same questionnaire.
    expectError(await t.call('outcomes.record', { patientId, replacesId: sb.id, form: { instrument: 'nprs', answers: { score: 1 } } }, thera()), 'VALIDATION');
  });

  it('the weekly review holds on a hip-extension deficit beyond the device’s error, citing it, and lifts the hold when a later reassessment is normal', async () => {
    const patientId = await newPatient();
    const plan = await startPlan(t, { patientId, startDate: '2026-11-09', startingStepId: 'rw-15-105', baselinePain: 2 }, thera());
    const logRun = (date: string) => t.ok('runs.save', { patientId, run: { date, distanceM: 3200, durationS: 1800, runSeconds: 225, walkSeconds: 1575, surface: 'grass', painDuring: 2, painAfter: 2, painNextMorning: 2 } }, thera());
    for (const d of ['2026-11-09', '2026-11-11', '2026-11-14', '2026-11-16', '2026-11-18', '2026-11-21']) await logRun(d);
    // 12° thigh above horizontal with a goniometer: 12° past the 0° cut-off, beyond its 5° error.
    await t.ok('reassessments.record', { patientId, assessedOn: '2026-11-12', measures: [...hip(12, 3), { code: 'slr', side: 'left', value: 85, device: 'inclinometer' }] }, thera());
    await checkIn(t, patientId, plan.weeks[0]!.id, thera());
    const week1 = await t.ok('plans.review', { weekId: plan.weeks[0]!.id }, thera());
    const d1 = week1.weeks[0]!.decision as PlanDecision;
    expect(week1.weeks[0]!.engineDecision).toBe('hold');
    const gate = d1.reasons.find((r) => r.ruleId === 'gate.thomas')!;
    expect(gate.sentence).toContain('The reassessment on Nov 12, 2026 found modified Thomas hip angle 12° on the left (above 0°: hip-extension deficit)');
    // The right side's 3° is within the goniometer's 5°: reported, not acted on.
    expect(gate.sentence).toContain('3° on the right is above 0° by 3°, within the 5° measurement error of a goniometer');
    expect(d1.homeExercises.map((e) => e.id)).toContain('hip-flexor-stretch');
    const accepted = await t.ok('plans.accept', { weekId: plan.weeks[0]!.id }, thera());
    // A reviewed week goes stale when a reassessment comes in before it is accepted.
    const week2Id = accepted.weeks[1]!.id;
    await checkIn(t, patientId, week2Id, thera());
    await t.ok('plans.review', { weekId: week2Id }, thera());
    await t.ok('reassessments.record', { patientId, assessedOn: '2026-11-19', measures: hip(-3, 0) }, thera());
    const stale = (await t.ok('plans.get', { patientId }, thera())).plan!;
    expect(stale.weeks[1]!.engineDecision).toBeNull();
    const week2 = await t.ok('plans.review', { weekId: week2Id }, thera());
    const d2 = week2.weeks[1]!.decision as PlanDecision;
    expect(week2.weeks[1]!.engineDecision).toBe('progress');
    expect(d2.reasons.find((r) => r.ruleId === 'gate.thomas')).toBeUndefined();
    expect(d2.reasons.find((r) => r.ruleId === 'gate.lift')!.sentence).toContain('Hip extension (modified Thomas test) now within normal: gate lifted');
  });

  it('the weekly review reads the questionnaires: pain worse than the episode’s baseline by the important change holds a plan that would progress, citing the scores', async () => {
    const patientId = await newPatient();
    const plan = await startPlan(t, { patientId, startDate: '2026-11-09', startingStepId: 'rw-15-105', baselinePain: 2 }, thera());
    for (const d of ['2026-11-09', '2026-11-11', '2026-11-14'])
      await t.ok('runs.save', { patientId, run: { date: d, distanceM: 3200, durationS: 1800, runSeconds: 225, walkSeconds: 1575, surface: 'grass', painDuring: 2, painAfter: 2, painNextMorning: 2 } }, thera());
    // Baseline at the evaluation, then one point worse: not enough to hold (the NPRS important change is 2).
    await t.ok('outcomes.record', { patientId, completedOn: '2026-11-02', form: { instrument: 'nprs', answers: { score: 4 } } }, thera());
    await t.ok('outcomes.record', { patientId, completedOn: '2026-11-10', form: { instrument: 'nprs', answers: { score: 5 } } }, thera());
    await checkIn(t, patientId, plan.weeks[0]!.id, thera());
    const before = await t.ok('plans.review', { weekId: plan.weeks[0]!.id }, thera());
    const d0 = before.weeks[0]!.decision as PlanDecision;
    expect(before.weeks[0]!.engineDecision).toBe('progress');
    expect(d0.reasons.find((r) => r.ruleId === 'gate.outcomes-worse')!.sentence).toBe('The pain rating (NPRS) on Nov 10, 2026 was 5/10, against 4/10 at the episode’s baseline on Nov 2, 2026: 1 point worse, short of the 2 points that hold the plan.');
    // The patient fills in the NPRS again, 3 points above baseline: the pending decision goes stale and the review now holds.
    await t.ok('outcomes.record', { patientId, completedOn: '2026-11-13', form: { instrument: 'nprs', answers: { score: 7 } } }, thera());
    expect((await t.ok('plans.get', { patientId }, thera())).plan!.weeks[0]!.engineDecision).toBeNull();
    const after = await t.ok('plans.review', { weekId: plan.weeks[0]!.id }, thera());
    const d1 = after.weeks[0]!.decision as PlanDecision;
    expect(after.weeks[0]!.engineDecision).toBe('hold');
    const held = d1.reasons.find((r) => r.ruleId === 'gate.outcomes-worse')!;
    expect(held).toMatchObject({ effect: 'hold', grade: 'clinic-policy' });
    expect(held.sentence).toBe(
      'The pain rating (NPRS) on Nov 13, 2026 was 7/10, against 4/10 at the episode’s baseline on Nov 2, 2026: 3 points worse, at or beyond the 2 points at which the clinic holds the plan (clinic policy, set from the minimal important change). Hold the interval progression and review why the patient reports more pain than when care began.',
    );
    expect(d1.outcomeChecks).toEqual([{ instrument: 'nprs', baseline: { date: '2026-11-02', score: 4 }, latest: { date: '2026-11-13', score: 7 }, change: 3, holdAt: 2, active: true }]);
  });

  it('writes the dates in a finding the clinic’s way, in the decision, its gates and the Reassessment tab (stored as ISO)', async () => {
    const patientId = await newPatient();
    const plan = await startPlan(t, { patientId, startDate: '2026-11-09', startingStepId: 'rw-15-105', baselinePain: 2 }, thera());
    for (const d of ['2026-11-09', '2026-11-11', '2026-11-14'])
      await t.ok('runs.save', { patientId, run: { date: d, distanceM: 3200, durationS: 1800, runSeconds: 225, walkSeconds: 1575, surface: 'grass', painDuring: 2, painAfter: 2, painNextMorning: 2 } }, thera());
    // Still 9° past the cut-off, but 7° better than the baseline: lifted by improvement, citing the baseline's date.
    await t.ok('reassessments.record', { patientId, assessedOn: '2026-10-29', measures: hip(16, 3) }, thera());
    await t.ok('reassessments.record', { patientId, assessedOn: '2026-11-12', measures: hip(9, 2) }, thera());
    await checkIn(t, patientId, plan.weeks[0]!.id, thera());
    const reviewed = await t.ok('plans.review', { weekId: plan.weeks[0]!.id }, thera());
    const decision = reviewed.weeks[0]!.decision as PlanDecision;
    const lift = decision.reasons.find((r) => r.ruleId === 'gate.lift')!.sentence;
    expect(lift).toContain('improved 7° since Oct 29, 2026, beyond the 5° detectable change');
    expect(decision.gates.flatMap((g) => g.findings).join(' ')).toContain('since Oct 29, 2026');
    const list = await t.ok('reassessments.list', { patientId }, thera());
    expect(list.gates.find((g) => g.gate === 'thomas')!.findings.join(' ')).toContain('since Oct 29, 2026');
    const shown = JSON.stringify([decision.reasons.map((r) => r.sentence), decision.gates.map((g) => g.findings), list.gates.map((g) => g.findings)]);
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Stored with ISO dates, so a change of the clinic's date order rewrites past decisions too.
    const row = await t.services.db.selectFrom('planWeeks').select('decisionJson').where('id', '=', plan.weeks[0]!.id).executeTakeFirstOrThrow();
    expect(row.decisionJson).toContain('since 2026-10-29');
  });

  it('links to the day’s visit note by default (or the one chosen, or none), refuses another patient’s note, and the note lists its findings', async () => {
    const patientId = await newPatient();
    const other = await newPatient();
    // The test clock's today: the evaluation is dated 2026-11-26.
    const { evaluation } = await evaluatedPatient(t, patientId);
    const { evaluation: othersNote } = await evaluatedPatient(t, other);
    const linked = await t.ok('reassessments.record', { patientId, measures: hip(12, 3) }, thera());
    expect(linked.noteId).toBe(evaluation.id);
    const unlinked = await t.ok('reassessments.record', { patientId, assessedOn: '2026-11-20', measures: hip(10, 2) }, thera());
    expect(unlinked.noteId).toBeNull();
    expect((await t.ok('outcomes.record', { patientId, noteId: null, form: { instrument: 'nprs', answers: { score: 2 } } }, thera())).noteId).toBeNull();
    const nprs = await t.ok('outcomes.record', { patientId, noteId: evaluation.id, completedOn: '2026-11-25', form: { instrument: 'nprs', answers: { score: 6 } } }, thera());
    expect(nprs.noteId).toBe(evaluation.id);
    const before = await databaseFingerprint(t);
    const refused = await t.call('reassessments.record', { patientId, noteId: othersNote.id, measures: hip(1, 1) }, thera());
    expectError(refused, 'VALIDATION');
    if (!refused.ok) expect(refused.error.fields).toEqual({ noteId: 'Not a note of this patient' });
    expect(await databaseFingerprint(t)).toBe(before);
    const { findings } = await t.ok('reassessments.forNote', { noteId: evaluation.id }, thera());
    expect(findings.map((f) => f.text)).toEqual(['Reassessment — Modified Thomas test — hip angle: left 12°, right 3° (goniometer)', 'Numeric Pain Rating Scale (NPRS): 6/10']);
    expectError(await t.call('reassessments.forNote', { noteId: evaluation.id }, t.sessions.front_desk), 'FORBIDDEN');
  });

  it('says what is due on the clinic’s policy: the baseline at the episode’s start, then nothing once recorded', async () => {
    const patientId = await newPatient();
    expect((await t.ok('reassessments.list', { patientId }, thera())).due).toEqual([]);
    const { episode } = await evaluatedPatient(t, patientId);
    const due = (await t.ok('reassessments.list', { patientId }, thera())).due;
    expect(due.map((d) => [d.kind, d.reason, d.dueOn])).toEqual([
      ['battery', 'baseline', episode.startDate],
      ['questionnaires', 'baseline', episode.startDate],
    ]);
    expect(due[0]!.sentence).toMatch(/^Reassessment battery due: baseline for the episode of care that started [A-Z][a-z]{2} \d{1,2}, 2026\.$/);
    await t.ok('reassessments.record', { patientId, measures: hip(1, 1) }, thera());
    await t.ok('outcomes.record', { patientId, form: { instrument: 'nprs', answers: { score: 3 } } }, thera());
    expect((await t.ok('reassessments.list', { patientId }, thera())).due).toEqual([]);
  });
});
