/**
 * Modifiers on PT claim lines (clinical.md §5.2).
 *
 * GP goes on every line of a PT plan of care, evaluations included (✅ Medicare; many commercial
 * payers expect it too). A distinct-service modifier (59, or the more specific XE/XS/XP/XU) is
 * suggested where two codes billed the same day form an NCCI edit pair: 97140 with 97530 is the pair
 * the sources show (✅; since July 2019 CMS unbundles when the modifier is on either code, so it goes
 * on 97140). 97140 with an evaluation or re-evaluation is the clinic's list (common billing guidance,
 * not in the sources read), so it is graded clinic policy. A suggestion is only a suggestion: the
 * therapist confirms that the services were really distinct (separate regions or time) or declines it.
 */
export const DISTINCT_SERVICE_MODIFIERS = ['59', 'XE', 'XS', 'XP', 'XU'] as const;
export type DistinctServiceModifier = (typeof DISTINCT_SERVICE_MODIFIERS)[number];

export const EVALUATION_CODES = ['97161', '97162', '97163', '97164'] as const;
export type EvaluationCode = (typeof EVALUATION_CODES)[number];

export interface DistinctPair {
  /** The code that takes the modifier. */
  code: string;
  /** Any of these billed the same day makes the pair. */
  with: readonly string[];
  ruleId: 'billing.distinct-97140-97530' | 'billing.distinct-97140-evaluation';
  /** Why, in words, for the line's sentence. */
  why: (pairedWith: readonly string[]) => string;
}

export const DISTINCT_PAIRS: readonly DistinctPair[] = [
  { code: '97140', with: ['97530'], ruleId: 'billing.distinct-97140-97530', why: () => 'billed with 97530 on the same day, an NCCI edit pair' },
  {
    code: '97140',
    with: EVALUATION_CODES,
    ruleId: 'billing.distinct-97140-evaluation',
    why: (paired) => `billed with the evaluation ${paired.join(' and ')} on the same day, a pair many payers edit (clinic policy)`,
  },
];

export interface ModifierSuggestion {
  code: string;
  modifier: DistinctServiceModifier;
  ruleId: DistinctPair['ruleId'];
  /** The other code(s) of the pair billed today. */
  pairedWith: string[];
  sentence: string;
}

/** GP on every line of a PT plan of care. */
export const PLAN_OF_CARE_MODIFIER = 'GP';

/** Distinct-service suggestions for the codes billed on one date of service (only codes with units count). */
export function suggestDistinctModifiers(billedCodes: readonly string[]): ModifierSuggestion[] {
  const billed = new Set(billedCodes);
  const out: ModifierSuggestion[] = [];
  for (const pair of DISTINCT_PAIRS) {
    if (!billed.has(pair.code)) continue;
    const pairedWith = pair.with.filter((c) => billed.has(c));
    if (!pairedWith.length || out.some((s) => s.code === pair.code)) continue;
    out.push({
      code: pair.code,
      modifier: '59',
      ruleId: pair.ruleId,
      pairedWith,
      sentence: `59 suggested on ${pair.code}: ${pair.why(pairedWith)}; keep it only when the services were distinct (a separate region or time).`,
    });
  }
  return out;
}
