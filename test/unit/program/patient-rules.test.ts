import { describe, expect, it } from 'vitest';
import { exerciseTranslator } from '../../../shared/clinical/library';
import { clinicPolicySchema, DEFAULT_POLICY } from '../../../shared/clinical/policy';
import { SCREEN_FLAGS } from '../../../shared/clinical/redFlags';
import { missingKeys, PLAN_PHRASES } from '../../../shared/i18n';
import { LAY_RED_FLAGS, layRedFlags, painRules } from '../../../shared/program/patient-rules';

const en = () => exerciseTranslator('en', []);
const es = () => exerciseTranslator('es', []);

describe('pain rules for the patient', () => {
  it('reads the clinic’s default thresholds as a traffic light with what to do', () => {
    const rules = painRules(DEFAULT_POLICY, en());
    expect(rules.lights.map((l) => l.zone)).toEqual(['green', 'amber', 'red']);
    const [green, amber, red] = rules.lights;
    expect(green.when).toBe('Pain during or just after running is 3 out of 10 or less, and by the next morning it is back to your usual level.');
    expect(green.what).toBe('Carry on with the plan.');
    expect(amber.when).toBe('Pain during or just after running is 4 to 5 out of 10, or the next morning it is 1 point above your usual level.');
    expect(amber.what).toMatch(/^Do not move on/);
    expect(red.when).toBe('Pain during or just after running is above 5 out of 10, or the next morning it is 2 points or more above your usual level.');
    expect(red.what).toMatch(/^Stop running for today and rest\. Next time, go back one week.*8 out of 10 or is 5 points above/);
  });

  it('prints the clinic’s own thresholds when the policy changes them', () => {
    const policy = clinicPolicySchema.parse({ pain: { greenMax: 2, amberMax: 3, nextMorningAmberRise: 2, nextMorningRedRise: 3, severeFlarePeak: 7 } });
    const [green, amber, red] = painRules(policy, en()).lights;
    expect(green.when).toMatch(/is 2 out of 10 or less/);
    expect(amber.when).toBe('Pain during or just after running is 3 out of 10, or the next morning it is 2 points above your usual level.');
    expect(red.when).toMatch(/above 3 out of 10, or the next morning it is 3 points or more/);
    expect(red.what).toMatch(/reaches 7 out of 10/);
    expect(painRules(DEFAULT_POLICY, en())).not.toEqual(painRules(policy, en()));
  });

  it('reads in Spanish, singular and plural', () => {
    const t = es();
    const [green, amber, red] = painRules(DEFAULT_POLICY, t).lights;
    expect(green.title).toBe('Verde: todo bien');
    expect(amber.when).toBe('El dolor durante o justo después de correr es de 4 a 5 sobre 10, o a la mañana siguiente está 1 punto por encima de tu nivel de siempre.');
    expect(red.when).toMatch(/pasa de 5 sobre 10.*2 puntos o más/);
    expect(t.missing()).toEqual([]);
  });
});

describe('when to stop and call', () => {
  it('names every red flag a patient can notice, in lay words, with the clinic’s phone and the emergency number', () => {
    const flags = layRedFlags(en(), '(217) 555-0142');
    expect(flags.intro).toBe('Stop running and call the clinic at (217) 555-0142 if you notice any of these:');
    expect(flags.items).toHaveLength(LAY_RED_FLAGS.length);
    expect(LAY_RED_FLAGS).toEqual(SCREEN_FLAGS.filter((f) => f !== 'cancerHistory' && f !== 'steroidsOrOsteoporosis'));
    expect(flags.items.join('\n')).toMatch(/between your legs/);
    expect(flags.items.join('\n')).toMatch(/trouble passing urine/);
    expect(flags.items.join('\n')).toMatch(/fever/);
    expect(flags.items.join('\n')).toMatch(/at night that does not ease/);
    expect(flags.action).toMatch(/call 911 or go to the emergency department now/);
    expect(layRedFlags(en(), '', '999').action).toMatch(/call 999/);
    expect(layRedFlags(en(), null).intro).toBe('Stop running and call the clinic if you notice any of these:');
  });

  it('says it in Spanish, every phrase translated', () => {
    const t = es();
    const flags = layRedFlags(t, '555-0142');
    expect(flags.heading).toBe('Cuándo parar y llamar');
    expect(flags.intro).toMatch(/al 555-0142/);
    expect(flags.action).toMatch(/llama al 911 o ve a urgencias/);
    expect(t.missing()).toEqual([]);
    expect(missingKeys(PLAN_PHRASES.en, PLAN_PHRASES.es)).toEqual([]);
  });
});
