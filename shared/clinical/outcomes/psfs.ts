import { z } from 'zod';
import { foldForSearch } from '../../util/text';
import type { ClinicPolicy } from '../policy';
import type { ScoreChange } from './change';
import { assessScoreChange } from './change';

/**
 * Patient-Specific Functional Scale (clinical.md §4.3, Stratford 1995 ✅): up to 3 activities (some
 * versions 5), each 0 (unable) … 10 (pre-injury level); score = mean. MDC (90%) 2 points for the mean,
 * 3 for a single activity. No LBP-specific MCID is confirmed (❌), so none is flagged.
 */
export const psfsResponseSchema = z.strictObject({
  activities: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, 'Name the activity').max(120),
        score: z.number().int().min(0, 'A PSFS activity scores 0–10').max(10, 'A PSFS activity scores 0–10'),
      }),
    )
    .min(1, 'The PSFS needs at least one activity')
    .max(5, 'The PSFS takes up to 5 activities'),
});
export type PsfsResponse = z.output<typeof psfsResponseSchema>;

export function scorePsfs(response: PsfsResponse): number {
  return response.activities.reduce((a, x) => a + x.score, 0) / response.activities.length;
}

export interface PsfsChange {
  average: ScoreChange;
  /** Activities named at both visits (matched by name, ignoring case and accents). */
  activities: { name: string; change: ScoreChange }[];
}

export function comparePsfs(baseline: PsfsResponse, current: PsfsResponse, policy: ClinicPolicy): PsfsChange {
  const p = policy.outcomes.psfs;
  const average = assessScoreChange(scorePsfs(baseline), scorePsfs(current), { label: 'PSFS average', unit: '', higherIsBetter: true, mdc: { value: p.mdcAverage, ruleId: 'psfs.mdc' }, mcid: null }, policy);
  const activities = current.activities.flatMap((a) => {
    const before = baseline.activities.find((b) => foldForSearch(b.name) === foldForSearch(a.name));
    if (!before) return [];
    return [{ name: a.name, change: assessScoreChange(before.score, a.score, { label: `PSFS "${a.name}"`, unit: '', higherIsBetter: true, mdc: { value: p.mdcSingle, ruleId: 'psfs.mdc' }, mcid: null }, policy) }];
  });
  return { average, activities };
}
