import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import react from '@vitejs/plugin-react';

/**
 * Files known to take many seconds, started first so they do not run alone at the end while the
 * other workers sit idle. Vitest orders by the last run's durations once it has them; a clean clone
 * (CI) has none and would start files in directory order.
 */
const SLOW_FIRST = ['crash.test.ts', 'accuracy.test.ts', 'demo.test.ts', 'cli.test.ts', 'fuzz.test.ts', 'dispatcher.test.ts', 'import-scale.test.ts'];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((name) => f.moduleId.endsWith(`/${name}`));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

const SHARED_MODULES = ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}', 'test/lint/**/*.test.ts'];
const ISOLATED = [
  'test/unit/renderer/**/*.test.{ts,tsx}',
  ...['ipc', 'navigation', 'permissions', 'preload', 'protocol', 'window', 'after-pack'].map((name) => `test/unit/electron/${name}.test.ts`),
  'test/integration/electron-main.test.ts',
  'test/integration/backup-due.test.ts',
];

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'node',
    setupFiles: ['./test/setup.ts'],
    projects: [
      // Most files import the same modules (the dispatcher, its handlers, the contract's schemas:
      // about a second of a core per file). Run without isolation, a worker imports them once and
      // its next files reuse them. Safe for these files: they mock no module, stub no global or
      // environment variable, restore every spy, and the app's module state is caches keyed by
      // their content (clinic format, policy) or by database (WeakMaps), never by test.
      { extends: true, test: { name: 'shared-modules', include: SHARED_MODULES, exclude: ISOLATED, isolate: false } },
      // Files that mock modules (electron), stub the environment, fake timers or run in jsdom keep
      // a fresh module graph each.
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
    // On 2 cores vitest's default is one worker (cores - 1): every file ran alone, while most of
    // them wait on fsync and child processes. Two keep both cores busy; a third only made each file
    // slower on a machine others share (a 300-patient demo outlasted its 300 s guard at load 17).
    pool: 'forks',
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    // Guards against a hang, never a speed check: three workers on a machine others share can make a
    // test's setup (a clinic copied and opened) wait many seconds for a core.
    testTimeout: 60_000,
    // A setup hook does a test's work (a clinic, a schedule): it gets a test's time. When a hook
    // did time out, vitest went on to the teardown while the hook's calls were still running.
    hookTimeout: 60_000,
  },
});
