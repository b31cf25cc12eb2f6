import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DistanceUnit } from '../../../../shared/domain/clinic';
import type { RunPlanRecord, RunRecord } from '../../../../shared/domain/running';
import type { ClinicPolicy } from '../../../../shared/clinical/policy';
import { distanceUnitLabel } from '../../../../shared/units/distance';
import { paceUnitLabel, speedUnitLabel } from '../../../../shared/units/pace';
import { formatCalendarDate } from '../../../../shared/format/dates';
import { asteroidCumulativeBand, asteroidPaceBand, asteroidSpeedBand, asteroidWeeklyBand, CHART_RANGE_LABELS, CHART_RANGES, niceTicks, paceSeries, painSeries, rangeStart, surfaceMix, weeklySeries, type ChartRange } from './chartData';
import './RunningCharts.css';

interface ChartsProps {
  runs: readonly RunRecord[];
  policy: ClinicPolicy;
  plan: RunPlanRecord | null;
  unit: DistanceUnit;
  locale: string;
  today: string;
}

const INK = '#16252a';
const MUTED = '#4a5b61';
const GRID = '#e3e9ea';
const BAR = '#6fb3ab';
const BAR_STROKE = '#0f766e';
const BAND = '#cfe0ee';
const BAND_STROKE = '#3f7fb0';

const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function Figure({ title, caption, children, testId, band }: { title: string; caption: ReactNode; children: ReactNode; testId: string; band?: string }) {
  return (
    <figure className="chart-card card" data-testid={testId}>
      <h3 className="chart-card-title">{title}</h3>
      {band && (
        <p className="chart-key">
          <span className="chart-key-band" aria-hidden="true" /> {band}
        </p>
      )}
      <div className="chart-frame">{children}</div>
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  );
}

const axisTick = { fontSize: 11, fill: MUTED };

/** Paper width for a chart (one chart across an A4 or Letter page): printing never waits for a resize. */
const PRINT_WIDTH = 640;

/** True while the page is being printed, so the charts draw at the paper's width, not the window's. */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('print').matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const set = (value: boolean) => flushSync(() => setPrinting(value));
    const query = window.matchMedia('print');
    const onChange = (e: MediaQueryListEvent) => set(e.matches);
    const before = () => set(true);
    const after = () => set(false);
    query.addEventListener('change', onChange);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      query.removeEventListener('change', onChange);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
const n1 = (v: number) => (Math.round(v * 10) / 10).toFixed(1);
const mss = (seconds: number) => {
  const t = Math.round(seconds);
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
};
/** Edge dots and bars are drawn whole, not cut at the chart's border. */
const X_PADDING = { left: 14, right: 14 };

