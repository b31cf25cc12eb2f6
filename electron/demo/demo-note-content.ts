import type { Faker } from '@faker-js/faker';
import type { EpisodeInput } from '../../shared/charting/episode';
import type { NoteContent, NoteContentInput, ObjectiveRow } from '../../shared/charting/note-content';
import { addDays } from '../../shared/clinical/calendar';

/**
 * What the demo's therapists write: plausible low-back-pain-in-runners episodes and SOAP notes with
 * manual therapy, soft tissue and motor-control exercise, drawn from a seeded faker so the same seed
 * gives the same charts.
 */
const DIAGNOSIS_SETS = [['M54.50'], ['M54.59'], ['M51.360', 'M54.50'], ['M54.42', 'M51.16'], ['M47.816', 'M54.50'], ['S33.5XXA'], ['M54.41']];
const MECHANISMS = [
  'Gradual onset after increasing weekly mileage for a half marathon',
  'Felt a twinge bending to lift a child; worse on runs since',
  'Stiffness after a long flight, then pain on hill repeats',
  'Insidious onset; worse after desk days and long runs',
  'Slipped on ice on a winter run; sharp pain next morning',
];
const WORDS = [
  'Back felt tight after Saturday’s run but settled by Sunday.',
  'Better overall; sitting at work is still the worst part of the day.',
  'Ran three times this week, only aching on the longest one.',
  'Woke up stiff two mornings; loosened after a walk.',
  'No pain running on grass; the road run was harder.',
  'Slept badly this week, back more sensitive.',
];
const RESPONSES = ['Extension pain 4 → 2/10', 'Range improved, less guarding', 'Pain-free flexion after', 'Tender but tolerated well', 'Repeated movement eased buttock pain'];

const id = (f: Faker) => `r${f.string.alphanumeric({ length: 8, casing: 'lower' })}`;

const PRACTICES = [
  { line1: '680 N Lake Shore Dr', line2: 'Suite 1015', city: 'Chicago', region: 'IL', postalCode: '60611', phone: '312-555-0140', fax: '312-555-0141' },
  { line1: '1725 W Harrison St', line2: 'Suite 440', city: 'Chicago', region: 'IL', postalCode: '60612', phone: '312-555-0172', fax: '312-555-0173' },
  { line1: '2650 Ridge Ave', line2: null, city: 'Evanston', region: 'IL', postalCode: '60201', phone: '847-555-0126', fax: '847-555-0127' },
  { line1: '1000 Central St', line2: 'Suite 800', city: 'Evanston', region: 'IL', postalCode: '60201', phone: '847-555-0180', fax: '847-555-0181' },
];

/** The physician's practice, picked from the name (no extra random draws, so the rest of the demo stays as it was). */
function withPractice<R extends { physicianName: string }>(referral: R) {
  const p = PRACTICES[[...referral.physicianName].reduce((n, c) => n + c.charCodeAt(0), 0) % PRACTICES.length]!;
  return { ...referral, physicianAddress: { line1: p.line1, line2: p.line2, city: p.city, region: p.region, postalCode: p.postalCode }, physicianPhone: p.phone, physicianFax: p.fax };
}

export function demoEpisode(f: Faker, evalDate: string): EpisodeInput {
  const physician = f.datatype.boolean(0.45);
  return {
    referral: physician
      ? withPractice({
          type: 'physician' as const,
          physicianName: `Dr. ${f.person.firstName()} ${f.person.lastName()}`,
          physicianNpi: f.helpers.arrayElement(['1234567893', '1245319599', '1679576722']),
          date: addDays(evalDate, -f.number.int({ min: 3, max: 20 })),
        })
      : { type: 'self' },
    onsetDate: addDays(evalDate, -f.number.int({ min: 14, max: 120 })),
    mechanism: f.helpers.arrayElement(MECHANISMS),
    diagnoses: f.helpers.arrayElement(DIAGNOSIS_SETS),
    goals: [
      { term: 'short', description: f.helpers.arrayElement(['Run-walk 30 minutes with pain at most 3/10', 'Sit through a workday with pain at most 2/10', 'Sleep through the night without back pain']), targetDate: addDays(evalDate, 28) },
      { term: 'short', description: 'Independent with the home exercise program', targetDate: addDays(evalDate, 21) },
      { term: 'long', description: f.helpers.arrayElement(['Run 5 km continuously without next-morning pain', 'Return to 3 runs a week of 30–45 minutes', 'Complete a 10 km race pain-free']), targetDate: addDays(evalDate, 84) },
    ],
    planOfCare: { visitsPerWeek: f.helpers.arrayElement([1, 2, 2, 3]), weeks: f.helpers.arrayElement([6, 8, 10]), certStart: evalDate, certEnd: addDays(evalDate, f.number.int({ min: 50, max: 89 })) },
  };
}

