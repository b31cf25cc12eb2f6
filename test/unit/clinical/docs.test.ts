import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGENERATE_COMMAND, renderClinicalRulesMarkdown } from '../../../shared/clinical/docs';
import { SAFETY_EXAMPLES, WORKED_EXAMPLES } from '../../../shared/clinical/examples';
import { RULES } from '../../../shared/clinical/rules';
import { decide, ruleIds } from './helpers';

const DOC = fileURLToPath(new URL('../../../docs/clinical-rules.md', import.meta.url));
const rendered = renderClinicalRulesMarkdown();
// The regenerate command (REGENERATE_COMMAND) sets this to rewrite the file from the code.
if (process.env.UPDATE_CLINICAL_DOCS) writeFileSync(DOC, rendered);

describe('docs/clinical-rules.md', () => {
  it('is exactly what the rule registry renders', () => {
    expect(readFileSync(DOC, 'utf8'), `docs/clinical-rules.md is stale: run ${REGENERATE_COMMAND}`).toBe(rendered);
  });
  it('lists every rule and says how to regenerate itself', () => {
    for (const r of RULES) expect(rendered).toContain(`\`${r.id}\``);
    expect(rendered).toContain(REGENERATE_COMMAND);
    expect(rendered).toContain('## `runback plan` case file');
  });
});

describe('worked examples', () => {
  it('example 1 progresses one rung within the spike guard, with the Thomas gate lifted', () => {
    const d = decide(WORKED_EXAMPLES[0]!.input);
    expect(d).toMatchObject({ decision: 'progress', fromStepId: 'rw-30-90', toStepId: 'rw-45-75', homeExercises: [] });
    expect(d.prescription).toMatchObject({ shortenedBySpikeGuard: false, spikeGuardCapM: 3410, repeats: 15 });
    expect(d.prescription!.expectedSessionDistanceM!).toBeLessThanOrEqual(3410);
    expect(d.gates).toEqual([expect.objectContaining({ gate: 'thomas', active: false, lifted: true, liftReason: 'within-error' })]);
    expect(ruleIds(d)).toEqual(['pain.zones', 'pain.next-morning', 'planner.min-sessions', 'planner.progress', 'gate.lift', 'planner.spike-guard']);
  });
  it('example 2 regresses under the stricter policy, names the ASLR exercises and shows the earlier override', () => {
    const d = decide(WORKED_EXAMPLES[1]!.input);
    expect(d).toMatchObject({ decision: 'regress', fromStepId: 'rw-60-60', toStepId: 'rw-45-75' });
    expect(d.homeExercises.map((e) => e.id)).toEqual(['mcgill-curl-up', 'side-bridge', 'bird-dog']);
    expect(d.reasons[0]).toMatchObject({ ruleId: 'pain.zones', grade: 'clinic-policy', effect: 'regress' });
    expect(d.reasons[0]!.sentence).toBe("Pain during or after runs this week peaked at 5/10 (2026-04-09), above the clinic's 4/10 ceiling.");
    expect(ruleIds(d)).toContain('planner.caution-window');
    expect(d.overridesInHistory).toEqual([expect.objectContaining({ weekStart: '2026-03-23', decision: 'progress', engineDecision: 'hold', by: 'J. Rivera, PT' })]);
    expect(d.reasons.find((r) => r.ruleId === 'planner.spike-guard')!.sentence).toContain(' mi ');
  });
  it('examples 3–5 show the safety decisions: urgent referral, severe flare, stalled plan', () => {
    const [ces, flare, stalled] = SAFETY_EXAMPLES.map((ex) => decide(ex.input));
    expect(ces).toMatchObject({ decision: 'stop-and-review', redFlagAction: 'urgent-medical', prescription: null });
    expect(ruleIds(ces!)[0]).toBe('redflag.cauda-equina');
    expect(flare).toMatchObject({ decision: 'stop-and-review', redFlagAction: null });
    expect(ruleIds(flare!)[0]).toBe('pain.severe-flare');
    expect(stalled).toMatchObject({ decision: 'review', toStepId: 'rw-60-60' });
    expect(stalled!.reasons[0]!.sentence).toContain('third week in a row');
  });
});
