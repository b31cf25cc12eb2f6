import { GATE_TITLES, type GateId, type GateStatus } from '../clinical/gates';

/**
 * What the builder suggests: the exercises the mobility gates (shared/clinical/gates.ts) add for the
 * patient's latest reassessment findings. No rule is made here — the gates decide which findings hold
 * the plan and which exercises they add (rules gate.*, clinic policy with their sources); this only
 * turns each active gate into one line per exercise with the finding that calls for it, in words.
 */
export interface ProgramSuggestion {
  exerciseKey: string;
  gate: GateId;
  /** The rule that adds the exercise (rules registry id). */
  ruleId: string;
  /** Why, citing the findings, e.g. "Hip extension (modified Thomas test): modified Thomas hip angle 8° on the left (above 0°: hip-extension deficit) — reassessment of 3 Nov 2026". */
  reason: string;
  /** The reassessment the findings come from (ISO calendar date; the reason carries it in words). */
  reassessmentDate: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One suggestion per exercise an active gate adds, in the gates' order; an exercise two gates add
 * (the side bridge for a positive ASLR and a poor single-leg squat) is suggested once, its reason
 * naming both. `date` writes a calendar date the clinic's way; `findingText` rewrites the dates the
 * engine's findings may carry ("improved … since …").
 */
export function programSuggestions(gates: readonly GateStatus[], words: { date: (iso: string) => string; findingText?: (s: string) => string }): ProgramSuggestion[] {
  const out = new Map<string, ProgramSuggestion>();
  for (const g of gates) {
    if (!g.active) continue;
    // Findings within measurement error are reported by the gate but are not what calls for the exercise.
    const findings = g.findings.filter((f) => !g.withinError.includes(f)).map(words.findingText ?? ((s) => s));
    const because = `${capitalise(GATE_TITLES[g.gate])}: ${findings.join('; ')} — reassessment of ${words.date(g.reassessmentDate)}`;
    for (const key of g.exercises) {
      const already = out.get(key);
      if (already) already.reason = `${already.reason}. ${because}`;
      else out.set(key, { exerciseKey: key, gate: g.gate, ruleId: g.ruleId, reason: because, reassessmentDate: g.reassessmentDate });
    }
  }
  return [...out.values()];
}
