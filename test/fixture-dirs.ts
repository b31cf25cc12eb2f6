import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The shared real-file fixtures sit beside the clone (see SOURCES.md there): `../shared/fixtures`
 * from the main checkout, further up from a worktree. The nearest one up from the working directory.
 */
function sharedActivities(): string {
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(dir, '..', 'shared', 'fixtures', 'activities');
    if (existsSync(candidate)) return path.resolve(candidate);
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(process.cwd(), '../shared/fixtures/activities');
    dir = up;
  }
}

export const SHARED_ACTIVITY_FIXTURES = sharedActivities();

/** Real files this repository keeps itself (see test/fixtures/activities/SOURCES.md). */
export const OWN_ACTIVITY_FIXTURES = path.resolve(process.cwd(), 'test/fixtures/activities');
