import type { ReasonEffect } from './evidence';
import type { RedFlagAction, ScreenFlag, SystemicFlag } from './redFlags';
import { SCREEN_FLAG_LABELS, SCREEN_FLAGS, joinWords, triage } from './redFlags';

/**
 * The planner's reasons for the week's red flags (redFlags.ts says what each group asks for). A
 * cauda-equina sign comes first and is never downgraded; systemic findings are referred to the
 * physician unless already assessed; running symptoms stop until the therapist's review.
 */
const SYSTEMIC_RULE: Record<SystemicFlag, string> = {
  significantTrauma: 'redflag.fracture',
  steroidsOrOsteoporosis: 'redflag.fracture',
  cancerHistory: 'redflag.malignancy',
  weightLoss: 'redflag.malignancy',
  fever: 'redflag.infection',
};

const REVIEW_RULE: Record<string, string> = {
  restOrNightPain: 'redflag.rest-or-night-pain',
  newLegSymptoms: 'redflag.new-leg-symptoms',
  swelling: 'redflag.swelling',
  limp: 'redflag.limp',
};

type Add = (ruleId: string, sentence: string, effect: ReasonEffect) => void;

/** Where each flag was reported ("in the red-flag screen on 2026-03-18", "with the run on …"). */
export type FlagSightings = ReadonlyMap<ScreenFlag, readonly string[]>;

function reported(flags: readonly ScreenFlag[], seen: FlagSightings): string {
  // One "where" per flag group keeps the sentence short when several flags came from the same screen.
  const wheres = [...new Set(flags.flatMap((f) => seen.get(f) ?? []))];
  return `${joinWords(flags.map((f) => SCREEN_FLAG_LABELS[f]))} ${joinWords(wheres)}`;
}

/** Adds the reasons for the week's flags and returns the most urgent action (null when none). */
export function addRedFlagReasons(seen: FlagSightings, physicianAssessed: readonly SystemicFlag[], add: Add): RedFlagAction | null {
  const yes = SCREEN_FLAGS.filter((f) => seen.has(f));
  const t = triage(yes, physicianAssessed);
  for (const g of t.groups) {
    if (g.group === 'cauda-equina')
      add(
        'redflag.cauda-equina',
        `The patient reported ${reported(g.flags, seen)}: possible cauda equina syndrome. Urgent medical assessment today (the emergency department if after hours); tell the patient in plain words, and no running.`,
        'stop-and-review',
      );
    else if (g.group === 'systemic') {
      const byRule = new Map<string, ScreenFlag[]>();
      for (const f of g.flags) byRule.set(SYSTEMIC_RULE[f as SystemicFlag], [...(byRule.get(SYSTEMIC_RULE[f as SystemicFlag]) ?? []), f]);
      for (const [ruleId, flags] of byRule)
        add(ruleId, `The patient reported ${reported(flags, seen)}: stop the running plan and refer the patient to their physician${flags.includes('fever') ? ' (today if they feel unwell)' : ''}.`, 'stop-and-review');
    } else for (const f of g.flags) add(REVIEW_RULE[f]!, `The patient reported ${reported([f], seen)}: stop running until a therapist has reviewed.`, 'stop-and-review');
  }
  if (t.physicianAssessed.length)
    add(
      'redflag.physician-assessed',
      `The patient reported ${reported(t.physicianAssessed, seen)}, already assessed by their physician for this back pain: noted, no new referral. Screen again if anything changes.`,
      'info',
    );
  return t.action;
}
