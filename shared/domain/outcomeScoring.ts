import type { ClinicPolicy } from '../clinical/policy';
import type { ScoreChange } from '../clinical/outcomes/change';
import { compareNprs } from '../clinical/outcomes/nprs';
import type { EvidenceGrade } from '../clinical/evidence';
import { effectiveGrade, getRule } from '../clinical/rules';
import { ODI_BAND_LABELS, compareOdi, scoreOdi } from '../clinical/outcomes/odi';
import { comparePsfs, scorePsfs } from '../clinical/outcomes/psfs';
import { compareRmdq, scoreRmdq } from '../clinical/outcomes/rolandMorris';
import { scoreStartBack } from '../clinical/outcomes/startBack';
import type { Instrument, OutcomeAnswers } from './reassessments';

/**
 * One questionnaire form in, the rules engine's score out: the stored number and its words. The
 * scoring and thresholds themselves live in shared/clinical/outcomes; this only dispatches by
 * instrument so the handlers and screens read every questionnaire the same way.
 */
export interface FormScore {
  score: number | null;
  text: string;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function scoreForm(form: OutcomeAnswers, policy: ClinicPolicy): FormScore {
  switch (form.instrument) {
    case 'nprs':
      return { score: form.answers.score, text: `${form.answers.score}/10${form.answers.score === 0 ? ' — recovered' : ''}` };
    case 'odi':
    case 'modified-odi': {
      const s = scoreOdi({ version: form.instrument, sections: form.answers.sections } as Parameters<typeof scoreOdi>[0], policy);
      if (s.percent === null) return { score: null, text: `not scored: ${s.unanswered} sections unanswered (the clinic scores with at most ${policy.outcomes.odi.maxMissingSections})` };
      return { score: s.percent, text: `${Math.round(s.percent)}% — ${ODI_BAND_LABELS[s.band!]}` };
    }
    case 'psfs': {
      const mean = scorePsfs(form.answers);
      return { score: mean, text: `${fmt(mean)}/10 average of ${form.answers.activities.length} ${form.answers.activities.length === 1 ? 'activity' : 'activities'}` };
    }
    case 'rmdq': {
      const s = scoreRmdq(form.answers);
      return { score: s.score, text: `${s.score}/24${s.recovered ? ' — recovered' : ''}` };
    }
    case 'start-back': {
      const s = scoreStartBack(form.answers);
      return { score: s.total, text: `${s.total}/9, distress ${s.distress}/5 — ${s.group} risk` };
    }
  }
}

/** The latest form against the baseline form of the same instrument; null where no change thresholds apply. */
export function compareForms(baseline: OutcomeAnswers, current: OutcomeAnswers, policy: ClinicPolicy): ScoreChange | null {
  if (baseline.instrument !== current.instrument) return null;
  switch (current.instrument) {
    case 'nprs':
      return compareNprs((baseline as typeof current).answers.score, current.answers.score, policy);
    case 'odi':
    case 'modified-odi': {
      const b = scoreOdi({ version: current.instrument, sections: (baseline as typeof current).answers.sections } as Parameters<typeof scoreOdi>[0], policy);
      const c = scoreOdi({ version: current.instrument, sections: current.answers.sections } as Parameters<typeof scoreOdi>[0], policy);
      return compareOdi(b, c, policy);
    }
    case 'psfs':
      return comparePsfs((baseline as typeof current).answers, current.answers, policy).average;
    case 'rmdq':
      return compareRmdq(scoreRmdq((baseline as typeof current).answers).score, scoreRmdq(current.answers).score, policy);
    case 'start-back':
      return null;
  }
}

/** The thresholds a change is read against, in words for the table. */
export function thresholdsText(instrument: Instrument, policy: ClinicPolicy): string {
  const o = policy.outcomes;
  switch (instrument) {
    case 'nprs':
      return `detectable change ${fmt(o.nprs.mdcPoints)} points · important change ${fmt(o.nprs.micPoints)} points or ${fmt(o.nprs.micPercent)}%`;
    case 'odi':
      return `detectable change ${fmt(o.odi.mdcPoints)} points (clinic policy) · important change ${fmt(o.odi.micPoints)} points or ${fmt(o.odi.micPercent)}%`;
    case 'modified-odi':
      return `detectable change ${fmt(o.modifiedOdi.mdcPoints)} points · important change ${fmt(o.modifiedOdi.mcidPoints)} points`;
    case 'psfs':
      return `detectable change ${fmt(o.psfs.mdcAverage)} points (average), ${fmt(o.psfs.mdcSingle)} per activity · no confirmed important change for low back pain`;
    case 'rmdq':
      return `detectable change ${fmt(o.rmdq.mdcPoints)} points · important change ${fmt(o.rmdq.micPoints)} points or ${fmt(o.rmdq.micPercent)}%`;
    case 'start-back':
      return 'a risk group, not a change score';
  }
}

/** A questionnaire's scale and the change figures its trend chart draws, each with its grade as the clinic uses it. */
export interface OutcomeScale {
  domain: [number, number];
  higherIsBetter: boolean;
  unit: string;
  mdc: { value: number; grade: EvidenceGrade } | null;
  /** The minimal important change in points (a percentage alternative is in the thresholds' words). */
  mic: { value: number; grade: EvidenceGrade } | null;
}

export function outcomeScale(instrument: Instrument, policy: ClinicPolicy): OutcomeScale {
  const o = policy.outcomes;
  const fig = (value: number, ruleId: string) => ({ value, grade: effectiveGrade(getRule(ruleId), policy) });
  switch (instrument) {
    case 'nprs':
      return { domain: [0, 10], higherIsBetter: false, unit: 'points 0–10', mdc: fig(o.nprs.mdcPoints, 'nprs.mdc'), mic: fig(o.nprs.micPoints, 'nprs.mic') };
    case 'odi':
      return { domain: [0, 100], higherIsBetter: false, unit: '% disability', mdc: fig(o.odi.mdcPoints, 'odi.mdc'), mic: fig(o.odi.micPoints, 'odi.mic') };
    case 'modified-odi':
      return { domain: [0, 100], higherIsBetter: false, unit: '% disability', mdc: fig(o.modifiedOdi.mdcPoints, 'modified-odi.mcid'), mic: fig(o.modifiedOdi.mcidPoints, 'modified-odi.mcid') };
    case 'psfs':
      return { domain: [0, 10], higherIsBetter: true, unit: 'average 0–10', mdc: fig(o.psfs.mdcAverage, 'psfs.mdc'), mic: null };
    case 'rmdq':
      return { domain: [0, 24], higherIsBetter: false, unit: 'points 0–24', mdc: fig(o.rmdq.mdcPoints, 'rmdq.mdc'), mic: fig(o.rmdq.micPoints, 'rmdq.mic') };
    case 'start-back':
      return { domain: [0, 9], higherIsBetter: false, unit: 'points 0–9', mdc: null, mic: null };
  }
}
