import { describe, expect, it } from 'vitest';
import { computeRunningMetrics, deriveRun } from '../../../shared/clinical/metrics';
import { DEFAULT_POLICY, clinicPolicySchema } from '../../../shared/clinical/policy';
import type { RunInput } from '../../../shared/clinical/runs';
import { runSchema } from '../../../shared/clinical/runs';
import { kmhToMps } from '../../../shared/units';

const r = (input: RunInput) => runSchema.parse(input);

describe('per-run speed', () => {
  it('is exact for a continuous run', () => {
    const d = deriveRun(r({ date: '2026-03-02', distanceM: 5000, durationS: 1800, runSeconds: 1800, walkSeconds: 0 }), DEFAULT_POLICY);
    expect(d.speedMps).toBeCloseTo(2.7778, 4);
    expect(d.runningSpeedBasis).toBe('continuous');
    expect(d.runningSpeedMps).toBeCloseTo(2.7778, 4);
  });
  it('estimates running speed in a run-walk session by taking out the walking at the assumed walking speed', () => {
    // 3000 m in 30 min with 450 s running and 1350 s walking: 1350 × 1.4 = 1890 m walked → 1110 m in 450 s.
    const d = deriveRun(r({ date: '2026-03-02', distanceM: 3000, durationS: 1800, runSeconds: 450, walkSeconds: 1350 }), DEFAULT_POLICY);
    expect(d.runningSpeedBasis).toBe('estimated');
    expect(d.runningSpeedMps).toBeCloseTo(1110 / 450, 9);
    expect(d.speedMps).toBeCloseTo(3000 / 1800, 9);
  });
  it('does not guess when the split is unknown or the assumption does not fit', () => {
    expect(deriveRun(r({ date: '2026-03-02', distanceM: 3000, durationS: 1800 }), DEFAULT_POLICY).runningSpeedBasis).toBe('unknown');
    // 1500 m with 1350 s walking at 1.4 m/s leaves nothing for the running part.
    expect(deriveRun(r({ date: '2026-03-02', distanceM: 1500, durationS: 1800, runSeconds: 450, walkSeconds: 1350 }), DEFAULT_POLICY).runningSpeedMps).toBeNull();
  });
});

describe('running metrics', () => {
  const runs = [
    r({ date: '2026-01-20', distanceM: 9000, durationS: 3000, surface: 'road' }), // 40 days before asOf
    r({ date: '2026-02-01', distanceM: 2000, durationS: 900, surface: 'road' }), // Sunday
    r({ date: '2026-02-02', distanceM: 3000, durationS: 1200, surface: 'grass' }), // Monday, 27 days before asOf
    r({ date: '2026-02-20', distanceM: 5000, durationS: 1800, runSeconds: 1800, walkSeconds: 0, surface: 'trail' }),
    r({ date: '2026-02-24', distanceM: 4000, durationS: 1500, runSeconds: 1500, walkSeconds: 0, surface: 'road' }),
    r({ date: '2026-03-01', distanceM: 3500, durationS: 1260, runSeconds: 1260, walkSeconds: 0, surface: 'grass' }), // asOf
    r({ date: '2026-03-05', distanceM: 99000, durationS: 36000 }), // after asOf: ignored
  ];
  const m = computeRunningMetrics({ runs, asOf: '2026-03-01', policy: DEFAULT_POLICY, planStart: '2026-02-02', prescribedSessions: () => 3 });

  it('sums rolling 7- and 28-day distance, both ends inclusive', () => {
    expect(m.rolling7DistanceM).toBe(4000 + 3500);
    expect(m.rolling28DistanceM).toBe(3000 + 5000 + 4000 + 3500);
  });
  it('finds the longest run of the past 30 days', () => {
    expect(m.longestRecentRun).toEqual({ distanceM: 5000, date: '2026-02-20', lookbackDays: 30 });
  });
  it('totals weeks from the clinic week start', () => {
    expect(m.weeks.map((w) => w.weekStart)).toEqual(['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']);
    expect(m.weeks.map((w) => w.distanceM)).toEqual([3000, 0, 5000, 7500]);
    const sunday = computeRunningMetrics({ runs, asOf: '2026-03-01', policy: clinicPolicySchema.parse({ weekStartsOn: 'sunday' }), planStart: '2026-02-01' });
    expect(sunday.weeks[0]).toMatchObject({ weekStart: '2026-02-01', distanceM: 5000, sessions: 2 });
    expect(sunday.weeks.at(-1)).toMatchObject({ weekStart: '2026-03-01', distanceM: 3500 });
  });
  it('measures adherence over complete weeks, each capped at its prescription', () => {
    // Weeks of 02-02, 02-09, 02-16, 02-23: 1 + 0 + 1 + 2 sessions of 3 prescribed.
    expect(m.adherence).toEqual({ sessions: 4, prescribed: 12, ratio: 4 / 12 });
    const busy = computeRunningMetrics({ runs, asOf: '2026-03-01', policy: DEFAULT_POLICY, planStart: '2026-02-23', prescribedSessions: () => 1 });
    expect(busy.adherence).toEqual({ sessions: 1, prescribed: 1, ratio: 1 });
  });
  it('counts cumulative distance and surfaces since the plan began', () => {
    expect(m.cumulativeDistanceM).toBe(3000 + 5000 + 4000 + 3500);
    // Since plan start: grass 3000 + trail 5000 + road 4000 + grass 3500 = 15500 m (the road run of 02-01 is before it).
    expect(m.softSurfaceShare).toBeCloseTo(11500 / 15500, 9);
    expect(m.grassShare).toBeCloseTo(6500 / 15500, 9);
  });
  it('counts running time in the ASTEROID speed band (10.5–11.7 km/h)', () => {
    // 02-20: 10.0 km/h, 02-24: 9.6 km/h, 03-01: 10.0 km/h — all below the band; 02-02 has no run/walk split.
    expect(m.researchSpeedBand.secondsInBand).toBe(0);
    const fast = computeRunningMetrics({ runs: [r({ date: '2026-03-01', distanceM: kmhToMps(11) * 1200, durationS: 1200, runSeconds: 1200, walkSeconds: 0 })], asOf: '2026-03-01', policy: DEFAULT_POLICY });
    expect(fast.researchSpeedBand).toMatchObject({ secondsInBand: 1200, runsCounted: 1 });
    expect(m.researchSpeedBand.runsWithoutRunningSpeed).toBe(1);
  });
  it('computes the acute:chronic ratio for information only', () => {
    expect(m.acwr).toMatchObject({ acuteM: 7500, chronicWeeklyM: 15500 / 4, informationOnly: true });
    expect(m.acwr.ratio).toBeCloseTo(7500 / (15500 / 4), 9);
  });
});
