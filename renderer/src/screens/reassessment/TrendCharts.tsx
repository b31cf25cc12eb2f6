import { useMemo } from 'react';
import type { MeasureDefinition } from '../../../../shared/clinical/reassessment';
import { GRADE_WORDS, UNIT_WORDS, valueText } from '../../../../shared/format/reassessment-format';
import type { MeasureLinesRecord, MeasureTrend, OutcomeSummary } from '../../../../shared/domain/reassessments';
import { INSTRUMENT_NAMES } from '../../../../shared/domain/reassessments';
import { measureChartInput, outcomeChartInput, trendSentences } from '../../../../shared/domain/trend-series';
import { useFormat } from '../../app/clinic';
import { TrendChart } from './TrendChart';

const BOX = { width: 600, height: 200, padding: { top: 0, right: 0, bottom: 0, left: 0 } };
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A numeric measure's trend drawn; null for a measure read as a result (its table says it all). */
export function MeasureTrendChart({ def, trends, lines }: { def: MeasureDefinition; trends: MeasureTrend[]; lines: MeasureLinesRecord | undefined }) {
  const f = useFormat();
  const input = useMemo(() => measureChartInput(def, trends, lines, BOX), [def, trends, lines]);
  if (!input) return null;
  const dc = lines?.detectableChange;
  const cut = lines?.cutoff;
  return (
    <TrendChart
      testId={`trend-chart-${def.code}`}
      title={def.name}
      input={input}
      axisLabel={UNIT_WORDS[def.unit]}
      value={(v) => valueText(v, def.unit)}
      bandLabel={dc ? `detectable change ±${valueText(dc.value, def.unit)} around the baseline (${GRADE_WORDS[dc.grade]})` : null}
      cutoffLabel={cut ? `cut-off: ${cut.label} (${GRADE_WORDS[cut.grade]})` : null}
      importantLabel={null}
      sentences={trendSentences(def, input, lines, (d) => f.date(d))}
    />
  );
}

/** A questionnaire's scores drawn against the detectable change and the minimal important change. */
export function OutcomeTrendChart({ summary }: { summary: OutcomeSummary }) {
  const f = useFormat();
  const input = useMemo(() => outcomeChartInput(summary, BOX), [summary]);
  if (!input) return null;
  const { mdc, mic } = summary.scale;
  const name = INSTRUMENT_NAMES[summary.instrument];
  const c = summary.change;
  const sentence =
    summary.latest.id === summary.baseline.id
      ? `${f.date(summary.baseline.date)}: ${summary.baseline.scoreText} (baseline only).`
      : `${f.date(summary.baseline.date)}: ${summary.baseline.scoreText} → ${f.date(summary.latest.date)}: ${summary.latest.scoreText}${
          c ? ` — ${c.direction === 'within-error' ? 'within measurement error' : `${c.direction === 'improved' ? 'better' : 'worse'} beyond measurement error`}${c.meetsMcid === null ? '' : c.meetsMcid ? ', an important change' : ', not yet an important change'}` : ''
        }.`;
  return (
    <TrendChart
      testId={`outcome-chart-${summary.instrument}`}
      title={name}
      input={input}
      axisLabel={summary.scale.unit}
      value={fmt}
      bandLabel={mdc ? `detectable change ±${fmt(mdc.value)} around the first score (${GRADE_WORDS[mdc.grade]})` : null}
      cutoffLabel={null}
      importantLabel={mic ? `important change: ${fmt(mic.value)} points ${summary.scale.higherIsBetter ? 'up' : 'down'} (${GRADE_WORDS[mic.grade]})` : null}
      sentences={[sentence]}
    />
  );
}
