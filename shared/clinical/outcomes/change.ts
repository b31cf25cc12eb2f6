import type { Reason } from '../evidence';
import type { ClinicPolicy } from '../policy';
import { makeReason } from '../rules';

export type ChangeDirection = 'improved' | 'worse' | 'within-error';

/** Change from baseline for a score, read against its detectable and important-change thresholds. */
export interface ScoreChange {
  baseline: number;
  current: number;
  /** current − baseline. */
  change: number;
  /** Positive when the patient is better, whichever way the scale runs. */
  improvement: number;
  /** Improvement as a % of the baseline (scales where lower is better only; null when baseline is 0). */
  percentImprovement: number | null;
  direction: ChangeDirection;
  beyondMdc: boolean;
  /** null when the measure has no confirmed minimal important change. */
  meetsMcid: boolean | null;
  reasons: Reason[];
}

export interface ChangeRules {
  label: string;
  unit: string;
  higherIsBetter: boolean;
  mdc: { value: number; ruleId: string };
  mcid: { points: number; percent: number | null; ruleId: string } | null;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * Reads a change the way clinical.md §4 states the thresholds: beyond measurement error at the MDC,
 * clinically important at the MCID/MIC in points or (where the source gives one) as a % of baseline.
 */
export function assessScoreChange(baseline: number, current: number, rules: ChangeRules, policy: ClinicPolicy): ScoreChange {
  const change = current - baseline;
  const improvement = rules.higherIsBetter ? change : -change;
  const percentImprovement = !rules.higherIsBetter && baseline !== 0 ? (improvement / baseline) * 100 : null;
  // Scores with decimals (ODI 35.56, PSFS means): a threshold reached exactly must count despite binary floats.
  const EPS = 1e-9;
  const beyondMdc = Math.abs(change) >= rules.mdc.value - EPS;
  const direction: ChangeDirection = !beyondMdc ? 'within-error' : improvement > 0 ? 'improved' : 'worse';
  const meetsMcid =
    rules.mcid === null
      ? null
      : improvement >= rules.mcid.points - EPS || (rules.mcid.percent !== null && percentImprovement !== null && percentImprovement >= rules.mcid.percent - EPS);
  const moved = change === 0 ? `stayed at ${fmt(current)}${rules.unit}` : `went from ${fmt(baseline)}${rules.unit} to ${fmt(current)}${rules.unit} (${change > 0 ? '+' : ''}${fmt(change)})`;
  const reasons: Reason[] = [
    makeReason(
      rules.mdc.ruleId,
      `${rules.label} ${moved}: ${beyondMdc ? `${improvement > 0 ? 'better' : 'worse'} beyond` : 'within'} the ${fmt(rules.mdc.value)}-point measurement error.`,
      'info',
      policy,
    ),
  ];
  if (rules.mcid) {
    const pct = rules.mcid.percent !== null ? ` or ${fmt(rules.mcid.percent)}% of baseline` : '';
    const by = percentImprovement !== null && improvement > 0 ? ` (${fmt(percentImprovement)}% of baseline)` : '';
    reasons.push(
      makeReason(
        rules.mcid.ruleId,
        meetsMcid
          ? `The improvement of ${fmt(improvement)} points${by} reaches the minimal important change (${fmt(rules.mcid.points)} points${pct}).`
          : `The change does not reach the minimal important improvement (${fmt(rules.mcid.points)} points${pct}).`,
        'info',
        policy,
      ),
    );
  }
  return { baseline, current, change, improvement, percentImprovement, direction, beyondMdc, meetsMcid, reasons };
}
