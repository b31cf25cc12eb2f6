import type { RunPlanRecord } from '../../../../shared/domain/running';
import { describeSession } from '../../../../shared/clinical/ladder';
import { useQuery } from '../../api/hooks';

/** The header's plan flag: where the patient stands on the run-walk ladder, at a glance (ux.md). */
export function planFlagText(plan: RunPlanRecord): { text: string; warning: boolean } | null {
  if (plan.endedAt) return null;
  const week = plan.weeks.at(-1);
  if (!week) return null;
  const index = plan.ladder.findIndex((s) => s.id === week.stepId);
  const step = plan.ladder[index];
  const stopped = (week.override?.decision ?? (week.acceptedAt ? week.engineDecision : null)) === 'stop-and-review';
  if (stopped) return { text: 'Plan: stopped for review', warning: true };
  if (!step) return null;
  return { text: `Plan: rung ${index + 1} of ${plan.ladder.length} · ${describeSession(step)}`, warning: false };
}

/** Shown only to the clinical roles that may read the plan (the query is not even made otherwise). */
export function PlanFlag({ patientId, enabled }: { patientId: number; enabled: boolean }) {
  const { data } = useQuery('plans.get', { patientId }, { enabled });
  const flag = data?.plan ? planFlagText(data.plan) : null;
  if (!enabled || !flag) return null;
  return (
    <span className={`badge${flag.warning ? ' badge-warning' : ''}`} data-testid="plan-flag">
      {flag.text}
    </span>
  );
}
