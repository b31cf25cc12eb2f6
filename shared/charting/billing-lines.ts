import { z } from 'zod';
import { billUnits, unitsForMinutes, type UnitRule } from '../clinical/billing/eightMinuteRule';
import { PLAN_OF_CARE_MODIFIER, suggestDistinctModifiers, type ModifierSuggestion } from '../clinical/billing/modifiers';
import type { Diagnosis } from './episode';
import type { NoteContent, NoteType, ObjectiveRow } from './note-content';
import { CPT_SHORT_LABELS, EVALUATION_CODE_BY_COMPLEXITY, EXERCISE_CATEGORY_CPT, MANUAL_THERAPY_CPT, REEVALUATION_CODE } from './vocab';

/**
 * A note's billing lines, computed (never typed): the timed minutes of its rows per CPT code become
 * units by the clinic's payer rule, an evaluation bills one unit, GP goes on every line, a 59 is
 * suggested where the rules say, and each line points to the episode's diagnoses. Every figure comes
 * with the sentence that explains it.
 */
export const billingLineSchema = z.object({
  code: z.string(),
  label: z.string(),
  minutes: z.number().int(),
  units: z.number().int(),
  timed: z.boolean(),
  modifiers: z.array(z.string()),
  /** A suggested distinct-service modifier the therapist declined or may decline. */
  suggestion: z.object({ modifier: z.string(), sentence: z.string(), ruleId: z.string(), declined: z.boolean() }).nullable(),
  pointers: z.array(z.string()),
  sentence: z.string(),
});
export type BillingLine = z.infer<typeof billingLineSchema>;

export const billingSummarySchema = z.object({
  unitRule: z.enum(['cms-8-minute', 'cpt-midpoint']),
  totalTimedMinutes: z.number().int(),
  totalUnits: z.number().int(),
  /** Lines with units (what a receipt or superbill carries). */
  lines: z.array(billingLineSchema),
  /** Timed codes whose minutes earned no unit, with why. */
  unbilled: z.array(billingLineSchema),
  sentence: z.string(),
  ruleIds: z.array(z.string()),
});
export type BillingSummary = z.infer<typeof billingSummarySchema>;

/** What a receipt needs of a note's billing: the lines with units, without the explaining sentences. */
export const billedSchema = z.object({
  totalUnits: z.number().int(),
  lines: z.array(z.object({ code: z.string(), units: z.number().int(), minutes: z.number().int(), modifiers: z.array(z.string()), pointers: z.array(z.string()) })),
});
export type Billed = z.infer<typeof billedSchema>;

export function billedOf(summary: BillingSummary): Billed {
  return { totalUnits: summary.totalUnits, lines: summary.lines.map(({ code, units, minutes, modifiers, pointers }) => ({ code, units, minutes, modifiers, pointers })) };
}

/** The CPT code a treatment row's minutes bill under. */
export function rowCode(row: ObjectiveRow): string {
  return row.kind === 'exercise' ? EXERCISE_CATEGORY_CPT[row.category] : MANUAL_THERAPY_CPT;
}

