// build/after-pack.cjs flips Electron's fuses. Checked here on a fake "Electron binary" carrying a
// fuse wire in the real format (sentinel, version, length, one byte per fuse), read back with
// @electron/fuses itself.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);

interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
interface AfterPackModule {
  default(context: AfterPackContext): Promise<void>;
  electronBinaryPath(context: AfterPackContext): string;
}
interface FusesModule {
  getCurrentFuseWire(path: string): Promise<Record<string, unknown>>;
  FuseV1Options: Record<string, number>;
}

const hook = require('../../../build/after-pack.cjs') as AfterPackModule;
const fuses = require('@electron/fuses') as FusesModule;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runback-fuses-'));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function linuxContext(): AfterPackContext {
  return { appOutDir: dir, electronPlatformName: 'linux', packager: { executableName: 'runback', appInfo: { productFilename: 'Runback' } } };
}

function writeFakeElectron(path: string): void {
  // Electron's defaults: RunAsNode on, cookies off, NODE_OPTIONS on, inspect on, integrity off,
  // only-asar off, v8 snapshot off, file:// privileges on.
  writeFileSync(path, Buffer.concat([Buffer.alloc(100, 7), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.alloc(100, 7)]));
}

describe('build/after-pack.cjs', () => {
  it('finds the binary the way electron-builder names it', () => {
    expect(hook.electronBinaryPath(linuxContext())).toBe(join(dir, 'runback'));
    expect(hook.electronBinaryPath({ ...linuxContext(), electronPlatformName: 'win32' })).toBe(join(dir, 'Runback.exe'));
    expect(hook.electronBinaryPath({ ...linuxContext(), electronPlatformName: 'darwin' })).toBe(join(dir, 'Runback.app'));
  });

  it('flips RunAsNode, NODE_OPTIONS, inspect and file:// privileges off; only-asar and asar integrity on', async () => {
    const binary = join(dir, 'runback');
    writeFakeElectron(binary);
    await hook.default(linuxContext());
    const wire = await fuses.getCurrentFuseWire(binary);
    const o = fuses.FuseV1Options;
    expect(wire[o.RunAsNode!]).toBe(DISABLE);
    expect(wire[o.EnableNodeOptionsEnvironmentVariable!]).toBe(DISABLE);
    expect(wire[o.EnableNodeCliInspectArguments!]).toBe(DISABLE);
    expect(wire[o.GrantFileProtocolExtraPrivileges!]).toBe(DISABLE);
    expect(wire[o.OnlyLoadAppFromAsar!]).toBe(ENABLE);
    expect(wire[o.EnableEmbeddedAsarIntegrityValidation!]).toBe(ENABLE);
    expect(wire[o.EnableCookieEncryption!]).toBe(DISABLE); // untouched
  });

  it('fails packaging when the binary has no fuse wire', async () => {
    writeFileSync(join(dir, 'runback'), 'not electron');
    await expect(hook.default(linuxContext())).rejects.toThrow(/sentinel/i);
  });

  it('skips only when told to, with a warning', async () => {
    vi.stubEnv('RUNBACK_SKIP_FUSES', '1');
    writeFileSync(join(dir, 'runback'), 'not electron');
    await hook.default(linuxContext());
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('NOT flipped'));
    expect(readFileSync(join(dir, 'runback'), 'utf8')).toBe('not electron');
  });
});
