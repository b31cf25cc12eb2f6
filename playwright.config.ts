import { defineConfig, devices } from '@playwright/test';

// The web-mode e2e suite. Each test starts its own `runback serve` on a fresh data folder (see
// test/e2e/fixtures.ts), so there is no webServer block. Run `npm run build` first.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // Two browsers at once: each test has its own server on its own port (--port 0) and data folder, and
  // each worker makes its own demo clinic, so nothing is shared; a test mostly waits on its server.
  workers: 2,
  retries: 0,
  // Each flow also runs axe on its screens and dialogs (test/e2e/axe.ts); a shared 2-core machine needs the room.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1360, height: 860 },
    locale: 'en-US',
    timezoneId: 'America/Chicago',
  },
  projects: [
    {
      name: 'debian-chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1360, height: 860 },
        channel: undefined,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        },
      },
    },
  ],
});
