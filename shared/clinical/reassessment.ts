import { z } from 'zod';
import type { EvidenceGrade } from './evidence';
import type { ClinicPolicy, DetectableChangeKey } from './policy';
import { clinicDateSchema } from './runs';
import type { SourceId } from './sources';

/**
 * The reassessment battery of clinical.md §3. Each measure says how it is taken, its unit and sides,
 * which device to record, its cut-offs and — only where a source gives one — its detectable change.
 * Where no detectable change is published the classifier still needs a figure: it comes from the
 * clinic policy (`detectableChange`) and is labelled clinic policy.
 */
export const MEASURE_CODES = [
  'thomas_hip_angle',
  'thomas_knee_angle',
  'hip_ir',
  'hip_er',
  'thoracic_rotation',
  'modified_schober',
  'slr',
  'aslr',
  'prone_instability',
  'single_leg_squat',
  'mcgill_flexor',
  'biering_sorensen',
  'side_bridge',
] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];

export const DEVICES = ['goniometer', 'inclinometer', 'digital-inclinometer', 'tape-measure', 'stopwatch', 'visual', 'photograph', 'other'] as const;
export type Device = (typeof DEVICES)[number];

export const SIDES = ['left', 'right', 'none'] as const;
export type Side = (typeof SIDES)[number];

export type MeasureKind = 'numeric' | 'positive-negative' | 'good-poor';

export interface Cutoff {
  text: string;
  sourceIds: SourceId[];
  grade: EvidenceGrade;
}

export interface MeasureDefinition {
  code: MeasureCode;
  name: string;
  kind: MeasureKind;
  unit: 'deg' | 'cm' | 's' | 'points' | 'result';
  sided: boolean;
  /** Numeric measures: which way is better. */
  higherIsBetter: boolean | null;
  range: readonly [number, number] | null;
  method: string;
  devices: readonly Device[];
  cutoffs: readonly Cutoff[];
  /** A published detectable change, or null where clinical.md found none (❌). */
  publishedDetectableChange: { value: number; basis: string; sourceIds: SourceId[]; grade: EvidenceGrade } | null;
  /** The policy setting the classifier uses. */
  detectableChangeKey: DetectableChangeKey | null;
  sourceIds: readonly SourceId[];
}

const DEVICE_NOTE = 'Record the device and use the same one each visit: inclinometer and goniometer differ by about 3–5°.';

