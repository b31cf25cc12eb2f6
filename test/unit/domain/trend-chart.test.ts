import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/clinical/policy';
import { getMeasure } from '../../../shared/clinical/reassessment';
import { measureLines } from '../../../shared/clinical/reassessment-lines';
import { outcomeScale } from '../../../shared/domain/outcomeScoring';
import type { MeasureTrend, OutcomeSummary } from '../../../shared/domain/reassessments';
import { niceStep, trendChartGeometry, valueDomain, type TrendChartInput } from '../../../shared/domain/trend-chart';
import { measureChartInput, outcomeChartInput } from '../../../shared/domain/trend-series';

const box = { width: 300, height: 160, padding: { top: 10, right: 10, bottom: 30, left: 40 } };

function hipTrend(side: 'left' | 'right', values: [string, number, MeasureTrend['points'][number]['sinceBaseline']][]): MeasureTrend {
  return { code: 'thomas_hip_angle', side, points: values.map(([date, value, sinceBaseline], i) => ({ reassessmentId: i + 1, date, value, device: 'goniometer', sinceBaseline })) };
}
const since = (classification: 'improved' | 'within-error' | 'worse', difference: number) => ({ classification, difference, threshold: 5, thresholdGrade: 'clinic-policy' as const, warnings: [] });