/** The untimed evaluation code the note bills, if any. */
export function evaluationCode(type: NoteType, content: NoteContent): string | null {
  if (type === 'initial_evaluation') return content.evaluation.complexity ? EVALUATION_CODE_BY_COMPLEXITY[content.evaluation.complexity] : null;
  if (type === 'progress' || type === 'discharge') return content.evaluation.billReevaluation ? REEVALUATION_CODE : null;
  return null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const RULE_NAMES: Record<UnitRule, string> = { 'cms-8-minute': 'CMS 8-minute rule', 'cpt-midpoint': 'CPT midpoint rule' };

function timedSentence(rule: UnitRule, minutes: number, units: number, dayUnits: number, leftoverUnits: number): string {
  const full = Math.floor(minutes / 15);
  const left = minutes % 15;
  const head = `${minutes} min → ${plural(units, 'unit')}`;
  const fullPart = full ? `${plural(full, 'full 15-minute unit')}` : '';
  if (rule === 'cpt-midpoint') {
    if (units === 0) return `${head}: under 8 minutes, so no unit (CPT midpoint rule, per code).`;
    if (left === 0) return `${head}: ${fullPart}.`;
    return left >= 8 ? `${head}: ${fullPart ? `${fullPart}, plus ` : ''}1 for the ${left} minutes left (8 or more of 15).` : `${head}: ${fullPart}; the ${left} minutes left are under 8.`;
  }
  const extra = units - full;
  if (extra > 0) return `${head}: ${fullPart ? `${fullPart}, plus ` : ''}1 for its ${left} minutes left over (the day's leftover units go to the codes with the most minutes left).`;
  if (left === 0) return `${head}: ${fullPart}.`;
  if (dayUnits === 0) return `${head}: the day's timed minutes are under 8, so nothing is billed.`;
  const why = leftoverUnits > 0 ? `the day's remaining unit${leftoverUnits === 1 ? '' : 's'} went to codes with more minutes left over` : `the day's ${plural(dayUnits, 'unit')} were already used`;
  return `${head}: ${fullPart ? `${fullPart}; ` : ''}its ${left} minutes left over earn no unit (${why}).`;
}

/**
 * The billing lines for a note. `diagnoses` are the episode's, lettered A–L; without them lines have
 * no pointers. Pure: the editor shows the same figures the server stores at signing.
 */
export function computeBilling(input: { type: NoteType; content: NoteContent; diagnoses: readonly Diagnosis[]; unitRule: UnitRule }): BillingSummary {
  const { content, unitRule } = input;
  const minutesByCode = new Map<string, number>();
  for (const row of content.objective.rows) {
    const code = rowCode(row);
    minutesByCode.set(code, (minutesByCode.get(code) ?? 0) + (row.minutes ?? 0));
  }
  const evalCode = evaluationCode(input.type, content);
  const service = [...(evalCode ? [{ code: evalCode, minutes: 0 }] : []), ...[...minutesByCode].map(([code, minutes]) => ({ code, minutes }))];
  const result = billUnits(service, unitRule);
  // Every code here comes from Runback's own list, so billUnits cannot refuse them.
  if (!result.ok) throw new Error(`Unexpected billing codes: ${result.errors.map((e) => e.code).join(', ')}`);
  const dayUnits = unitRule === 'cms-8-minute' ? unitsForMinutes(result.totalTimedMinutes) : result.lines.filter((l) => l.timed).reduce((a, l) => a + l.units, 0);
  const leftoverUnits = dayUnits - result.lines.filter((l) => l.timed).reduce((a, l) => a + Math.floor(l.minutes / 15), 0);
  const billedCodes = result.lines.filter((l) => l.units > 0).map((l) => l.code);
  const suggestions = new Map<string, ModifierSuggestion>(suggestDistinctModifiers(billedCodes).map((s) => [s.code, s]));
  const letters = input.diagnoses.map((d) => d.letter);
  const ruleIds = new Set<string>(['billing.unit-rule', 'billing.gp-modifier', 'billing.diagnosis-pointers']);
  ruleIds.add(unitRule === 'cms-8-minute' ? 'billing.eight-minute' : 'billing.midpoint');

  const lines: BillingLine[] = result.lines.map((l) => {
    const label = CPT_SHORT_LABELS[l.code] ?? l.code;
    const suggestion = suggestions.get(l.code) ?? null;
    const choice = content.billing.modifiers[l.code];
    const declined = choice === 'none';
    if (suggestion) ruleIds.add(suggestion.ruleId);
    const modifiers = [PLAN_OF_CARE_MODIFIER, ...(suggestion && !declined ? [choice ?? suggestion.modifier] : [])];
    const chosen = (content.billing.pointers[l.code] ?? []).filter((p) => letters.includes(p));
    const pointers = chosen.length ? chosen : letters.slice(0, 4);
    if (!l.timed) ruleIds.add('billing.untimed');
    else if (unitRule === 'cms-8-minute') ruleIds.add('billing.assign-most-minutes');
    const sentence = l.timed
      ? timedSentence(unitRule, l.minutes, l.units, dayUnits, Math.max(0, leftoverUnits))
      : `${label} → 1 unit: evaluations bill one unit, outside the timed minutes.`;
    return {
      code: l.code,
      label,
      minutes: l.minutes,
      units: l.units,
      timed: l.timed,
      modifiers,
      suggestion: suggestion ? { modifier: suggestion.modifier, sentence: suggestion.sentence, ruleId: suggestion.ruleId, declined } : null,
      pointers,
      sentence,
    };
  });
  const total = result.totalTimedMinutes;
  const sentence =
    unitRule === 'cms-8-minute'
      ? total === 0
        ? 'No timed minutes recorded.'
        : dayUnits === 0
          ? `${plural(total, 'timed minute')} → no timed unit: the ${RULE_NAMES[unitRule]} needs 8 minutes or more in all.`
          : `${plural(total, 'timed minute')} → ${plural(dayUnits, 'unit')} by the ${RULE_NAMES[unitRule]} (${bandFor(dayUnits)} minutes bill ${dayUnits}); units go to the codes with the most minutes.`
      : `${plural(total, 'timed minute')} → ${plural(dayUnits, 'unit')} by the ${RULE_NAMES[unitRule]}: each code on its own, a unit per 15 minutes and one more when 8 or more are left.`;
  return {
    unitRule,
    totalTimedMinutes: total,
    totalUnits: result.totalUnits,
    lines: lines.filter((l) => l.units > 0),
    unbilled: lines.filter((l) => l.units === 0),
    sentence,
    ruleIds: [...ruleIds],
  };
}

/** "38–52" for 3 units: the band of total minutes that bills that many (clinical.md §5.3 table). */
function bandFor(units: number): string {
  return `${units * 15 - 7}–${units * 15 + 7}`;
}
