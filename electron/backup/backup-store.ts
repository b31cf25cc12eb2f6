import { appendFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RETENTION, type RetentionRule } from './retention';
import type { BackupKey, BackupKind } from './backup-file';
import type { RecordCounts } from '../db/sqlite-file';

/**
 * The backup settings and the backup history live in the data folder, beside the database and not
 * in it, on purpose:
 * - a restore puts back an older database; it must not put back older backup settings or forget
 *   the backups taken since (the history is what says "the last good backup was …");
 * - a backup that fails because the database is damaged or the disk is full must still be recorded;
 * - the backup before a migration is taken before the database is opened for writing.
 * The history is append-only JSON lines (a torn last line after a crash is skipped).
 */
export const SETTINGS_FILE = 'backup-settings.json';
export const HISTORY_FILE = 'backup-history.jsonl';

export interface StoredSettings {
  /** Absolute path; null = the data folder's own "backups" folder. */
  folder: string | null;
  retention: RetentionRule;
  /** The key made from the clinic's backup passphrase (never the passphrase itself); null = backups are not encrypted. */
  key: { log2N: number; r: number; p: number; salt: string; key: string; setAt: string } | null;
}

export interface HistoryEntry {
  at: string;
  kind: BackupKind;
  ok: boolean;
  /** Where the backup went (ok) or was meant to go. */
  file: string | null;
  bytes: number | null;
  encrypted: boolean;
  counts: RecordCounts | null;
  schemaVersion: number | null;
  /** Why it failed, in words. */
  message: string | null;
}

const DEFAULTS: StoredSettings = { folder: null, retention: DEFAULT_RETENTION, key: null };

export class BackupStore {
  constructor(readonly dataDir: string) {}

  readSettings(): StoredSettings {
    const file = join(this.dataDir, SETTINGS_FILE);
    if (!existsSync(file)) return { ...DEFAULTS };
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredSettings>;
      return { folder: raw.folder ?? null, retention: { ...DEFAULT_RETENTION, ...raw.retention }, key: raw.key ?? null };
    } catch {
      // A damaged settings file must not stop backups: back to the defaults (the data folder's own folder).
      return { ...DEFAULTS };
    }
  }

  /** Written whole to a temporary name, synced, then renamed over the old file. */
  writeSettings(settings: StoredSettings): void {
    mkdirSync(this.dataDir, { recursive: true });
    const file = join(this.dataDir, SETTINGS_FILE);
    const temp = `${file}.tmp`;
    writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    const fd = openSync(temp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, file);
  }

  storedKey(): BackupKey | null {
    const k = this.readSettings().key;
    return k ? { kdf: { log2N: k.log2N, r: k.r, p: k.p }, salt: Buffer.from(k.salt, 'base64'), key: Buffer.from(k.key, 'base64') } : null;
  }

  append(entry: HistoryEntry): void {
    mkdirSync(this.dataDir, { recursive: true });
    const file = join(this.dataDir, HISTORY_FILE);
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
    const fd = openSync(file, 'r+');
    fsyncSync(fd);
    closeSync(fd);
  }

  /** Every recorded attempt, oldest first. */
  history(): HistoryEntry[] {
    const file = join(this.dataDir, HISTORY_FILE);
    if (!existsSync(file)) return [];
    const entries: HistoryEntry[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(JSON.parse(line) as HistoryEntry);
      } catch {
        // a line torn by a crash mid-append
      }
    }
    return entries;
  }
}
