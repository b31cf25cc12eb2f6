import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/clinical/policy';
import type { RunRecord } from '../../../shared/domain/running';
import { asteroidCumulativeBand, asteroidWeeklyBand, niceTicks, paceSeries, rangeStart, weeklySeries } from '../../../renderer/src/screens/running/chartData';

const run = (date: string, over: Partial<RunRecord> = {}): RunRecord =>
  ({ id: date.length, date, kind: 'run', distanceM: 5000, durationS: 1800, runSeconds: null, walkSeconds: null, surface: null, intervals: null, ...over }) as unknown as RunRecord;

describe('running charts', () => {
  it('an old imported file does not stretch the plan period over years: the range starts near the plan', () => {
    const plan = { startDate: '2026-10-05', weeks: [], baselinePain: 1 } as never;
    const from = rangeStart('plan', '2026-12-01', plan);
    expect(from).toBe('2026-09-28');
    const weeks = weeklySeries([run('2015-06-01'), run('2026-11-30')], DEFAULT_POLICY, plan, 'mi', '2026-12-01', from);
    expect(weeks[0]!.weekStart >= '2026-09-28').toBe(true);
    expect(weeks.length).toBeLessThan(12);
    // "All" keeps everything (capped at two years of weeks).
    expect(weeklySeries([run('2015-06-01'), run('2026-11-30')], DEFAULT_POLICY, plan, 'mi', '2026-12-01', rangeStart('all', '2026-12-01', plan)).length).toBe(104);
  });

  it('plots the same pace the log shows (per mile in a miles clinic), not a speed', () => {
    const [p] = paceSeries([run('2026-11-30', { distanceM: 1609.344, durationS: 540, runSeconds: 540, walkSeconds: 0 })], DEFAULT_POLICY, 'mi', null);
    expect(p!.pace).toBeCloseTo(540, 5); // 9:00 /mi
  });

  it('surface axis ticks are round numbers, never 0.55 or 1.1', () => {
    expect(niceTicks(1.1)).toEqual([0, 0.5, 1, 1.5]);
    expect(niceTicks(23)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('gives the research band in the clinic’s unit (a miles clinic reads miles, the study’s km only beside them)', () => {
    const [lo, hi] = asteroidCumulativeBand('mi');
    expect([lo.toFixed(1), hi.toFixed(1)]).toEqual(['17.8', '28.6']);
    expect(asteroidCumulativeBand('km').map((v) => v.toFixed(1))).toEqual(['28.6', '46.1']);
    const [weekLo, weekHi] = asteroidWeeklyBand('mi');
    expect([weekLo.toFixed(1), weekHi.toFixed(1)]).toEqual(['1.5', '2.4']);
  });
});
