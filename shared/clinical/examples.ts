import type { PlanCaseInput } from './case';

/**
 * The worked examples of docs/clinical-rules.md. The doc prints each case and the planner's
 * output for it; a test checks both the doc and the decisions, so the examples cannot drift.
 */
export interface WorkedExample {
  title: string;
  summary: string;
  input: PlanCaseInput;
}

const run = (date: string, distanceM: number, during: number, nextMorning: number, extra: Record<string, unknown> = {}) => ({
  date,
  distanceM,
  durationS: 1800,
  surface: 'grass' as const,
  pain: { before: 1, during, after: during, nextMorning },
  ...extra,
});

export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  {
    title: 'Example 1 — progress, spike guard checked, a mobility gate lifted',
    summary:
      'Week 3 of the plan on rung 2 (30 s run / 90 s walk). Three sessions, pain at most 2/10, mornings back to the usual 1/10. At the first reassessment the modified Thomas hip angle was 10° on the right (a deficit: the gate held) and 2° on the left (within the 3° error of the digital inclinometer: not a gate). Now the right is 3°, within that error, and the left −3°, within normal, so the reasons say the gate lifted and why. Default clinic policy. Expected: progress to rung 3, within the spike guard.',
    input: {
      plan: { startDate: '2026-03-02', weekStart: '2026-03-16', currentStepId: 'rw-30-90' },
      patient: { baselinePain: 1 },
      history: [
        { weekStart: '2026-03-02', stepId: 'rw-15-105', engineDecision: 'progress' },
        { weekStart: '2026-03-09', stepId: 'rw-30-90', engineDecision: 'hold' },
      ],
      runs: [
        { ...run('2026-03-03', 2750, 2, 1), runSeconds: 225, walkSeconds: 1575 },
        { ...run('2026-03-05', 2800, 1, 1), runSeconds: 225, walkSeconds: 1575 },
        { ...run('2026-03-07', 2850, 2, 1), runSeconds: 225, walkSeconds: 1575 },
        { ...run('2026-03-11', 3000, 3, 2), runSeconds: 450, walkSeconds: 1350 },
        { ...run('2026-03-17', 3050, 2, 1), runSeconds: 450, walkSeconds: 1350 },
        { ...run('2026-03-19', 3100, 2, 1), runSeconds: 450, walkSeconds: 1350 },
        { ...run('2026-03-21', 3050, 1, 1), runSeconds: 450, walkSeconds: 1350 },
      ],
      reassessments: [
        {
          date: '2026-02-27',
          measures: [
            { code: 'thomas_hip_angle', side: 'left', value: 2, device: 'digital-inclinometer' },
            { code: 'thomas_hip_angle', side: 'right', value: 10, device: 'digital-inclinometer' },
          ],
        },
        {
          date: '2026-03-20',
          measures: [
            { code: 'thomas_hip_angle', side: 'left', value: -3, device: 'digital-inclinometer' },
            { code: 'thomas_hip_angle', side: 'right', value: 3, device: 'digital-inclinometer' },
          ],
        },
      ],
    },
  },
  {
    title: 'Example 2 — a stricter clinic policy, pain in the red, a positive ASLR',
    summary:
      'The clinic tries a stricter policy (green ≤2/10, red above 4/10) and turns on its week-6 caution window. Week 6 on rung 4 (1 min run / 1 min walk); one run reached 5/10 and the next morning was 3 points above the usual 1/10. The latest reassessment has a positive active straight-leg raise. An earlier week carries a therapist override, which is shown. Expected: regress to rung 3, with trunk-endurance exercises named.',
    input: {
      policy: { pain: { greenMax: 2, amberMax: 4 }, cautionWindow: { enabled: true, fromWeek: 6, toWeek: 6, action: 'note' } },
      distanceUnit: 'mi',
      plan: { startDate: '2026-03-02', weekStart: '2026-04-06', currentStepId: 'rw-60-60' },
      patient: { baselinePain: 1 },
      history: [
        { weekStart: '2026-03-23', stepId: 'rw-45-75', engineDecision: 'hold', override: { decision: 'progress', reason: 'Symptom-free for two weeks and comfortable on the track: progress.', by: 'J. Rivera, PT', date: '2026-03-29' } },
        { weekStart: '2026-03-30', stepId: 'rw-60-60', engineDecision: 'hold' },
      ],
      runs: [
        run('2026-03-24', 3300, 1, 1, { runSeconds: 675, walkSeconds: 1125, surface: 'track' }),
        run('2026-03-26', 3350, 1, 1, { runSeconds: 675, walkSeconds: 1125 }),
        run('2026-03-31', 3500, 2, 1, { runSeconds: 900, walkSeconds: 900 }),
        run('2026-04-02', 3550, 2, 1, { runSeconds: 900, walkSeconds: 900 }),
        run('2026-04-07', 3600, 2, 1, { runSeconds: 900, walkSeconds: 900 }),
        run('2026-04-09', 3400, 5, 4, { runSeconds: 780, walkSeconds: 900, stoppedEarly: true }),
      ],
      reassessments: [
        {
          date: '2026-04-03',
          measures: [
            { code: 'aslr', side: 'left', value: 2 },
            { code: 'aslr', side: 'right', value: 1 },
            { code: 'prone_instability', side: 'none', value: 'negative' },
          ],
        },
      ],
    },
  },
];

