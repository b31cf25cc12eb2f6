import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}', 'test/lint/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 20_000,
    // A setup hook does a test's work (a clinic, a schedule): it gets a test's time. When a hook
    // did time out, vitest went on to the teardown while the hook's calls were still running.
    hookTimeout: 20_000,
  },
});
