import { useMemo } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { trendChartGeometry, type TrendChartInput, type TrendMark } from '../../../../shared/domain/trend-chart';
import { useFormat } from '../../app/clinic';
import { usePrinting } from '../running/RunningCharts';
import './TrendChart.css';

const DAY = 86_400_000;
const MUTED = '#4a5b61';
const GRID = '#e3e9ea';
const CUTOFF = '#8c1c15';
const axisTick = { fontSize: 11, fill: MUTED };
/** Left solid teal, right dashed violet: told apart without colour too. */
export const SERIES_STYLE: Record<string, { stroke: string; dash?: string; band: string }> = {
  left: { stroke: '#0f766e', band: '#0f766e' },
  right: { stroke: '#6d28d9', dash: '6 3', band: '#6d28d9' },
  none: { stroke: '#0f766e', band: '#0f766e' },
  score: { stroke: '#0f766e', band: '#0f766e' },
};
const MARK_WORDS: Record<TrendMark, string> = { baseline: 'baseline', improved: 'better — beyond the detectable change', worse: 'worse — beyond the detectable change', 'within-error': 'within the detectable change' };

const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export interface TrendChartProps {
  title: string;
  input: TrendChartInput;
  /** The value axis' label, with its unit: "Hip angle (degrees)". */
  axisLabel: string;
  value: (v: number) => string;
  /** Words for the lines drawn, shown as the chart's key (e.g. "cut-off 0°, published"). */
  cutoffLabel: string | null;
  bandLabel: string | null;
  importantLabel: string | null;
  /** One sentence per series: the caption, read by screen readers in place of the picture. */
  sentences: readonly string[];
  testId: string;
}

/** A ringed dot marks a reading beyond the detectable change (dark ring better, red ring worse); an open dot is the baseline. */
function MarkDot({ cx, cy, mark, stroke }: { cx?: number; cy?: number; mark: TrendMark | undefined; stroke: string }) {
  if (cx === undefined || cy === undefined || !mark) return null;
  if (mark === 'baseline') return <circle cx={cx} cy={cy} r={4.5} fill="#fff" stroke={stroke} strokeWidth={2} />;
  if (mark === 'within-error') return <circle cx={cx} cy={cy} r={3.5} fill={stroke} />;
  const ring = mark === 'improved' ? '#111' : CUTOFF;
  return (
    <g data-mark={mark}>
      <circle cx={cx} cy={cy} r={8} fill="none" stroke={ring} strokeWidth={2} />
      <circle cx={cx} cy={cy} r={4.5} fill={stroke} />
    </g>
  );
}

