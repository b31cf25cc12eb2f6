import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { defaultDataDir } from '../../app/data-dir';
import { createDemoClinic, DemoRefusedError } from '../../demo/demo-clinic';
import { parseIntegerOption } from '../options';

export function registerDemoCommand(program: Command) {
  program
    .command('demo')
    .description('Create a realistic demo clinic (staff with printed passwords, patients). Refuses a folder that already holds a clinic.')
    .option('--data-dir <dir>', 'the data folder to fill (default: the platform app-data folder)')
    .option('--patients <n>', 'how many patients', parseIntegerOption(0, 1_000_000), 200)
    .option('--seed <s>', 'random seed: the same seed gives the same clinic', parseIntegerOption(0, 2 ** 31 - 1), 1)
    .option('--force', 'replace the clinic already in the data folder (deletes its data)')
    .action(async (opts: { dataDir?: string; patients: number; seed: number; force?: boolean }) => {
      const dataDir = resolve(opts.dataDir ?? defaultDataDir());
      try {
        const result = await createDemoClinic(dataDir, { patients: opts.patients, seed: opts.seed, force: opts.force ?? false });
        const lines = [
          `Demo clinic created in ${dataDir} (${result.patients} patients, ${result.appointments} appointments around today, ${result.runs} logged runs, ${result.charting.notes} visit notes (${result.charting.drafts} drafts), ${result.reassessment.reassessments} reassessments and ${result.reassessment.questionnaires} questionnaires, ${result.programs.programs} home programs (${result.programs.versions} versions), ${result.ledger.charges} charges and ${result.ledger.payments} payments${result.historyAppointments ? `, ${result.historyAppointments} in a 10-year history` : ''}; seed ${opts.seed}; ${result.seconds.toFixed(1)} s).`,
          'Sign in with (demo passwords — change them before real use):',
          ...result.users.map((u) => `  ${u.username.padEnd(10)} ${ROLE_LABELS[u.role].padEnd(11)} ${u.password}   (${u.displayName})`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } catch (error) {
        if (error instanceof DemoRefusedError) {
          process.stderr.write(`runback demo: ${error.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw error;
      }
    });
}