export const MEASURES: readonly MeasureDefinition[] = [
  {
    code: 'thomas_hip_angle',
    name: 'Modified Thomas test — hip angle',
    kind: 'numeric',
    unit: 'deg',
    sided: true,
    higherIsBetter: false,
    range: [-40, 60],
    method: `Supine at the table end, opposite knee hugged; thigh angle to horizontal, + = thigh above horizontal. Not valid unless pelvic tilt is controlled. ${DEVICE_NOTE}`,
    devices: ['goniometer', 'inclinometer', 'digital-inclinometer', 'photograph'],
    cutoffs: [
      { text: 'Hip angle >0° (thigh above horizontal) = short/stiff one-joint hip flexors', sourceIds: ['thomas-bmc-2021'], grade: 'confirmed' },
      // Roach reports hip *extension* (+ = thigh below horizontal): its +6.8° / −4.2° are turned into this measure's sign here.
      { text: 'Passive hip extension in this sign (+ = thigh above horizontal): controls −6.8°, active adults with chronic LBP +4.2° (reported as +6.8° vs −4.2° extension; digital inclinometer; test position not confirmed)', sourceIds: ['roach-2015'], grade: 'secondary' },
    ],
    publishedDetectableChange: null,
    detectableChangeKey: 'thomas_hip_angle',
    sourceIds: ['thomas-bmc-2021', 'vigotsky-2016', 'roach-2013'],
  },
  {
    code: 'thomas_knee_angle',
    name: 'Modified Thomas test — knee angle',
    kind: 'numeric',
    unit: 'deg',
    sided: true,
    higherIsBetter: true,
    range: [0, 160],
    method: `Same position as the hip angle; knee flexion angle of the hanging leg. ${DEVICE_NOTE}`,
    devices: ['goniometer', 'inclinometer', 'digital-inclinometer', 'photograph'],
    cutoffs: [{ text: 'Knee angle <67° = short two-joint hip flexors (rectus femoris, TFL)', sourceIds: ['thomas-bmc-2021'], grade: 'confirmed' }],
    // Only the SEM (7°) is published; the policy default 16.3° is the MDC90 derived from it (1.645 × √2 × SEM).
    publishedDetectableChange: null,
    detectableChangeKey: 'thomas_knee_angle',
    sourceIds: ['thomas-bmc-2021', 'peeler-2008', 'roach-2013'],
  },
  {
    code: 'hip_ir',
    name: 'Hip internal rotation',
    kind: 'numeric',
    unit: 'deg',
    sided: true,
    higherIsBetter: true,
    range: [0, 90],
    method: `Prone with the hip extended (or supine/seated — record which); inclinometer or goniometer. ${DEVICE_NOTE}`,
    devices: ['goniometer', 'inclinometer', 'digital-inclinometer', 'photograph'],
    cutoffs: [{ text: 'Reference (healthy 20–60 yr): prone IR 35.2°, supine IR 29.6°; falls with age', sourceIds: ['kouyoumdjian-2012'], grade: 'confirmed' }],
    publishedDetectableChange: null,
    detectableChangeKey: 'hip_ir',
    sourceIds: ['kouyoumdjian-2012', 'roach-2013'],
  },
  {
    code: 'hip_er',
    name: 'Hip external rotation',
    kind: 'numeric',
    unit: 'deg',
    sided: true,
    higherIsBetter: true,
    range: [0, 90],
    method: `Prone with the hip extended (or supine/seated — record which); inclinometer or goniometer. ${DEVICE_NOTE}`,
    devices: ['goniometer', 'inclinometer', 'digital-inclinometer', 'photograph'],
    cutoffs: [{ text: 'Reference (healthy 20–60 yr): prone ER 41.8°, supine ER 38.5°; total prone 77.1°', sourceIds: ['kouyoumdjian-2012'], grade: 'confirmed' }],
    publishedDetectableChange: null,
    detectableChangeKey: 'hip_er',
    sourceIds: ['kouyoumdjian-2012', 'roach-2013'],
  },
  {
    code: 'thoracic_rotation',
    name: 'Thoracic rotation (lumbar-locked)',
    kind: 'numeric',
    unit: 'deg',
    sided: true,
    higherIsBetter: true,
    range: [0, 120],
    method: 'Seated bar-in-front/back, half-kneeling, or quadruped lumbar-locked; inclinometer; 3 trials per side, averaged. Over-estimates rotation compared with MRI.',
    devices: ['inclinometer', 'digital-inclinometer', 'visual'],
    cutoffs: [{ text: 'Screening threshold <50° (quadruped lumbar-locked, visual estimate); population norms not confirmed', sourceIds: ['matsel-thoracic'], grade: 'secondary' }],
    publishedDetectableChange: {
      value: 6.3,
      basis: 'upper end of the inter-tester MDC range 2.8–6.3° (intra-tester 2.1–5.9°)',
      sourceIds: ['jat-2012-thoracic'],
      grade: 'confirmed',
    },
    detectableChangeKey: 'thoracic_rotation',
    sourceIds: ['jat-2012-thoracic'],
  },
  {
    code: 'modified_schober',
    name: 'Lumbar flexion — modified Schober excursion',
    kind: 'numeric',
    unit: 'cm',
    sided: false,
    higherIsBetter: true,
    range: [0, 15],
    method: 'Standing; marks at the lumbosacral junction, 10 cm above and 5 cm below; record the increase of the 15 cm span in full flexion. Skin marks often miss lumbar segments; compare with the patient\'s own baseline.',
    devices: ['tape-measure'],
    cutoffs: [{ text: 'Excursion ≥5 cm (span >20 cm) normal, <5 cm reduced — a classic ankylosing spondylitis screen, no LBP cut-off', sourceIds: ['schober-topend', 'tousignant-2005'], grade: 'secondary' }],
    publishedDetectableChange: null,
    detectableChangeKey: 'modified_schober',
    sourceIds: ['schober-topend', 'tousignant-2005'],
  },
  {
    code: 'slr',
    name: 'Passive straight-leg raise (hamstring length)',
    kind: 'numeric',
    unit: 'deg',
    sided: true,
    higherIsBetter: true,
    range: [0, 150],
    method: `Supine, knee extended, inclinometer at the tibia or thigh. ${DEVICE_NOTE}`,
    devices: ['inclinometer', 'digital-inclinometer', 'goniometer'],
    cutoffs: [
      { text: '≥80° normal hamstring flexibility, <80° limited', sourceIds: ['ayala-2013'], grade: 'confirmed' },
      { text: 'SLR >91° is one item of the Hicks stabilisation rule', sourceIds: ['hicks-2005'], grade: 'confirmed' },
    ],
    publishedDetectableChange: null,
    detectableChangeKey: 'slr',
    sourceIds: ['ayala-2013', 'hicks-2005'],
  },
  {
    code: 'aslr',
    name: 'Active straight-leg raise (ASLR)',
    kind: 'numeric',
    unit: 'points',
    sided: true,
    higherIsBetter: false,
    range: [0, 5],
    method: 'Supine, feet 20 cm apart, raise each straight leg 20 cm; patient rates difficulty 0 (not difficult) … 5 (unable) per side; the test score is the sum of both sides (0–10).',
    devices: ['visual'],
    cutoffs: [{ text: 'Sum of both sides 1–10 = positive', sourceIds: ['mens-2001'], grade: 'confirmed' }],
    publishedDetectableChange: null,
    detectableChangeKey: 'aslr',
    sourceIds: ['mens-2001'],
  },
  {
    code: 'prone_instability',
    name: 'Prone instability test',
    kind: 'positive-negative',
    unit: 'result',
    sided: false,
    higherIsBetter: null,
    range: null,
    method: 'Prone on the table, feet on the floor: PA pressure on the lumbar spinous processes; repeat with the legs lifted.',
    devices: ['visual'],
    cutoffs: [{ text: 'Positive if pain in the resting position subsides substantially when the legs are lifted (κ 0.87)', sourceIds: ['delitto-2012', 'hicks-2005'], grade: 'confirmed' }],
    publishedDetectableChange: null,
    detectableChangeKey: null,
    sourceIds: ['delitto-2012', 'hicks-2005'],
  },
  {
    code: 'single_leg_squat',
    name: 'Single-leg squat quality',
    kind: 'good-poor',
    unit: 'result',
    sided: true,
    higherIsBetter: null,
    range: null,
    method: 'Observe 3–5 squats per leg; rate overall impression, weight transfer/trunk, lumbar spine and pelvis, leg alignment and foot alignment good or poor; record the overall rating.',
    devices: ['visual', 'photograph'],
    cutoffs: [{ text: 'Overall rating good or poor on 5 criteria', sourceIds: ['sls-rrp-2012'], grade: 'confirmed' }],
    publishedDetectableChange: null,
    detectableChangeKey: null,
    sourceIds: ['sls-rrp-2012'],
  },
  {
    code: 'mcgill_flexor',
    name: 'McGill flexor endurance hold',
    kind: 'numeric',
    unit: 's',
    sided: false,
    higherIsBetter: true,
    range: [0, 900],
    method: 'Sitting against a 60° back support, hips and knees at 90°; support removed; time to form failure.',
    devices: ['stopwatch'],
    cutoffs: [{ text: 'Ratio targets: flexion/extension <1.0 (absolute norms not confirmed)', sourceIds: ['mcgill-ratios', 'mcgill-1999'], grade: 'secondary' }],
    publishedDetectableChange: null,
    detectableChangeKey: 'mcgill_flexor',
    sourceIds: ['mcgill-1999'],
  },
  {
    code: 'biering_sorensen',
    name: 'Biering-Sørensen extensor endurance hold',
    kind: 'numeric',
    unit: 's',
    sided: false,
    higherIsBetter: true,
    range: [0, 900],
    method: 'Prone, iliac crests at the table edge, lower body fixed; hold the trunk horizontal; time to form failure. The often-quoted 176 s cut-off is not confirmed.',
    devices: ['stopwatch'],
    cutoffs: [{ text: 'Side bridge/extension <0.75 (ratio target); no confirmed absolute cut-off', sourceIds: ['mcgill-ratios', 'biering-sorensen-1984'], grade: 'secondary' }],
    publishedDetectableChange: null,
    detectableChangeKey: 'biering_sorensen',
    sourceIds: ['biering-sorensen-1984', 'mcgill-1999'],
  },
  {
    code: 'side_bridge',
    name: 'Side bridge endurance hold',
    kind: 'numeric',
    unit: 's',
    sided: true,
    higherIsBetter: true,
    range: [0, 600],
    method: 'Side-lying bridge on the elbow, legs straight; time to form failure, each side.',
    devices: ['stopwatch'],
    cutoffs: [{ text: 'Right/left ≈ 1:1 (ratio target)', sourceIds: ['mcgill-ratios'], grade: 'secondary' }],
    publishedDetectableChange: null,
    detectableChangeKey: 'side_bridge',
    sourceIds: ['mcgill-1999'],
  },
];

