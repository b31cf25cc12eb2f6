import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/domain/user';
import type { DB } from '../db/schema';
import type { ImportStaging } from '../activities/staging';
import type { AttachmentStore } from '../attachments/store';
import type { ReaderPool } from '../db/reader-pool';
import type { LockWait } from '../db/transaction';
import type { ResponseChecks } from './response-check';
import type { BackupService } from '../backup/backup-service';

export type Transport = 'ipc' | 'http' | 'cli' | 'direct';

export interface Logger {
  info(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** What lives as long as the open data folder: the database, the clock and the log. */
export interface AppServices {
  /** The writing connection: write channels, and the bookkeeping of reads. */
  db: Kysely<DB>;
  /** Read-only connections for read channels (they never wait for the write lock). */
  readers: ReaderPool;
  /** How a write waits when another program holds the write lock. */
  lockWait: LockWait;
  /** How responses are checked against their schemas (see response-check.ts). */
  responseChecks: ResponseChecks;
  now: () => Date;
  log: Logger;
  /** Activity files between import preview and commit (memory only). */
  importStaging: ImportStaging;
  /** Backups of this data folder (settings and history live beside the database). */
  backups: BackupService;
  /** Attached documents in the data folder. */
  attachments: AttachmentStore;
}

/** What a patient kiosk session reaches: one patient's one questionnaire (see shared/api/kiosk.ts). */
export interface KioskScope {
  kioskId: number;
  patientId: number;
  instrument: 'nprs' | 'odi' | 'modified-odi' | 'psfs' | 'rmdq' | 'start-back';
  /** The staff member who handed it over. */
  handedBy: SessionUser;
}

export interface ResolvedSession {
  /** 0 for sessions without a row in `sessions` (the command line, a patient kiosk). */
  id: number;
  user: SessionUser;
  locked: boolean;
  /** Found idle past the clinic's auto-lock on this call: the lock still has to be written. */
  idleLocked: boolean;
  /** When the session's activity was last written (at most every few seconds, see sessions.ts). */
  lastActiveAt: string;
  /** The raw token, so sign-in from the lock screen can end it. */
  token: string;
  /** Set for a patient kiosk: only 'patient-kiosk' channels answer it. */
  kiosk?: KioskScope;
}

export interface AuditNote {
  entity?: string;
  entityId?: string | number | null;
  /** Short, human-readable; never passwords. */
  detail?: string;
  /** Defaults to the channel name. */
  action?: string;
  /** Defaults to the signed-in user; sign-in names the user it has just signed in. */
  actor?: SessionUser;
}

/** What a handler sees: the transaction, who is calling, and a way to note audit rows. */
export interface HandlerContext {
  db: Kysely<DB>;
  now: Date;
  session: ResolvedSession | null;
  /** The signed-in user; handlers of non-public channels can rely on it. */
  user: SessionUser;
  transport: Transport;
  log: Logger;
  importStaging: ImportStaging;
  backups: BackupService;
  /** The app's own connection (outside this call's transaction), for work handed to AfterCommit. */
  appDb: Kysely<DB>;
  attachments: AttachmentStore;
  audit(note: AuditNote): void;
}
