/**
 * The Electron shell, kept thin: every decision lives in a small tested module beside this file;
 * this one only wires them to Electron's objects in the right order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { openApp, type OpenApp } from '../app/open-app';
import { DatabaseTooNewError } from '../db/migrate';
import { chromiumProfileDir, resolveDataDir } from './data-dir';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { installPermissionHandlers } from './permissions';
import { registerAppScheme, serveAppScheme } from './protocol';
import { hardenWebContents } from './security';
import { APP_ENTRY_URL } from './urls';
import { buildWindowOptions } from './window';

// --- Before 'ready' -------------------------------------------------------------------------------
// As in bin/runback.cjs: React (react-pdf's printing) runs its production build unless told otherwise.
// It is set before the first print loads React; the development build costs a tenth more per PDF.
process.env.NODE_ENV ||= 'production';
registerAppScheme(protocol);
app.enableSandbox();
app.setName('Runback');

const dataDir = resolveDataDir({ argv: process.argv, env: process.env, userDataPath: app.getPath('userData') });
// One Chromium profile (and so one single-instance lock) per data folder.
app.setPath('userData', chromiumProfileDir(dataDir));

const distDir = join(app.getAppPath(), 'dist');
const preloadPath = join(__dirname, 'preload.cjs');

// Every webContents, the main window's included: no foreign navigation, no <webview>, no new windows.
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, (url) => shell.openExternal(url));
});

let mainWindow: BrowserWindow | null = null;
let opened: OpenApp | null = null;

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createMainWindow(): void {
  const win = new BrowserWindow(buildWindowOptions({ preloadPath, isPackaged: app.isPackaged }));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  void win.loadURL(APP_ENTRY_URL);
}

function refuseToStart(title: string, message: string): void {
  process.stderr.write(`${title}: ${message}\n`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  if (!existsSync(join(distDir, 'index.html'))) {
    refuseToStart('Runback cannot start', `The app's pages are missing from ${distDir}. Build them with "npm run build".`);
    return;
  }
  try {
    opened = await openApp(dataDir, { autoBackups: true });
  } catch (error) {
    if (error instanceof DatabaseTooNewError) {
      refuseToStart('Runback cannot open this data folder', error.message);
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      refuseToStart('Runback cannot start', `The data folder ${dataDir} could not be opened: ${detail}`);
    }
    return;
  }
  serveAppScheme(protocol, distDir);
  installPermissionHandlers(session.defaultSession);
  registerIpc(ipcMain, opened.dispatch);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform })));
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Runback already has this data folder open: it focuses its window (below), we leave.
  app.quit();
} else {
  app.on('second-instance', () => focusMainWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the database (checkpointing the WAL) before the process ends.
  app.on('will-quit', (event) => {
    if (opened === null) return;
    event.preventDefault();
    const closing = opened;
    opened = null;
    void closing
      .close()
      .catch((error: unknown) => process.stderr.write(`Closing the database failed: ${String(error)}\n`))
      .finally(() => app.quit());
  });
  // Ctrl-C in the terminal (npm start) or a service stop: quit normally so the database is closed.
  process.on('SIGINT', () => app.quit());
  process.on('SIGTERM', () => app.quit());
  start().catch((error: unknown) => {
    refuseToStart('Runback cannot start', error instanceof Error ? error.message : String(error));
  });
}
