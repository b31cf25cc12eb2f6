// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare module names go in `paths` (exact names): as gitignore-style patterns, 'util' would also
// match a project folder called util/.
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads'];
const named = (names, message) => names.map((name) => ({ name, message }));

/**
 * The layer rule: imports point down only. shared/ is pure (no I/O, no UI, no process code);
 * renderer/ talks to the rest only through the typed API client.
 * Proven by test/lint/layers.test.ts against the fixtures in test/lint/fixtures/.
 */
export const layerRules = {
  shared: {
    paths: [
      ...named(NODE_BUILTINS, 'shared/ must not use Node modules (no I/O in the domain module).'),
      ...named(['electron', 'better-sqlite3', 'kysely', 'pg', 'react', 'react-dom', 'fflate', 'ws'], 'shared/ must not import UI, database, process or file-parsing modules.'),
    ],
    patterns: [
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is the pure domain module: it must not import electron/ or renderer/.' },
      { group: ['node:*'], message: 'shared/ must not use Node modules (no I/O in the domain module).' },
      { group: ['react/*', 'react-dom/*', '@react-pdf/*', '@garmin/*', '@xmldom/*', '@tmcw/*'], message: 'shared/ must not import UI, database, process or file-parsing modules.' },
    ],
  },
  renderer: {
    // ws is Node's WebSocket server and client: the page has the browser's own WebSocket.
    paths: named([...NODE_BUILTINS, 'electron', 'better-sqlite3', 'kysely', 'ws'], 'renderer/ must not use Node, Electron or database modules.'),
    patterns: [
      { group: ['**/electron/**'], message: 'renderer/ must not import electron/: go through the typed API client.' },
      { group: ['node:*'], message: 'renderer/ must not use Node, Electron or database modules.' },
    ],
  },
  electron: {
    patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer/ code.' }],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'test/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', layerRules.shared] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', layerRules.renderer],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', layerRules.electron] },
  },
  { files: ['scripts/**', 'bin/**', 'test/**', '*.config.*'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['bin/**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Worker scripts run as plain CommonJS (electron/db/worker-job.ts says why).
  {
    files: ['electron/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
