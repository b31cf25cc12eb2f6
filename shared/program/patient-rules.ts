import type { ClinicPolicy } from '../clinical/policy';
import type { Translator } from '../i18n/translate';
import type { LayRedFlags, PainRules } from './handout-parts';

/*
 * THROWAWAY (branch handout): a stand-in with the agreed names and result shapes so the handout can be
 * built and tested. The real pain rules and lay red flags come from branch photos-lang and replace this
 * file at merge.
 */

export const PATIENT_RULES_PHRASES_EN = {
  'rules.heading': 'Pain rules: a traffic light',
  'rules.green': 'Green: go on',
  'rules.green.when': 'Pain during or after running is {max} out of 10 or less',
  'rules.green.what': 'Keep to the plan.',
  'rules.amber': 'Amber: hold',
  'rules.amber.when': 'Pain is {low} to {high} out of 10, or {rise} higher the next morning',
  'rules.amber.what': 'Repeat this week; do not move on.',
  'rules.red': 'Red: stop',
  'rules.red.when': 'Pain is above {high} out of 10, or {rise} higher the next morning',
  'rules.red.what': 'Stop running and call the clinic.',
  'flags.heading': 'When to stop and call',
  'flags.intro': 'Stop exercising and get help if you notice:',
  'flags.numb': 'Numbness between your legs or around your bottom',
  'flags.bladder': 'New trouble passing urine or controlling your bladder or bowels',
  'flags.weak': 'Weakness in a leg that gets worse',
  'flags.fever': 'Fever, or night pain that does not ease with rest',
  'flags.action': 'Call the clinic at {phone}. If the clinic is closed, call emergency services.',
} as const;
export const PATIENT_RULES_PHRASES_ES: Record<keyof typeof PATIENT_RULES_PHRASES_EN, string> = {
  'rules.heading': 'Reglas del dolor: un semáforo',
  'rules.green': 'Verde: siga',
  'rules.green.when': 'El dolor durante o después de correr es {max} de 10 o menos',
  'rules.green.what': 'Siga el plan.',
  'rules.amber': 'Ámbar: espere',
  'rules.amber.when': 'El dolor es de {low} a {high} de 10, o {rise} más alto a la mañana siguiente',
  'rules.amber.what': 'Repita esta semana; no avance.',
  'rules.red': 'Rojo: pare',
  'rules.red.when': 'El dolor pasa de {high} de 10, o es {rise} más alto a la mañana siguiente',
  'rules.red.what': 'Deje de correr y llame a la clínica.',
  'flags.heading': 'Cuándo parar y llamar',
  'flags.intro': 'Deje de hacer ejercicio y pida ayuda si nota:',
  'flags.numb': 'Adormecimiento entre las piernas o alrededor de las nalgas',
  'flags.bladder': 'Problemas nuevos para orinar o controlar la vejiga o el intestino',
  'flags.weak': 'Debilidad en una pierna que empeora',
  'flags.fever': 'Fiebre, o dolor nocturno que no cede con el reposo',
  'flags.action': 'Llame a la clínica al {phone}. Si está cerrada, llame a emergencias.',
};

export function painRules(policy: ClinicPolicy, t: Translator): PainRules {
  const p = policy.pain;
  return {
    heading: t.text('rules.heading'),
    lights: [
      { zone: 'green', title: t.text('rules.green'), when: t.text('rules.green.when', { max: p.greenMax }), what: t.text('rules.green.what') },
      { zone: 'amber', title: t.text('rules.amber'), when: t.text('rules.amber.when', { low: p.greenMax + 1, high: p.amberMax, rise: p.nextMorningAmberRise }), what: t.text('rules.amber.what') },
      { zone: 'red', title: t.text('rules.red'), when: t.text('rules.red.when', { high: p.amberMax, rise: p.nextMorningRedRise }), what: t.text('rules.red.what') },
    ],
  };
}

export function layRedFlags(t: Translator, clinicPhone: string): LayRedFlags {
  return {
    heading: t.text('flags.heading'),
    intro: t.text('flags.intro'),
    items: (['flags.numb', 'flags.bladder', 'flags.weak', 'flags.fever'] as const).map((k) => t.text(k)),
    action: t.text('flags.action', { phone: clinicPhone }),
  };
}
