import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '../../../shared/clinical/ladder';
import type { RunPlanRecord } from '../../../shared/domain/running';
import { planFlagText } from '../../../renderer/src/screens/plan/PlanFlag';

const week = (over: Partial<RunPlanRecord['weeks'][number]> = {}): RunPlanRecord['weeks'][number] => ({
  id: 1,
  weekStart: '2026-11-23',
  stepId: 'rw-60-60',
  screenId: null,
  redFlags: [],
  screenAction: null,
  engineDecision: null,
  decision: null,
  decidedAt: null,
  acceptedBy: null,
  acceptedAt: null,
  override: null,
  ...over,
});
const plan = (weeks: RunPlanRecord['weeks'], endedAt: string | null = null): RunPlanRecord => ({
  id: 1,
  patientId: 1,
  startDate: '2026-11-02',
  startingStepId: 'rw-15-105',
  sessionsPerWeek: 3,
  baselinePain: 2,
  ladder: DEFAULT_LADDER,
  endedAt,
  endReason: null,
  weeks,
});

describe('the chart header’s plan flag', () => {
  it('names the rung and the session in plain words', () => {
    expect(planFlagText(plan([week()]))).toEqual({ text: 'Plan: rung 4 of 10 · Run 1 minute, walk 1 minute, 15 times (30 minutes)', warning: false });
  });
  it('warns when the plan is stopped for review, by the engine (accepted) or by the therapist', () => {
    expect(planFlagText(plan([week({ engineDecision: 'stop-and-review', acceptedAt: 'x' })]))).toEqual({ text: 'Plan: stopped for review', warning: true });
    expect(planFlagText(plan([week({ engineDecision: 'hold', override: { decision: 'stop-and-review', stepId: null, reason: 'r', by: null, at: 'x' } })]))!.warning).toBe(true);
    expect(planFlagText(plan([week({ engineDecision: 'stop-and-review' })]))!.warning).toBe(false); // not yet decided
  });
  it('shows nothing for an ended plan', () => {
    expect(planFlagText(plan([week()], '2026-11-20T00:00:00Z'))).toBeNull();
  });
});
