import type { DistanceUnit } from '../../../../shared/domain/clinic';
import type { RunPlanRecord, RunRecord } from '../../../../shared/domain/running';
import { SURFACE_LABELS } from '../../../../shared/domain/running';
import type { ClinicPolicy } from '../../../../shared/clinical/policy';
import { addDays, startOfWeek } from '../../../../shared/clinical/calendar';
import { ASTEROID_CUMULATIVE_KM_BAND, ASTEROID_SPEED_BAND_KMH, ASTEROID_WEEKS } from '../../../../shared/clinical/researchContext';
import type { PlanDecision } from '../../../../shared/clinical/planner';
import { metresToUnit } from '../../../../shared/units/distance';
import { speedFromUnit, speedInUnit } from '../../../../shared/units/pace';
import { runningSpeed } from './runFormat';

/**
 * What the Running tab's charts draw, derived once per change of the log (the component memoises
 * these): weekly distance against the plan's prescription, running-only speed per session, the
 * surface mix and pain per run. The ASTEROID figures ride along as research-context bands only.
 */

export const dayMs = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** Runs and walks count towards distance; cross-training does not. */
const counts = (r: RunRecord) => r.kind !== 'cross_training';

export interface WeekPoint {
  weekStart: string;
  x: number;
  distance: number;
  sessions: number;
  /** The plan's expected distance for the week, in the clinic's unit; null without a prescription. */
  prescribed: number | null;
}

export const MAX_WEEKS = 104;

/** The plan week's expected weekly distance, from the decision that prescribed it. */
export function prescribedWeeklyDistance(plan: RunPlanRecord | null): Map<string, number> {
  const out = new Map<string, number>();
  if (!plan) return out;
  for (const w of plan.weeks) {
    const d = w.decision as PlanDecision | null;
    const p = d?.prescription;
    if (!p || p.expectedWeeklyDistanceM === null) continue;
    const next = plan.weeks.find((x) => x.weekStart === p.weekStart);
    // An override to another rung makes that decision's prescription someone else's week.
    if (next && next.stepId !== p.stepId) continue;
    out.set(p.weekStart, p.expectedWeeklyDistanceM);
  }
  return out;
}

export function weeklySeries(runs: readonly RunRecord[], policy: ClinicPolicy, plan: RunPlanRecord | null, unit: DistanceUnit, today: string, from: string | null = null): WeekPoint[] {
  const wk = (d: string) => startOfWeek(d, policy.weekStartsOn);
  const totals = new Map<string, { m: number; n: number }>();
  let first: string | null = from === null ? null : wk(from);
  for (const r of runs) {
    if (!counts(r) || (from !== null && r.date < wk(from))) continue;
    const w = wk(r.date);
    const t = totals.get(w) ?? { m: 0, n: 0 };
    t.m += r.distanceM;
    t.n += 1;
    totals.set(w, t);
    if (first === null || w < first) first = w;
  }
  if (plan && from === null && (first === null || wk(plan.startDate) < first)) first = wk(plan.startDate);
  if (first === null) return [];
  const last = wk(today);
  let start = first;
  const span = Math.round((dayMs(last) - dayMs(first)) / (7 * 86_400_000)) + 1;
  if (span > MAX_WEEKS) start = addDays(last, -7 * (MAX_WEEKS - 1));
  const prescribed = prescribedWeeklyDistance(plan);
  const out: WeekPoint[] = [];
  for (let w = start; w <= last; w = addDays(w, 7)) {
    const t = totals.get(w);
    const p = prescribed.get(w);
    out.push({ weekStart: w, x: dayMs(w), distance: t ? metresToUnit(t.m, unit) : 0, sessions: t?.n ?? 0, prescribed: p === undefined ? null : metresToUnit(p, unit) });
  }
  return out;
}

/** ASTEROID's cumulative 28.6–46.1 km over 12 weeks, in the clinic's unit. */
export function asteroidCumulativeBand(unit: DistanceUnit): [number, number] {
  const [lo, hi] = ASTEROID_CUMULATIVE_KM_BAND;
  return [metresToUnit(lo * 1000, unit), metresToUnit(hi * 1000, unit)];
}

/** ASTEROID's cumulative 28.6–46.1 km over 12 weeks, spread per week (our conversion, not the paper's), in the clinic's unit. */
export function asteroidWeeklyBand(unit: DistanceUnit): [number, number] {
  const [lo, hi] = ASTEROID_CUMULATIVE_KM_BAND;
  return [metresToUnit((lo * 1000) / ASTEROID_WEEKS, unit), metresToUnit((hi * 1000) / ASTEROID_WEEKS, unit)];
}