const BY_CODE: ReadonlyMap<MeasureCode, MeasureDefinition> = new Map(MEASURES.map((m) => [m.code, m]));

export function getMeasure(code: MeasureCode): MeasureDefinition {
  return BY_CODE.get(code)!;
}

export const MEASURE_RESULTS = ['positive', 'negative', 'good', 'poor'] as const;

/** The fields of one measure's result; `checkMeasureResult` holds them to the battery. */
export const measureResultShape = {
  code: z.enum(MEASURE_CODES, { error: 'Choose a measure of the battery' }),
  side: z.enum(SIDES, { error: 'Side is left, right or none' }).default('none'),
  value: z.union([z.number({ error: 'Enter a number' }), z.enum(MEASURE_RESULTS)], { error: 'Enter a number or a result' }),
  device: z.enum(DEVICES, { error: 'Choose a device of the list' }).nullable().default(null),
  /** e.g. 'prone' or 'seated' for hip rotation. */
  position: z.string().trim().max(40).nullable().default(null),
};

const SIDE_WORDS: Record<Side, string> = { left: ' (left)', right: ' (right)', none: '' };
const UNIT_WORDS: Record<MeasureDefinition['unit'], string> = { deg: '°', cm: ' cm', s: ' s', points: ' points', result: '' };

