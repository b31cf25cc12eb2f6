/**
 * The geometry of a reassessment or questionnaire trend chart: scales, ticks, each series' points,
 * the detectable-change band around its baseline, the important-change line and the cut-off line.
 * Pure, so the printed progress report (react-pdf Svg) and the screen draw the same picture, and
 * tests can hold it to the box it is drawn in.
 */

/** How a reading compares with the series' baseline. */
export type TrendMark = 'baseline' | 'improved' | 'worse' | 'within-error';

export interface TrendSeriesInput {
  key: string;
  label: string;
  /** In date order or not; values in the measure's unit. */
  points: readonly { date: string; value: number; mark: TrendMark }[];
}

export interface TrendChartInput {
  series: readonly TrendSeriesInput[];
  /** The detectable change: a band of ± this around each series' baseline (its first point). */
  detectableChange: number | null;
  /** The important change (questionnaires' MIC): a line this far from the baseline, on the better side. */
  importantChange: number | null;
  higherIsBetter: boolean;
  cutoff: number | null;
  /** The values the measure can take: the scale never reaches beyond them. */
  range: readonly [number, number] | null;
  /** A fixed scale (a questionnaire's whole 0–10 or 0–100), instead of one fitted to the readings. */
  fixedDomain?: readonly [number, number];
  box: { width: number; height: number; padding: { top: number; right: number; bottom: number; left: number } };
}

export interface TrendChartPoint {
  x: number;
  y: number;
  date: string;
  value: number;
  mark: TrendMark;
}

export interface TrendChartSeries {
  key: string;
  label: string;
  points: TrendChartPoint[];
  /** SVG path through the points ("M x y L x y …"); empty without points. */
  path: string;
  baseline: number | null;
  /** The band edges in value and pixel (top < bottom in pixels), clipped to the scale. */
  band: { low: number; high: number; yTop: number; yBottom: number } | null;
  important: { value: number; y: number } | null;
}

export interface TrendChartGeometry {
  plot: { left: number; top: number; right: number; bottom: number };
  domain: { x: readonly [number, number]; y: readonly [number, number] };
  yTicks: { value: number; y: number }[];
  xTicks: { date: string; x: number }[];
  series: TrendChartSeries[];
  cutoff: { value: number; y: number } | null;
}

const DAY = 86_400_000;
const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const round = (v: number) => Math.round(v * 100) / 100;

/** A step of 1, 2, 2.5 or 5 × 10ⁿ that cuts the span into about `count` parts. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power;
}

/** The value scale: every reading, band edge and line fits, widened to whole steps and kept within the measure's range. */
export function valueDomain(input: Omit<TrendChartInput, 'box'>): { domain: [number, number]; ticks: number[] } {
  if (input.fixedDomain) {
    const [lo, hi] = input.fixedDomain;
    const step = niceStep(hi - lo);
    const ticks: number[] = [];
    for (let v = lo; v <= hi + 1e-9; v += step) ticks.push(Math.round(v * 1000) / 1000);
    return { domain: [lo, hi], ticks };
  }
  const values: number[] = [];
  for (const s of input.series) {
    for (const p of s.points) values.push(p.value);
    const base = baselineOf(s);
    if (base !== null && input.detectableChange !== null) values.push(base - input.detectableChange, base + input.detectableChange);
    if (base !== null && input.importantChange !== null) values.push(base + (input.higherIsBetter ? 1 : -1) * input.importantChange);
  }
  if (input.cutoff !== null) values.push(input.cutoff);
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (input.range) {
    lo = Math.max(lo, input.range[0]);
    hi = Math.min(hi, input.range[1]);
  }
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const step = niceStep(hi - lo);
  let min = Math.floor(lo / step - 1e-9) * step;
  let max = Math.ceil(hi / step + 1e-9) * step;
  if (min === lo && min > (input.range?.[0] ?? -Infinity)) min -= step;
  if (max === hi && max < (input.range?.[1] ?? Infinity)) max += step;
  if (input.range) {
    min = Math.max(min, input.range[0]);
    max = Math.min(max, input.range[1]);
  }
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return { domain: [min, max], ticks };
}

function baselineOf(s: TrendSeriesInput): number | null {
  const first = [...s.points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
  return first ? first.value : null;
}

/** At most `max` date ticks: every reading's date when few, otherwise evenly spread ones (always the first and last). */
function dateTicks(dates: readonly number[], max: number): number[] {
  const unique = [...new Set(dates)].sort((a, b) => a - b);
  if (unique.length <= max) return unique;
  const out: number[] = [];
  for (let i = 0; i < max; i++) out.push(unique[Math.round((i * (unique.length - 1)) / (max - 1))]!);
  return [...new Set(out)];
}

export function trendChartGeometry(input: TrendChartInput): TrendChartGeometry {
  const { width, height, padding } = input.box;
  const plot = { left: padding.left, top: padding.top, right: Math.max(padding.left + 1, width - padding.right), bottom: Math.max(padding.top + 1, height - padding.bottom) };
  const { domain: yDomain, ticks } = valueDomain(input);
  const days = input.series.flatMap((s) => s.points.map((p) => dayOf(p.date)));
  let x0 = days.length ? Math.min(...days) : 0;
  let x1 = days.length ? Math.max(...days) : 1;
  // One visit still gets a scale: a week either side.
  if (x1 - x0 < 1) {
    x0 -= 7;
    x1 += 7;
  }
  // Dots at the edges are drawn whole: a small margin inside the plot.
  const inset = Math.min(10, (plot.right - plot.left) / 4);
  const xOf = (day: number) => round(plot.left + inset + ((day - x0) / (x1 - x0)) * (plot.right - plot.left - 2 * inset));
  const clampY = (v: number) => Math.min(yDomain[1], Math.max(yDomain[0], v));
  const yOf = (v: number) => round(plot.bottom - ((clampY(v) - yDomain[0]) / (yDomain[1] - yDomain[0])) * (plot.bottom - plot.top));

  const series = input.series.map((s): TrendChartSeries => {
    const sorted = [...s.points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const points = sorted.map((p) => ({ x: xOf(dayOf(p.date)), y: yOf(p.value), date: p.date, value: p.value, mark: p.mark }));
    const baseline = sorted[0]?.value ?? null;
    const dc = input.detectableChange;
    const band =
      baseline !== null && dc !== null
        ? { low: clampY(baseline - dc), high: clampY(baseline + dc), yTop: yOf(baseline + dc), yBottom: yOf(baseline - dc) }
        : null;
    const importantValue = baseline !== null && input.importantChange !== null ? baseline + (input.higherIsBetter ? 1 : -1) * input.importantChange : null;
    // A line the scale cannot show (below 0 on NPRS) is not drawn at the edge as if it were there.
    const important = importantValue !== null && importantValue >= yDomain[0] && importantValue <= yDomain[1] ? { value: importantValue, y: yOf(importantValue) } : null;
    return { key: s.key, label: s.label, points, path: points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' '), baseline, band, important };
  });
  const cutoff = input.cutoff !== null && input.cutoff >= yDomain[0] && input.cutoff <= yDomain[1] ? { value: input.cutoff, y: yOf(input.cutoff) } : null;
  const xTickCount = Math.max(2, Math.floor((plot.right - plot.left) / 70));
  return {
    plot,
    domain: { x: [x0, x1], y: yDomain },
    yTicks: ticks.map((value) => ({ value, y: yOf(value) })),
    xTicks: dateTicks(days, xTickCount).map((d) => ({ date: isoOf(d), x: xOf(d) })),
    series,
    cutoff,
  };
}
