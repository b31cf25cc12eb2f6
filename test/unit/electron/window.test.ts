import { join, resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { chromiumProfileDir, dataDirFromArgs, resolveDataDir } from '../../../electron/main/data-dir';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { buildWindowOptions } from '../../../electron/main/window';

describe('buildWindowOptions', () => {
  it('hardens the renderer', () => {
    const options = buildWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', isPackaged: true });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(options.show).toBe(false);
  });

  it('allows DevTools only in development builds', () => {
    expect(buildWindowOptions({ preloadPath: 'p', isPackaged: false }).webPreferences?.devTools).toBe(true);
  });
});

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it('has quit, the edit roles, reload and zoom, and no DevTools when packaged', () => {
    const packaged = roles(buildMenuTemplate({ isPackaged: true, platform: 'linux' }));
    for (const role of ['quit', 'copy', 'paste', 'cut', 'selectAll', 'undo', 'redo', 'reload', 'zoomIn', 'zoomOut', 'resetZoom']) {
      expect(packaged, role).toContain(role);
    }
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('forceReload');
    expect(roles(buildMenuTemplate({ isPackaged: false, platform: 'linux' }))).toContain('toggleDevTools');
  });

  it('uses the app menu on macOS', () => {
    expect(buildMenuTemplate({ isPackaged: true, platform: 'darwin' })[0]?.role).toBe('appMenu');
  });
});

describe('the data folder', () => {
  const cwd = resolve('/work/clinic');

  it('reads --data-dir DIR and --data-dir=DIR, resolved against cwd', () => {
    expect(dataDirFromArgs(['electron', '.', '--data-dir', 'demo'], cwd)).toBe(join(cwd, 'demo'));
    expect(dataDirFromArgs(['runback', '--data-dir=/srv/runback'], cwd)).toBe(resolve('/srv/runback'));
    expect(dataDirFromArgs(['runback', '--data-dir'], cwd)).toBeNull();
    expect(dataDirFromArgs(['runback', '--data-dir', '--inspect'], cwd)).toBeNull();
    expect(dataDirFromArgs(['runback'], cwd)).toBeNull();
  });

  it('prefers the argument, then RUNBACK_DATA_DIR, then Electron’s userData', () => {
    const userDataPath = '/home/pt/.config/Runback';
    expect(resolveDataDir({ argv: ['x', '--data-dir', '/a'], env: { RUNBACK_DATA_DIR: '/b' }, userDataPath, cwd })).toBe(resolve('/a'));
    expect(resolveDataDir({ argv: ['x'], env: { RUNBACK_DATA_DIR: '/b' }, userDataPath, cwd })).toBe(resolve('/b'));
    expect(resolveDataDir({ argv: ['x'], env: { RUNBACK_DATA_DIR: '' }, userDataPath, cwd })).toBe(userDataPath);
    expect(resolveDataDir({ argv: ['x'], env: {}, userDataPath, cwd })).toBe(userDataPath);
  });

  it('keeps Chromium’s profile in a subfolder of the data folder', () => {
    expect(chromiumProfileDir('/d')).toBe(join('/d', 'chromium-profile'));
  });
});
