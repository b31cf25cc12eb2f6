import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { access, constants, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ATTACHMENTS_FOLDER } from '../app/data-dir';
import { AttachmentStore } from '../attachments/store';
import { LATEST_VERSION } from '../db/migrations';
import { checkDatabaseFile, databaseHasClinic, onlineBackup, type DatabaseCheck } from '../db/sqlite-file';
import { deriveKey, openBackupFile, writeBackupFile, type BackupKey, type BackupKind } from './backup-file';
import { checkReferencedFiles, filesProblemError, storeReferencedFiles, type ReferencedFile } from './backup-files';
import { BackupStore, type HistoryEntry, type StoredSettings } from './backup-store';
import { BackupError } from './errors';
import { backupsToKeep, type RetentionRule } from './retention';

export const BACKUP_EXTENSION = '.runbackup';
const NAME = /^runback-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z-(daily|manual|pre-migration)(?:-\d+)?\.runbackup$/;
const DAY_MS = 86_400_000;
/** How often the running app asks "is a backup due?" (the rule itself is "a day since the last good one"). */
export const CHECK_EVERY_MS = 60 * 60_000;
/** An admin is warned when no backup has succeeded for this long. */
export const WARN_AFTER_DAYS = 3;

export interface BackupOutcome {
  at: string;
  kind: BackupKind;
  file: string;
  bytes: number;
  encrypted: boolean;
  check: DatabaseCheck;
  /** The files the database refers to (attachments, photos), and how many this backup had to copy (the rest were beside the backups already). */
  files: { referenced: number; copied: number };
  /** Files the records refer to that the data folder no longer held soundly: lost before this backup, named for the admin. */
  lostFiles: string[];
}

export interface BackupListing {
  name: string;
  file: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
  encrypted: boolean;
}

