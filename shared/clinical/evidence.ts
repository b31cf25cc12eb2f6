import { z } from 'zod';

/**
 * How far a rule can be trusted, mapped from clinical.md's status key:
 * ✅ confirmed from an abstract, registry, publisher page or guideline → 'confirmed';
 * ⚠️ secondary or partial → 'secondary';
 * ❌ not confirmed, or a choice the clinic makes → 'clinic-policy' (a setting, never a fact).
 */
export const EVIDENCE_GRADES = ['confirmed', 'secondary', 'clinic-policy'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

export const EVIDENCE_GRADE_LABELS: Record<EvidenceGrade, string> = {
  confirmed: 'confirmed from an abstract, registry, publisher page or guideline (✅)',
  secondary: 'from a secondary or partial source (⚠️)',
  'clinic-policy': "the clinic's own setting, not evidence (❌ not confirmed, or no source gives the figure)",
};

/** The weaker of two grades: a rule is only as strong as its weakest part. */
export function weakerGrade(a: EvidenceGrade, b: EvidenceGrade): EvidenceGrade {
  return EVIDENCE_GRADES.indexOf(a) >= EVIDENCE_GRADES.indexOf(b) ? a : b;
}

export const REASON_EFFECTS = ['stop-and-review', 'regress', 'review', 'hold', 'progress', 'adjust', 'info'] as const;
export type ReasonEffect = (typeof REASON_EFFECTS)[number];

/** One reason behind a decision or a flag, readable by a therapist, traceable to its rule. */
export const reasonSchema = z.object({
  ruleId: z.string(),
  sentence: z.string(),
  source: z.string(),
  grade: z.enum(EVIDENCE_GRADES),
  effect: z.enum(REASON_EFFECTS),
});
export type Reason = z.infer<typeof reasonSchema>;