/** One measure's or questionnaire's readings over time, with the detectable-change band around the baseline and the cut-off. */
export function TrendChart({ title, input, axisLabel, value, cutoffLabel, bandLabel, importantLabel, sentences, testId }: TrendChartProps) {
  const f = useFormat();
  const printing = usePrinting();
  // The geometry's scale (domain and ticks) is the printed report's too; recharts draws it on screen.
  const g = useMemo(() => trendChartGeometry({ ...input, box: { width: 600, height: 200, padding: { top: 0, right: 0, bottom: 0, left: 0 } } }), [input]);
  const rows = useMemo(() => {
    const byDate = new Map<number, Record<string, number | string>>();
    for (const s of g.series)
      for (const p of s.points) {
        const x = dayMs(p.date);
        const row = byDate.get(x) ?? { x };
        row[s.key] = p.value;
        row[`${s.key}Mark`] = p.mark;
        byDate.set(x, row);
      }
    return [...byDate.values()].sort((a, b) => (a.x as number) - (b.x as number));
  }, [g]);
  const [x0, x1] = g.domain.x;
  const pad = Math.max(1, (x1 - x0) * 0.04);
  const shortDate = (ms: number) => f.date(new Date(ms).toISOString().slice(0, 10), 'short');
  const longDate = (ms: number) => f.date(new Date(ms).toISOString().slice(0, 10));

  return (
    <figure className="trend-chart" data-testid={testId} aria-label={`${title}: trend chart`}>
      <div className="trend-chart-key" aria-hidden="true">
        {bandLabel && (
          <span>
            <span className="trend-key-band" /> {bandLabel}
          </span>
        )}
        {cutoffLabel && (
          <span>
            <span className="trend-key-cutoff" /> {cutoffLabel}
          </span>
        )}
        {importantLabel && (
          <span>
            <span className="trend-key-important" /> {importantLabel}
          </span>
        )}
        <span>
          <span className="trend-key-ring" /> beyond the detectable change
        </span>
      </div>
      <div className="trend-chart-frame" aria-hidden="true">
        <ResponsiveContainer width={printing ? 620 : '100%'} height={210}>
          {/* The right margin holds the cut-off's label, outside the plot where no reading can sit under it, and
              always half of the last date's label (centred on its tick), so a narrow card never clips it. */}
          <ComposedChart data={rows} margin={{ top: 12, right: g.cutoff ? 50 : 38, bottom: 18, left: 12 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            {g.series.map((s) =>
              s.band ? <ReferenceArea key={`band-${s.key}`} y1={s.band.low} y2={s.band.high} ifOverflow="hidden" fill={SERIES_STYLE[s.key]?.band ?? '#0f766e'} fillOpacity={0.1} stroke={SERIES_STYLE[s.key]?.band} strokeOpacity={0.45} strokeDasharray="3 3" /> : null,
            )}
            {g.cutoff && <ReferenceLine y={g.cutoff.value} stroke={CUTOFF} strokeWidth={1.4} strokeDasharray="8 4" label={{ value: 'cut-off', position: 'right', offset: 6, fontSize: 10.5, fill: CUTOFF }} />}
            {g.series.map((s) =>
              s.important ? (
                <ReferenceLine
                  key={`mic-${s.key}`}
                  y={s.important.value}
                  stroke="#1c6434"
                  strokeWidth={1.2}
                  strokeDasharray="2 3"
                  // At the baseline's end, on the far side from it: the readings that cross the line are later, to the right.
                  // (On a line, recharts' "insideBottom" sits above it and "insideTop" below.)
                  label={{ value: 'important change', position: s.baseline !== null && s.important.value > s.baseline ? 'insideBottomLeft' : 'insideTopLeft', fontSize: 10.5, fill: '#1c6434' }}
                />
              ) : null,
            )}
            <XAxis
              dataKey="x"
              type="number"
              domain={[(x0 - pad) * DAY, (x1 + pad) * DAY]}
              ticks={g.xTicks.map((t) => dayMs(t.date))}
              tickFormatter={shortDate}
              tick={axisTick}
              label={{ value: 'Date', position: 'insideBottom', offset: -12, fontSize: 11, fill: MUTED }}
            />
            <YAxis domain={[g.domain.y[0], g.domain.y[1]]} ticks={g.yTicks.map((t) => t.value)} tick={axisTick} width={56} label={{ value: axisLabel, angle: -90, position: 'insideLeft', offset: 6, fontSize: 11, fill: MUTED, style: { textAnchor: 'middle' } }} />
            {g.series.map((s) => {
              const style = SERIES_STYLE[s.key] ?? SERIES_STYLE.none!;
              return (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stroke={style.stroke}
                  strokeDasharray={style.dash}
                  strokeWidth={2}
                  connectNulls
                  isAnimationActive={false}
                  dot={(props: { cx?: number; cy?: number; payload?: Record<string, unknown>; index?: number }) => <MarkDot key={`${s.key}-${props.index ?? 0}`} cx={props.cx} cy={props.cy} mark={props.payload?.[`${s.key}Mark`] as TrendMark | undefined} stroke={style.stroke} />}
                  activeDot={false}
                />
              );
            })}
            <Tooltip
              labelFormatter={(v) => longDate(Number(v))}
              formatter={(v, name, item) => {
                const key = (item as { dataKey?: string }).dataKey ?? '';
                const mark = (item as { payload?: Record<string, unknown> }).payload?.[`${key}Mark`] as TrendMark | undefined;
                return [`${value(Number(v))}${mark ? ` (${MARK_WORDS[mark]})` : ''}`, name];
              }}
            />
            {g.series.length > 1 && <Legend verticalAlign="top" height={22} wrapperStyle={{ fontSize: 12 }} />}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="trend-chart-caption">
        {sentences.map((s) => (
          <span key={s}>{s} </span>
        ))}
      </figcaption>
    </figure>
  );
}
