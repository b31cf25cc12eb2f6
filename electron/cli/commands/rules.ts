import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { fieldErrors } from '../../../shared/clinical/case';
import { formatJson } from '../../../shared/clinical/json';
import type { ClinicPolicy } from '../../../shared/clinical/policy';
import { DEFAULT_POLICY, clinicPolicySchema } from '../../../shared/clinical/policy';
import { listRules } from '../../../shared/clinical/rules';
import { formatRulesText } from '../../../shared/clinical/rulesText';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RulesOptions {
  json?: boolean;
  /** A clinic policy JSON file (any subset of the settings); the defaults when absent. */
  policy?: string;
}

/** Reads and parses a JSON file, or says in one line why it could not. */
export function readJsonFile(path: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, message: `${path} is not valid JSON: ${(error as Error).message}` };
  }
}

/** `runback rules`: every rule with the policy value in force. */
export function runRulesCommand(opts: RulesOptions): CommandResult {
  let policy: ClinicPolicy = DEFAULT_POLICY;
  if (opts.policy) {
    const file = readJsonFile(opts.policy);
    if (!file.ok) return { exitCode: 1, stdout: '', stderr: `runback rules: ${file.message}\n` };
    const parsed = clinicPolicySchema.safeParse(file.value);
    if (!parsed.success) {
      const lines = fieldErrors(parsed.error).map((e) => `  ${e.path}: ${e.message}`);
      return { exitCode: 1, stdout: '', stderr: `runback rules: ${opts.policy} is not a valid clinic policy:\n${lines.join('\n')}\n` };
    }
    policy = parsed.data;
  }
  const rules = listRules(policy);
  const stdout = opts.json ? `${formatJson({ policy, rules })}\n` : formatRulesText(rules);
  return { exitCode: 0, stdout, stderr: '' };
}

export function registerRulesCommand(program: Command): void {
  program
    .command('rules')
    .description('Print every clinical rule: id, statement, source, evidence grade and the clinic-policy value in force')
    .option('--json', 'print JSON instead of text')
    .option('--policy <file>', 'a clinic policy JSON file (any subset of the settings) to review instead of the defaults')
    .action((opts: RulesOptions) => {
      const result = runRulesCommand(opts);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    });
}