describe('trend chart geometry', () => {
  it('steps are 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect(niceStep(10)).toBe(2.5);
    expect(niceStep(17)).toBe(5);
    expect(niceStep(100)).toBe(25);
    expect(niceStep(0)).toBe(1);
  });

  it('a Thomas hip angle: both sides, each with its band around its own baseline, the cut-off line and the marks', () => {
    const def = getMeasure('thomas_hip_angle');
    const trends = [hipTrend('left', [['2026-09-01', 14, null], ['2026-09-29', 4, since('improved', -10)]]), hipTrend('right', [['2026-09-01', 6, null], ['2026-09-29', 3, since('within-error', -3)]])];
    const lines = { code: 'thomas_hip_angle' as const, ...measureLines('thomas_hip_angle', DEFAULT_POLICY) };
    const input = measureChartInput(def, trends, lines, box)!;
    const g = trendChartGeometry(input);
    expect(g.series.map((s) => s.label)).toEqual(['Left', 'Right']);
    expect(g.series[0]!.points.map((p) => p.mark)).toEqual(['baseline', 'improved']);
    expect(g.series[1]!.points.map((p) => p.mark)).toEqual(['baseline', 'within-error']);
    // The band is ± the detectable change (5° by clinic policy) around each side's first reading.
    expect(lines.detectableChange).toEqual({ value: 5, grade: 'clinic-policy' });
    expect(g.series[0]!.band).toMatchObject({ low: 9, high: 19 });
    expect(g.series[1]!.band).toMatchObject({ low: 1, high: 11 });
    // The scale holds the band, the readings and the cut-off (0°), in whole steps.
    expect(g.domain.y[0]).toBeLessThanOrEqual(0);
    expect(g.domain.y[1]).toBeGreaterThanOrEqual(19);
    expect(g.cutoff?.value).toBe(0);
    // Higher values are higher on the page; the later reading is to the right.
    const [a, b] = g.series[0]!.points;
    expect(b!.x).toBeGreaterThan(a!.x);
    expect(b!.y).toBeGreaterThan(a!.y);
    expect(g.cutoff!.y).toBeGreaterThan(b!.y);
    expect(g.series[0]!.path).toBe(`M${a!.x} ${a!.y} L${b!.x} ${b!.y}`);
    // Dates as ticks: the two visits.
    expect(g.xTicks.map((t) => t.date)).toEqual(['2026-09-01', '2026-09-29']);
    for (const t of g.yTicks) expect(t.value).toBeGreaterThanOrEqual(g.domain.y[0]);
  });

  it('never reaches beyond the measure’s range (a knee angle stays at or above 0°)', () => {
    const d = valueDomain({ series: [{ key: 'l', label: 'Left', points: [{ date: '2026-01-01', value: 2, mark: 'baseline' }] }], detectableChange: 16.3, importantChange: null, higherIsBetter: true, cutoff: 67, range: [0, 160] });
    expect(d.domain[0]).toBe(0);
    expect(d.domain[1]).toBeGreaterThanOrEqual(67);
    expect(d.ticks.every((t) => t >= 0 && t <= 160)).toBe(true);
  });

  it('one visit still gets a scale, and a measure read as a result is not charted', () => {
    const def = getMeasure('slr');
    const g = trendChartGeometry(measureChartInput(def, [{ code: 'slr', side: 'left', points: [{ reassessmentId: 1, date: '2026-02-03', value: 70, device: null, sinceBaseline: null }] }], undefined, box)!);
    expect(g.domain.x[1] - g.domain.x[0]).toBe(14);
    expect(g.series[0]!.points[0]!.x).toBeCloseTo((g.plot.left + g.plot.right) / 2, 0);
    expect(measureChartInput(getMeasure('prone_instability'), [], undefined, box)).toBeNull();
  });

  it('a questionnaire: fixed 0–10 scale, the important-change line on the better side, marks beyond the detectable change', () => {
    const summary: OutcomeSummary = {
      instrument: 'nprs',
      baseline: { id: 1, date: '2026-03-01', score: 7, scoreText: '7/10' },
      latest: { id: 3, date: '2026-04-01', score: 3, scoreText: '3/10' },
      change: null,
      thresholds: '',
      history: [
        { id: 1, date: '2026-03-01', score: 7 },
        { id: 2, date: '2026-03-15', score: 6 },
        { id: 3, date: '2026-04-01', score: 3 },
      ],
      scale: outcomeScale('nprs', DEFAULT_POLICY),
    };
    const g = trendChartGeometry(outcomeChartInput(summary, box)!);
    expect(g.domain.y).toEqual([0, 10]);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(g.series[0]!.points.map((p) => p.mark)).toEqual(['baseline', 'within-error', 'improved']);
    // NPRS: lower is better, MIC 2 points: the line sits at 5, MDC band 5–9.
    expect(g.series[0]!.important?.value).toBe(5);
    expect(g.series[0]!.band).toMatchObject({ low: 5, high: 9 });
    // A line the scale cannot show is left out rather than drawn at the edge.
    const low = trendChartGeometry(outcomeChartInput({ ...summary, history: [{ id: 1, date: '2026-03-01', score: 1 }] }, box)!);
    expect(low.series[0]!.important).toBeNull();
    expect(low.series[0]!.band).toMatchObject({ low: 0, high: 3 });
  });

  it('points, bands, lines and ticks stay inside the box whatever the readings', () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const point = fc.record({ date, value: fc.double({ min: -40, max: 900, noNaN: true }), mark: fc.constantFrom('baseline' as const, 'improved' as const, 'worse' as const, 'within-error' as const) });
    const input = fc.record({
      series: fc.array(fc.record({ key: fc.string(), label: fc.string(), points: fc.array(point, { minLength: 1, maxLength: 12 }) }), { minLength: 1, maxLength: 2 }),
      detectableChange: fc.option(fc.double({ min: 0.1, max: 50, noNaN: true })),
      importantChange: fc.option(fc.double({ min: 0.1, max: 30, noNaN: true })),
      higherIsBetter: fc.boolean(),
      cutoff: fc.option(fc.double({ min: -40, max: 900, noNaN: true })),
      range: fc.option(fc.constant([-40, 900] as const)),
      box: fc.record({ width: fc.integer({ min: 120, max: 1200 }), height: fc.integer({ min: 80, max: 600 }), padding: fc.record({ top: fc.integer({ min: 0, max: 20 }), right: fc.integer({ min: 0, max: 20 }), bottom: fc.integer({ min: 0, max: 40 }), left: fc.integer({ min: 0, max: 50 }) }) }),
    });
    fc.assert(
      fc.property(input, (inp) => {
        const g = trendChartGeometry(inp as TrendChartInput);
        const inX = (x: number) => x >= g.plot.left - 0.01 && x <= g.plot.right + 0.01;
        const inY = (y: number) => y >= g.plot.top - 0.01 && y <= g.plot.bottom + 0.01;
        for (const s of g.series) {
          for (const p of s.points) expect(inX(p.x) && inY(p.y)).toBe(true);
          if (s.band) expect(inY(s.band.yTop) && inY(s.band.yBottom) && s.band.yTop <= s.band.yBottom).toBe(true);
          if (s.important) expect(inY(s.important.y)).toBe(true);
        }
        if (g.cutoff) expect(inY(g.cutoff.y)).toBe(true);
        for (const t of g.yTicks) expect(inY(t.y)).toBe(true);
        for (const t of g.xTicks) expect(inX(t.x)).toBe(true);
        expect(g.domain.y[1]).toBeGreaterThan(g.domain.y[0]);
      }),
      { numRuns: 300 },
    );
  });
});