export function asteroidSpeedBand(unit: DistanceUnit): [number, number] {
  const [lo, hi] = ASTEROID_SPEED_BAND_KMH;
  return [speedInUnit(speedFromUnit(lo, 'km'), unit), speedInUnit(speedFromUnit(hi, 'km'), unit)];
}

export interface SpeedPoint {
  x: number;
  date: string;
  speed: number;
  basis: 'laps' | 'continuous' | 'estimated';
}

export function speedSeries(runs: readonly RunRecord[], policy: ClinicPolicy, unit: DistanceUnit, from: string | null): SpeedPoint[] {
  const out: SpeedPoint[] = [];
  for (const r of runs) {
    if (r.kind !== 'run' || (from && r.date < from)) continue;
    const s = runningSpeed(r, policy);
    if (s.mps === null || s.basis === 'unknown') continue;
    out.push({ x: dayMs(r.date), date: r.date, speed: speedInUnit(s.mps, unit), basis: s.basis });
  }
  return out.sort((a, b) => a.x - b.x);
}

export interface SurfaceSlice {
  surface: string;
  label: string;
  distance: number;
  share: number;
}

export function surfaceMix(runs: readonly RunRecord[], unit: DistanceUnit, from: string | null): SurfaceSlice[] {
  const by = new Map<string, number>();
  let total = 0;
  for (const r of runs) {
    if (!counts(r) || (from && r.date < from)) continue;
    const key = r.surface ?? 'unrecorded';
    by.set(key, (by.get(key) ?? 0) + r.distanceM);
    total += r.distanceM;
  }
  return [...by.entries()]
    .map(([surface, m]) => ({
      surface,
      label: surface === 'unrecorded' ? 'Not recorded' : SURFACE_LABELS[surface as keyof typeof SURFACE_LABELS],
      distance: metresToUnit(m, unit),
      share: total > 0 ? m / total : 0,
    }))
    .sort((a, b) => b.distance - a.distance);
}

export interface PainPoint {
  x: number;
  date: string;
  /** The higher of pain during and straight after the run (as the planner reads it). */
  peak: number | null;
  nextMorning: number | null;
}

export function painSeries(runs: readonly RunRecord[], from: string | null): PainPoint[] {
  return runs
    .filter((r) => r.kind !== 'cross_training' && (!from || r.date >= from) && (r.painDuring !== null || r.painNextMorning !== null || r.painAfter !== null))
    .map((r) => {
      const scores = [r.painDuring, r.painAfter].filter((v): v is number => v !== null);
      return { x: dayMs(r.date), date: r.date, peak: scores.length ? Math.max(...scores) : null, nextMorning: r.painNextMorning };
    })
    .sort((a, b) => a.x - b.x);
}

/** The periods the charts can show; the plan's period first when there is a plan. */
export const CHART_RANGES = ['plan', '12w', '6m', '1y', 'all'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export const CHART_RANGE_LABELS: Record<ChartRange, string> = { plan: 'Plan period', '12w': '12 weeks', '6m': '6 months', '1y': 'A year', all: 'All' };

/** The first date a range shows (null: everything logged). The plan's period starts a week before the plan. */
export function rangeStart(range: ChartRange, today: string, plan: RunPlanRecord | null): string | null {
  switch (range) {
    case 'plan':
      return plan ? addDays(plan.startDate, -7) : addDays(today, -7 * 12);
    case '12w':
      return addDays(today, -7 * 12);
    case '6m':
      return addDays(today, -182);
    case '1y':
      return addDays(today, -365);
    case 'all':
      return null;
  }
}

export interface PacePoint {
  x: number;
  date: string;
  /** Seconds per km or per mile, as the log's pace column shows it. */
  pace: number;
  basis: 'laps' | 'continuous' | 'estimated';
}

/** Running-only pace per session in the clinic's unit (the same figure the log shows). */
export function paceSeries(runs: readonly RunRecord[], policy: ClinicPolicy, unit: DistanceUnit, from: string | null): PacePoint[] {
  return speedSeries(runs, policy, unit, from).map((s) => ({ x: s.x, date: s.date, basis: s.basis, pace: 3600 / s.speed }));
}

/** ASTEROID's speed band as paces in the clinic's unit: [fastest, slowest] seconds per unit. */
export function asteroidPaceBand(unit: DistanceUnit): [number, number] {
  const [lo, hi] = asteroidSpeedBand(unit);
  return [3600 / hi, 3600 / lo];
}

/** Round axis ticks from 0 to at least `max`: 0, 0.5, 1, 1.5 — never 0.55 or 1.1. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return ticks;
}
