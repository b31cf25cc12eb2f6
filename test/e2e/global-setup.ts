import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TEMPLATE_ENV, runDemo } from './demo-clinic';

/**
 * One demo clinic (`runback demo --patients 300 --seed 3`) for the whole run, made before the workers
 * start: each test that needs it serves its own copy (test/e2e/fixtures.ts), so no test sees another's
 * changes. Making it once instead of once per worker saves a demo's worth of processor time per worker.
 */
export default function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'runback-e2e-demo-'));
  try {
    runDemo(dir, 300, 3);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  process.env[DEMO_TEMPLATE_ENV] = join(dir, 'runback.sqlite');
  return () => rmSync(dir, { recursive: true, force: true });
}
