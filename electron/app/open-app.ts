import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import type { AppServices, Logger } from '../api/context';
import { createDispatcher, type Dispatch } from '../api/dispatcher';
import { DATABASE_FILE } from './data-dir';
import { fileLogger } from './logger';
import { ImportStaging } from '../activities/staging';
import { BackupService } from '../backup/backup-service';
import { backupBeforeMigration } from '../backup/pre-migration';

export interface OpenApp {
  dataDir: string;
  services: AppServices;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  now?: () => Date;
  log?: Logger;
  /** Daily backups while the app runs (the desktop app and web mode; not one-off CLI commands). */
  autoBackups?: boolean;
}

/** Opens a data folder (creating it on first run): backed up if it needs a migration, migrated, log ready, dispatcher built. */
export async function openApp(dataDir: string, options: OpenAppOptions = {}): Promise<OpenApp> {
  mkdirSync(dataDir, { recursive: true });
  const log = options.log ?? fileLogger(dataDir);
  const now = options.now ?? (() => new Date());
  const file = join(dataDir, DATABASE_FILE);
  const backups = new BackupService(dataDir, file, now, log);
  const { db, close } = await openDatabase(file, { beforeMigrate: (from, to) => backupBeforeMigration(backups, from, to) });
  const services: AppServices = { db, now, log, importStaging: new ImportStaging(), backups };
  if (options.autoBackups) backups.start();
  return {
    dataDir,
    services,
    dispatch: createDispatcher(services),
    close: async () => {
      await backups.stop();
      await close();
    },
  };
}
