import type { DistanceUnit } from '../../../../shared/domain/clinic';
import { SURFACE_LABELS } from '../../../../shared/domain/running';
import { DEFAULT_POLICY, policyValueAt, sameValue, type ClinicPolicy } from '../../../../shared/clinical/policy';
import { MEASURES } from '../../../../shared/clinical/reassessment';
import { getRule } from '../../../../shared/clinical/rules';
import { formatSpeed } from '../../../../shared/units/pace';

/**
 * The clinic policy in the words and units staff read: "Assumed walking speed: 3.1 mph" in a miles
 * clinic, never "metrics.assumedWalkingSpeedMps = 1.4". Setting paths stay in the code (and in
 * docs/clinical-rules.md for developers); this is what the Clinic policy screen shows.
 */

type Kind = 'score' | 'points' | 'percent' | 'days' | 'weeks' | 'sessions' | 'count' | 'degrees' | 'onoff' | 'speed' | 'surfaces' | 'weekday' | 'action';

const SETTINGS: Record<string, { label: string; kind: Kind }> = {
  weekStartsOn: { label: 'Clinic weeks start on', kind: 'weekday' },
  'pain.greenMax': { label: 'Fine up to', kind: 'score' },
  'pain.amberMax': { label: 'Acceptable up to', kind: 'score' },
  'pain.nextMorningAmberRise': { label: 'Next-morning rise that is “not settled”', kind: 'points' },
  'pain.nextMorningRedRise': { label: 'Next-morning rise that is “worse at 24 hours”', kind: 'points' },
  'pain.weekTrendRise': { label: 'Week-to-week rise in peak pain', kind: 'points' },
  'pain.requireScoresToProgress': { label: 'Progress only with every pain score logged', kind: 'onoff' },
  'progression.minSessionsAtStep': { label: 'Sessions at a rung before progressing', kind: 'sessions' },
  'progression.maxConsecutiveRegressions': { label: 'Steps back in a row before stop and review', kind: 'count' },
  'progression.sessionsPerWeek': { label: 'Sessions a week', kind: 'sessions' },
  'progression.holdOnNewSurface': { label: 'Hold the first week on a new surface', kind: 'onoff' },
  'spikeGuard.maxPercentOfLongest': { label: 'Longest planned session', kind: 'percent' },
  'spikeGuard.lookbackDays': { label: 'Look-back for the longest run', kind: 'days' },
  'cautionWindow.enabled': { label: 'Caution window', kind: 'onoff' },
  'cautionWindow.fromWeek': { label: 'From plan week', kind: 'count' },
  'cautionWindow.toWeek': { label: 'To plan week', kind: 'count' },
  'cautionWindow.action': { label: 'In the window', kind: 'action' },
  'metrics.assumedWalkingSpeedMps': { label: 'Assumed walking speed', kind: 'speed' },
  'metrics.recentSpeedWindowDays': { label: 'Recent-speed window', kind: 'days' },
  'metrics.softSurfaces': { label: 'Soft surfaces', kind: 'surfaces' },
  'gates.thomas.enabled': { label: 'Thomas test gate', kind: 'onoff' },
  'gates.thomas.hipAngleAboveDeg': { label: 'Hip angle above horizontal', kind: 'degrees' },
  'gates.thomas.kneeAngleBelowDeg': { label: 'Knee angle below', kind: 'degrees' },
  'gates.aslr.enabled': { label: 'ASLR gate', kind: 'onoff' },
  'gates.aslr.positiveFromScore': { label: 'Positive from an ASLR score of', kind: 'count' },
  'gates.proneInstability.enabled': { label: 'Prone instability gate', kind: 'onoff' },
  'gates.singleLegSquat.enabled': { label: 'Single-leg squat gate', kind: 'onoff' },
  'gates.outcomes.enabled': { label: 'Hold when questionnaires are worse than baseline', kind: 'onoff' },
  'gates.outcomes.nprsWorsePoints': { label: 'Pain (NPRS) worse by', kind: 'points' },
  'gates.outcomes.odiWorsePoints': { label: 'ODI worse by', kind: 'points' },
  'gates.outcomes.modifiedOdiWorsePoints': { label: 'Modified ODI worse by', kind: 'points' },
  'outcomes.odi.maxMissingSections': { label: 'ODI sections that may be missing', kind: 'count' },
  'outcomes.odi.micPoints': { label: 'ODI important change', kind: 'points' },
  'outcomes.odi.micPercent': { label: 'ODI important change', kind: 'percent' },
  'outcomes.odi.mdcPoints': { label: 'ODI detectable change', kind: 'points' },
  'outcomes.modifiedOdi.mcidPoints': { label: 'Modified ODI important change', kind: 'points' },
  'outcomes.modifiedOdi.mdcPoints': { label: 'Modified ODI detectable change', kind: 'points' },
  'outcomes.nprs.mdcPoints': { label: 'Pain (NPRS) detectable change', kind: 'points' },
  'outcomes.nprs.micPoints': { label: 'Pain (NPRS) important change', kind: 'points' },
  'outcomes.nprs.micPercent': { label: 'Pain (NPRS) important change', kind: 'percent' },
  'outcomes.psfs.mdcAverage': { label: 'PSFS detectable change (average)', kind: 'points' },
  'outcomes.psfs.mdcSingle': { label: 'PSFS detectable change (one activity)', kind: 'points' },
  'outcomes.rmdq.mdcPoints': { label: 'Roland-Morris detectable change', kind: 'points' },
  'outcomes.rmdq.micPoints': { label: 'Roland-Morris important change', kind: 'points' },
  'outcomes.rmdq.micPercent': { label: 'Roland-Morris important change', kind: 'percent' },
};

