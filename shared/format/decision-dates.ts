import type { PlanDecision } from '../clinical/planner';

/**
 * A stored planner decision as staff read it: the dates inside its sentences (a reassessment's, a
 * run's, an override's) written the clinic's way. The decision is stored with ISO dates, so a clinic
 * that changes its date order sees every past decision in the new one; only the engine's words are
 * rewritten, never a therapist's own (an override's reason is quoted as typed).
 */
export function localiseDecisionDates(decision: PlanDecision, dates: (text: string) => string): PlanDecision {
  return {
    ...decision,
    reasons: decision.reasons.map((r) => ({ ...r, sentence: r.ruleId === 'planner.override' ? overrideSentence(r.sentence, dates) : dates(r.sentence) })),
    // Decisions stored before gates and research context existed have neither.
    gates: (decision.gates as PlanDecision['gates'] | undefined)?.map((g) => ({ ...g, findings: g.findings.map(dates), withinError: (g.withinError as string[] | undefined)?.map(dates) ?? [] })) ?? [],
    researchContext: (decision.researchContext as PlanDecision['researchContext'] | undefined)
      ? { ...decision.researchContext, items: decision.researchContext.items.map((i) => ({ ...i, patient: dates(i.patient) })) }
      : decision.researchContext,
  };
}

/** 'Therapist override by X on 2026-11-20: hold — "reason as typed". The rules alone said …': the quote stays as typed. */
function overrideSentence(sentence: string, dates: (text: string) => string): string {
  const open = sentence.indexOf(' — "');
  const close = sentence.lastIndexOf('". ');
  if (open < 0 || close < open) return dates(sentence);
  return dates(sentence.slice(0, open)) + sentence.slice(open, close) + dates(sentence.slice(close));
}
