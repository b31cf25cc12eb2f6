import type { ClinicPolicy } from './policy';

/**
 * Questionnaires in the weekly review (issue #13): the patient's own report of pain and disability,
 * read against the episode's baseline. When the latest NPRS or ODI is worse than the baseline by at
 * least the clinic's figure, the interval progression holds: running more while the patient reports
 * more pain or disability than when care began is the opposite of what the plan is for.
 *
 * Clinic policy, and said so: the default figures are the confirmed minimal important changes
 * (NPRS 2 points, Childs 2005 / Ostelo 2008; ODI 10 points, Ostelo 2008; modified ODI 6 points,
 * Fritz & Irrgang 2001), published for improvement. Reading them for worsening, and holding on it,
 * is the clinic's choice (clinical.md §4.1–4.2).
 */
export const GATED_INSTRUMENTS = ['nprs', 'odi', 'modified-odi'] as const;
export type GatedInstrument = (typeof GATED_INSTRUMENTS)[number];

/** One scored questionnaire of the episode, as the weekly review passes it (higher is worse on all three). */
export interface OutcomeScorePoint {
  instrument: GatedInstrument;
  /** Calendar date it was completed. */
  date: string;
  score: number;
}

export interface OutcomeCheck {
  instrument: GatedInstrument;
  baseline: { date: string; score: number };
  latest: { date: string; score: number };
  /** latest − baseline: positive is worse. */
  change: number;
  /** Points worse that hold the plan (the clinic's figure). */
  holdAt: number;
  /** Worse by at least holdAt (the check is left out altogether when the clinic switched it off). */
  active: boolean;
}

export const GATED_INSTRUMENT_WORDS: Record<GatedInstrument, { name: string; unit: string }> = {
  nprs: { name: 'pain rating (NPRS)', unit: '/10' },
  odi: { name: 'Oswestry Disability Index', unit: '%' },
  'modified-odi': { name: 'modified Oswestry Disability Index', unit: '%' },
};

const EPS = 1e-9;

/** Each instrument's first score of the episode against its latest on or before the week's end. */
export function evaluateOutcomeGate(points: readonly OutcomeScorePoint[], weekEnd: string, policy: ClinicPolicy): OutcomeCheck[] {
  const g = policy.gates.outcomes;
  if (!g.enabled) return [];
  const holdAt: Record<GatedInstrument, number> = { nprs: g.nprsWorsePoints, odi: g.odiWorsePoints, 'modified-odi': g.modifiedOdiWorsePoints };
  return GATED_INSTRUMENTS.flatMap((instrument) => {
    const series = points.filter((p) => p.instrument === instrument && p.date <= weekEnd).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const baseline = series[0];
    const latest = series.at(-1);
    if (!baseline || !latest || series.length < 2) return [];
    const change = latest.score - baseline.score;
    return [{ instrument, baseline: { date: baseline.date, score: baseline.score }, latest: { date: latest.date, score: latest.score }, change, holdAt: holdAt[instrument], active: change >= holdAt[instrument] - EPS }];
  });
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const points = (n: number) => `${fmt(n)} ${n === 1 ? 'point' : 'points'}`;

/** The check in words, for the decision: what the patient reported, against what, and what follows. */
export function outcomeCheckSentence(c: OutcomeCheck): string {
  const { name, unit } = GATED_INSTRUMENT_WORDS[c.instrument];
  const moved = `The ${name} on ${c.latest.date} was ${fmt(c.latest.score)}${unit}, against ${fmt(c.baseline.score)}${unit} at the episode’s baseline on ${c.baseline.date}`;
  if (c.active) return `${moved}: ${points(c.change)} worse, at or beyond the ${points(c.holdAt)} at which the clinic holds the plan (clinic policy, set from the minimal important change). Hold the interval progression and review why the patient reports more ${c.instrument === 'nprs' ? 'pain' : 'disability'} than when care began.`;
  if (c.change > 0) return `${moved}: ${points(c.change)} worse, short of the ${points(c.holdAt)} that hold the plan.`;
  return `${moved}: ${c.change === 0 ? 'unchanged' : `${points(-c.change)} better`}.`;
}
