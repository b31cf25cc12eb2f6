// `npm test`'s first part: typecheck, lint and build at once. They read the same sources and write
// to different places (node_modules/.cache/tsc, node_modules/.cache/eslint, dist/), so running them
// together changes no result. It saves time because typecheck is mostly one compiler at a time
// (shared/ first, the tests last) on a two-core machine: lint and build fill the other core.
// Each one's output is printed whole when it ends, so their lines never interleave; any failure
// fails the lot, after all three have finished (so every error is shown in one run).
import { spawn } from 'node:child_process';

const TASKS = ['typecheck', 'lint', 'build'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(task) {
  return new Promise((done) => {
    const child = spawn(npm, ['run', '--silent', task], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => done({ task, code: 1, output: String(error) }));
    child.on('close', (code) => {
      process.stdout.write(`\n── npm run ${task}: ${code === 0 ? 'passed' : 'FAILED'}\n${output}`);
      done({ task, code: code ?? 1 });
    });
  });
}

const results = await Promise.all(TASKS.map(run));
const failed = results.filter((r) => r.code !== 0).map((r) => r.task);
if (failed.length) {
  process.stderr.write(`\nFailed: ${failed.join(', ')}\n`);
  process.exit(1);
}
