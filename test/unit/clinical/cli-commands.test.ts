import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { registerPlanCommand, runPlanCommand } from '../../../electron/cli/commands/plan';
import { registerRulesCommand, runRulesCommand } from '../../../electron/cli/commands/rules';
import { renderClinicalRulesMarkdown } from '../../../shared/clinical/docs';
import { WORKED_EXAMPLES } from '../../../shared/clinical/examples';
import { RULES } from '../../../shared/clinical/rules';

const dir = mkdtempSync(join(tmpdir(), 'runback-clinical-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('runback plan', () => {
  it('prints the decision for a valid case, exactly as the worked example in the docs shows', () => {
    const r = runPlanCommand({ input: file('example-1.json', WORKED_EXAMPLES[0]!.input) });
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    const decision = JSON.parse(r.stdout) as { decision: string; toStepId: string };
    expect(decision).toMatchObject({ decision: 'progress', toStepId: 'rw-45-75' });
    expect(renderClinicalRulesMarkdown()).toContain(`prints:\n\n\`\`\`json\n${r.stdout}\`\`\``);
  });
  it('lists every bad field and exits 1 on an invalid case', () => {
    const bad = {
      ...WORKED_EXAMPLES[0]!.input,
      plan: { startDate: '2026-03-02', weekStart: '2026-03-16', currentStepId: 'rw-30-90', extra: 1 },
      runs: [{ date: '2026-03-17', distanceM: -5, durationS: 1800, pain: { during: 11 } }],
    };
    const r = runPlanCommand({ input: file('bad.json', bad) });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^runback plan: .*bad\.json has 3 problems:\n/);
    expect(r.stderr).toContain('  plan: Unrecognized key: "extra"');
    expect(r.stderr).toContain('  runs.0.distanceM: ');
    expect(r.stderr).toContain('  runs.0.pain.during: Pain is a number from 0 to 10');
  });
  it('says when the file is missing or not JSON', () => {
    expect(runPlanCommand({ input: join(dir, 'nope.json') })).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('ENOENT') });
    expect(runPlanCommand({ input: file('broken.json', '{ "plan": ') })).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('is not valid JSON') });
  });
  it('registers on a commander program and sets the exit code', async () => {
    const program = new Command().exitOverride();
    registerPlanCommand(program);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['plan', '--input', file('example-2.json', WORKED_EXAMPLES[1]!.input)], { from: 'user' });
      expect(JSON.parse(String(out.mock.calls[0]![0]))).toMatchObject({ decision: 'regress' });
      expect(process.exitCode).toBe(0);
    } finally {
      out.mockRestore();
      process.exitCode = undefined;
    }
  });
});

describe('runback rules', () => {
  it('prints every rule with its statement, value, source and grade', () => {
    const r = runRulesCommand({});
    expect(r.exitCode).toBe(0);
    for (const rule of RULES) expect(r.stdout).toContain(`\n${rule.id}\n`);
    expect(r.stdout).toContain('planner.spike-guard\n  No planned session may be longer');
    expect(r.stdout).toContain('  Value:  spikeGuard.maxPercentOfLongest = 110; spikeGuard.lookbackDays = 30\n  Source: Frandsen et al., Br J Sports Med 2025 (Garmin-RUNSAFE)\n  Grade:  confirmed');
  });
  it('shows a clinic policy file: changed values and their grade', () => {
    const r = runRulesCommand({ policy: file('policy.json', { pain: { amberMax: 4 } }), json: true });
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as { policy: { pain: { amberMax: number } }; rules: { id: string; grade: string; value: string; modified: boolean }[] };
    expect(out.policy.pain.amberMax).toBe(4);
    expect(out.rules.find((x) => x.id === 'pain.zones')).toMatchObject({ grade: 'clinic-policy', modified: true, value: 'pain.greenMax = 3; pain.amberMax = 4 (default 5)' });
    const text = runRulesCommand({ policy: file('policy.json', { pain: { amberMax: 4 } }) }).stdout;
    expect(text).toContain('1 changed from the default policy');
    expect(text).toContain('pain.zones  [changed]');
  });
  it('refuses an invalid policy file with the bad fields', () => {
    const r = runRulesCommand({ policy: file('bad-policy.json', { spikeGuard: { maxPercentOfLongest: 50 }, typo: true }) });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('spikeGuard.maxPercentOfLongest');
    expect(r.stderr).toContain('Unrecognized key: "typo"');
  });
  it('registers on a commander program', async () => {
    const program = new Command().exitOverride();
    registerRulesCommand(program);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['rules', '--json'], { from: 'user' });
      expect((JSON.parse(String(out.mock.calls[0]![0])) as { rules: unknown[] }).rules).toHaveLength(RULES.length);
    } finally {
      out.mockRestore();
      process.exitCode = undefined;
    }
  });
});
