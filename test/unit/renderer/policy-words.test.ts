import { describe, expect, it } from 'vitest';
import { clinicPolicySchema, DEFAULT_POLICY } from '../../../shared/clinical/policy';
import { RULES, listRules } from '../../../shared/clinical/rules';
import { ruleValueLines } from '../../../renderer/src/screens/settings/policyWords';

describe('the clinic policy in staff words', () => {
  it('a miles clinic reads the walking speed in mph, never a setting path or m/s', () => {
    expect(ruleValueLines('metrics.speed-pace', DEFAULT_POLICY, 'mi')).toEqual(['Assumed walking speed: 3.1 mph']);
    expect(ruleValueLines('metrics.speed-pace', DEFAULT_POLICY, 'km')).toEqual(['Assumed walking speed: 5.0 km/h']);
  });

  it('a changed figure shows its default beside it', () => {
    const policy = clinicPolicySchema.parse({ pain: { greenMax: 2 } });
    expect(ruleValueLines('pain.zones', policy, 'mi')).toContain('Fine up to: 2/10 (default 3/10)');
  });

  it('no rule’s value is shown with a dotted setting path or an equals sign', () => {
    for (const rule of RULES) {
      for (const line of ruleValueLines(rule.id, DEFAULT_POLICY, 'mi')) {
        expect(line, rule.id).not.toMatch(/[a-z]+\.[a-zA-Z]+ =|Mps|^[a-z]+[A-Z]/);
      }
    }
    // The listing for the CLI and the docs keeps the paths (developers read those).
    expect(listRules().find((r) => r.id === 'metrics.speed-pace')!.value).toBe('metrics.assumedWalkingSpeedMps = 1.4');
  });
});
