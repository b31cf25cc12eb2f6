import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'bin', 'runback.cjs');

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

/** `runback serve --port 0` on a data folder; resolves with the `Open: …` address it prints. */
async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  // The suite checks every response in full, as tests and development do (production samples them).
  const env = { ...process.env, RUNBACK_RESPONSE_CHECKS: 'full' };
  const child = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    // A hang guard within the fixture's 60 s: with two workers on a loaded machine a start took over 15 s.
    // A server that never printed its address is stopped too: it was left running after its test failed.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`runback serve printed no address in 45 s:\n${output}`));
    }, 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open: (http:\/\/\S+#token=\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`runback serve exited (${code}) before printing an address:\n${output}`));
    });
  });
  return { url, child };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function withServer(prepare: (dataDir: string) => void, use: (server: RunbackServer) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'runback-e2e-'));
  try {
    prepare(dataDir);
    const { url, child } = await startServer(dataDir);
    try {
      await use({ url, dataDir });
    } finally {
      await stopServer(child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function runDemo(dataDir: string, patients: number, seed: number) {
  const r = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dataDir, '--patients', String(patients), '--seed', String(seed)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`runback demo failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** The demo clinic's database file, made once per worker (about 5 s) and copied into each test's folder. */
const DEMO_FILE = 'runback.sqlite';

// Making the clinic and starting the server have their own time limit, so a slow start on a busy
// machine does not eat into the test's own time.
export const test = base.extend<{ server: RunbackServer; demoServer: RunbackServer }, { demoTemplate: string }>({
  /** A fresh, empty data folder: the app opens on first-run setup. */
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await withServer(() => {}, use);
    },
    { timeout: 60_000 },
  ],
  /** `runback demo --patients 300 --seed 3`, made once for the worker's tests. */
  demoTemplate: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'runback-e2e-demo-'));
      try {
        runDemo(dir, 300, 3);
        await use(join(dir, DEMO_FILE));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  /** A demo clinic (300 patients, seed 3) in a fresh data folder: a copy of the worker's, as each test changes it. */
  demoServer: [
    async ({ demoTemplate }, use) => {
      await withServer((dir) => copyFileSync(demoTemplate, join(dir, DEMO_FILE)), use);
    },
    { timeout: 60_000 },
  ],
});

export { expect };

/** Demo clinics of other sizes (screenshots). */
export async function withDemoServer(patients: number, seed: number, use: (server: RunbackServer) => Promise<void>) {
  await withServer((dir) => runDemo(dir, patients, seed), use);
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
