import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CACHE_PREFIX } from './fixtures';

/** The demo clinics built for this run are removed when it ends. */
export default function globalTeardown() {
  for (const name of readdirSync(tmpdir())) if (name.startsWith(DEMO_CACHE_PREFIX)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
}
