import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Runback';
export const DATABASE_FILE = 'runback.sqlite';
/** Attached documents (by SHA-256); part of the data folder, so backups must carry it with the database. */
export const ATTACHMENTS_FOLDER = 'attachments';

/**
 * The platform's app-data folder, the same one Electron's app.getPath('userData') gives for
 * productName "Runback", so the desktop app, web mode and the CLI share one clinic by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.RUNBACK_DATA_DIR) return env.RUNBACK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}
