import type { Command } from 'commander';
import { runPlanCase } from '../../../shared/clinical/case';
import { formatJson } from '../../../shared/clinical/json';
import type { CommandResult } from './rules';
import { readJsonFile } from './rules';

export interface PlanOptions {
  /** Path to a plan case JSON file (format: docs/clinical-rules.md). */
  input: string;
}

/** `runback plan --input case.json`: validate one case and print the planner's decision as JSON. */
export function runPlanCommand(opts: PlanOptions): CommandResult {
  const file = readJsonFile(opts.input);
  if (!file.ok) return { exitCode: 1, stdout: '', stderr: `runback plan: ${file.message}\n` };
  const result = runPlanCase(file.value);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${e.path}: ${e.message}`);
    const n = result.errors.length;
    return { exitCode: 1, stdout: '', stderr: `runback plan: ${opts.input} has ${n} problem${n === 1 ? '' : 's'}:\n${lines.join('\n')}\n` };
  }
  return { exitCode: 0, stdout: `${formatJson(result.decision)}\n`, stderr: '' };
}

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('Run the run-walk planner on one case file and print its decision as JSON (format: docs/clinical-rules.md)')
    .requiredOption('--input <file>', 'the plan case JSON file')
    .action((opts: PlanOptions) => {
      const result = runPlanCommand(opts);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    });
}
