// `npm run typecheck`: the four TypeScript checks, at the same time. Each config is a boundary the
// compiler enforces (shared/ without DOM or Node types does no I/O; the renderer has no Node types;
// Node code has no DOM; tests and configs see both), so none can be dropped. Run one after another
// they kept one core of two idle for a minute; each still prints its own errors and any failure fails.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const CONFIGS = ['tsconfig.shared.json', 'tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.json'];

function check(config) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [TSC, '-p', config, '--pretty'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => done({ config, code: 1, output: String(error) }));
    child.on('close', (code) => done({ config, code: code ?? 1, output }));
  });
}

const results = await Promise.all(CONFIGS.map(check));
for (const { config, code, output } of results) {
  if (code !== 0) process.stderr.write(`\ntsc -p ${config} failed:\n${output}`);
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.config);
if (failed.length) {
  process.stderr.write(`\nTypecheck failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(`Typecheck passed: ${CONFIGS.join(', ')}\n`);
