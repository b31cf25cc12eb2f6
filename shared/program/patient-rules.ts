import type { ClinicPolicy } from '../clinical/policy';
import { SCREEN_FLAGS, type ScreenFlag } from '../clinical/redFlags';
import type { Translator } from '../i18n/translate';
import type { LayRedFlags, PainRules } from './handout-parts';

/**
 * The pain traffic light of the handout, in the patient's words, with the clinic's own thresholds:
 * the zones the planner reads (pain.ts) — green carries on, amber holds, red steps back — and the
 * severe flare that stops the plan until the clinic has been called. Every figure comes from the
 * policy, so a clinic that moves a threshold prints the new figure.
 */
export function painRules(policy: ClinicPolicy, t: Translator): PainRules {
  const p = policy.pain;
  const score = (n: number) => t.text('pain.score', { n });
  const amberFrom = p.greenMax + 1;
  const range = amberFrom === p.amberMax ? score(p.amberMax) : t.text('pain.range', { from: amberFrom, to: p.amberMax });
  return {
    heading: t.text('pain.heading'),
    lights: [
      { zone: 'green', title: t.text('pain.green.title'), when: t.text('pain.green.when', { max: score(p.greenMax) }), what: t.text('pain.green.what') },
      { zone: 'amber', title: t.text('pain.amber.title'), when: t.count('pain.amber.when', p.nextMorningAmberRise, { range }), what: t.text('pain.amber.what') },
      {
        zone: 'red',
        title: t.text('pain.red.title'),
        when: t.count('pain.red.when', p.nextMorningRedRise, { max: p.amberMax }),
        what: t.text('pain.red.what', { severe: score(p.severeFlarePeak), severeRise: p.severeFlareNextMorningRise }),
      },
    ],
  };
}

/**
 * The screen's questions a patient can notice happening to them. A history of cancer and long-term
 * steroids or osteoporosis are asked at the screen but are not something that starts on a run.
 */
export const LAY_RED_FLAGS: readonly ScreenFlag[] = SCREEN_FLAGS.filter((f) => f !== 'cancerHistory' && f !== 'steroidsOrOsteoporosis');

/**
 * When to stop and call (redFlags.ts): any of these stops running until the clinic has heard; the
 * cauda-equina signs are an emergency that does not wait for the clinic (the screen's urgent-medical
 * action), said in the last line.
 */
export function layRedFlags(t: Translator, clinicPhone: string | null, emergencyNumber = '911'): LayRedFlags {
  const phone = clinicPhone?.trim();
  return {
    heading: t.text('flags.heading'),
    intro: phone ? t.text('flags.intro', { phone }) : t.text('flags.intro.no-phone'),
    items: LAY_RED_FLAGS.map((f) => t.text(`flags.${f}`)),
    action: t.text('flags.action', { emergency: emergencyNumber }),
  };
}
