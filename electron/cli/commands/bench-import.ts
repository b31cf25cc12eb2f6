import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { benchImportCase, formatImportBench, IMPORT_BENCH_CASES, type ImportBenchCase, type ImportBenchCaseName } from '../../activities/bench';

/**
 * `runback bench-import`: the activity import's timings and memory (electron/activities/bench.ts).
 * Each case runs in a fresh child process (this command with `--case`), so one case's peak memory
 * cannot hide another's. `runback bench` (issue #9) can call this command or `benchImportCase`.
 */
export function registerBenchImportCommand(program: Command): void {
  program
    .command('bench-import')
    .description('Measure the activity import: a 200,000-point GPX and TCX, a 1,000-activity Strava zip (time, and memory against file size)')
    .option('--points <n>', 'points in the large GPX and TCX', '200000')
    .option('--zip-activities <n>', 'activities in the zip', '1000')
    .option('--case <name>', `run one case in this process and print it as JSON (${IMPORT_BENCH_CASES.join(', ')})`)
    .action((opts: { points: string; zipActivities: string; case?: string }) => {
      const gpxPoints = Number(opts.points);
      const zipActivities = Number(opts.zipActivities);
      if (!Number.isInteger(gpxPoints) || gpxPoints < 2 || !Number.isInteger(zipActivities) || zipActivities < 1) {
        process.stderr.write('runback bench-import: --points must be a whole number of at least 2 and --zip-activities at least 1.\n');
        process.exitCode = 1;
        return;
      }
      if (opts.case !== undefined) {
        if (!(IMPORT_BENCH_CASES as readonly string[]).includes(opts.case)) {
          process.stderr.write(`runback bench-import: --case is one of ${IMPORT_BENCH_CASES.join(', ')}.\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`${JSON.stringify(benchImportCase(opts.case as ImportBenchCaseName, { gpxPoints, zipActivities }))}\n`);
        return;
      }
      const results: ImportBenchCase[] = [];
      for (const name of IMPORT_BENCH_CASES) {
        const child = spawnSync(process.execPath, ['--expose-gc', process.argv[1]!, 'bench-import', '--case', name, '--points', opts.points, '--zip-activities', opts.zipActivities], { encoding: 'utf8', maxBuffer: 1 << 20 });
        if (child.status !== 0) {
          process.stderr.write(`runback bench-import: the ${name} case failed: ${child.stderr.trim()}\n`);
          process.exitCode = 1;
          return;
        }
        results.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ImportBenchCase);
      }
      process.stdout.write(`${formatImportBench(results).join('\n')}\n`);
    });
}
