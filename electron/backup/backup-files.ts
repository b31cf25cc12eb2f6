import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sha256Hex, type AttachmentStore } from '../attachments/store';
import { openBackupFile, writeBackupFile, type BackupKey, type BackupMeta } from './backup-file';
import { BackupError } from './errors';

/**
 * The files a backup's database refers to (attachments and exercise photos, stored by SHA-256 in
 * the data folder's attachments/) are kept beside the backups, in the backup folder's
 * runback-files/<first two hex>/<sha256>.<key>: each file once per folder however many backups
 * refer to it (a daily backup copies only the files added since), each in the backup file format
 * (encrypted with the backup's key when the clinic has a passphrase, a checksum otherwise). A backup
 * needs only its own database and that folder — never another backup — so any backup kept by the
 * retention rule restores on its own. Files are never pruned: a taken-out attachment is still in
 * the record, so every backup keeps referring to it.
 */
export const BACKUP_FILES_FOLDER = 'runback-files';

export interface ReferencedFile {
  sha256: string;
  /** The file in the admin's words: “referral.pdf (Đặng, Trọng Tấn’s attachment)”. */
  name: string;
}

export type FileProblem = ReferencedFile & { problem: 'missing' | 'damaged' };

/** Every file a database refers to, taken out or not (a restore brings back the record whole). */
export function referencedFiles(sqliteFile: string): ReferencedFile[] {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set((db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    type Row = { sha256: string; what: string; first: string | null; last: string | null };
    const rows: { row: Row; kind: 'attachment' | 'photo' }[] = [];
    const patient = `left join patients p on p.id = x.patient_id`;
    if (tables.has('attachments'))
      for (const row of db.prepare(`select x.sha256, x.file_name as what, p.legal_first_name as first, p.legal_last_name as last from attachments x ${patient} order by x.id`).all() as Row[]) rows.push({ row, kind: 'attachment' });
    if (tables.has('exercise_photos'))
      for (const row of db.prepare(`select x.sha256, x.exercise_key as what, p.legal_first_name as first, p.legal_last_name as last from exercise_photos x ${patient} order by x.id`).all() as Row[]) rows.push({ row, kind: 'photo' });
    const seen = new Map<string, ReferencedFile>();
    for (const { row, kind } of rows) {
      if (seen.has(row.sha256)) continue;
      const who = row.last ? `${row.last}, ${row.first ?? ''}`.trim() : 'a patient';
      seen.set(row.sha256, { sha256: row.sha256, name: kind === 'attachment' ? `${row.what} (${who}’s attachment)` : `the photo of the exercise “${row.what}” (${who})` });
    }
    return [...seen.values()];
  } finally {
    db.close();
  }
}

/** Which copy of a file fits a backup: the same key (or none) as the backup itself. */
function keyTag(key: BackupKey | null): string {
  return key ? createHash('sha256').update(key.salt).update(JSON.stringify(key.kdf)).digest('hex').slice(0, 16) : 'plain';
}

export function storedFilePath(backupFolder: string, sha256: string, key: BackupKey | null): string {
  return join(backupFolder, BACKUP_FILES_FOLDER, sha256.slice(0, 2), `${sha256}.${keyTag(key)}`);
}

/** The file's bytes from its copy beside the backups, checked whole and against its hash (null when missing or damaged, with why). */
async function readStored(path: string, sha256: string, key: BackupKey | null, scratch: string): Promise<Buffer | 'missing' | 'damaged'> {
  if (!existsSync(path)) return 'missing';
  try {
    await openBackupFile(path, scratch, { storedKey: key });
    const bytes = readFileSync(scratch);
    return sha256Hex(bytes) === sha256 ? bytes : 'damaged';
  } catch {
    return 'damaged';
  } finally {
    rmSync(scratch, { force: true });
  }
}

/**
 * Puts every file `database` refers to beside the backup in `backupFolder` (those already there and
 * sound are kept; a damaged copy is written again), each read back and checked. Returns the files the
 * data folder itself no longer holds soundly: the backup is still taken (the records matter most),
 * and the admin is told which files were already lost.
 */
export async function storeReferencedFiles(
  database: string,
  backupFolder: string,
  store: AttachmentStore,
  key: BackupKey | null,
  meta: BackupMeta,
  scratch: () => string,
): Promise<{ files: number; copied: number; lost: ReferencedFile[] }> {
  const files = referencedFiles(database);
  const lost: ReferencedFile[] = [];
  let copied = 0;
  for (const file of files) {
    const target = storedFilePath(backupFolder, file.sha256, key);
    if ((await readStored(target, file.sha256, key, scratch())) instanceof Buffer) continue;
    const source = store.pathFor(file.sha256);
    if (!existsSync(source)) {
      lost.push(file);
      continue;
    }
    rmSync(target, { force: true });
    mkdirSync(join(target, '..'), { recursive: true });
    await writeBackupFile(source, target, { ...meta, file: file.sha256 }, key);
    if (!((await readStored(target, file.sha256, key, scratch())) instanceof Buffer)) {
      // The data folder's own copy no longer matches its hash: keeping it would only hide the loss.
      rmSync(target, { force: true });
      lost.push(file);
      continue;
    }
    copied++;
  }
  return { files: files.length, copied, lost };
}

/** The files a backup refers to that neither its folder nor the data folder holds soundly, by name. */
export async function checkReferencedFiles(database: string, backupFolder: string, store: AttachmentStore, key: BackupKey | null, scratch: () => string): Promise<{ files: ReferencedFile[]; problems: FileProblem[] }> {
  const files = referencedFiles(database);
  const problems: FileProblem[] = [];
  for (const file of files) {
    const found = await readStored(storedFilePath(backupFolder, file.sha256, key), file.sha256, key, scratch());
    if (typeof found !== 'string' || hasSound(store, file.sha256)) continue;
    problems.push({ ...file, problem: found });
  }
  return { files, problems };
}

function hasSound(store: AttachmentStore, sha256: string): boolean {
  try {
    store.read(sha256);
    return true;
  } catch {
    return false;
  }
}

/** Brings every referenced file back into the data folder (content-addressed: a file already there and sound is left as it is). */
export async function restoreReferencedFiles(files: readonly ReferencedFile[], backupFolder: string, store: AttachmentStore, key: BackupKey | null, scratch: () => string): Promise<number> {
  let restored = 0;
  for (const file of files) {
    if (hasSound(store, file.sha256)) continue;
    const found = await readStored(storedFilePath(backupFolder, file.sha256, key), file.sha256, key, scratch());
    if (!(found instanceof Buffer)) throw new BackupError('FILES', `${capital(file.name)} could not be read from the backup folder (${found}). Nothing was changed.`);
    store.save(found);
    restored++;
  }
  return restored;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The refusal for files a backup cannot bring back, each named. */
export function filesProblemError(problems: readonly FileProblem[], backupFolder: string): BackupError {
  const words = problems.map((p) => `${p.name} is ${p.problem === 'missing' ? 'missing' : 'damaged (it no longer matches its SHA-256)'}`);
  const shown = words.slice(0, 5).join('; ') + (words.length > 5 ? `; and ${words.length - 5} more` : '');
  return new BackupError(
    'FILES',
    `This backup cannot bring back ${problems.length === 1 ? 'a file' : `${problems.length} files`} its records refer to: ${shown}. The files are kept in the ${BACKUP_FILES_FOLDER} folder beside the backup (${join(backupFolder, BACKUP_FILES_FOLDER)}): copy that folder together with the backup file. Nothing was changed.`,
  );
}
