import type { ExerciseId } from './exercises';
import type { ClinicPolicy } from './policy';
import type { MeasureCode, MeasureResult, Reassessment, Side } from './reassessment';
import { classifyMeasureChange, getMeasure } from './reassessment';

/**
 * Mobility gates from the latest reassessment: a finding that holds the interval progression and
 * names the home exercises to add. A gate lifts when the measure is no longer positive, or when it has
 * improved since the first reassessment by at least its detectable change (reassessment.ts). Which
 * findings gate progression is clinic policy; the cut-offs themselves are cited in reassessment.ts.
 */
export const GATE_IDS = ['thomas', 'aslr', 'prone-instability', 'single-leg-squat'] as const;
export type GateId = (typeof GATE_IDS)[number];

export const GATE_RULE_IDS: Record<GateId, string> = {
  thomas: 'gate.thomas',
  aslr: 'gate.aslr',
  'prone-instability': 'gate.prone-instability',
  'single-leg-squat': 'gate.single-leg-squat',
};

export const GATE_EXERCISES: Record<GateId, ExerciseId[]> = {
  thomas: ['hip-flexor-stretch'],
  aslr: ['mcgill-curl-up', 'side-bridge', 'bird-dog'],
  'prone-instability': ['mcgill-curl-up', 'side-bridge', 'bird-dog'],
  'single-leg-squat': ['glute-bridge', 'side-bridge'],
};

export interface GateStatus {
  gate: GateId;
  ruleId: string;
  /** True when the gate holds progression now. */
  active: boolean;
  /** True when the finding is still there but has improved beyond its detectable change. */
  liftedByImprovement: boolean;
  findings: string[];
  exercises: ExerciseId[];
  reassessmentDate: string;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** The earliest result of a measure and side across the reassessments (the baseline). */
function baselineOf(reassessments: readonly Reassessment[], code: MeasureCode, side: Side): MeasureResult | undefined {
  for (const r of reassessments) {
    const m = r.measures.find((x) => x.code === code && x.side === side);
    if (m) return m;
  }
  return undefined;
}

/**
 * Evaluates the gates on the latest reassessment dated on or before `asOf`.
 * `reassessments` may come in any order; only those up to `asOf` are read.
 */
export function evaluateGates(reassessmentsIn: readonly Reassessment[], asOf: string, policy: ClinicPolicy): GateStatus[] {
  const reassessments = [...reassessmentsIn].filter((r) => r.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = reassessments.at(-1);
  if (!latest) return [];
  const out: GateStatus[] = [];
  const status = (gate: GateId, positive: string[], lifted: string[]): void => {
    if (!positive.length && !lifted.length) return;
    out.push({
      gate,
      ruleId: GATE_RULE_IDS[gate],
      active: positive.length > 0,
      liftedByImprovement: positive.length === 0 && lifted.length > 0,
      findings: [...positive, ...lifted],
      exercises: positive.length ? GATE_EXERCISES[gate] : [],
      reassessmentDate: latest.date,
    });
  };

  /** A sided numeric finding: positive unless it improved beyond its detectable change since baseline. */
  const sidedNumeric = (code: MeasureCode, isDeficit: (v: number) => boolean, describe: (m: MeasureResult) => string) => {
    const positive: string[] = [];
    const lifted: string[] = [];
    for (const m of latest.measures.filter((x) => x.code === code && typeof x.value === 'number')) {
      if (!isDeficit(m.value as number)) continue;
      const base = baselineOf(reassessments, code, m.side);
      const change = base && base !== m ? classifyMeasureChange(base, m, policy) : null;
      if (change?.classification === 'improved')
        lifted.push(`${describe(m)}, but improved ${fmt(Math.abs(change.difference!))}° since ${reassessments[0]!.date}, beyond the ${fmt(change.threshold!)}° detectable change`);
      else positive.push(describe(m));
    }
    return { positive, lifted };
  };

  const g = policy.gates;
  if (g.thomas.enabled) {
    const hip = sidedNumeric(
      'thomas_hip_angle',
      (v) => v > g.thomas.hipAngleAboveDeg,
      (m) => `modified Thomas hip angle ${fmt(m.value as number)}° on the ${m.side} (above ${fmt(g.thomas.hipAngleAboveDeg)}°: hip-extension deficit)`,
    );
    const knee = sidedNumeric(
      'thomas_knee_angle',
      (v) => v < g.thomas.kneeAngleBelowDeg,
      (m) => `modified Thomas knee angle ${fmt(m.value as number)}° on the ${m.side} (below ${fmt(g.thomas.kneeAngleBelowDeg)}°: short two-joint hip flexors)`,
    );
    status('thomas', [...hip.positive, ...knee.positive], [...hip.lifted, ...knee.lifted]);
  }

  if (g.aslr.enabled) {
    const sides = latest.measures.filter((m) => m.code === 'aslr' && typeof m.value === 'number');
    if (sides.length) {
      const total = sides.reduce((a, m) => a + (m.value as number), 0);
      if (total >= g.aslr.positiveFromScore) {
        const firstWithAslr = reassessments.find((r) => r.measures.some((m) => m.code === 'aslr'));
        const baseTotal = firstWithAslr && firstWithAslr !== latest ? firstWithAslr.measures.filter((m) => m.code === 'aslr').reduce((a, m) => a + (m.value as number), 0) : null;
        const dc = policy.detectableChange.aslr;
        const text = `ASLR ${total}/10 (positive from ${g.aslr.positiveFromScore})`;
        if (baseTotal !== null && baseTotal - total >= dc) status('aslr', [], [`${text}, but improved ${fmt(baseTotal - total)} points since ${firstWithAslr!.date}, beyond the ${fmt(dc)}-point detectable change`]);
        else status('aslr', [text], []);
      }
    }
  }

  if (g.proneInstability.enabled) {
    const pit = latest.measures.find((m) => m.code === 'prone_instability');
    if (pit?.value === 'positive') status('prone-instability', [`${getMeasure('prone_instability').name} positive`], []);
  }

  if (g.singleLegSquat.enabled) {
    const poor = latest.measures.filter((m) => m.code === 'single_leg_squat' && m.value === 'poor');
    status('single-leg-squat', poor.map((m) => `single-leg squat poor on the ${m.side}`), []);
  }
  return out;
}
