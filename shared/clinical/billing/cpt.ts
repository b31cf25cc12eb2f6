import type { EvidenceGrade } from '../evidence';

/**
 * Common PT CPT codes (clinical.md §5.2). Evaluations and the re-evaluation are untimed (1 unit);
 * the rest are 15-minute timed codes. Descriptors are short paraphrases, not AMA text.
 */
export interface CptCode {
  code: string;
  descriptor: string;
  timed: boolean;
  /** Typical face-to-face minutes for evaluations. */
  typicalMinutes: number | null;
  grade: EvidenceGrade;
  note: string | null;
}

export const CPT_CODES: readonly CptCode[] = [
  { code: '97161', descriptor: 'PT evaluation, low complexity', timed: false, typicalMinutes: 20, grade: 'confirmed', note: null },
  { code: '97162', descriptor: 'PT evaluation, moderate complexity', timed: false, typicalMinutes: 30, grade: 'confirmed', note: null },
  { code: '97163', descriptor: 'PT evaluation, high complexity', timed: false, typicalMinutes: 45, grade: 'secondary', note: 'typical time from secondary pages' },
  { code: '97164', descriptor: 'PT re-evaluation', timed: false, typicalMinutes: null, grade: 'confirmed', note: null },
  { code: '97110', descriptor: 'Therapeutic exercise (strength, endurance, ROM, flexibility), each 15 min', timed: true, typicalMinutes: null, grade: 'confirmed', note: null },
  { code: '97112', descriptor: 'Neuromuscular re-education, each 15 min', timed: true, typicalMinutes: null, grade: 'confirmed', note: null },
  { code: '97140', descriptor: 'Manual therapy techniques, 1+ regions, each 15 min', timed: true, typicalMinutes: null, grade: 'confirmed', note: 'myofascial release and soft-tissue mobilisation go here, not 97124' },
  { code: '97530', descriptor: 'Therapeutic activities, dynamic, each 15 min', timed: true, typicalMinutes: null, grade: 'secondary', note: 'descriptor from secondary pages' },
  { code: '97535', descriptor: 'Self-care/home management training, each 15 min', timed: true, typicalMinutes: null, grade: 'secondary', note: 'HEP instruction is billed here or under 97110, per payer' },
  { code: '97750', descriptor: 'Physical performance test or measurement, each 15 min', timed: true, typicalMinutes: null, grade: 'secondary', note: 'descriptor not read' },
];

export const PT_MODIFIERS: readonly { modifier: string; meaning: string }[] = [
  { modifier: 'GP', meaning: 'Service under an outpatient PT plan of care (Medicare: every PT line, evaluations included)' },
  { modifier: 'CQ', meaning: 'Furnished in whole or part by a PTA' },
  { modifier: 'KX', meaning: 'Medicare therapy threshold exceeded, medical necessity documented' },
  { modifier: '59', meaning: 'Distinct procedural service (NCCI pairs, e.g. 97140 with 97530)' },
  { modifier: 'XE', meaning: 'Separate encounter' },
  { modifier: 'XS', meaning: 'Separate structure' },
  { modifier: 'XP', meaning: 'Separate practitioner' },
  { modifier: 'XU', meaning: 'Unusual non-overlapping service' },
];

export function findCpt(code: string): CptCode | undefined {
  return CPT_CODES.find((c) => c.code === code.trim());
}
