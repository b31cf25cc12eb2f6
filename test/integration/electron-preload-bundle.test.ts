// A sandboxed preload can require nothing but 'electron' — not even a relative chunk. Build the
// real vite.node.config.ts into a temporary folder and check the bundle the app would load.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

const ROOT = resolve(__dirname, '../..');
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'runback-preload-bundle-'));
  await build({ configFile: join(ROOT, 'vite.node.config.ts'), root: ROOT, logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dist-electron/preload.cjs', () => {
  it('requires only electron', () => {
    const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('uses the IPC names shared/api/bridge.ts declares and never exposes ipcRenderer', () => {
    const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
    expect(code).toContain('"runback:invoke"');
    expect(code).toContain('"runback:channel-names"');
    expect(code).toMatch(/exposeInMainWorld\("runback"/);
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });

  it('main.cjs is built beside it', () => {
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['main.cjs', 'preload.cjs']));
  });
});