/** Sides as the battery has them; numbers within the measure's range (the message names the measure, side and range). */
export function checkMeasureResult(m: { code: MeasureCode; side: Side; value: number | string; device: Device | null }, ctx: z.RefinementCtx): void {
  const def = getMeasure(m.code);
  const name = `${def.name}${SIDE_WORDS[m.side]}`;
  if (def.sided && m.side === 'none') ctx.addIssue({ code: 'custom', message: `${def.name} is recorded per side (left or right)`, path: ['side'] });
  if (!def.sided && m.side !== 'none') ctx.addIssue({ code: 'custom', message: `${def.name} has no sides (use "none")`, path: ['side'] });
  if (m.device !== null && !def.devices.includes(m.device) && m.device !== 'other')
    ctx.addIssue({ code: 'custom', message: `${def.name} is not taken with a ${m.device}`, path: ['device'] });
  if (def.kind === 'numeric') {
    if (typeof m.value !== 'number' || !Number.isFinite(m.value)) ctx.addIssue({ code: 'custom', message: `${name} needs a number (${def.unit})`, path: ['value'] });
    else if (def.range && (m.value < def.range[0] || m.value > def.range[1]))
      ctx.addIssue({ code: 'custom', message: `${name} must be between ${def.range[0]} and ${def.range[1]}${UNIT_WORDS[def.unit]}`, path: ['value'] });
  } else if (def.kind === 'positive-negative' && m.value !== 'positive' && m.value !== 'negative') {
    ctx.addIssue({ code: 'custom', message: `${name} is "positive" or "negative"`, path: ['value'] });
  } else if (def.kind === 'good-poor' && m.value !== 'good' && m.value !== 'poor') {
    ctx.addIssue({ code: 'custom', message: `${name} is "good" or "poor"`, path: ['value'] });
  }
}

