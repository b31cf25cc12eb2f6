import type { PlanDecision } from '../../../../shared/clinical/planner';
import { GROUP_ACTIONS } from '../../../../shared/clinical/redFlags';
import { Banner } from '../../components/Banner';

/**
 * What a decision asks of the therapist beyond the rung, said first: an urgent medical assessment,
 * a referral, or a review of a plan that has stalled. (Decisions stored before these existed have
 * no red-flag action.)
 */
export function DecisionAlert({ decision }: { decision: PlanDecision }) {
  const action = decision.redFlagAction ?? null;
  if (action === 'urgent-medical') return <Banner tone="error">Possible cauda equina syndrome — {GROUP_ACTIONS['cauda-equina'].charAt(0).toLowerCase() + GROUP_ACTIONS['cauda-equina'].slice(1)}</Banner>;
  if (action === 'stop-and-refer') return <Banner tone="warning">{GROUP_ACTIONS.systemic}</Banner>;
  if (decision.engineDecision === 'review')
    return <Banner tone="info">The plan has not moved for several weeks: review the patient — reassess, and consider stepping back or changing the plan.</Banner>;
  return null;
}
