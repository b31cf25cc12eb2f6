import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_TEMPLATE_ENV, runDemo } from './demo-clinic';
import { WebHost } from './web-host';

/** The demo clinic's staff (printed by `runback demo`). */
export const DEMO = {
  admin: { username: 'admin', password: 'demo-admin-2026', name: 'Dana Whitfield' },
  therapist: { username: 'mreyes', password: 'demo-therapist-2026', name: 'Marisol Reyes, PT, DPT' },
  frontDesk: { username: 'frontdesk', password: 'demo-frontdesk-2026', name: 'Priya Shah' },
};

export interface RunbackServer {
  /** The launch address, with its #token=… */
  url: string;
  dataDir: string;
}

/** A fresh data folder, prepared, served by the host for `use`, then stopped and removed. */
async function withServer(host: WebHost, prepare: (dataDir: string) => void, use: (server: RunbackServer) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'runback-e2e-'));
  try {
    prepare(dataDir);
    const url = await host.start(dataDir);
    try {
      await use({ url, dataDir });
    } finally {
      await host.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The demo clinic's database file (made once for the run by global-setup.ts) is copied into each test's folder. */
const DEMO_FILE = 'runback.sqlite';

function demoTemplate(): string {
  const file = process.env[DEMO_TEMPLATE_ENV];
  if (!file) throw new Error(`${DEMO_TEMPLATE_ENV} is not set: playwright.config.ts runs test/e2e/global-setup.ts, which makes the demo clinic.`);
  return file;
}

// Starting the server has its own time limit, so a slow start on a busy machine does not eat into the
// test's own time.
export const test = base.extend<{ server: RunbackServer; demoServer: RunbackServer }, { webHost: WebHost }>({
  /** The worker's server host: one Node process that serves each test's own data folder in turn. */
  webHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = new WebHost();
      try {
        await use(host);
      } finally {
        await host.close();
      }
    },
    { scope: 'worker', timeout: 30_000 },
  ],
  /** A fresh, empty data folder: the app opens on first-run setup. */
  server: [
    async ({ webHost }, use) => {
      await withServer(webHost, () => {}, use);
    },
    { timeout: 60_000 },
  ],
  /** A demo clinic (300 patients, seed 3) in a fresh data folder: a copy of the run's, as each test changes it. */
  demoServer: [
    async ({ webHost }, use) => {
      await withServer(webHost, (dir) => copyFileSync(demoTemplate(), join(dir, DEMO_FILE)), use);
    },
    { timeout: 60_000 },
  ],
});

export { expect };

/** Demo clinics of other sizes (screenshots). */
export async function withDemoServer(patients: number, seed: number, use: (server: RunbackServer) => Promise<void>) {
  const host = new WebHost();
  try {
    await withServer(host, (dir) => runDemo(dir, patients, seed), use);
  } finally {
    await host.close();
  }
}

export async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Fill first-run setup and land signed in as its admin. */
export async function completeSetup(page: Page, admin = { name: 'Ada Alvarez', username: 'ada', password: 'correct-horse-1' }) {
  await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible();
  await page.getByLabel('Clinic name').fill('Riverside Run Clinic');
  await page.getByLabel('Street address').fill('200 River Rd');
  await page.getByLabel('City').fill('Springfield');
  await page.getByLabel('State or region').fill('IL');
  await page.getByLabel('ZIP or postal code').fill('62701');
  await page.getByLabel('Phone').fill('(217) 555-0100');
  await page.getByLabel('Time zone').fill('America/Chicago');
  await page.getByLabel('Full name').fill(admin.name);
  await page.getByLabel('Username').fill(admin.username);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Confirm password').fill(admin.password);
  await page.getByRole('button', { name: 'Create clinic and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toBeVisible();
  return admin;
}