const MEASURE_UNITS: Record<string, string> = { deg: '°', cm: ' cm', s: ' seconds', points: ' points', result: '' };

function settingLabel(path: string): { label: string; kind: Kind | null; suffix: string } {
  const known = SETTINGS[path];
  if (known) return { ...known, suffix: '' };
  if (path.startsWith('detectableChange.')) {
    const key = path.slice('detectableChange.'.length);
    const measure = MEASURES.find((m) => m.detectableChangeKey === key);
    return { label: `Detectable change${measure ? ` — ${measure.name}` : ''}`, kind: null, suffix: measure ? (MEASURE_UNITS[measure.unit] ?? '') : '' };
  }
  const last = path.split('.').at(-1) ?? path;
  return { label: last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase()), kind: null, suffix: '' };
}

/** One setting's value in words and the clinic's units: "3.1 mph", "30 days", "on", "Grass, Trail". */
export function valueWords(path: string, value: unknown, unit: DistanceUnit): string {
  const { kind, suffix } = settingLabel(path);
  const n = Number(value);
  switch (kind) {
    case 'score':
      return `${n}/10`;
    case 'points':
      return `${n} point${n === 1 ? '' : 's'}`;
    case 'percent':
      return path.startsWith('spikeGuard') ? `${n}% of the longest recent run` : `${n}%`;
    case 'days':
      return `${n} days`;
    case 'weeks':
      return `${n} weeks`;
    case 'sessions':
      return `${n} session${n === 1 ? '' : 's'}`;
    case 'degrees':
      return `${n}°`;
    case 'onoff':
      return value ? 'on' : 'off';
    case 'speed':
      return formatSpeed(n, unit);
    case 'surfaces':
      return (Array.isArray(value) ? value : []).map((s) => SURFACE_LABELS[s as keyof typeof SURFACE_LABELS] ?? String(s)).join(', ') || 'none';
    case 'weekday':
      return String(value).charAt(0).toUpperCase() + String(value).slice(1);
    case 'action':
      return value === 'note' ? 'only add a note' : 'hold rather than progress';
    default:
      return Array.isArray(value) ? value.join(', ') : `${String(value)}${suffix}`;
  }
}

/** Each setting a rule reads, as "label: value" (with the default beside a value the clinic changed); or the rule's fixed figure. */
export function ruleValueLines(ruleId: string, policy: ClinicPolicy, unit: DistanceUnit): string[] {
  const rule = getRule(ruleId);
  if (rule.policyPaths.length === 0) return [rule.fixedValue ?? '—'];
  return rule.policyPaths.map((p) => {
    const v = policyValueAt(policy, p);
    const d = policyValueAt(DEFAULT_POLICY, p);
    const { label } = settingLabel(p);
    return sameValue(v, d) ? `${label}: ${valueWords(p, v, unit)}` : `${label}: ${valueWords(p, v, unit)} (default ${valueWords(p, d, unit)})`;
  });
}
