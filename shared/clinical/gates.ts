import type { ExerciseId } from './exercises';
import type { ClinicPolicy, MeasurementErrorKey } from './policy';
import type { Device, MeasureCode, MeasureResult, Reassessment, Side } from './reassessment';
import { classifyMeasureChange, getMeasure } from './reassessment';

/**
 * Mobility gates from the latest reassessment: a finding that holds the interval progression and
 * names the home exercises to add. Which findings gate progression is clinic policy; the cut-offs
 * are cited in reassessment.ts.
 *
 * An angle gates only when it passes its cut-off by more than the measurement error of the device
 * recorded (policy.measurementError): a 2° Thomas hip angle taken with a goniometer whose error is
 * 5° is reported, not acted on. A gate that held at the previous reassessment and no longer does is
 * reported as lifted, with why — back within normal, within measurement error, or improved beyond
 * its detectable change since the first reassessment.
 */
export const GATE_IDS = ['thomas', 'aslr', 'prone-instability', 'single-leg-squat'] as const;
export type GateId = (typeof GATE_IDS)[number];

export const GATE_RULE_IDS: Record<GateId, string> = {
  thomas: 'gate.thomas',
  aslr: 'gate.aslr',
  'prone-instability': 'gate.prone-instability',
  'single-leg-squat': 'gate.single-leg-squat',
};

/** What the gate is about, in staff words ("… now within normal: gate lifted"). */
export const GATE_TITLES: Record<GateId, string> = {
  thomas: 'hip extension (modified Thomas test)',
  aslr: 'active straight-leg raise',
  'prone-instability': 'prone instability test',
  'single-leg-squat': 'single-leg squat',
};

export const GATE_EXERCISES: Record<GateId, ExerciseId[]> = {
  thomas: ['hip-flexor-stretch'],
  aslr: ['mcgill-curl-up', 'side-bridge', 'bird-dog'],
  'prone-instability': ['mcgill-curl-up', 'side-bridge', 'bird-dog'],
  'single-leg-squat': ['glute-bridge', 'side-bridge'],
};

/** The battery's measures each gate reads. */
const GATE_MEASURES: Record<GateId, readonly MeasureCode[]> = {
  thomas: ['thomas_hip_angle', 'thomas_knee_angle'],
  aslr: ['aslr'],
  'prone-instability': ['prone_instability'],
  'single-leg-squat': ['single_leg_squat'],
};

export type GateLift = 'within-normal' | 'within-error' | 'improved';

export interface GateStatus {
  gate: GateId;
  ruleId: string;
  /** True when the gate holds progression now. */
  active: boolean;
  /** Not holding now, though it held at the previous reassessment (or the finding improved beyond its detectable change). */
  lifted: boolean;
  /** Why it lifted; null while it holds, or when it never held. */
  liftReason: GateLift | null;
  /** True when the finding is still there but has improved beyond its detectable change. */
  liftedByImprovement: boolean;
  /** Each side's finding in words: what holds, what is within error, what improved or is back to normal. */
  findings: string[];
  /** Findings past the cut-off but within the measurement error of the device (reported, not acted on). */
  withinError: string[];
  exercises: ExerciseId[];
  reassessmentDate: string;
}

