/**
 * The words a manual-therapy note is written in: regions, spinal segments, techniques, Maitland
 * grades, sides, positions, soft-tissue techniques and exercise categories (each category with the
 * CPT code its minutes bill under). Keys are stored; labels are what staff read and print.
 */

export const JOINT_REGIONS = ['lumbar', 'thoracic', 'cervical', 'sacroiliac', 'rib', 'hip', 'knee', 'ankle_foot'] as const;
export type JointRegion = (typeof JOINT_REGIONS)[number];
export const JOINT_REGION_LABELS: Record<JointRegion, string> = {
  lumbar: 'Lumbar',
  thoracic: 'Thoracic',
  cervical: 'Cervical',
  sacroiliac: 'Sacroiliac',
  rib: 'Rib',
  hip: 'Hip',
  knee: 'Knee',
  ankle_foot: 'Ankle / foot',
};

/** Regions whose rows name a motion segment (L4–L5, T6–T7). */
export const SPINAL_REGIONS: readonly JointRegion[] = ['cervical', 'thoracic', 'lumbar'];

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const pairs = (levels: string[]) => levels.slice(0, -1).map((l, i) => `${l}–${levels[i + 1]}`);

/** Motion segments per spinal region, written with an en dash as clinicians print them. */
export const SPINAL_SEGMENTS: Record<'cervical' | 'thoracic' | 'lumbar', readonly string[]> = {
  cervical: pairs(['C0', ...range('C', 1, 7), 'T1']),
  thoracic: pairs([...range('T', 1, 12), 'L1']),
  lumbar: pairs([...range('L', 1, 5), 'S1']),
};

/** "l4-5", "L4/L5", "l4 l5" → "L4–L5" when it names a segment of the region; null otherwise. */
export function normalizeSegment(region: JointRegion, text: string): string | null {
  if (!(SPINAL_REGIONS as readonly string[]).includes(region)) return null;
  const list = SPINAL_SEGMENTS[region as 'cervical' | 'thoracic' | 'lumbar'];
  const m = /^\s*([CTLS])\s*(\d{1,2})\s*(?:[-–—/ ]\s*([CTLS])?\s*(\d{1,2}))?\s*$/i.exec(text);
  if (!m) return null;
  const upper = m[1]!.toUpperCase();
  const first = `${upper}${Number(m[2])}`;
  const found = list.find((s) => {
    const [a, b] = s.split('–') as [string, string];
    if (a !== first) return false;
    if (m[4] === undefined) return true;
    return b === `${(m[3] ?? upper).toUpperCase()}${Number(m[4])}`;
  });
  return found ?? null;
}

export const JOINT_TECHNIQUES = [
  'central_pa',
  'unilateral_pa',
  'transverse',
  'rotation',
  'lateral_glide',
  'flexion',
  'extension',
  'snag',
  'distraction',
  'posterior_glide',
  'anterior_glide',
  'inferior_glide',
  'other',
] as const;
export type JointTechnique = (typeof JOINT_TECHNIQUES)[number];
export const JOINT_TECHNIQUE_LABELS: Record<JointTechnique, string> = {
  central_pa: 'Central PA',
  unilateral_pa: 'Unilateral PA',
  transverse: 'Transverse glide',
  rotation: 'Rotation',
  lateral_glide: 'Lateral glide',
  flexion: 'Physiological flexion',
  extension: 'Physiological extension',
  snag: 'SNAG (sustained natural apophyseal glide)',
  distraction: 'Long-axis distraction',
  posterior_glide: 'Posterior glide',
  anterior_glide: 'Anterior glide',
  inferior_glide: 'Inferior glide',
  other: 'Other (describe)',
};
/** Which techniques the editor offers first for a region (any may be chosen). */
export const TECHNIQUES_BY_REGION: Record<JointRegion, readonly JointTechnique[]> = {
  lumbar: ['central_pa', 'unilateral_pa', 'transverse', 'rotation', 'flexion', 'extension', 'snag', 'other'],
  thoracic: ['central_pa', 'unilateral_pa', 'transverse', 'rotation', 'extension', 'snag', 'other'],
  cervical: ['central_pa', 'unilateral_pa', 'transverse', 'rotation', 'lateral_glide', 'snag', 'other'],
  sacroiliac: ['unilateral_pa', 'rotation', 'distraction', 'other'],
  rib: ['unilateral_pa', 'rotation', 'other'],
  hip: ['distraction', 'posterior_glide', 'anterior_glide', 'inferior_glide', 'lateral_glide', 'other'],
  knee: ['posterior_glide', 'anterior_glide', 'distraction', 'other'],
  ankle_foot: ['posterior_glide', 'anterior_glide', 'distraction', 'other'],
};

/** Maitland grades (clinical.md §9 ✅): V is a high-velocity thrust, i.e. manipulation. */
export const MAITLAND_GRADES = ['I', 'II', 'III', 'IV', 'V'] as const;
export type MaitlandGrade = (typeof MAITLAND_GRADES)[number];
export const MAITLAND_GRADE_MEANINGS: Record<MaitlandGrade, string> = {
  I: 'small amplitude short of resistance',
  II: 'large amplitude short of resistance',
  III: 'large amplitude into resistance',
  IV: 'small amplitude into resistance',
  V: 'high-velocity thrust (manipulation)',
};

/** The same in a few words, for a narrow list: "III — large, into resistance". */
export const MAITLAND_GRADE_SHORT: Record<MaitlandGrade, string> = {
  I: 'small, short of resistance',
  II: 'large, short of resistance',
  III: 'large, into resistance',
  IV: 'small, into resistance',
  V: 'thrust',
};

