import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/charting/canonical';
import { confirmCopies, copyForwardContent, copySourceOf, rowCopyState, untouchedCopies } from '../../../shared/charting/copy-forward';
import { noteContentSchema } from '../../../shared/charting/note-content';
import { summariseRunning } from '../../../shared/charting/running-summary';
import { signingProblems } from '../../../shared/charting/sign-check';
import { formatCalendarDate } from '../../../shared/format/dates';

const fmt = (d: string) => formatCalendarDate(d, 'en-US');
const source = noteContentSchema.parse({
  subjective: { painNow: 4, patientWords: 'Better after the last session' },
  objective: {
    rows: [
      { id: 'r1', kind: 'joint', region: 'lumbar', segment: 'L4–L5', technique: 'central_pa', grade: 'III', position: 'prone', minutes: 10 },
      { id: 'r2', kind: 'exercise', category: 'neuromuscular', name: 'Bird dog', sets: 3, reps: 10, minutes: 8 },
      { id: 'r3', kind: 'soft_tissue', muscleGroup: 'Gluteus medius', technique: 'trigger_point', side: 'left', minutes: 5 },
    ],
    measures: 'SLR 70° left',
  },
  assessment: { text: 'Improving' },
  plan: { frequency: '2× a week', homeProgram: 'Bird dog daily', runWalk: '' },
  bodyChart: [{ region: 'low_back_l', intensity: 3 }],
});
const sources = new Map([[7, copySourceOf(7, '2026-11-19', source)]]);

describe('copy forward', () => {
  it('copies only what carries over between visits, each part marked', () => {
    const c = copyForwardContent({ noteId: 7, content: source });
    expect(c.objective.rows.map((r) => r.copy)).toEqual([{ fromNoteId: 7, confirmed: false }, { fromNoteId: 7, confirmed: false }, { fromNoteId: 7, confirmed: false }]);
    expect(c.plan).toMatchObject({ frequency: '2× a week', homeProgram: 'Bird dog daily', copy: { fromNoteId: 7, confirmed: false } });
    expect(c.subjective.patientWords).toBe('');
    expect(c.subjective.painNow).toBeNull();
    expect(c.assessment.text).toBe('');
    expect(c.objective.measures).toBe('');
    expect(c.bodyChart).toEqual([]);
  });

  it('lists every part still exactly as copied; an edit or a confirmation clears it', () => {
    const c = copyForwardContent({ noteId: 7, content: source });
    expect(untouchedCopies(c, sources).map((u) => u.description)).toEqual([
      'Lumbar L4–L5 central PA, grade III, prone, 10 min',
      'Neuromuscular re-education: Bird dog 3 × 10, 8 min',
      'Trigger-point pressure, Gluteus medius, left, 5 min',
      'Plan (frequency, home program)',
    ]);
    c.objective.rows[0]!.minutes = 12; // touched
    const bird = c.objective.rows[1]!;
    if (bird.kind === 'exercise') bird.reps = 12; // touched
    expect(rowCopyState(c.objective.rows[0]!, sources)).toBe('edited');
    const confirmed = confirmCopies(c, ['r3', null]);
    expect(untouchedCopies(confirmed, sources)).toEqual([]);
    expect(rowCopyState(confirmed.objective.rows[2]!, sources)).toBe('confirmed');
    // Changing a row back to exactly what was copied makes it "copied" again.
    c.objective.rows[0]!.minutes = 10;
    expect(rowCopyState(c.objective.rows[0]!, sources)).toBe('copied');
  });

  it('treats a copy whose source is not a signed note of the patient as edited (never silently clean)', () => {
    const c = copyForwardContent({ noteId: 99, content: source });
    expect(untouchedCopies(c, sources)).toEqual([]);
    expect(rowCopyState(c.objective.rows[0]!, sources)).toBe('edited');
  });
});

