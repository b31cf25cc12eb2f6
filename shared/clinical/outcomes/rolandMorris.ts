import { z } from 'zod';
import type { ClinicPolicy } from '../policy';
import type { ScoreChange } from './change';
import { assessScoreChange } from './change';

/**
 * Roland-Morris Disability Questionnaire, 24-item (clinical.md §4.4): score = items ticked (0–24);
 * not-applicable items score 0 (✅). MDC (90%) 4–5 points, too imprecise to show improvement below 4
 * or deterioration above 20 (Stratford 1996 ✅); MIC 5 points or 30% (Ostelo 2008 ✅); ≤2 = recovered
 * (Kamper 2010 ✅). The 18- and 11-item versions are not scored here.
 */
export const RMDQ_ITEMS = 24;

export const rmdqResponseSchema = z.strictObject({
  items: z.array(z.union([z.boolean(), z.literal('not-applicable')])).length(RMDQ_ITEMS, `The Roland-Morris has ${RMDQ_ITEMS} items`),
});
export type RmdqResponse = z.output<typeof rmdqResponseSchema>;

export interface RmdqScore {
  score: number;
  recovered: boolean;
  /** Below 4 an improvement cannot be shown; above 20 a deterioration cannot. */
  floorOrCeiling: 'floor' | 'ceiling' | null;
}

export function scoreRmdq(response: RmdqResponse): RmdqScore {
  const score = response.items.filter((i) => i === true).length;
  return { score, recovered: score <= 2, floorOrCeiling: score < 4 ? 'floor' : score > 20 ? 'ceiling' : null };
}

export function compareRmdq(baseline: number, current: number, policy: ClinicPolicy): ScoreChange {
  const r = policy.outcomes.rmdq;
  return assessScoreChange(
    baseline,
    current,
    { label: 'Roland-Morris', unit: '/24', higherIsBetter: false, mdc: { value: r.mdcPoints, ruleId: 'rmdq.mdc' }, mcid: { points: r.micPoints, percent: r.micPercent, ruleId: 'rmdq.mic' } },
    policy,
  );
}