export const SIDES = ['left', 'right', 'bilateral', 'central'] as const;
export type Side = (typeof SIDES)[number];
export const SIDE_LABELS: Record<Side, string> = { left: 'Left', right: 'Right', bilateral: 'Bilateral', central: 'Central' };

export const POSITIONS = ['prone', 'supine', 'side_lying_left', 'side_lying_right', 'sitting', 'standing', 'four_point_kneeling'] as const;
export type Position = (typeof POSITIONS)[number];
export const POSITION_LABELS: Record<Position, string> = {
  prone: 'Prone',
  supine: 'Supine',
  side_lying_left: 'Side-lying on the left',
  side_lying_right: 'Side-lying on the right',
  sitting: 'Sitting',
  standing: 'Standing',
  four_point_kneeling: 'Four-point kneeling',
};

/** Soft-tissue work bills under 97140 (clinical.md §5.2: myofascial release and STM go there, not 97124). */
export const SOFT_TISSUE_TECHNIQUES = ['stm', 'myofascial_release', 'trigger_point', 'instrument_assisted', 'pnf_stretch'] as const;
export type SoftTissueTechnique = (typeof SOFT_TISSUE_TECHNIQUES)[number];
export const SOFT_TISSUE_TECHNIQUE_LABELS: Record<SoftTissueTechnique, string> = {
  stm: 'Soft-tissue mobilisation',
  myofascial_release: 'Myofascial release',
  trigger_point: 'Trigger-point pressure',
  instrument_assisted: 'Instrument-assisted soft-tissue mobilisation',
  pnf_stretch: 'Contract–relax (PNF) stretch',
};

/** Suggestions for the muscle-group field (free text is allowed). */
export const MUSCLE_GROUPS = [
  'Lumbar paraspinals',
  'Thoracolumbar fascia',
  'Quadratus lumborum',
  'Thoracic paraspinals',
  'Gluteus maximus',
  'Gluteus medius',
  'Piriformis / deep hip rotators',
  'Iliopsoas',
  'Rectus femoris',
  'Tensor fasciae latae / ITB',
  'Hip adductors',
  'Hamstrings',
  'Calf (gastrocnemius / soleus)',
] as const;

export const EXERCISE_CATEGORIES = ['therapeutic_exercise', 'neuromuscular', 'therapeutic_activity', 'self_care'] as const;
export type ExerciseCategory = (typeof EXERCISE_CATEGORIES)[number];
export const EXERCISE_CATEGORY_LABELS: Record<ExerciseCategory, string> = {
  therapeutic_exercise: 'Therapeutic exercise',
  neuromuscular: 'Neuromuscular re-education',
  therapeutic_activity: 'Therapeutic activity',
  self_care: 'Home program / self-care training',
};
/** The timed CPT code each kind of row bills under (clinical.md §5.2). */
export const EXERCISE_CATEGORY_CPT: Record<ExerciseCategory, string> = {
  therapeutic_exercise: '97110',
  neuromuscular: '97112',
  therapeutic_activity: '97530',
  self_care: '97535',
};
export const MANUAL_THERAPY_CPT = '97140';

/** Suggestions for the exercise field (free text is allowed). */
export const EXERCISE_SUGGESTIONS = [
  'McGill curl-up',
  'Side bridge',
  'Bird dog',
  'Glute bridge',
  'Half-kneeling hip-flexor stretch',
  'Open-book thoracic rotation',
  'Prone press-up',
  'Dead bug',
  'Single-leg squat to box',
  'Step-down with pelvic control',
  'Single-leg balance',
  'Treadmill run-walk with cueing',
  'Cadence drill (metronome)',
  'Hip hinge with dowel',
  'Home program review',
] as const;

/** Our own short labels for the codes a note bills (CPT descriptors are AMA text: clinical.md §9). */
export const CPT_SHORT_LABELS: Record<string, string> = {
  '97140': 'Manual therapy',
  '97110': 'Therapeutic exercise',
  '97112': 'Neuromuscular re-education',
  '97530': 'Therapeutic activities',
  '97535': 'Self-care / home program training',
  '97161': 'PT evaluation, low complexity',
  '97162': 'PT evaluation, moderate complexity',
  '97163': 'PT evaluation, high complexity',
  '97164': 'PT re-evaluation',
};

export const EVALUATION_COMPLEXITIES = ['low', 'moderate', 'high'] as const;
export type EvaluationComplexity = (typeof EVALUATION_COMPLEXITIES)[number];
export const EVALUATION_CODE_BY_COMPLEXITY: Record<EvaluationComplexity, string> = { low: '97161', moderate: '97162', high: '97163' };
export const REEVALUATION_CODE = '97164';

export const PAIN_QUALITIES = ['ache', 'sharp', 'burning', 'pins_and_needles', 'numbness'] as const;
export type PainQuality = (typeof PAIN_QUALITIES)[number];
export const PAIN_QUALITY_LABELS: Record<PainQuality, string> = {
  ache: 'Ache',
  sharp: 'Sharp',
  burning: 'Burning',
  pins_and_needles: 'Pins and needles',
  numbness: 'Numbness',
};

export const DISCHARGE_REASONS = ['goals_met', 'plateau', 'patient_choice', 'non_attendance', 'referred_on', 'moved', 'other'] as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];
export const DISCHARGE_REASON_LABELS: Record<DischargeReason, string> = {
  goals_met: 'Goals met',
  plateau: 'Plateaued: no further gains expected',
  patient_choice: "Patient's choice",
  non_attendance: 'Stopped attending',
  referred_on: 'Referred to another provider',
  moved: 'Moved away',
  other: 'Other',
};
