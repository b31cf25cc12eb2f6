import { z } from 'zod';

/**
 * Keele STarT Back Screening Tool, 9-item (clinical.md §4.5, keele.ac.uk/sbst ✅). Items 1–8 are
 * agree/disagree; item 9 (bothersomeness) is positive only for "very much" or "extremely". Total 0–9;
 * distress subscale = items 5–9 (0–5). Total ≤3 → low; otherwise subscale ≤3 → medium, 4–5 → high.
 * Licence for commercial software is not confirmed (❌): store answers and scores, not the wording.
 */
export const BOTHERSOMENESS = ['not-at-all', 'slightly', 'moderately', 'very-much', 'extremely'] as const;
export type Bothersomeness = (typeof BOTHERSOMENESS)[number];

export const startBackResponseSchema = z.strictObject({
  /** Items 1–8 in order: true = agree. */
  agree: z.array(z.boolean()).length(8, 'STarT Back items 1–8 need an answer each'),
  bothersomeness: z.enum(BOTHERSOMENESS),
});
export type StartBackResponse = z.output<typeof startBackResponseSchema>;

export const START_BACK_GROUPS = ['low', 'medium', 'high'] as const;
export type StartBackGroup = (typeof START_BACK_GROUPS)[number];

export interface StartBackScore {
  total: number;
  distress: number;
  group: StartBackGroup;
}

export function scoreStartBack(response: StartBackResponse): StartBackScore {
  const item9 = response.bothersomeness === 'very-much' || response.bothersomeness === 'extremely' ? 1 : 0;
  const total = response.agree.filter(Boolean).length + item9;
  const distress = response.agree.slice(4).filter(Boolean).length + item9;
  const group: StartBackGroup = total <= 3 ? 'low' : distress <= 3 ? 'medium' : 'high';
  return { total, distress, group };
}
