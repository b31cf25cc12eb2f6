import { z } from 'zod';
import type { Reason } from '../evidence';
import type { ClinicPolicy } from '../policy';
import { makeReason } from '../rules';
import type { ScoreChange } from './change';
import { assessScoreChange } from './change';

/**
 * Oswestry Disability Index (clinical.md §4.1). ODI v1.0/2.x has 10 sections scored 0–5; the modified
 * ODI (Fritz & Irrgang 2001) replaces sex life with employment/homemaking. Score = sum of answered
 * sections ÷ (5 × answered) × 100, so every unanswered or not-applicable section lowers the denominator
 * by 5 (✅). How many may be missing before the form is not scored is clinic policy (❌ no source).
 * The app stores scores, not the questionnaire's wording (Mapi licence terms for IT companies).
 */
export const ODI_VERSIONS = ['odi', 'modified-odi'] as const;
export type OdiVersion = (typeof ODI_VERSIONS)[number];

const COMMON = ['painIntensity', 'personalCare', 'lifting', 'walking', 'sitting', 'standing', 'sleeping'] as const;
export const ODI_SECTIONS: Record<OdiVersion, readonly string[]> = {
  odi: [...COMMON, 'sexLife', 'socialLife', 'travelling'],
  'modified-odi': [...COMMON, 'employmentHomemaking', 'socialLife', 'travelling'],
};

export const NOT_APPLICABLE = 'not-applicable';
const answer = z.union([z.number().int().min(0, 'An ODI section scores 0–5').max(5, 'An ODI section scores 0–5'), z.literal(NOT_APPLICABLE), z.null()]).default(null);
const sectionsSchema = (version: OdiVersion) => z.strictObject(Object.fromEntries(ODI_SECTIONS[version].map((k) => [k, answer])));

export const odiResponseSchema = z.discriminatedUnion('version', [
  z.strictObject({ version: z.literal('odi'), sections: sectionsSchema('odi') }),
  z.strictObject({ version: z.literal('modified-odi'), sections: sectionsSchema('modified-odi') }),
]);
export type OdiResponse = z.output<typeof odiResponseSchema>;
export type OdiResponseInput = z.input<typeof odiResponseSchema>;

export const ODI_BANDS = ['minimal', 'moderate', 'severe', 'crippled', 'bed-bound'] as const;
export type OdiBand = (typeof ODI_BANDS)[number];

export const ODI_BAND_LABELS: Record<OdiBand, string> = {
  minimal: 'minimal disability (0–20%)',
  moderate: 'moderate disability (21–40%)',
  severe: 'severe disability (41–60%)',
  crippled: 'crippled (61–80%)',
  'bed-bound': 'bed-bound or exaggerating symptoms (81–100%)',
};

/** Bands are published on whole percentages (0–20, 21–40 …), so the score is rounded first. */
export function odiBand(percent: number): OdiBand {
  const p = Math.round(percent);
  if (p <= 20) return 'minimal';
  if (p <= 40) return 'moderate';
  if (p <= 60) return 'severe';
  if (p <= 80) return 'crippled';
  return 'bed-bound';
}

export interface OdiScore {
  version: OdiVersion;
  /** Unrounded (16/45 → 35.56; printed scoring sheets truncate to 35.5). null when not scored. */
  percent: number | null;
  band: OdiBand | null;
  sum: number;
  answered: number;
  unanswered: number;
  notApplicable: number;
  valid: boolean;
  reasons: Reason[];
}

export function scoreOdi(response: OdiResponse, policy: ClinicPolicy): OdiScore {
  const values = Object.values(response.sections);
  const scores = values.filter((v): v is number => typeof v === 'number');
  const unanswered = values.filter((v) => v === null).length;
  const notApplicable = values.filter((v) => v === NOT_APPLICABLE).length;
  const sum = scores.reduce((a, b) => a + b, 0);
  const limit = policy.outcomes.odi.maxMissingSections;
  const reasons: Reason[] = [];
  const base = { version: response.version, sum, answered: scores.length, unanswered, notApplicable };
  if (unanswered > limit || scores.length === 0) {
    reasons.push(makeReason('odi.missing-limit', `${unanswered} of 10 sections are unanswered; the clinic scores an ODI with at most ${limit} unanswered.`, 'info', policy));
    return { ...base, percent: null, band: null, valid: false, reasons };
  }
  const percent = (sum / (5 * scores.length)) * 100;
  const band = odiBand(percent);
  reasons.push(
    makeReason('odi.score', `${sum} points over ${scores.length} answered sections: ${sum}/${5 * scores.length} × 100 = ${percent.toFixed(1)}%.`, 'info', policy),
    makeReason('odi.bands', `${Math.round(percent)}% is ${ODI_BAND_LABELS[band]}.`, 'info', policy),
  );
  return { ...base, percent, band, valid: true, reasons };
}

/**
 * Change from baseline. ODI: MIC 10 points or 30% (Ostelo 2008 ✅); MDC is clinic policy (⚠️ the
 * copies disagree). Modified ODI: MCID 6, MDC 12.68 (Fritz & Irrgang 2001 ✅).
 */
export function compareOdi(baseline: OdiScore, current: OdiScore, policy: ClinicPolicy): ScoreChange | null {
  if (baseline.percent === null || current.percent === null) return null;
  const o = policy.outcomes;
  const rules =
    current.version === 'modified-odi'
      ? { mdc: { value: o.modifiedOdi.mdcPoints, ruleId: 'modified-odi.mcid' }, mcid: { points: o.modifiedOdi.mcidPoints, percent: null, ruleId: 'modified-odi.mcid' } }
      : { mdc: { value: o.odi.mdcPoints, ruleId: 'odi.mdc' }, mcid: { points: o.odi.micPoints, percent: o.odi.micPercent, ruleId: 'odi.mic' } };
  return assessScoreChange(baseline.percent, current.percent, { label: current.version === 'modified-odi' ? 'Modified ODI' : 'ODI', unit: '%', higherIsBetter: false, ...rules }, policy);
}