/** The Running tab's four charts. Derived data is memoised, so a year of runs redraws without lag. */
export const RunningCharts = memo(function RunningCharts({ runs, policy, plan, unit, locale, today }: ChartsProps) {
  const printing = usePrinting();
  const chartWidth = printing ? PRINT_WIDTH : '100%';
  const u = distanceUnitLabel(unit);
  const pu = paceUnitLabel(unit);
  const [range, setRange] = useState<ChartRange>(plan ? 'plan' : '12w');
  const from = rangeStart(range, today, plan);

  const weeks = useMemo(() => weeklySeries(runs, policy, plan, unit, today, from), [runs, policy, plan, unit, today, from]);
  const paces = useMemo(() => paceSeries(runs, policy, unit, from), [runs, policy, unit, from]);
  const surfaces = useMemo(() => surfaceMix(runs, unit, from), [runs, unit, from]);
  const pains = useMemo(() => painSeries(runs, from), [runs, from]);
  const [bandLo, bandHi] = useMemo(() => asteroidWeeklyBand(unit), [unit]);
  const [cumulativeLo, cumulativeHi] = useMemo(() => asteroidCumulativeBand(unit), [unit]);
  const [paceFast, paceSlow] = useMemo(() => asteroidPaceBand(unit), [unit]);
  const [speedLo, speedHi] = useMemo(() => asteroidSpeedBand(unit), [unit]);
  // Dates carry their year when the charts span more than one.
  const firstX = Math.min(...[weeks[0]?.x, paces[0]?.x, pains[0]?.x].filter((v): v is number => v !== undefined));
  const spansYears = Number.isFinite(firstX) && new Date(firstX).getUTCFullYear() !== Number(today.slice(0, 4));
  const short = useMemo(() => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', ...(spansYears ? { year: '2-digit' } : { day: 'numeric' }) }), [locale, spansYears]);
  const tickDate = (v: string | number) => short.format(new Date(typeof v === 'number' ? v : `${v}T12:00:00Z`));
  const longDate = (v: string | number) => formatCalendarDate(typeof v === 'number' ? isoOf(v) : v, locale);

  const paceExact = paces.filter((s) => s.basis !== 'estimated');
  const paceEstimated = paces.filter((s) => s.basis === 'estimated');
  const paceMax = Math.max(paceSlow, ...paces.map((p) => p.pace));
  const paceMin = Math.min(paceFast, ...paces.map((p) => p.pace));
  const surfaceTicks = niceTicks(Math.max(0, ...surfaces.map((x) => x.distance)));
  const { greenMax, amberMax } = policy.pain;
  const baseline = plan?.baselinePain ?? null;
  const lastWeeks = weeks.slice(-4);
  const recent = lastWeeks.reduce((a, w) => a + w.distance, 0) / Math.max(1, lastWeeks.length);

  return (
    <>
    <div className="chart-range no-print">
      <span id="chart-range-label">Show</span>
      <div className="segmented" role="group" aria-labelledby="chart-range-label">
        {CHART_RANGES.filter((r) => r !== 'plan' || plan).map((r) => (
          <button key={r} type="button" aria-pressed={range === r} onClick={() => setRange(r)}>
            {CHART_RANGE_LABELS[r]}
          </button>
        ))}
      </div>
      <span className="muted">{from ? `from ${formatCalendarDate(from, locale)}` : 'everything logged'}</span>
    </div>
    <div className="running-charts">
      <Figure
        testId="chart-weekly"
        band="ASTEROID research context — not a target"
        title={`Weekly distance (${u})`}
        caption={
          <>
            Bars: distance run and walked each clinic week (average {n1(recent)} {u} over the last {lastWeeks.length} weeks). Line: the plan’s expected weekly distance.{' '}
            <strong>Shaded band: research context, not a target</strong> — ASTEROID’s cumulative {n1(cumulativeLo)}–{n1(cumulativeHi)} {u} over 12 weeks
            {unit === 'km' ? '' : ' (28.6–46.1 km in the study)'}, spread evenly: {n1(bandLo)}–{n1(bandHi)} {u} a week (our conversion); a hypothesis-generating subgroup finding.
          </>
        }
      >
        <ResponsiveContainer width={chartWidth} height={230}>
          <ComposedChart data={weeks} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey="weekStart" tickFormatter={tickDate} tick={axisTick} minTickGap={18} padding={X_PADDING} />
            <YAxis tick={axisTick} allowDecimals unit="" width={44} />
            <ReferenceArea
              y1={bandLo}
              y2={bandHi}
              ifOverflow="extendDomain"
              fill={BAND}
              fillOpacity={0.55}
              stroke={BAND_STROKE}
              strokeDasharray="4 3"
            />
            <Bar dataKey="distance" name={`Distance (${u})`} fill={BAR} stroke={BAR_STROKE} strokeWidth={0.5} isAnimationActive={false} maxBarSize={28} />
            <Line dataKey="prescribed" name={`Plan: expected (${u})`} stroke={INK} strokeDasharray="5 3" strokeWidth={1.6} dot={{ r: 2.5, fill: INK }} connectNulls={false} isAnimationActive={false} />
            <Tooltip
              labelFormatter={(v) => `Week of ${longDate(v as string)}`}
              formatter={(value, name) => [value === null || value === undefined ? '—' : `${n1(Number(value))} ${u}`, name]}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
          </ComposedChart>
        </ResponsiveContainer>
      </Figure>

      <Figure
        testId="chart-speed"
        band="ASTEROID research context — not a target"
        title={`Running-only pace per session (min ${pu})`}
        caption={
          <>
            The same pace as the log’s column; faster is higher. Filled dots: from the watch’s run laps or a continuous run. Open dots: estimated (walking taken out at the clinic’s assumed walking
            speed). <strong>Shaded band: research context, not a target</strong> — paces of {mss(paceFast)}–{mss(paceSlow)} {pu} (mean speeds of {n1(speedLo)}–{n1(speedHi)}{' '}
            {speedUnitLabel(unit)}{unit === 'km' ? '' : '; 10.5–11.7 km/h in the study'}) went with more favourable disc T2 in an ASTEROID subgroup. The plan asks for an easy, conversational pace.
          </>
        }
      >
        <ResponsiveContainer width={chartWidth} height={230}>
          <ScatterChart margin={{ top: 8, right: 12, bottom: 0, left: -4 }}>
            <CartesianGrid stroke={GRID} />
            <XAxis dataKey="x" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={tickDate} tick={axisTick} minTickGap={18} name="Date" padding={X_PADDING} />
            <YAxis
              dataKey="pace"
              type="number"
              reversed
              tick={axisTick}
              width={48}
              domain={[Math.max(0, Math.floor(paceMin / 60) * 60 - 30), Math.ceil(paceMax / 60) * 60 + 30]}
              tickFormatter={(v: number) => mss(v)}
              name="Pace"
            />
            <ReferenceArea y1={paceFast} y2={paceSlow} ifOverflow="extendDomain" fill={BAND} fillOpacity={0.55} stroke={BAND_STROKE} strokeDasharray="4 3" />
            <Scatter name="Measured" data={paceExact} fill={BAR_STROKE} isAnimationActive={false} />
            <Scatter name="Estimated" data={paceEstimated} fill="#d5ebe8" stroke={BAR_STROKE} strokeWidth={1.4} isAnimationActive={false} />
            <Tooltip labelFormatter={() => ''} formatter={(value, name) => (name === 'Date' ? [longDate(Number(value)), 'Date'] : [`${mss(Number(value))} ${pu}`, 'Running pace'])} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
          </ScatterChart>
        </ResponsiveContainer>
      </Figure>

      <Figure
        testId="chart-pain"
        title="Pain per run"
        caption={
          <>
            Solid line: the higher of pain during and straight after the run. Dashed line: next morning. Shading: the clinic’s zones for pain during or after a run — 0–{greenMax} fine,{' '}
            {greenMax + 1}–{amberMax} acceptable, over {amberMax} too much (clinic policy).
            {baseline !== null && ` Dotted line: the patient’s usual pain (${baseline}/10), against which next-morning pain is read.`}
          </>
        }
      >
        <ResponsiveContainer width={chartWidth} height={230}>
          <LineChart data={pains} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <ReferenceArea y1={0} y2={greenMax + 0.5} fill="#e6f4ea" fillOpacity={0.9} ifOverflow="hidden" label={{ value: `fine 0–${greenMax}`, position: 'insideBottomRight', fontSize: 10.5, fill: '#1c6434' }} />
            <ReferenceArea y1={greenMax + 0.5} y2={amberMax + 0.5} fill="#fff3dc" fillOpacity={0.95} ifOverflow="hidden" label={{ value: `acceptable ${greenMax + 1}–${amberMax}`, position: 'insideRight', fontSize: 10.5, fill: '#7a4a00' }} />
            <ReferenceArea y1={amberMax + 0.5} y2={10} fill="#fcebea" fillOpacity={0.9} ifOverflow="hidden" label={{ value: `too much > ${amberMax}`, position: 'insideTopRight', fontSize: 10.5, fill: '#8c1c15' }} />
            {baseline !== null && <ReferenceLine y={baseline} stroke={MUTED} strokeDasharray="1 3" />}
            <XAxis dataKey="x" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={tickDate} tick={axisTick} minTickGap={18} padding={X_PADDING} />
            <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={axisTick} width={44} />
            <Line dataKey="peak" name="During / after" stroke={BAR_STROKE} strokeWidth={1.8} dot={{ r: 2.5, fill: BAR_STROKE }} connectNulls isAnimationActive={false} />
            <Line dataKey="nextMorning" name="Next morning" stroke={INK} strokeWidth={1.4} strokeDasharray="5 3" dot={{ r: 2.5, fill: '#fff', stroke: INK }} connectNulls isAnimationActive={false} />
            <Tooltip labelFormatter={(v) => longDate(Number(v))} formatter={(value, name) => [value === null || value === undefined ? '—' : `${String(value)}/10`, name]} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
          </LineChart>
        </ResponsiveContainer>
      </Figure>

      <Figure
        testId="chart-surface"
        title={`Surface mix (${u})`}
        caption={
          <>
            Distance by surface in the period shown. Grass went with more favourable disc T2 in an ASTEROID subgroup — <strong>research context, not a requirement</strong>; the plan suggests level surfaces
            without hills.
          </>
        }
      >
        <ResponsiveContainer width={chartWidth} height={230}>
          <BarChart data={surfaces} layout="vertical" margin={{ top: 8, right: 48, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={GRID} horizontal={false} />
            <XAxis type="number" tick={axisTick} ticks={surfaceTicks} domain={[0, surfaceTicks.at(-1) ?? 1]} tickFormatter={(v: number) => String(v)} />
            <YAxis type="category" dataKey="label" tick={{ ...axisTick, fill: INK }} width={112} />
            <Bar dataKey="distance" name={`Distance (${u})`} fill={BAR} stroke={BAR_STROKE} strokeWidth={0.5} isAnimationActive={false} maxBarSize={22}>
              <LabelList dataKey="share" position="right" formatter={(v: unknown) => `${Math.round(Number(v) * 100)}%`} style={{ fontSize: 11, fill: INK }} />
            </Bar>
            <Tooltip formatter={(value) => [`${n1(Number(value))} ${u}`, 'Distance']} />
          </BarChart>
        </ResponsiveContainer>
      </Figure>
    </div>
    </>
  );
});