export const measureResultSchema = z.strictObject(measureResultShape).superRefine(checkMeasureResult);
export type MeasureResult = z.output<typeof measureResultSchema>;

export const reassessmentSchema = z.strictObject({
  date: clinicDateSchema,
  measures: z.array(measureResultSchema).max(100),
});
export type Reassessment = z.output<typeof reassessmentSchema>;
export type ReassessmentInput = z.input<typeof reassessmentSchema>;

export type ChangeClass = 'improved' | 'within-error' | 'worse';

export interface MeasureChange {
  code: MeasureCode;
  side: Side;
  classification: ChangeClass;
  /** after − before for numeric measures; null for categorical ones. */
  difference: number | null;
  threshold: number | null;
  thresholdGrade: EvidenceGrade;
  warnings: string[];
}

/** The detectable change the classifier uses for a numeric measure, with its evidence grade. */
export function detectableChangeFor(code: MeasureCode, policy: ClinicPolicy): { value: number; grade: EvidenceGrade } | null {
  const def = getMeasure(code);
  if (!def.detectableChangeKey) return null;
  const value = policy.detectableChange[def.detectableChangeKey];
  const published = def.publishedDetectableChange;
  // A published figure keeps its grade only while the clinic uses it unchanged.
  const grade: EvidenceGrade = published && published.value === value ? published.grade : 'clinic-policy';
  return { value, grade };
}

/**
 * Improved / within measurement error / worse, between two results of the same measure and side.
 * A numeric change counts only when it reaches the detectable change; a categorical one when the
 * result flips (positive → negative, poor → good).
 */
export function classifyMeasureChange(before: MeasureResult, after: MeasureResult, policy: ClinicPolicy): MeasureChange {
  if (before.code !== after.code) throw new Error(`Cannot compare ${before.code} with ${after.code}`);
  if (before.side !== after.side) throw new Error(`Cannot compare the ${before.side} side with the ${after.side} side`);
  const def = getMeasure(after.code);
  const warnings: string[] = [];
  if (before.device && after.device && before.device !== after.device)
    warnings.push(`Measured with a ${before.device} before and a ${after.device} now: devices differ by about 3–5°, so this change may be the device (Roach et al. 2013).`);
  if (before.position && after.position && before.position !== after.position)
    warnings.push(`Measured ${before.position} before and ${after.position} now: positions give different values.`);

  if (def.kind !== 'numeric') {
    const good = def.kind === 'positive-negative' ? 'negative' : 'good';
    const classification: ChangeClass = before.value === after.value ? 'within-error' : after.value === good ? 'improved' : 'worse';
    return { code: def.code, side: after.side, classification, difference: null, threshold: null, thresholdGrade: 'confirmed', warnings };
  }
  const b = before.value as number;
  const a = after.value as number;
  const dc = detectableChangeFor(def.code, policy)!;
  const difference = a - b;
  const gain = def.higherIsBetter ? difference : -difference;
  // Measures are recorded to a decimal: 46.3 − 40 must reach a 6.3 threshold despite binary floats.
  const EPS = 1e-9;
  const classification: ChangeClass = gain >= dc.value - EPS ? 'improved' : gain <= -dc.value + EPS ? 'worse' : 'within-error';
  return { code: def.code, side: after.side, classification, difference, threshold: dc.value, thresholdGrade: dc.grade, warnings };
}

/** The results of one measure in a reassessment, by side. */
export function findMeasure(r: Reassessment, code: MeasureCode, side?: Side): MeasureResult | undefined {
  return r.measures.find((m) => m.code === code && (side === undefined || m.side === side));
}
