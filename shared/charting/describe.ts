import type { ObjectiveRow } from './note-content';
import {
  EXERCISE_CATEGORY_LABELS,
  JOINT_REGION_LABELS,
  JOINT_TECHNIQUE_LABELS,
  POSITION_LABELS,
  SIDE_LABELS,
  SOFT_TISSUE_TECHNIQUE_LABELS,
} from './vocab';

/** A treatment row in one line, as the note prints it: "Lumbar L4–L5 central PA, grade III, prone, 8 min". */
export function describeRow(row: ObjectiveRow): string {
  const parts: string[] = [];
  const mins = row.minutes === null ? null : `${row.minutes} min`;
  if (row.kind === 'joint') {
    const technique = row.technique === 'other' ? row.techniqueOther.trim() || 'other technique' : row.technique ? JOINT_TECHNIQUE_LABELS[row.technique] : null;
    const where = [row.region ? JOINT_REGION_LABELS[row.region] : 'Joint', row.segment].filter(Boolean).join(' ');
    parts.push([where, technique?.replace(/^./, (c) => c.toLowerCase())].filter(Boolean).join(' '));
    if (row.grade) parts.push(row.grade === 'V' ? 'grade V (thrust)' : `grade ${row.grade}`);
    if (row.side && row.side !== 'central') parts.push(SIDE_LABELS[row.side].toLowerCase());
    if (row.position) parts.push(POSITION_LABELS[row.position].toLowerCase());
  } else if (row.kind === 'soft_tissue') {
    parts.push([row.technique ? SOFT_TISSUE_TECHNIQUE_LABELS[row.technique] : 'Soft tissue', row.muscleGroup.trim()].filter(Boolean).join(', '));
    if (row.side && row.side !== 'central') parts.push(SIDE_LABELS[row.side].toLowerCase());
  } else {
    const dose = [row.sets !== null && row.reps !== null ? `${row.sets} × ${row.reps}` : row.sets !== null ? `${row.sets} sets` : row.reps !== null ? `${row.reps} reps` : null, row.holdSeconds !== null ? `hold ${row.holdSeconds} s` : null, row.load.trim() || null]
      .filter(Boolean)
      .join(', ');
    parts.push(`${EXERCISE_CATEGORY_LABELS[row.category]}: ${row.name.trim() || 'exercise'}${dose ? ` ${dose}` : ''}`);
    if (row.side && row.side !== 'central') parts.push(SIDE_LABELS[row.side].toLowerCase());
  }
  if (mins) parts.push(mins);
  return parts.join(', ');
}

/** "Joint mobilisation", "Soft tissue", "Exercise": the kind of a row, for headings and lists. */
export const ROW_KIND_LABELS: Record<ObjectiveRow['kind'], string> = {
  joint: 'Joint mobilisation / manipulation',
  soft_tissue: 'Soft tissue',
  exercise: 'Exercise and neuromuscular re-education',
};
