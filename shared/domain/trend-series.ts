import type { MeasureDefinition } from '../clinical/reassessment';
import { GRADE_WORDS, changeText, valueText } from '../format/reassessment-format';
import type { MeasureLinesRecord, MeasureTrend, OutcomeSummary } from './reassessments';
import type { TrendChartInput, TrendMark } from './trend-chart';

/**
 * A measure's or questionnaire's trend as chart input: the readings as series (left and right for a
 * sided measure), marked against the baseline the way the handlers classified them.
 */
export type ChartBox = TrendChartInput['box'];

export const SERIES_LABELS = { left: 'Left', right: 'Right', none: 'Reading' } as const;

/** null for a measure read as a result (positive/negative, good/poor): there is nothing to plot. */
export function measureChartInput(def: MeasureDefinition, trends: readonly MeasureTrend[], lines: MeasureLinesRecord | undefined, box: ChartBox): TrendChartInput | null {
  if (def.kind !== 'numeric') return null;
  const series = trends
    .filter((t) => t.code === def.code)
    .sort((a, b) => (a.side === b.side ? 0 : a.side === 'left' ? -1 : 1))
    .map((t) => ({
      key: t.side,
      label: SERIES_LABELS[t.side],
      points: t.points.flatMap((p) => (typeof p.value === 'number' ? [{ date: p.date, value: p.value, mark: (p.sinceBaseline?.classification ?? 'baseline') as TrendMark }] : [])),
    }))
    .filter((s) => s.points.length > 0);
  if (!series.length) return null;
  return {
    series,
    detectableChange: lines?.detectableChange?.value ?? null,
    importantChange: null,
    higherIsBetter: def.higherIsBetter ?? true,
    cutoff: lines?.cutoff?.value ?? null,
    range: def.range,
    box,
  };
}

/** A questionnaire's scores against its first: beyond the detectable change marks better or worse; the important change is a line. */
export function outcomeChartInput(summary: OutcomeSummary, box: ChartBox): TrendChartInput | null {
  const scored = summary.history.filter((h): h is { id: number; date: string; score: number } => h.score !== null);
  const first = scored[0];
  if (!first) return null;
  const { scale } = summary;
  const EPS = 1e-9;
  const mark = (score: number, i: number): TrendMark => {
    if (i === 0) return 'baseline';
    if (!scale.mdc || Math.abs(score - first.score) < scale.mdc.value - EPS) return 'within-error';
    return (score > first.score) === scale.higherIsBetter ? 'improved' : 'worse';
  };
  return {
    series: [{ key: 'score', label: 'Score', points: scored.map((h, i) => ({ date: h.date, value: h.score, mark: mark(h.score, i) })) }],
    detectableChange: scale.mdc?.value ?? null,
    importantChange: scale.mic?.value ?? null,
    higherIsBetter: scale.higherIsBetter,
    cutoff: null,
    range: scale.domain,
    fixedDomain: scale.domain,
    box,
  };
}

const MARK_WORDS = { improved: 'better beyond', worse: 'worse beyond', 'within-error': 'within', baseline: '' } as const;

/**
 * Each series in one sentence, for the chart's caption and screen readers: first and latest
 * reading and whether the change passes the detectable change (with the figure and its grade).
 */
export function trendSentences(def: MeasureDefinition, input: TrendChartInput, lines: MeasureLinesRecord | undefined, date: (iso: string) => string): string[] {
  const dc = lines?.detectableChange;
  const dcWords = dc ? `the ${valueText(dc.value, def.unit)} detectable change (${GRADE_WORDS[dc.grade]})` : 'the detectable change';
  return input.series.map((s) => {
    const pts = [...s.points].sort((a, b) => (a.date < b.date ? -1 : 1));
    const first = pts[0]!;
    const last = pts.at(-1)!;
    const who = def.sided ? `${s.label}: ` : '';
    if (pts.length === 1) return `${who}${valueText(first.value, def.unit)} on ${date(first.date)} (baseline only).`;
    return `${who}${valueText(first.value, def.unit)} on ${date(first.date)} → ${valueText(last.value, def.unit)} on ${date(last.date)}: ${changeText(last.value - first.value, def.unit)}, ${MARK_WORDS[last.mark]} ${dcWords}.`;
  });
}
