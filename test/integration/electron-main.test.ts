// The Electron shell's wiring, with Electron mocked (toolchain P3: it cannot run here) and a real
// data folder + SQLite: single-instance lock, privileged scheme before ready, hardened window,
// IPC → the real dispatcher, database closed on quit, and the too-new-database refusal.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/api/contract';
import { IPC_CHANNEL_NAMES, IPC_INVOKE } from '../../shared/api/bridge';
import { DATABASE_FILE } from '../../electron/app/data-dir';

const h = vi.hoisted(() => {
  // Plain objects standing in for Electron's modules; reset before each test.
  const state = {
    app: null as unknown as ReturnType<typeof makeApp>,
    windows: [] as Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn>; events: Map<string, () => void> }>,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn(), on: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn(), setDisplayMediaRequestHandler: vi.fn() } },
    menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => ({ template: t })) },
    shell: { openExternal: vi.fn() },
    appPath: '',
    lock: true,
    readyOrder: [] as string[],
  };
  function makeApp() {
    const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
    let resolveReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => (resolveReady = r));
    const app = {
      listeners,
      ready: () => resolveReady(),
      isPackaged: true,
      on: vi.fn((name: string, fn: (...args: unknown[]) => void) => {
        listeners.set(name, [...(listeners.get(name) ?? []), fn]);
        return app;
      }),
      emit: (name: string, ...args: unknown[]) => (listeners.get(name) ?? []).forEach((fn) => fn(...args)),
      whenReady: vi.fn(() => {
        state.readyOrder.push('whenReady');
        return ready;
      }),
      enableSandbox: vi.fn(),
      setName: vi.fn(),
      getPath: vi.fn(() => '/nonexistent/userData'),
      setPath: vi.fn(),
      getAppPath: vi.fn(() => state.appPath),
      requestSingleInstanceLock: vi.fn(() => state.lock),
      quit: vi.fn(),
      exit: vi.fn(),
    };
    return app;
  }
  return { state, makeApp };
});

vi.mock('electron', () => {
  const { state } = h;
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    events = new Map<string, () => void>();
    loadURL = vi.fn(async () => undefined);
    constructor(readonly options: unknown) {
      state.windows.push(this);
    }
    once(name: string, fn: () => void) {
      this.events.set(name, fn);
    }
    on(name: string, fn: () => void) {
      this.events.set(name, fn);
    }
    isMinimized = () => false;
    restore = vi.fn();
    show = vi.fn();
    focus = vi.fn();
  }
  return {
    get app() {
      return state.app;
    },
    BrowserWindow,
    dialog: state.dialog,
    ipcMain: state.ipcMain,
    Menu: state.menu,
    protocol: {
      registerSchemesAsPrivileged: (...a: unknown[]) => {
        state.readyOrder.push('registerSchemesAsPrivileged');
        state.protocol.registerSchemesAsPrivileged(...a);
      },
      handle: state.protocol.handle,
    },
    session: state.session,
    shell: state.shell,
  };
});

let root: string;
let dataDir: string;
const sigListeners = { SIGINT: 0, SIGTERM: 0 };

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  h.state.app = h.makeApp();
  h.state.windows = [];
  h.state.readyOrder = [];
  h.state.lock = true;
  root = mkdtempSync(join(tmpdir(), 'runback-main-'));
  h.state.appPath = root;
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>Runback</title>');
  dataDir = join(root, 'clinic');
  vi.stubEnv('RUNBACK_DATA_DIR', dataDir);
  sigListeners.SIGINT = process.listenerCount('SIGINT');
  sigListeners.SIGTERM = process.listenerCount('SIGTERM');
});

afterEach(() => {
  vi.unstubAllEnvs();
  // main.ts adds SIGINT/SIGTERM → app.quit listeners; remove the ones this test added.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const added = process.listeners(signal).slice(sigListeners[signal]);
    for (const listener of added) process.removeListener(signal, listener);
  }
  rmSync(root, { recursive: true, force: true });
});

describe('electron/main/main.ts', () => {
  it('starts: scheme before ready, profile in the data folder, hardened window on app://runback, IPC to the real dispatcher, DB closed on quit', async () => {
    await import('../../electron/main/main');
    const { app } = h.state;

    expect(h.state.readyOrder[0]).toBe('registerSchemesAsPrivileged');
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.setName).toHaveBeenCalledWith('Runback');
    expect(app.setPath).toHaveBeenCalledWith('userData', join(dataDir, 'chromium-profile'));
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.listeners.has('web-contents-created')).toBe(true);
    expect(h.state.windows).toHaveLength(0); // nothing before ready

    app.ready();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));

    expect(h.state.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(h.state.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(h.state.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(h.state.menu.setApplicationMenu).toHaveBeenCalled();
    expect(h.state.windows).toHaveLength(1);
    const win = h.state.windows[0];
    expect(win?.options).toMatchObject({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true, devTools: false } });
    expect((win?.options as { webPreferences: { preload: string } }).webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(win?.loadURL).toHaveBeenCalledWith('app://runback/index.html');

    // IPC: channel names, and a real call through the real dispatcher.
    expect(h.state.ipcMain.on).toHaveBeenCalledWith(IPC_CHANNEL_NAMES, expect.any(Function));
    const namesHandler = h.state.ipcMain.on.mock.calls[0]?.[1] as (e: { returnValue?: unknown }) => void;
    const e: { returnValue?: unknown } = {};
    namesHandler(e);
    expect(e.returnValue).toEqual([...CHANNEL_NAMES]);
    const invoke = h.state.ipcMain.handle.mock.calls.find(([name]) => name === IPC_INVOKE)?.[1] as (...a: unknown[]) => Promise<unknown>;
    const foreign = await invoke({ senderFrame: { url: 'https://evil.example/' } }, CHANNEL_NAMES[0], {}, null);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unknown = await invoke({ senderFrame: { url: 'app://runback/index.html' } }, 'no.such.channel', {}, null);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    // second launch focuses the window
    app.emit('second-instance');
    expect((win as unknown as { focus: ReturnType<typeof vi.fn> }).focus).toHaveBeenCalled();

    // will-quit: prevented once while the database closes, then quit again
    const preventDefault = vi.fn();
    app.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    const again = vi.fn();
    app.emit('will-quit', { preventDefault: again });
    expect(again).not.toHaveBeenCalled();
    expect(h.state.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    h.state.lock = false;
    await import('../../electron/main/main');
    expect(h.state.app.quit).toHaveBeenCalled();
    expect(h.state.app.whenReady).not.toHaveBeenCalled();
  });

  it('refuses a database written by a newer Runback with an error box, and exits', async () => {
    mkdirSync(dataDir, { recursive: true });
    const raw = new Database(join(dataDir, DATABASE_FILE));
    raw.exec('create table schema_version (version integer not null); insert into schema_version values (9999);');
    raw.close();

    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    await import('../../electron/main/main');
    h.state.app.ready();
    await vi.waitFor(() => expect(h.state.app.exit).toHaveBeenCalled());

    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('newer version of Runback'));
    stderr.mockRestore();
    expect(h.state.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = h.state.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toMatch(/cannot open this data folder/);
    expect(message).toMatch(/newer version of Runback/);
    expect(h.state.app.exit).toHaveBeenCalledWith(1);
    expect(h.state.windows).toHaveLength(0);
  });
});
