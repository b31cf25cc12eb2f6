import type { DistanceUnit } from '../domain/clinic';
import { formatDistance } from '../units/distance';
import { formatSpeed, speedFromUnit } from '../units/pace';
import type { EvidenceGrade } from './evidence';
import type { RunningMetrics } from './metrics';
import type { SourceId } from './sources';
import { ASTEROID_CUMULATIVE_KM_BAND, ASTEROID_SPEED_BAND_KMH, ASTEROID_WEEKS, BELAVY_BEST_LOADING_MPS } from './researchFigures';
import { citeSources } from './sources';

/**
 * ASTEROID findings shown beside a plan as research context. The Samanna et al. moderators are
 * subgroup findings the authors call hypothesis-generating (clinical.md §1): the planner never aims
 * for them, and nothing here feeds a decision.
 */
export { ASTEROID_CUMULATIVE_KM_BAND, ASTEROID_SPEED_BAND_KMH, ASTEROID_WEEKS, BELAVY_BEST_LOADING_MPS } from './researchFigures';

export interface ResearchContextItem {
  ruleId: string;
  finding: string;
  patient: string;
  source: string;
  grade: EvidenceGrade;
}

export interface ResearchContext {
  note: string;
  items: ResearchContextItem[];
}

const item = (ruleId: string, finding: string, patient: string, sourceIds: SourceId[], grade: EvidenceGrade): ResearchContextItem => ({
  ruleId,
  finding,
  patient,
  source: citeSources(sourceIds),
  grade,
});

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function buildResearchContext(metrics: RunningMetrics, weeksSincePlanStart: number | null, unit: DistanceUnit): ResearchContext {
  const [lo, hi] = ASTEROID_CUMULATIVE_KM_BAND;
  const [slo, shi] = ASTEROID_SPEED_BAND_KMH;
  const band = `${formatDistance(lo * 1000, unit, 1)}–${formatDistance(hi * 1000, unit, 1)}`;
  const speedBand = `${formatSpeed(speedFromUnit(slo, 'km'), unit)}–${formatSpeed(speedFromUnit(shi, 'km'), unit)}`;
  const weeks = weeksSincePlanStart === null ? '' : ` over ${weeksSincePlanStart} week${weeksSincePlanStart === 1 ? '' : 's'}`;
  const minutesInBand = Math.round(metrics.researchSpeedBand.secondsInBand / 60);
  return {
    note: 'Research context, not targets: these subgroup findings are hypothesis-generating, and the planner does not aim for them.',
    items: [
      item(
        'research.asteroid-volume',
        `In ASTEROID, a cumulative running volume of ${band} over ${ASTEROID_WEEKS} weeks went with more favourable disc T2 change (+4.80 ms).`,
        `${formatDistance(metrics.cumulativeDistanceM, unit, 1)} since the plan began${weeks}.`,
        ['samanna-2026'],
        'confirmed',
      ),
      item(
        'research.asteroid-speed',
        `A mean running speed of ${speedBand} went with more favourable disc T2 change (+2.46 ms).`,
        metrics.meanRunningSpeedMps === null
          ? 'Running speed unknown (record run and walk seconds to estimate it).'
          : `Mean running speed ${formatSpeed(metrics.meanRunningSpeedMps, unit)}; ${minutesInBand} min of running in that band.`,
        ['samanna-2026'],
        'confirmed',
      ),
      item(
        'research.asteroid-grass',
        'Running on grass went with more favourable disc T2 change (+2.93 ms).',
        metrics.grassShare === null ? 'Surface not recorded.' : `${percent(metrics.grassShare)} of distance on grass.`,
        ['samanna-2026'],
        'confirmed',
      ),
      item(
        'research.belavy-speed',
        `In a cross-sectional study, disc hydration was most associated with loading at about ${formatSpeed(BELAVY_BEST_LOADING_MPS, unit)} (fast walking / slow running) — slower than the ASTEROID band above.`,
        'Shown so the two findings are read together; both are observational or subgroup results.',
        ['belavy-2017'],
        'confirmed',
      ),
    ],
  };
}
