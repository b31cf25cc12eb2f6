import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defaultDataDir } from '../../app/data-dir';
import { BenchRefusedError, runBench } from '../../bench/run-bench';
import { formatBench } from '../../bench/report';
import { parseIntegerOption } from '../options';

export function registerBenchCommand(program: Command) {
  program
    .command('bench')
    .description('Time search, reads, a week of appointments, a chart, a one-hour FIT import and the printed documents on a copy of a clinic (made by: runback demo --patients 100000).')
    .option('--data-dir <dir>', 'the clinic to measure (default: the platform app-data folder); it is copied, never changed')
    .option('--json', 'print the result as JSON')
    .option('--runs <n>', 'runs of every operation (default: each its own)', parseIntegerOption(1, 100_000))
    .option('--fit <file>', 'import this watch file (about an hour) instead of a generated one')
    .option('--only <text>', 'only the operations whose name contains this, e.g. "search"')
    .action(async (opts: { dataDir?: string; json?: boolean; runs?: number; fit?: string; only?: string }) => {
      const dataDir = resolve(opts.dataDir ?? defaultDataDir());
      try {
        const result = await runBench({
          dataDir,
          ...(opts.runs ? { runs: opts.runs } : {}),
          ...(opts.fit ? { fitFile: resolve(opts.fit) } : {}),
          ...(opts.only ? { only: opts.only } : {}),
          progress: opts.json ? undefined : (line) => process.stderr.write(`${line}\n`),
        });
        process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatBench(result)}\n`);
      } catch (error) {
        if (error instanceof BenchRefusedError) {
          process.stderr.write(`runback bench: ${error.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw error;
      }
    });
}