/** Where backups report (the app's log; declared here so the backup module needs nothing from the API layer). */
export interface BackupLog {
  info(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** A file name that sorts by time and says what kind of backup it is. */
export function backupFileName(at: Date, kind: BackupKind, n = 0): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `runback-${stamp}Z-${kind}${n ? `-${n + 1}` : ''}${BACKUP_EXTENSION}`;
}

function parseName(name: string): { kind: BackupKind; createdAt: Date } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { kind: m[5] as BackupKind, createdAt: new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`) };
}

function reason(error: unknown): string {
  if (error instanceof BackupError) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOSPC') return 'the disk is full';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'Runback may not write there';
  if (e?.code === 'ENOENT') return 'the folder is not there (is the drive plugged in?)';
  if (e?.code === 'EROFS') return 'the drive is read-only';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Backups of one data folder: taken on demand, daily while the app runs, and before a migration;
 * kept by the retention rule; every attempt recorded in the history beside the database.
 */
export class BackupService {
  readonly store: BackupStore;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    readonly dataDir: string,
    readonly databaseFile: string,
    private readonly now: () => Date,
    readonly log: BackupLog,
  ) {
    this.store = new BackupStore(dataDir);
  }

  /** The data folder's own backup folder: used when none is chosen, and for the backup before a migration when the chosen one cannot be reached. */
  get defaultFolder(): string {
    return join(this.dataDir, 'backups');
  }

  settings(): StoredSettings {
    return this.store.readSettings();
  }

  folder(): string {
    return this.settings().folder ?? this.defaultFolder;
  }

  /** The data folder's stored files (attachments and exercise photos, by SHA-256). */
  get files(): AttachmentStore {
    return new AttachmentStore(join(this.dataDir, ATTACHMENTS_FOLDER));
  }

  /** A scratch folder on the same disk as the database (plain copies never go to the backup drive). */
  scratch(name: string): string {
    const dir = existsSync(this.dataDir) ? join(this.dataDir, 'tmp') : tmpdir();
    mkdirSync(dir, { recursive: true });
    return join(dir, `${name}-${randomBytes(6).toString('hex')}.sqlite`);
  }

  /** Checks a folder can take backups (creating it if needed) and saves it with the retention rule. */
  async saveSettings(change: { folder: string | null; retention: RetentionRule }): Promise<void> {
    const folder = change.folder === null || change.folder.trim() === '' ? null : change.folder.trim();
    if (folder !== null) {
      if (!isAbsolute(folder)) throw new BackupError('FOLDER', 'Give the backup folder’s full path (for example /Volumes/Backup/Runback or E:\\Runback).');
      await this.checkFolder(resolve(folder));
    }
    this.store.writeSettings({ ...this.settings(), folder: folder === null ? null : resolve(folder), retention: change.retention });
  }

  private async checkFolder(folder: string): Promise<void> {
    try {
      await mkdir(folder, { recursive: true });
      await access(folder, constants.W_OK);
      const probe = join(folder, `.runback-probe-${randomBytes(4).toString('hex')}`);
      await writeFile(probe, 'probe');
      await rm(probe, { force: true });
    } catch (error) {
      throw new BackupError('FOLDER', `Backups cannot be written to ${folder}: ${reason(error)}.`);
    }
  }

  /** Sets (or with null, removes) the clinic's backup passphrase; only a key made from it is kept. */
  async setPassphrase(passphrase: string | null): Promise<void> {
    const settings = this.settings();
    if (passphrase === null) {
      this.store.writeSettings({ ...settings, key: null });
      return;
    }
    const k = await deriveKey(passphrase);
    this.store.writeSettings({
      ...settings,
      key: { ...k.kdf, salt: k.salt.toString('base64'), key: k.key.toString('base64'), setAt: this.now().toISOString() },
    });
  }

  history(): HistoryEntry[] {
    return this.store.history();
  }

  lastGood(): HistoryEntry | null {
    return this.history().filter((e) => e.ok).at(-1) ?? null;
  }

  /**
   * Takes a backup: SQLite's online backup to a scratch copy, integrity_check on the copy, the copy
   * written (encrypted when a passphrase is given or set) to `out` or to the backup folder, then
   * read back and checked again. Recorded in the history whether it worked or not.
   */
  async backup(kind: BackupKind, options: { out?: string; passphrase?: string; folder?: string } = {}): Promise<BackupOutcome> {
    const work = this.backupOnce(kind, options);
    this.running = work.catch(() => undefined);
    return work;
  }

  private async backupOnce(kind: BackupKind, options: { out?: string; passphrase?: string; folder?: string }): Promise<BackupOutcome> {
    const at = this.now();
    const key: BackupKey | null = options.passphrase ? await deriveKey(options.passphrase) : this.store.storedKey();
    let out = options.out ? resolve(options.out) : null;
    const copy = this.scratch('backup');
    const verify = this.scratch('verify');
    try {
      if (out && existsSync(out)) throw new BackupError('EXISTS', `There is already a file at ${out}: choose another name (Runback never writes over a backup).`);
      if (!out) {
        const folder = options.folder ?? this.folder();
        await this.checkFolder(folder);
        for (let n = 0; !out || existsSync(out); n++) out = join(folder, backupFileName(at, kind, n));
      }
      if (!existsSync(this.databaseFile)) throw new BackupError('NOT_FOUND', `There is no clinic database in ${this.dataDir} to back up.`);
      await onlineBackup(this.databaseFile, copy);
      let check: DatabaseCheck;
      try {
        check = await checkDatabaseFile(copy);
      } catch (error) {
        throw new BackupError('INTEGRITY', `The copy of the database failed SQLite’s integrity check (${reason(error)}). The database may be damaged: restore the last good backup.`);
      }
      const { bytes } = await writeBackupFile(copy, out, { createdAt: at.toISOString(), kind, schemaVersion: check.schemaVersion }, key);
      // Read it back as a restore would: a backup never tested is not a backup.
      await openBackupFile(out, verify, { storedKey: key });
      await checkDatabaseFile(verify);
      // The files the records refer to go beside it, each once per folder, each read back and checked.
      const files = await storeReferencedFiles(verify, dirname(out), this.files, key, { createdAt: at.toISOString(), kind, schemaVersion: check.schemaVersion }, () => this.scratch('file'));
      const lostFiles = files.lost.map((f) => f.name);
      const outcome: BackupOutcome = { at: at.toISOString(), kind, file: out, bytes, encrypted: key !== null, check, files: { referenced: files.files, copied: files.copied }, lostFiles };
      const lostWords = lostFiles.length ? `Taken, but ${lostFiles.length === 1 ? 'a file' : `${lostFiles.length} files`} the records refer to ${lostFiles.length === 1 ? 'was' : 'were'} already missing or damaged in the data folder: ${lostFiles.slice(0, 5).join('; ')}${lostFiles.length > 5 ? `; and ${lostFiles.length - 5} more` : ''}.` : null;
      this.store.append({ at: outcome.at, kind, ok: true, file: out, bytes, encrypted: key !== null, counts: check.counts, schemaVersion: check.schemaVersion, message: lostWords });
      if (lostWords) this.log.error(`Backup (${kind}): ${lostWords}`);
      if (kind === 'daily') this.prune(join(out, '..'));
      this.log.info(`Backup (${kind}) written to ${out}`);
      return outcome;
    } catch (error) {
      const message = reason(error);
      // A data folder that is not there (a mistyped --data-dir) gets no history file made for it.
      if (existsSync(this.dataDir)) this.store.append({ at: at.toISOString(), kind, ok: false, file: out, bytes: null, encrypted: key !== null, counts: null, schemaVersion: null, message });
      this.log.error(`Backup (${kind}) failed`, error);
      throw error instanceof BackupError ? error : new BackupError('FOLDER', `The backup failed: ${message}.`);
    } finally {
      // Unlinking two database-sized files took a quarter of a second of the main thread: the
      // thread pool does it.
      await Promise.all([rm(copy, { force: true }), rm(verify, { force: true })]);
    }
  }

  /** Deletes the automatic backups the retention rule no longer keeps (manual and pre-update ones are the admin's). */
  prune(folder: string = this.folder()): string[] {
    const daily = this.list(folder).filter((b) => b.kind === 'daily');
    const keep = backupsToKeep(
      daily.map((b) => ({ name: b.name, createdAt: new Date(b.createdAt) })),
      this.settings().retention,
    );
    const removed: string[] = [];
    for (const b of daily) {
      if (keep.has(b.name)) continue;
      rmSync(b.file, { force: true });
      removed.push(b.name);
    }
    return removed;
  }

  /** The backups in a folder (by their names), newest first. */
  list(folder: string = this.folder()): BackupListing[] {
    if (!existsSync(folder)) return [];
    const found: BackupListing[] = [];
    for (const name of readdirSync(folder)) {
      const parsed = parseName(name);
      if (!parsed) continue;
      const file = join(folder, name);
      let encrypted = false;
      try {
        encrypted = readFileHeaderMode(file) === 1;
      } catch {
        // listed all the same; restoring it names what is wrong
      }
      found.push({ name, file, kind: parsed.kind, createdAt: parsed.createdAt.toISOString(), bytes: statSync(file).size, encrypted });
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  }

  /** The daily rule: a backup when the last good one is a day old (or there is none), once the clinic exists. */
  async runDue(): Promise<BackupOutcome | null> {
    if (this.running) await this.running;
    const last = this.lastGood();
    if (last && this.now().getTime() - new Date(last.at).getTime() < DAY_MS) return null;
    if (!existsSync(this.databaseFile)) return null;
    // Only "is there a clinic yet?" of the live database, read-only: the backup checks its copy's
    // integrity (off the main thread), and checking the live file too cost seconds of a frozen app.
    try {
      if (!databaseHasClinic(this.databaseFile)) return null;
    } catch {
      // A database that cannot be read still gets the attempt: the failure is recorded and warned about.
    }
    try {
      return await this.backup('daily');
    } catch {
      return null; // recorded in the history; the next check tries again
    }
  }

  /** Daily backups while the app runs: one check now (a missed day is caught up at start), then every hour. */
  start(): void {
    if (this.timer) return;
    void this.runDue();
    this.timer = setInterval(() => void this.runDue(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.running) await this.running;
  }

  /** Whether an admin should be warned: no good backup for WARN_AFTER_DAYS (counted from the clinic's start when there was never one). */
  overdue(clinicCreatedAt: string | null): boolean {
    const since = this.lastGood()?.at ?? clinicCreatedAt;
    if (!since) return false;
    return this.now().getTime() - new Date(since).getTime() > WARN_AFTER_DAYS * DAY_MS;
  }

  /**
   * Checks the backup is whole and sound — its database, and every file its records refer to (beside
   * it, or already in this data folder, each matching its hash) — and gives its database as a scratch
   * file (the caller removes it). A file it cannot bring back is refused by name.
   */
  async verify(file: string, passphrase?: string): Promise<{ staged: string; check: DatabaseCheck; createdAt: string | null; files: { folder: string; key: BackupKey | null; list: ReferencedFile[] } }> {
    const staged = this.scratch('restore');
    try {
      const head = await openBackupFile(resolve(file), staged, { passphrase, storedKey: this.store.storedKey() });
      let check: DatabaseCheck;
      try {
        check = await checkDatabaseFile(staged);
      } catch (error) {
        throw new BackupError('INTEGRITY', `The database in this backup is damaged: ${reason(error)}. Nothing was changed.`);
      }
      if (check.schemaVersion === 0) throw new BackupError('NOT_BACKUP', 'This file is an SQLite database but not a Runback one. Nothing was changed.');
      if (check.schemaVersion > LATEST_VERSION) {
        throw new BackupError(
          'TOO_NEW',
          `This backup was written by a newer version of Runback (database version ${check.schemaVersion}; this version knows up to ${LATEST_VERSION}). Install the newer Runback to restore it. Nothing was changed.`,
        );
      }
      // The key that opened the backup opens its files (derived once here, not once a file).
      const key = head.mode !== 'encrypted' ? null : passphrase ? await deriveKey(passphrase, head.salt!, head.kdf!) : this.store.storedKey();
      const folder = dirname(resolve(file));
      const files = await checkReferencedFiles(staged, folder, this.files, key, () => this.scratch('file'));
      if (files.problems.length) throw filesProblemError(files.problems, folder);
      return { staged, check, createdAt: head.meta?.createdAt ?? null, files: { folder, key, list: files.files } };
    } catch (error) {
      rmSync(staged, { force: true });
      throw error;
    }
  }
}

/** The mode byte of a Runback backup file (1 = encrypted), read without the rest. */
function readFileHeaderMode(file: string): number {
  const buffer = Buffer.alloc(10);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, 10, 0);
  } finally {
    closeSync(fd);
  }
  return buffer.readUInt8(9);
}
