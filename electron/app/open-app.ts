import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import type { AppServices, Logger } from '../api/context';
import { createDispatcher, type Dispatch } from '../api/dispatcher';
import { ATTACHMENTS_FOLDER, DATABASE_FILE } from './data-dir';
import { AttachmentStore } from '../attachments/store';
import { fileLogger } from './logger';
import { ImportStaging } from '../activities/staging';

export interface OpenApp {
  dataDir: string;
  services: AppServices;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** Opens a data folder (creating it on first run): database migrated, log ready, dispatcher built. */
export async function openApp(dataDir: string, options: { now?: () => Date; log?: Logger } = {}): Promise<OpenApp> {
  mkdirSync(dataDir, { recursive: true });
  const log = options.log ?? fileLogger(dataDir);
  const { db, close } = await openDatabase(join(dataDir, DATABASE_FILE));
  const services: AppServices = { db, now: options.now ?? (() => new Date()), log, importStaging: new ImportStaging(), attachments: new AttachmentStore(join(dataDir, ATTACHMENTS_FOLDER)) };
  return { dataDir, services, dispatch: createDispatcher(services), close };
}
