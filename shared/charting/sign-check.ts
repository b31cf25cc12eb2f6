import type { Episode } from './episode';
import { describeRow } from './describe';
import type { NoteContent, NoteType, ObjectiveRow } from './note-content';
import { SPINAL_REGIONS, normalizeSegment } from './vocab';

/**
 * What must be written before a note can be signed, per note type. A draft may be anything; a signed
 * note is complete. Keys are field paths the editor shows the message next to; the first few also go
 * into the refusal's sentence.
 */
export type SigningProblems = Record<string, string>;

function rowProblems(row: ObjectiveRow, index: number, out: SigningProblems) {
  const at = (field: string) => `objective.rows.${row.id}.${field}`;
  const name = `Row ${index + 1}`;
  if (row.minutes === null || row.minutes < 1) out[at('minutes')] = `${name}: give the minutes`;
  if (row.kind === 'joint') {
    if (!row.region) out[at('region')] = `${name}: choose the region`;
    if (!row.technique) out[at('technique')] = `${name}: choose the technique`;
    if (row.technique === 'other' && !row.techniqueOther.trim()) out[at('techniqueOther')] = `${name}: describe the technique`;
    if (!row.grade) out[at('grade')] = `${name}: choose the grade (I–V)`;
    if (row.region && SPINAL_REGIONS.includes(row.region) && !(row.segment && normalizeSegment(row.region, row.segment))) {
      out[at('segment')] = `${name}: give the segment (e.g. ${row.region === 'lumbar' ? 'L4–L5' : row.region === 'thoracic' ? 'T6–T7' : 'C5–C6'})`;
    }
  } else if (row.kind === 'soft_tissue') {
    if (!row.muscleGroup.trim()) out[at('muscleGroup')] = `${name}: name the muscle group`;
    if (!row.technique) out[at('technique')] = `${name}: choose the technique`;
  } else if (!row.name.trim()) out[at('name')] = `${name}: name the exercise`;
}

export function signingProblems(input: { type: NoteType; content: NoteContent; episode: Pick<Episode, 'diagnoses' | 'goals' | 'planOfCare'> }): SigningProblems {
  const { type, content: c, episode } = input;
  const out: SigningProblems = {};
  if (c.subjective.painNow === null && !c.subjective.patientWords.trim()) out['subjective.painNow'] = "Subjective: give today's pain (0–10) or the patient's words";
  if (c.subjective.flare.occurred === true && !c.subjective.flare.what.trim()) out['subjective.flare.what'] = 'Subjective: say what the flare was';
  c.objective.rows.forEach((row, i) => rowProblems(row, i, out));
  if (type === 'daily' && c.objective.rows.length === 0 && !c.objective.measures.trim()) out['objective.rows'] = "Objective: add today's treatment or measures";
  if (!c.assessment.text.trim()) out['assessment.text'] = 'Assessment: write the assessment';
  if (type !== 'discharge' && !c.plan.frequency.trim() && c.plan.nextVisit === null && !c.plan.homeProgram.trim()) out['plan.frequency'] = 'Plan: give the frequency, the next visit or the home program';
  if (type === 'initial_evaluation') {
    if (!c.evaluation.history.trim()) out['evaluation.history'] = 'Evaluation: write the history';
    if (!c.evaluation.complexity) out['evaluation.complexity'] = 'Evaluation: choose the complexity (low, moderate or high)';
    if (episode.diagnoses.length === 0) out['episode.diagnoses'] = 'Episode: add at least one diagnosis';
    if (episode.goals.length === 0) out['episode.goals'] = 'Episode: add at least one goal';
    const poc = episode.planOfCare;
    if (poc.visitsPerWeek === null || poc.weeks === null || poc.certStart === null || poc.certEnd === null) out['episode.planOfCare'] = 'Episode: complete the plan of care (visits a week, weeks, certification dates)';
  }
  if (type === 'progress' || type === 'discharge') {
    const missing = episode.goals.filter((g) => !c.assessment.goals.some((a) => a.goalId === g.id && a.status !== null));
    if (missing.length) out['assessment.goals'] = `Assessment: rate progress on every goal (${missing.length} not rated)`;
  }
  if (type === 'discharge') {
    if (!c.discharge.reason) out['discharge.reason'] = 'Discharge: choose the reason';
    if (!c.discharge.summary.trim()) out['discharge.summary'] = 'Discharge: write the summary';
  }
  return out;
}

/** Rows a message can name in words: "Row 2 (Lumbar L4–L5 central PA, …)". */
export function rowLabel(content: NoteContent, rowId: string): string {
  const i = content.objective.rows.findIndex((r) => r.id === rowId);
  return i < 0 ? 'A row' : `Row ${i + 1} (${describeRow(content.objective.rows[i]!)})`;
}
