import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// Electron main, the sandboxed preload and the CLI, built to CommonJS (.cjs because the package is
// "type": "module"; a sandboxed preload must be CommonJS). Runtime dependencies stay external so
// native modules (better-sqlite3) load from node_modules.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const external = [
  'electron',
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

/**
 * Worker scripts are copied as they are, not bundled: the same plain-CommonJS file runs under vitest
 * and in the build, found beside the bundles by `join(__dirname, ...)` (electron/db/worker-job.ts).
 */
const WORKERS = ['electron/db/database-check-worker.cjs', 'electron/db/database-copy-worker.cjs'];
const copyWorkers: Plugin = {
  name: 'runback-copy-workers',
  generateBundle() {
    for (const file of WORKERS) this.emitFile({ type: 'asset', fileName: basename(file), source: readFileSync(file, 'utf8') });
  },
};

export default defineConfig({
  plugins: [copyWorkers],
  build: {
    outDir: 'dist-electron',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    ssr: true,
    lib: {
      entry: {
        main: 'electron/main/main.ts',
        preload: 'electron/preload/preload.ts',
        cli: 'electron/cli/cli.ts',
      },
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.cjs`,
    },
    rolldownOptions: {
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
    },
  },
});
