import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'bin', 'runback.cjs');

/** Where global-setup.ts tells the workers the run's demo clinic database is. */
export const DEMO_TEMPLATE_ENV = 'RUNBACK_E2E_DEMO_DB';

/** `runback demo` into a data folder (about 19 s of processor time for 300 patients). */
export function runDemo(dataDir: string, patients: number, seed: number) {
  const r = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dataDir, '--patients', String(patients), '--seed', String(seed)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`runback demo failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}