function fmt(n: number): string {
  const s = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

const DEVICE_WORDS: Record<Device, string> = {
  goniometer: 'a goniometer',
  inclinometer: 'an inclinometer',
  'digital-inclinometer': 'a digital inclinometer',
  'tape-measure': 'a tape measure',
  stopwatch: 'a stopwatch',
  visual: 'eye',
  photograph: 'a photograph',
  other: 'another device',
};

/** The error of one reading of an angle with the device recorded (the largest when none was recorded). */
export function measurementErrorFor(code: MeasurementErrorKey, device: Device | null, policy: ClinicPolicy): { value: number; device: string } {
  const e = policy.measurementError[code];
  if (device === 'goniometer' || device === 'inclinometer' || device === 'digital-inclinometer' || device === 'photograph') return { value: e[device], device: DEVICE_WORDS[device] };
  return { value: e.unrecorded, device: device ? DEVICE_WORDS[device] : 'an unrecorded device' };
}

interface GateFindings {
  positive: string[];
  withinError: string[];
  improved: string[];
  normal: string[];
}

const empty = (): GateFindings => ({ positive: [], withinError: [], improved: [], normal: [] });

function sortByDate(list: readonly Reassessment[]): Reassessment[] {
  return [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The earliest result of a measure and side across the reassessments (the baseline). */
function baselineOf(reassessments: readonly Reassessment[], code: MeasureCode, side: Side): MeasureResult | undefined {
  for (const r of reassessments) {
    const m = r.measures.find((x) => x.code === code && x.side === side);
    if (m) return m;
  }
  return undefined;
}

/** Each gate's findings on the last of `history` (sorted by date), read against the first for improvement. */
function assess(history: readonly Reassessment[], policy: ClinicPolicy): Map<GateId, GateFindings> {
  const latest = history.at(-1)!;
  const first = history[0]!;
  const out = new Map<GateId, GateFindings>(GATE_IDS.map((g) => [g, empty()]));
  const g = policy.gates;

  /** A sided angle: past the cut-off by more than the device's error holds, unless it improved beyond its detectable change. */
  const angle = (gate: GateId, code: MeasurementErrorKey, cutoff: number, higherIsWorse: boolean, what: string, deficit: string) => {
    const f = out.get(gate)!;
    for (const m of latest.measures.filter((x) => x.code === code && typeof x.value === 'number')) {
      const v = m.value as number;
      const beyond = higherIsWorse ? v - cutoff : cutoff - v;
      const side = `on the ${m.side}`;
      const limit = `${higherIsWorse ? 'above' : 'below'} ${fmt(cutoff)}°`;
      if (beyond <= 0) {
        f.normal.push(`${what} ${fmt(v)}° ${side}, within normal (${higherIsWorse ? 'at or below' : 'at or above'} ${fmt(cutoff)}°)`);
        continue;
      }
      const err = measurementErrorFor(code, m.device, policy);
      if (beyond <= err.value) {
        f.withinError.push(`${what} ${fmt(v)}° ${side} is ${limit} by ${fmt(beyond)}°, within the ${fmt(err.value)}° measurement error of ${err.device}`);
        continue;
      }
      const base = baselineOf(history, code, m.side);
      const change = base && base !== m ? classifyMeasureChange(base, m, policy) : null;
      const text = `${what} ${fmt(v)}° ${side} (${limit}: ${deficit})`;
      if (change?.classification === 'improved')
        f.improved.push(`${text}, but improved ${fmt(Math.abs(change.difference!))}° since ${first.date}, beyond the ${fmt(change.threshold!)}° detectable change`);
      else f.positive.push(text);
    }
  };
  if (g.thomas.enabled) {
    angle('thomas', 'thomas_hip_angle', g.thomas.hipAngleAboveDeg, true, 'modified Thomas hip angle', 'hip-extension deficit');
    angle('thomas', 'thomas_knee_angle', g.thomas.kneeAngleBelowDeg, false, 'modified Thomas knee angle', 'short two-joint hip flexors');
  }

  if (g.aslr.enabled) {
    // A patient-rated score: Mens's own cut-off defines positive, so no device error applies.
    const sides = latest.measures.filter((m) => m.code === 'aslr' && typeof m.value === 'number');
    if (sides.length) {
      const f = out.get('aslr')!;
      const total = sides.reduce((a, m) => a + (m.value as number), 0);
      const text = `ASLR ${total}/10 (positive from ${g.aslr.positiveFromScore})`;
      if (total < g.aslr.positiveFromScore) f.normal.push(`ASLR ${total}/10, within normal`);
      else {
        const firstWithAslr = history.find((r) => r.measures.some((m) => m.code === 'aslr'));
        const baseTotal = firstWithAslr && firstWithAslr !== latest ? firstWithAslr.measures.filter((m) => m.code === 'aslr').reduce((a, m) => a + (m.value as number), 0) : null;
        const dc = policy.detectableChange.aslr;
        if (baseTotal !== null && baseTotal - total >= dc) f.improved.push(`${text}, but improved ${fmt(baseTotal - total)} points since ${firstWithAslr!.date}, beyond the ${fmt(dc)}-point detectable change`);
        else f.positive.push(text);
      }
    }
  }

  if (g.proneInstability.enabled) {
    const pit = latest.measures.find((m) => m.code === 'prone_instability');
    const name = getMeasure('prone_instability').name;
    if (pit?.value === 'positive') out.get('prone-instability')!.positive.push(`${name} positive`);
    else if (pit?.value === 'negative') out.get('prone-instability')!.normal.push(`${name} now negative`);
  }

  if (g.singleLegSquat.enabled) {
    for (const m of latest.measures.filter((x) => x.code === 'single_leg_squat')) {
      if (m.value === 'poor') out.get('single-leg-squat')!.positive.push(`single-leg squat poor on the ${m.side}`);
      else if (m.value === 'good') out.get('single-leg-squat')!.normal.push(`single-leg squat good on the ${m.side}`);
    }
  }
  return out;
}

/**
 * Evaluates each gate on the latest reassessment dated on or before `asOf` that took its measures,
 * and compares it with the one before to say which gates lifted. `reassessments` may come in any order.
 */
export function evaluateGates(reassessmentsIn: readonly Reassessment[], asOf: string, policy: ClinicPolicy): GateStatus[] {
  const history = sortByDate(reassessmentsIn.filter((r) => r.date <= asOf));
  if (!history.length) return [];
  const out: GateStatus[] = [];
  for (const gate of GATE_IDS) {
    // A partial battery neither holds nor lifts a gate whose measures it did not take: each gate is
    // read on the reassessments that took its measures, the latest of them against the one before.
    const taken = history.filter((r) => r.measures.some((m) => GATE_MEASURES[gate].includes(m.code)));
    const latest = taken.at(-1);
    if (!latest) continue;
    const f = assess(taken, policy).get(gate)!;
    const before = taken.length > 1 ? assess(taken.slice(0, -1), policy).get(gate)! : null;
    const active = f.positive.length > 0;
    const heldBefore = (before?.positive.length ?? 0) > 0;
    const lifted = !active && (heldBefore || f.improved.length > 0);
    if (!active && !lifted && !f.withinError.length) continue;
    const liftReason: GateLift | null = !lifted ? null : f.improved.length ? 'improved' : f.withinError.length ? 'within-error' : 'within-normal';
    out.push({
      gate,
      ruleId: GATE_RULE_IDS[gate],
      active,
      lifted,
      liftReason,
      liftedByImprovement: liftReason === 'improved',
      findings: [...f.positive, ...f.improved, ...f.withinError, ...(lifted ? f.normal : [])],
      withinError: f.withinError,
      exercises: active ? GATE_EXERCISES[gate] : [],
      reassessmentDate: latest.date,
    });
  }
  return out;
}

const LIFT_WORDS: Record<GateLift, string> = {
  'within-normal': 'now within normal',
  'within-error': 'now within measurement error of the cut-off',
  improved: 'improved beyond its detectable change',
};

/** The sentence for a gate that does not hold: lifted (and why), or a finding within measurement error. */
export function gateInfoSentence(g: GateStatus): { ruleId: string; sentence: string } | null {
  if (g.active) return null;
  if (g.lifted) return { ruleId: 'gate.lift', sentence: `${capitalise(GATE_TITLES[g.gate])} ${LIFT_WORDS[g.liftReason!]}: gate lifted (${g.findings.join('; ')}).` };
  if (g.withinError.length)
    return { ruleId: 'gate.measurement-error', sentence: `The reassessment on ${g.reassessmentDate} found ${g.withinError.join('; ')}: not a gate, as the finding may be measurement error.` };
  return null;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
