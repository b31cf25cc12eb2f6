import { defineConfig, devices } from '@playwright/test';

// The web-mode e2e suite. Each test gets its own web-mode server on a fresh data folder, started by
// its worker's server host (test/e2e/fixtures.ts, web-host.ts), so there is no webServer block.
// Run `npm run build` first.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // The demo clinic, made once for the run; each test that needs it serves its own copy.
  globalSetup: './test/e2e/global-setup.ts',
  // Two browsers at once: each test has its own server on its own port (--port 0) and data folder, so
  // no test sees another's changes; a test mostly waits on its server.
  workers: 2,
  retries: 0,
  // Each flow also runs axe on its screens and dialogs (test/e2e/axe.ts); a shared 2-core machine needs the room.
  timeout: 60_000,
  // A wait for what the screen shows ends as soon as it shows; at load 24 the app's first load ("Opening
  // Runback…") outlasted 5 s. A guard against a hang, not a speed check.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    // A failed test keeps its trace: every action with the page's DOM before and after it, the network
    // and the console, plus a screenshot of the failure. Not the filmstrip: recording it has Chromium
    // encode and send a frame each time the page paints, for every test, passed or not (about a fifth
    // of the suite's processor time: docs/performance.md, the sixth pass).
    trace: { mode: 'retain-on-failure', screenshots: false },
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
