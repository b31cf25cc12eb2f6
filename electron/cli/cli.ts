import { Command, CommanderError } from 'commander';
import { registerBenchCommand } from './commands/bench';
import { registerBenchImportCommand } from './commands/bench-import';
import { registerBackupCommands } from './commands/backup';
import { registerDemoCommand } from './commands/demo';
import { registerExportCommand } from './commands/export';
import { registerImportPatientsCommand } from './commands/import-patients';
import { registerImportRunsCommand } from './commands/import-runs';
import { registerPlanCommand } from './commands/plan';
import { registerPrintCommand } from './commands/print';
import { registerRulesCommand } from './commands/rules';
import { registerServeCommand } from './commands/serve';

// Web mode without the command line: the e2e suite's server host (test/e2e/web-host.mjs) starts it per test.
export { startWebMode, type WebMode } from './commands/serve';

/** `runback …`: the admin commands. Each command lives in commands/<name>.ts and registers itself. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('runback')
    .description('Runback admin commands. Without --data-dir, commands use the platform app-data folder (the desktop app\'s).')
    .showHelpAfterError('(run "runback --help" for the commands)');
  registerServeCommand(program);
  registerDemoCommand(program);
  registerRulesCommand(program);
  registerPlanCommand(program);
  registerImportRunsCommand(program);
  registerPrintCommand(program);
  registerBenchCommand(program);
  registerBenchImportCommand(program);
  registerBackupCommands(program);
  registerExportCommand(program);
  registerImportPatientsCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`runback: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
