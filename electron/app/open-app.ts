import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, openReaders } from '../db/connection';
import { DEFAULT_LOCK_WAIT, type LockWait } from '../db/transaction';
import type { AppServices, Logger } from '../api/context';
import { CallGate } from '../api/call-gate';
import { createDispatcher, type Dispatch } from '../api/dispatcher';
import type { ResponseChecks } from '../api/response-check';
import { ATTACHMENTS_FOLDER, DATABASE_FILE } from './data-dir';
import { AttachmentStore } from '../attachments/store';
import { fileLogger } from './logger';
import { ImportStaging } from '../activities/staging';
import { BackupService } from '../backup/backup-service';
import { backupBeforeMigration } from '../backup/pre-migration';

export interface OpenApp {
  dataDir: string;
  services: AppServices;
  dispatch: Dispatch;
  /** Waits for the calls already running, refuses new ones, then closes the database. */
  close(): Promise<void>;
}

/** Read-only connections per open data folder: a slow read (a PDF) never holds up the others. */
const READERS = 2;

/**
 * Full response checks in tests and development; sampled ones in the installed app and `runback
 * serve` (see response-check.ts). RUNBACK_RESPONSE_CHECKS=full|sampled overrides either.
 */
export function responseChecksFor(env: NodeJS.ProcessEnv = process.env): ResponseChecks {
  const chosen = env.RUNBACK_RESPONSE_CHECKS;
  if (chosen === 'full' || chosen === 'sampled') return chosen;
  return env.NODE_ENV === 'test' || env.NODE_ENV === 'development' ? 'full' : 'sampled';
}

export interface OpenAppOptions {
  now?: () => Date;
  log?: Logger;
  lockWait?: LockWait;
  responseChecks?: ResponseChecks;
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
  const readers = openReaders(file, READERS);
  const services: AppServices = {
    db,
    readers,
    lockWait: options.lockWait ?? DEFAULT_LOCK_WAIT,
    responseChecks: options.responseChecks ?? responseChecksFor(),
    now,
    log,
    importStaging: new ImportStaging(),
    backups,
    attachments: new AttachmentStore(join(dataDir, ATTACHMENTS_FOLDER)),
  };
  if (options.autoBackups) backups.start();
  const gate = new CallGate();
  return {
    dataDir,
    services,
    dispatch: gate.guard(createDispatcher(services)),
    async close() {
      await gate.close();
      await backups.stop();
      await readers.close();
      await close();
    },
  };
}