describe('signing check', () => {
  const episode = { diagnoses: [], goals: [{ id: 1, term: 'short' as const, description: 'Run 20 min', targetDate: null, status: 'not_met' as const }], planOfCare: { visitsPerWeek: null, weeks: null, certStart: null, certEnd: null } };
  it('names what is missing, per note type', () => {
    const empty = noteContentSchema.parse({ objective: { rows: [{ id: 'a', kind: 'joint', region: 'lumbar' }] } });
    expect(signingProblems({ type: 'daily', content: empty, episode })).toEqual({
      'subjective.painNow': "Subjective: give today's pain (0–10) or the patient's words",
      'objective.rows.a.minutes': 'Row 1: give the minutes',
      'objective.rows.a.technique': 'Row 1: choose the technique',
      'objective.rows.a.grade': 'Row 1: choose the grade (I–V)',
      'objective.rows.a.segment': 'Row 1: give the segment (e.g. L4–L5)',
      'assessment.text': 'Assessment: write the assessment',
      'plan.frequency': 'Plan: give the frequency, the next visit or the home program',
    });
    const evalProblems = signingProblems({ type: 'initial_evaluation', content: source, episode });
    expect(Object.keys(evalProblems)).toEqual(['evaluation.history', 'evaluation.complexity', 'episode.diagnoses', 'episode.planOfCare']);
    expect(signingProblems({ type: 'discharge', content: source, episode })).toMatchObject({ 'assessment.goals': 'Assessment: rate progress on every goal (1 not rated)', 'discharge.reason': 'Discharge: choose the reason' });
    expect(signingProblems({ type: 'daily', content: source, episode })).toEqual({});
  });
});

describe('canonical JSON', () => {
  it('is the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":"é","f":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});

describe('running since the last visit', () => {
  const run = (date: string, distanceM: number, durationS: number, painDuring: number | null, painNextMorning: number | null, extra: object = {}) => ({ date, kind: 'run' as const, distanceM, durationS, painDuring, painAfter: null, painNextMorning, redFlags: [], ...extra });
  it('summarises the log in the clinic’s units, with the plan’s rung', () => {
    const s = summariseRunning({
      runs: [run('2026-11-20', 3200, 1800, 1, 1), run('2026-11-22', 4100, 1800, 3, 2), run('2026-11-24', 3900, 1800, 2, null), run('2026-11-18', 9000, 3000, 0, 0), { ...run('2026-11-23', 20000, 3600, null, null), kind: 'cross_training' as const }],
      since: '2026-11-19',
      until: '2026-11-26',
      plan: { rung: 'run 1 minute, walk 1 minute, 15 times (30 minutes)', weekStart: '2026-11-23', stoppedForReview: false },
      unit: 'mi',
      fmt,
    });
    expect(s).toMatchObject({ sessions: 3, distanceM: 11200, painDuring: { min: 1, max: 3 }, painNextMorning: { min: 1, max: 2 } });
    expect(s.text).toBe(
      'Running since the last visit (Nov 19, 2026): 3 sessions, 7.0 mi in all; longest 2.5 mi in 30:00 (Nov 22, 2026). Pain during runs 1–3/10; next morning 1–2/10. Run-walk plan (week of Nov 23, 2026): run 1 minute, walk 1 minute, 15 times (30 minutes).',
    );
  });
  it('says plainly when nothing was logged, when the plan is stopped, and what red flags were logged', () => {
    expect(summariseRunning({ runs: [], since: '2026-11-19', until: '2026-11-26', plan: null, unit: 'km', fmt }).text).toBe('Running since the last visit (Nov 19, 2026): no sessions logged. No run-walk plan.');
    const flagged = summariseRunning({
      runs: [run('2026-11-21', 2000, 1200, 6, 5, { redFlags: ['restOrNightPain'] })],
      since: '2026-11-19',
      until: '2026-11-26',
      plan: { rung: null, weekStart: '2026-11-23', stoppedForReview: true },
      unit: 'km',
      fmt,
    });
    expect(flagged.text).toContain('Logged: pain at rest or at night (Nov 21, 2026).');
    expect(flagged.text).toContain('Run-walk plan: stopped for the therapist’s review.');
  });
});
