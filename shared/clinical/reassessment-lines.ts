import type { EvidenceGrade } from './evidence';
import type { ClinicPolicy } from './policy';
import { detectableChangeFor, getMeasure, type MeasureCode } from './reassessment';

/**
 * The lines a measure's trend chart draws: its cut-off as a number (where the battery has one a
 * number can stand for; the cut-off texts in reassessment.ts give the source) and its detectable
 * change with the figure's grade. The Thomas cut-offs are the gate's own clinic settings, so the
 * chart shows the line the planner reads; they keep their published grade only while unchanged.
 */
export interface CutoffLine {
  value: number;
  /** Which side of the line is the finding, in words for the legend: "above 0°: short hip flexors". */
  label: string;
  grade: EvidenceGrade;
}

export interface MeasureLines {
  cutoff: CutoffLine | null;
  detectableChange: { value: number; grade: EvidenceGrade } | null;
}

function cutoffLine(code: MeasureCode, policy: ClinicPolicy): CutoffLine | null {
  const thomas = policy.gates.thomas;
  switch (code) {
    case 'thomas_hip_angle':
      return { value: thomas.hipAngleAboveDeg, label: `above ${thomas.hipAngleAboveDeg}°: short one-joint hip flexors`, grade: thomas.hipAngleAboveDeg === 0 ? 'confirmed' : 'clinic-policy' };
    case 'thomas_knee_angle':
      return { value: thomas.kneeAngleBelowDeg, label: `below ${thomas.kneeAngleBelowDeg}°: short two-joint hip flexors`, grade: thomas.kneeAngleBelowDeg === 67 ? 'confirmed' : 'clinic-policy' };
    case 'slr':
      return { value: 80, label: 'below 80°: limited hamstring flexibility', grade: 'confirmed' };
    case 'thoracic_rotation':
      return { value: 50, label: 'below 50°: screening threshold (visual estimate)', grade: 'secondary' };
    case 'modified_schober':
      return { value: 5, label: 'below 5 cm: reduced lumbar flexion', grade: 'secondary' };
    default:
      return null;
  }
}

export function measureLines(code: MeasureCode, policy: ClinicPolicy): MeasureLines {
  const def = getMeasure(code);
  return { cutoff: cutoffLine(code, policy), detectableChange: def.kind === 'numeric' ? detectableChangeFor(code, policy) : null };
}
