import type { ClinicPolicy } from '../policy';
import type { ScoreChange } from './change';
import { assessScoreChange } from './change';

/**
 * Numeric Pain Rating Scale 0–10 (clinical.md §4.2): MDC 2 points (Childs 2005 ✅), MIC 2 points or
 * 30% (Ostelo 2008 ✅), NRS 0 = recovered (Kamper 2010 ✅).
 */
export function isNprsRecovered(score: number): boolean {
  return score === 0;
}

export function compareNprs(baseline: number, current: number, policy: ClinicPolicy): ScoreChange {
  const n = policy.outcomes.nprs;
  return assessScoreChange(
    baseline,
    current,
    { label: 'NPRS', unit: '/10', higherIsBetter: false, mdc: { value: n.mdcPoints, ruleId: 'nprs.mdc' }, mcid: { points: n.micPoints, percent: n.micPercent, ruleId: 'nprs.mic' } },
    policy,
  );
}
