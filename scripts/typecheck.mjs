// `npm run typecheck`: the four TypeScript checks. Each config is a boundary the compiler enforces
// (shared/ without DOM or Node types does no I/O; the renderer has no Node types; Node code has no
// DOM; tests and configs see both), so none can be dropped. They are composite projects: shared/ is
// checked once and the others read its declarations, electron/ and renderer/ are checked once each
// (the tests' project reads theirs), where each config used to check every file it reached again.
// Order follows the references: shared, then node and web at the same time (two cores), then tests.
// `tsc -b` keeps what it checked in node_modules/.cache/tsc and skips projects whose files did not
// change; a clean clone checks everything. Each step prints its own errors and any failure fails.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const STEPS = [['tsconfig.shared.json'], ['tsconfig.node.json', 'tsconfig.web.json'], ['tsconfig.json']];

// `-b` would rebuild a referenced project that has errors, two at once writing the same files:
// after a failed step the later ones check their own files only (`-p` reads the declarations
// the failed step still wrote).
function check(config, build) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [TSC, build ? '-b' : '-p', config, '--pretty'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => done({ config, code: 1, output: String(error) }));
    child.on('close', (code) => done({ config, code: code ?? 1, output }));
  });
}

const failed = [];
for (const step of STEPS) {
  const results = await Promise.all(step.map((config) => check(config, failed.length === 0)));
  for (const { config, code, output } of results) {
    if (code === 0) continue;
    process.stderr.write(`\ntsc -p ${config} failed:\n${output}`);
    failed.push(config);
  }
}
if (failed.length) {
  process.stderr.write(`\nTypecheck failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(`Typecheck passed: ${STEPS.flat().join(', ')}\n`);
