import { G, Circle, Line as SvgLine, Path, Rect, Svg, Text as SvgText, View } from '@react-pdf/renderer';
import { trendChartGeometry, type TrendChartInput } from '../../shared/domain/trend-chart';
import { PRINT_FONT } from './fonts';

/**
 * The progress report's small trend chart: the same geometry as the screen's chart (shared/domain/
 * trend-chart.ts), drawn with react-pdf's Svg primitives. Left solid, right dashed; a ringed dot is a
 * reading beyond the detectable change; the shaded band is ± the detectable change around the baseline.
 */
const SERIES = { left: { stroke: '#0f766e' }, right: { stroke: '#6d28d9', dash: '4 2' }, none: { stroke: '#0f766e' }, score: { stroke: '#0f766e' } } as Record<string, { stroke: string; dash?: string }>;
const CUTOFF = '#8c1c15';
const WIDTH = 250;
const HEIGHT = 120;
const PADDING = { top: 14, right: 8, bottom: 22, left: 34 };

export function PrintTrendChart({ input, axisLabel, tick, date }: { input: TrendChartInput; axisLabel: string; tick: (v: number) => string; date: (iso: string) => string }) {
  const g = trendChartGeometry({ ...input, box: { width: WIDTH, height: HEIGHT, padding: PADDING } });
  const { plot } = g;
  return (
    <View wrap={false}>
      <Svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
        {g.yTicks.map((t) => (
          <G key={`y${t.value}`}>
            <SvgLine x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke="#e3e9ea" strokeWidth={0.6} />
            <SvgText x={plot.left - 3} y={t.y + 2.5} style={{ fontSize: 6.5, fontFamily: PRINT_FONT }} fill="#444" textAnchor="end">
              {tick(t.value)}
            </SvgText>
          </G>
        ))}
        {g.series.map((s) =>
          s.band ? <Rect key={`band-${s.key}`} x={plot.left} y={s.band.yTop} width={plot.right - plot.left} height={Math.max(0.5, s.band.yBottom - s.band.yTop)} fill={SERIES[s.key]?.stroke ?? '#0f766e'} fillOpacity={0.1} /> : null,
        )}
        {g.cutoff ? <SvgLine x1={plot.left} x2={plot.right} y1={g.cutoff.y} y2={g.cutoff.y} stroke={CUTOFF} strokeWidth={1} strokeDasharray="5 3" /> : null}
        {g.series.map((s) => (s.important ? <SvgLine key={`mic-${s.key}`} x1={plot.left} x2={plot.right} y1={s.important.y} y2={s.important.y} stroke="#1c6434" strokeWidth={0.9} strokeDasharray="1.5 2" /> : null))}
        <SvgLine x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke="#888" strokeWidth={0.6} />
        <SvgLine x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#888" strokeWidth={0.6} />
        {g.xTicks.map((t) => (
          <SvgText key={`x${t.date}`} x={t.x} y={plot.bottom + 9} style={{ fontSize: 6.5, fontFamily: PRINT_FONT }} fill="#444" textAnchor="middle">
            {date(t.date)}
          </SvgText>
        ))}
        <SvgText x={(plot.left + plot.right) / 2} y={HEIGHT - 2} style={{ fontSize: 6.5, fontFamily: PRINT_FONT }} fill="#444" textAnchor="middle">
          Date
        </SvgText>
        <SvgText x={2} y={8} style={{ fontSize: 6.5, fontFamily: PRINT_FONT }} fill="#444">
          {axisLabel}
        </SvgText>
        {g.series.map((s) => {
          const style = SERIES[s.key] ?? SERIES.none!;
          return (
            <G key={s.key}>
              {s.points.length > 1 ? <Path d={s.path} stroke={style.stroke} strokeWidth={1.4} strokeDasharray={style.dash} fill="none" /> : null}
              {s.points.map((p) => (
                <G key={p.date}>
                  {p.mark === 'improved' || p.mark === 'worse' ? <Circle cx={p.x} cy={p.y} r={5} fill="none" stroke={p.mark === 'improved' ? '#111' : CUTOFF} strokeWidth={1.3} /> : null}
                  <Circle cx={p.x} cy={p.y} r={p.mark === 'baseline' ? 2.6 : 2.4} fill={p.mark === 'baseline' ? '#ffffff' : style.stroke} stroke={style.stroke} strokeWidth={1.2} />
                </G>
              ))}
            </G>
          );
        })}
      </Svg>
    </View>
  );
}