function treatmentRows(f: Faker): NonNullable<NonNullable<NoteContentInput['objective']>['rows']> {
  const level = f.helpers.arrayElement(['L3–L4', 'L4–L5', 'L5–S1']);
  const rows: NonNullable<NonNullable<NoteContentInput['objective']>['rows']> = [
    { id: id(f), kind: 'joint', region: 'lumbar', segment: level, technique: f.helpers.arrayElement(['central_pa', 'unilateral_pa'] as const), grade: f.helpers.arrayElement(['III', 'IV'] as const), side: 'central', position: 'prone', minutes: f.number.int({ min: 6, max: 12 }), response: f.helpers.arrayElement(RESPONSES) },
  ];
  if (f.datatype.boolean(0.5)) rows.push({ id: id(f), kind: 'joint', region: 'hip', technique: 'distraction', grade: 'IV', side: f.helpers.arrayElement(['left', 'right'] as const), position: 'supine', minutes: f.number.int({ min: 4, max: 8 }), response: 'Hip extension improved' });
  if (f.datatype.boolean(0.3)) rows.push({ id: id(f), kind: 'joint', region: 'thoracic', segment: 'T6–T7', technique: 'rotation', grade: 'V', side: 'bilateral', position: 'supine', minutes: 3, response: 'Cavitation, rotation freer' });
  rows.push({ id: id(f), kind: 'soft_tissue', muscleGroup: f.helpers.arrayElement(['Lumbar paraspinals', 'Quadratus lumborum', 'Gluteus medius', 'Iliopsoas']), technique: f.helpers.arrayElement(['stm', 'myofascial_release', 'trigger_point'] as const), side: f.helpers.arrayElement(['left', 'right'] as const), minutes: f.number.int({ min: 5, max: 8 }) });
  rows.push({ id: id(f), kind: 'exercise', category: 'neuromuscular', name: f.helpers.arrayElement(['Bird dog', 'Dead bug', 'Side bridge']), sets: 3, reps: 10, holdSeconds: 8, minutes: f.number.int({ min: 8, max: 12 }) });
  if (f.datatype.boolean(0.6)) rows.push({ id: id(f), kind: 'exercise', category: 'therapeutic_exercise', name: f.helpers.arrayElement(['Glute bridge', 'Half-kneeling hip-flexor stretch', 'Open-book thoracic rotation']), sets: 2, reps: 12, minutes: f.number.int({ min: 6, max: 10 }) });
  if (f.datatype.boolean(0.25)) rows.push({ id: id(f), kind: 'exercise', category: 'therapeutic_activity', name: 'Treadmill run-walk with cueing', minutes: f.number.int({ min: 8, max: 12 }) });
  return rows;
}

