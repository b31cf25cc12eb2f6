// How long a daily backup holds the main thread, in PROCESSOR time (the figures are in
// docs/performance.md). Not part of the test suite: timings belong to the machine. Run
// `npm run build` first, then:
//
//   node scripts/backup-main-thread.mjs --data-dir /tmp/demo100k [--dist dist-electron] [--rounds 2] [--json]
//
// The clinic is copied first (opening it and backing it up write to its folder). Each round opens
// the copy as `runback serve` does (openApp from the built bundle), with no backup taken yet, and
// times BackupService.runDue. A 2 ms interval ticks on the main thread; at every tick the main
// thread's own on-CPU time is read from /proc/self/task/<pid>/schedstat (nanoseconds; the main
// thread's id is the process id; Linux only). The largest on-CPU time between two ticks is the
// longest stretch the main thread ran without the event loop turning: unlike a wall-clock gap it
// hardly moves with the machine's load. Wall figures are printed beside it, for context.
// --dist can name an older build (built to another folder inside this checkout, so its externals
// load from node_modules) to measure before and after a change.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    dist: { type: 'string', default: 'dist-electron' },
    rounds: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  },
});
if (!values['data-dir']) throw new Error('Give the clinic to measure: --data-dir <folder> (it is copied, never written to).');
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number of rounds, 1 or more (not "${values.rounds}").`);
const dist = resolve(ROOT, values.dist);
// openApp is exported by the bundles' shared chunk (bridge-<hash>.cjs), which main.cjs and cli.cjs load.
const bridge = readdirSync(dist).find((f) => /^bridge-.*\.cjs$/.test(f));
if (!bridge) throw new Error(`${dist} holds no built bundle: run npm run build first.`);
const { openApp } = createRequire(import.meta.url)(join(dist, bridge));

const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const mainThreadNs = () => Number(readFileSync(schedstat, 'utf8').split(' ')[0]);
const ms = (ns) => Math.round(Number(ns) / 1e6);

async function round(dataDir) {
  // No backup yet: the daily rule runs as at the day's first start of the app.
  for (const name of ['backup-history.jsonl', 'backups', 'tmp']) rmSync(join(dataDir, name), { recursive: true, force: true });
  const app = await openApp(dataDir, { autoBackups: false });
  try {
    await new Promise((settled) => setTimeout(settled, 500)); // the opening's own work settles first
    let last = { cpu: mainThreadNs(), wall: process.hrtime.bigint() };
    let longestCpu = 0;
    let longestWall = 0n;
    const tick = () => {
      const now = { cpu: mainThreadNs(), wall: process.hrtime.bigint() };
      longestCpu = Math.max(longestCpu, now.cpu - last.cpu);
      if (now.wall - last.wall > longestWall) longestWall = now.wall - last.wall;
      last = now;
    };
    const timer = setInterval(tick, 2);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const start = { cpu: mainThreadNs(), all: process.cpuUsage(), wall: process.hrtime.bigint() };
    const outcome = await app.services.backups.runDue();
    tick(); // the stretch from the last tick to the backup's end counts too
    const all = process.cpuUsage(start.all);
    const result = {
      backedUp: outcome ? `${outcome.kind}, ${outcome.bytes} bytes, ${outcome.check.counts.patients} patients` : 'no backup taken',
      longestMainThreadCpuMs: ms(longestCpu),
      mainThreadCpuMs: ms(mainThreadNs() - start.cpu),
      allThreadsCpuMs: Math.round((all.user + all.system) / 1000),
      wallMs: ms(process.hrtime.bigint() - start.wall),
      longestWallGapMs: ms(longestWall),
      eventLoopDelayMaxMs: ms(delay.max),
    };
    delay.disable();
    clearInterval(timer);
    return result;
  } finally {
    await app.close();
  }
}

const dataDir = join(mkdtempSync(join(tmpdir(), 'runback-backup-measure-')), 'clinic');
cpSync(resolve(values['data-dir']), dataDir, { recursive: true });
try {
  const results = [];
  for (let i = 0; i < rounds; i++) results.push(await round(dataDir));
  const machine = { cores: cpus().length, load: loadavg().map((l) => l.toFixed(2)).join(' ') };
  if (values.json) process.stdout.write(`${JSON.stringify({ dist: values.dist, machine, results })}\n`);
  else {
    process.stdout.write(`${values.dist} on ${machine.cores} cores, load ${machine.load}\n`);
    for (const r of results) process.stdout.write(`  ${r.backedUp}: main thread held at most ${r.longestMainThreadCpuMs} ms of processor time in one piece (${r.mainThreadCpuMs} ms in all, ${r.allThreadsCpuMs} ms with the workers); wall ${r.wallMs} ms, longest gap between ticks ${r.longestWallGapMs} ms\n`);
  }
} finally {
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
}
