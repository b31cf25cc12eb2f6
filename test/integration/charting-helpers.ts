import type { RequestInput } from '../../shared/api/contract';
import type { NoteContentInput } from '../../shared/charting/note-content';
import type { TestApp } from './harness';

/** A physician-referred episode of low back pain in a runner, as a therapist fills it in at the evaluation (the test clock's today is 2026-11-26). */
export const EPISODE_INPUT = {
  referral: { type: 'physician', physicianName: 'Dr. Ana Ruiz', physicianNpi: '1234567893', date: '2026-11-20' },
  onsetDate: '2026-10-01',
  mechanism: 'Gradual, after raising weekly mileage for a half marathon',
  diagnoses: ['M54.50', 'm51360'],
  goals: [
    { term: 'short', description: 'Run-walk 30 minutes with pain at most 3/10', targetDate: '2026-12-24' },
    { term: 'long', description: 'Run 5 km continuously without next-morning pain', targetDate: '2027-02-15' },
  ],
  planOfCare: { visitsPerWeek: 2, weeks: 8, certStart: '2026-11-26', certEnd: '2027-01-20' },
} satisfies RequestInput<'episodes.save'>['episode'];

export const EVAL_CONTENT = {
  subjective: { painNow: 5, painBest: 2, painWorst: 7, patientWords: 'Low back aches after 20 minutes of running; stiff in the morning.', flare: { occurred: false } },
  objective: {
    rows: [
      { id: 'r1', kind: 'joint', region: 'lumbar', segment: 'L4–L5', technique: 'central_pa', grade: 'III', position: 'prone', minutes: 10, response: 'Extension pain 5 → 3/10' },
      { id: 'r2', kind: 'soft_tissue', muscleGroup: 'Lumbar paraspinals', technique: 'stm', side: 'left', minutes: 6 },
      { id: 'r3', kind: 'exercise', category: 'neuromuscular', name: 'Bird dog', sets: 3, reps: 10, holdSeconds: 8, minutes: 9 },
    ],
    measures: 'Lumbar flexion: fingertips to mid-shin. Prone instability test positive.',
  },
  assessment: { text: 'Mechanical low back pain with a movement-control impairment; a good candidate for graded run-walk.' },
  plan: { frequency: '2× a week for 8 weeks', homeProgram: 'Bird dog 3 × 10 daily', runWalk: 'Start at run 30 s / walk 90 s' },
  evaluation: { history: 'Six weeks of low back pain, worse after long runs; no leg symptoms; no red flags on screening.', findings: 'Hypomobile L4–L5 on central PA; tender left paraspinals.', complexity: 'moderate' },
  bodyChart: [
    { region: 'low_back_l', intensity: 5, qualities: ['ache'] },
    { region: 'buttock_l', intensity: 2, qualities: ['ache', 'sharp'] },
  ],
} satisfies NoteContentInput;

/** An initial evaluation, filled in and signed by the therapist: the episode is open with its goals. */
export async function evaluatedPatient(t: TestApp, patientId: number) {
  const s = t.sessions.therapist;
  const started = await t.ok('notes.start', { patientId, type: 'initial_evaluation' }, s);
  const episode = await t.ok('episodes.save', { id: started.episodeId, patientId, episode: EPISODE_INPUT }, s);
  await t.ok('notes.saveDraft', { id: started.id, revision: started.revision, content: EVAL_CONTENT }, s);
  const evaluation = await t.ok('notes.sign', { id: started.id, revision: started.revision + 1 }, s);
  return { episode, evaluation };
}

/** A 1 × 1 PNG. */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