export function demoEvaluation(f: Faker): NoteContentInput {
  return {
    subjective: { painNow: f.number.int({ min: 3, max: 6 }), painBest: f.number.int({ min: 0, max: 2 }), painWorst: f.number.int({ min: 6, max: 8 }), patientWords: f.helpers.arrayElement(WORDS), flare: { occurred: false } },
    objective: { rows: treatmentRows(f), measures: `Lumbar flexion fingertips to ${f.helpers.arrayElement(['mid-shin', 'knee', 'ankle'])}; SLR ${f.number.int({ min: 60, max: 85 })}° both sides; prone instability test ${f.helpers.arrayElement(['positive', 'negative'])}.` },
    assessment: { text: 'Mechanical low back pain with a movement-control impairment and reduced segmental mobility; no red flags. Good candidate for graded run-walk with manual therapy and motor-control training.' },
    plan: { frequency: '2× a week', homeProgram: 'Bird dog 3 × 10 daily; glute bridge 2 × 12', runWalk: 'Start the run-walk ladder at the first rung, three times a week' },
    evaluation: {
      history: 'Runner with low back pain limiting distance; no leg symptoms, bladder or bowel changes, fever or weight loss on screening.',
      findings: 'Hypomobile lumbar segment on PA testing; tender paraspinals; poor lumbopelvic control on single-leg squat.',
      complexity: f.helpers.arrayElement(['low', 'moderate', 'moderate', 'high'] as const),
    },
    bodyChart: [
      { region: f.helpers.arrayElement(['low_back_l', 'low_back_r'] as const), intensity: f.number.int({ min: 4, max: 7 }), qualities: ['ache'] },
      ...(f.datatype.boolean(0.5) ? [{ region: f.helpers.arrayElement(['buttock_l', 'buttock_r'] as const), intensity: f.number.int({ min: 2, max: 5 }), qualities: f.helpers.arrayElement([['ache'], ['sharp'], ['pins_and_needles']] as const).slice() }] : []),
    ],
  };
}

/** A follow-up visit written over a copied-forward note: two rows changed, the rest confirmed as still true today. */
export function demoFollowUp(f: Faker, copied: NoteContent, type: 'daily' | 'progress', goalIds: number[], runningText: string | null): NoteContent {
  const c: NoteContent = structuredClone(copied);
  c.subjective = { painNow: f.number.int({ min: 1, max: 4 }), painBest: 0, painWorst: f.number.int({ min: 3, max: 6 }), patientWords: f.helpers.arrayElement(WORDS), flare: { occurred: f.datatype.boolean(0.15), what: '' }, running: runningText ?? '' };
  if (c.subjective.flare.occurred) c.subjective.flare.what = 'Sore after a longer run on the weekend; settled in two days.';
  const rows = c.objective.rows as ObjectiveRow[];
  const touched = new Set(f.helpers.arrayElements(rows.map((r) => r.id), Math.min(2, rows.length)));
  for (const row of rows) {
    if (touched.has(row.id)) {
      const before = row.minutes ?? 8;
      row.minutes = Math.max(3, before + f.helpers.arrayElement([-2, -1, 1, 2, 3]));
      if (row.minutes === before) row.minutes = before + 1;
      if (row.kind === 'joint') row.response = f.helpers.arrayElement(RESPONSES);
      if (row.kind === 'exercise' && row.reps !== null) row.reps = row.reps + 2;
    } else if (row.copy) row.copy = { ...row.copy, confirmed: true };
  }
  if (c.plan.copy) c.plan.copy = { ...c.plan.copy, confirmed: true };
  c.objective.measures = type === 'progress' ? `SLR ${f.number.int({ min: 75, max: 90 })}° both sides; single-leg squat improved.` : '';
  c.assessment.text = type === 'progress' ? 'Steady progress toward the goals; pain and function improving, run-walk tolerated.' : f.helpers.arrayElement(['Tolerating the loading well; less irritable.', 'Responding to mobilisation; motor control improving.', 'Small flare settled; progress continues.']);
  if (type === 'progress') {
    c.assessment.goals = goalIds.map((goalId, i) => ({ goalId, status: i === 1 ? 'met' : 'partly', comment: i === 1 ? 'Does the program daily' : '' }));
    c.evaluation.billReevaluation = true;
    c.bodyChart = [{ region: 'low_back_l', intensity: f.number.int({ min: 1, max: 3 }), qualities: ['ache'], note: '' }];
  }
  return c;
}

/** The last page of an episode: goals rated, the reason and a summary. */
export function demoDischarge(f: Faker, copied: NoteContent, goalIds: number[]): NoteContent {
  const c = demoFollowUp(f, copied, 'daily', goalIds, null);
  c.assessment = { text: 'Goals met: back to running without pain; independent with the home program.', goals: goalIds.map((goalId) => ({ goalId, status: 'met', comment: '' })) };
  c.discharge = { reason: 'goals_met', summary: 'Discharged to independent running and the home program; return if symptoms recur.' };
  return c;
}
