// `npm start`: the desktop app when Electron's binary is installed, otherwise web mode.
// Electron >= 42 downloads its binary lazily the first time anything loads the electron package, and
// that download fails offline (docs: toolchain P3) — so we look for the binary on disk ourselves and
// never load the electron package here.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const WEB_MODE_NOTICE =
  "Electron's desktop binary is not installed on this machine, so Runback is starting in web mode instead (open the address below in your browser).";

/** True when either build output is missing. */
export function needsBuild(root) {
  return !existsSync(join(root, 'dist', 'index.html')) || !existsSync(join(root, 'dist-electron', 'main.cjs'));
}

/** The path of Electron's executable if it is really there, else null. Reads what electron/index.js reads, without running it. */
export function findElectronBinary(root, env = process.env) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ? env.ELECTRON_OVERRIDE_DIST_PATH : join(pkgDir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

/** What to run: [command, args]. Extra arguments (e.g. --data-dir DIR) are passed on either way. */
export function launchPlan(root, electronBinary, extraArgs) {
  if (electronBinary !== null) return { mode: 'desktop', command: electronBinary, args: [root, ...extraArgs] };
  return { mode: 'web', command: process.execPath, args: [join(root, 'bin', 'runback.cjs'), 'serve', '--open', ...extraArgs] };
}

/** The exit code to pass on: the child's code, or 128 + signal number when a signal ended it. */
export function exitCodeFor(code, signal) {
  if (typeof code === 'number') return code;
  if (signal && constants.signals[signal]) return 128 + constants.signals[signal];
  return 1;
}

function runBuild(root) {
  process.stdout.write('The app has not been built yet: running "npm run build" first.\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write('The build failed, so Runback cannot start (see the messages above).\n');
    process.exit(result.status ?? 1);
  }
}

function main() {
  const extraArgs = process.argv.slice(2);
  if (needsBuild(ROOT)) runBuild(ROOT);

  const plan = launchPlan(ROOT, findElectronBinary(ROOT), extraArgs);
  if (plan.mode === 'web') process.stdout.write(`${WEB_MODE_NOTICE}\n`);

  // `npm start` is development: every response is checked in full against its schema (the installed
  // app samples them; see electron/api/response-check.ts).
  const env = { RUNBACK_RESPONSE_CHECKS: 'full', ...process.env };
  // If set, this variable makes Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(plan.command, plan.args, { cwd: ROOT, stdio: 'inherit', env });

  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));

  child.on('error', (error) => {
    process.stderr.write(`Could not start ${plan.command}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(exitCodeFor(code, signal)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
