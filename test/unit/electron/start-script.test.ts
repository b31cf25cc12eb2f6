// scripts/start.mjs (`npm start`): how it finds Electron's binary without require('electron')
// (which would try to download it, toolchain P3) and what it runs in each case.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface LaunchPlan {
  mode: 'desktop' | 'web';
  command: string;
  args: string[];
}
interface StartModule {
  ROOT: string;
  WEB_MODE_NOTICE: string;
  needsBuild(root: string): boolean;
  findElectronBinary(root: string, env?: Record<string, string | undefined>): string | null;
  launchPlan(root: string, electronBinary: string | null, extraArgs: string[]): LaunchPlan;
  exitCodeFor(code: number | null, signal: string | null): number;
}

const START = resolve(__dirname, '../../../scripts/start.mjs');
const load = async () => (await import(/* @vite-ignore */ START)) as StartModule;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'runback-start-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function fakeElectronPackage(pathTxt: string | null, binary: string | null) {
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'index.js'), 'throw new Error("must not be required")');
  if (pathTxt !== null) writeFileSync(join(pkg, 'path.txt'), pathTxt);
  if (binary !== null) writeFileSync(join(pkg, 'dist', binary), '');
}

describe('scripts/start.mjs', () => {
  it('importing it runs nothing', async () => {
    const mod = await load();
    expect(mod.ROOT).toBe(resolve(__dirname, '../../..'));
  });

  it('finds the binary named by path.txt when it exists, and only then', async () => {
    const { findElectronBinary } = await load();
    expect(findElectronBinary(root, {})).toBeNull(); // no package at all
    fakeElectronPackage(null, null);
    expect(findElectronBinary(root, {})).toBeNull(); // package without path.txt (binary never downloaded)
    rmSync(join(root, 'node_modules'), { recursive: true });
    fakeElectronPackage('electron', null);
    expect(findElectronBinary(root, {})).toBeNull(); // path.txt but the binary is missing
    rmSync(join(root, 'node_modules'), { recursive: true });
    fakeElectronPackage('electron\n', 'electron');
    expect(findElectronBinary(root, {})).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js does', async () => {
    const { findElectronBinary } = await load();
    fakeElectronPackage('electron', null);
    const override = join(root, 'custom');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
  });

  it('on this machine (no Electron binary) chooses web mode', async () => {
    const { findElectronBinary, ROOT } = await load();
    expect(findElectronBinary(ROOT, {})).toBeNull();
  });

  it('runs Electron on the app folder, or `runback serve --open`, passing extra arguments on', async () => {
    const { launchPlan, WEB_MODE_NOTICE } = await load();
    expect(launchPlan('/app', '/app/electron', ['--data-dir', '/d'])).toEqual({ mode: 'desktop', command: '/app/electron', args: ['/app', '--data-dir', '/d'] });
    expect(launchPlan('/app', null, ['--data-dir', '/d'])).toEqual({
      mode: 'web',
      command: process.execPath,
      args: [join('/app', 'bin', 'runback.cjs'), 'serve', '--open', '--data-dir', '/d'],
    });
    // One sentence, saying why and what happens instead.
    expect(WEB_MODE_NOTICE.match(/[.!?](\s|$)/g)).toHaveLength(1);
    expect(WEB_MODE_NOTICE).toMatch(/not installed/);
    expect(WEB_MODE_NOTICE).toMatch(/web mode/);
  });

  it('needs a build when either output is missing', async () => {
    const { needsBuild } = await load();
    expect(needsBuild(root)).toBe(true);
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '');
    expect(needsBuild(root)).toBe(true);
    mkdirSync(join(root, 'dist-electron'));
    writeFileSync(join(root, 'dist-electron', 'main.cjs'), '');
    expect(needsBuild(root)).toBe(false);
  });

  it('passes the child’s exit code on (128 + signal number when killed)', async () => {
    const { exitCodeFor } = await load();
    expect(exitCodeFor(0, null)).toBe(0);
    expect(exitCodeFor(3, null)).toBe(3);
    expect(exitCodeFor(null, 'SIGINT')).toBe(130);
    expect(exitCodeFor(null, 'SIGTERM')).toBe(143);
    expect(exitCodeFor(null, null)).toBe(1);
  });

  it('never requires the electron package (which would try to download the binary)', () => {
    const text = readFileSync(START, 'utf8');
    expect(text).not.toMatch(/require\(\s*['"]electron['"]\s*\)|from\s+['"]electron['"]|import\(\s*['"]electron['"]\s*\)/);
  });
});