/** A quiet week on rung `stepId`: three sessions at 2/10 that settled by the morning. */
const quietWeek = (days: readonly string[], runSeconds: number, walkSeconds: number, during = 2, nextMorning = 1) =>
  days.map((d) => run(d, 3000, during, nextMorning, { runSeconds, walkSeconds }));

export const SAFETY_EXAMPLES: readonly WorkedExample[] = [
  {
    title: 'Example 3 — a cauda-equina sign at the weekly check-in',
    summary:
      'Week 3 on rung 2; the runs alone would progress (pain 2/10, mornings settled). At the weekly check-in the patient reports numbness between the legs and new symptoms in one leg. Expected: stop and review, with the red-flag action `urgent-medical` — urgent medical assessment today (the emergency department if after hours) — ahead of every other reason.',
    input: {
      plan: { startDate: '2026-03-02', weekStart: '2026-03-16', currentStepId: 'rw-30-90' },
      patient: { baselinePain: 1 },
      history: [
        { weekStart: '2026-03-02', stepId: 'rw-15-105', engineDecision: 'progress' },
        { weekStart: '2026-03-09', stepId: 'rw-30-90', engineDecision: 'hold' },
        { weekStart: '2026-03-16', stepId: 'rw-30-90', redFlags: { saddleNumbness: true, newLegSymptoms: true } },
      ],
      runs: [...quietWeek(['2026-03-10', '2026-03-12'], 450, 1350), ...quietWeek(['2026-03-17', '2026-03-19', '2026-03-21'], 450, 1350)],
    },
  },
  {
    title: 'Example 4 — a severe flare',
    summary:
      'Week 4 on rung 4 (1 min run / 1 min walk). The third run of the week reached 9/10 and the next morning was 7/10 against the usual 1/10. Pain above the ceiling would step back one rung; a severe flare (8/10 or more, or 5 points above usual the next morning — clinic policy) stops the progression for review instead.',
    input: {
      plan: { startDate: '2026-03-02', weekStart: '2026-03-23', currentStepId: 'rw-60-60' },
      patient: { baselinePain: 1 },
      history: [
        { weekStart: '2026-03-09', stepId: 'rw-45-75', engineDecision: 'progress' },
        { weekStart: '2026-03-16', stepId: 'rw-60-60', engineDecision: 'hold' },
      ],
      runs: [...quietWeek(['2026-03-17', '2026-03-19', '2026-03-24', '2026-03-26'], 900, 900), run('2026-03-28', 3100, 9, 7, { runSeconds: 900, walkSeconds: 900 })],
    },
  },
  {
    title: 'Example 5 — a plan that has stalled',
    summary:
      'Rung 4 for the third week in a row: every week the runs sit in the acceptable 4–5/10 zone, so each week alone is a hold. After three holds in a row on one rung (clinic policy) the decision becomes review: reassess, and consider stepping back or changing the plan, with the count in the reason.',
    input: {
      plan: { startDate: '2026-03-02', weekStart: '2026-03-30', currentStepId: 'rw-60-60' },
      patient: { baselinePain: 2 },
      history: [
        { weekStart: '2026-03-09', stepId: 'rw-45-75', engineDecision: 'progress' },
        { weekStart: '2026-03-16', stepId: 'rw-60-60', engineDecision: 'hold' },
        { weekStart: '2026-03-23', stepId: 'rw-60-60', engineDecision: 'hold' },
      ],
      runs: [
        ...quietWeek(['2026-03-17', '2026-03-19', '2026-03-21'], 900, 900, 4, 2),
        ...quietWeek(['2026-03-24', '2026-03-26', '2026-03-28'], 900, 900, 5, 2),
        ...quietWeek(['2026-03-31', '2026-04-02', '2026-04-04'], 900, 900, 5, 2),
      ],
    },
  },
];
