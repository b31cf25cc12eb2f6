import { type DecipherGCM, createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { BackupError } from './errors';

/**
 * A Runback backup file: a small header, the SQLite database (encrypted or not) and a trailer that
 * proves the bytes are whole. Both kinds carry the payload's length, so a cut-off file is named as
 * cut off; an encrypted file authenticates its header too (AES-256-GCM, the header as associated data).
 *
 *   "RBBACKUP" · format version (1 byte) · mode (1 byte: 0 plain, 1 encrypted) · metadata length (2 bytes)
 *   · metadata (UTF-8 JSON: when, kind, schema version) · [encrypted: log2 N, r, p, salt (16), nonce (12),
 *   key check (16)] · payload length (8 bytes) · payload · trailer (plain: SHA-256; encrypted: GCM tag)
 */
export const MAGIC = Buffer.from('RBBACKUP', 'ascii');
export const FORMAT_VERSION = 1;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'ascii');
const CHUNK = 1 << 20;

export type BackupKind = 'manual' | 'daily' | 'pre-migration';

export interface BackupMeta {
  createdAt: string;
  kind: BackupKind;
  schemaVersion: number;
  /** For a stored file beside the backups (backup-files.ts): its SHA-256. */
  file?: string;
}

/** scrypt settings (OWASP's floor for scrypt is N = 2^17 with r = 8; 2^15 keeps a restore quick and is stored per file so it can rise). */
export interface KdfParams {
  log2N: number;
  r: number;
  p: number;
}
export const DEFAULT_KDF: KdfParams = { log2N: 15, r: 8, p: 1 };

/** A key made from the clinic's passphrase, with the salt it was made with (kept so automatic backups need no passphrase). */
export interface BackupKey {
  kdf: KdfParams;
  salt: Buffer;
  key: Buffer;
}

export async function deriveKey(passphrase: string, salt: Buffer = randomBytes(16), kdf: KdfParams = DEFAULT_KDF): Promise<BackupKey> {
  if (kdf.log2N < 10 || kdf.log2N > 20 || kdf.r < 1 || kdf.r > 32 || kdf.p < 1 || kdf.p > 4) {
    throw new BackupError('DAMAGED', 'The backup file’s key settings are out of range: it is damaged or was not made by Runback.');
  }
  const N = 2 ** kdf.log2N;
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + (1 << 20) }, (error, k) => (error ? reject(error) : resolve(k))),
  );
  return { kdf, salt, key };
}

/** A short value that tells a wrong passphrase from a damaged file (it reveals nothing the GCM tag does not). */
function keyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('runback backup key check').digest().subarray(0, 16);
}

function header(meta: BackupMeta, payloadLength: number, enc: { key: BackupKey; nonce: Buffer } | null): Buffer {
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const fixed = Buffer.alloc(12);
  MAGIC.copy(fixed, 0);
  fixed.writeUInt8(FORMAT_VERSION, 8);
  fixed.writeUInt8(enc ? 1 : 0, 9);
  fixed.writeUInt16BE(metaBytes.length, 10);
  const parts: Buffer[] = [fixed, metaBytes];
  if (enc) parts.push(Buffer.from([enc.key.kdf.log2N, enc.key.kdf.r, enc.key.kdf.p]), enc.key.salt, enc.nonce, keyCheck(enc.key.key));
  const length = Buffer.alloc(8);
  length.writeBigUInt64BE(BigInt(payloadLength));
  parts.push(length);
  return Buffer.concat(parts);
}

/**
 * Writes `sqliteFile` as a backup file at `out` (via out.partial, synced, then renamed: a crash
 * leaves no half file under the real name).
 */
export async function writeBackupFile(sqliteFile: string, out: string, meta: BackupMeta, key: BackupKey | null): Promise<{ bytes: number }> {
  const { size } = await stat(sqliteFile);
  const nonce = randomBytes(12);
  const head = header(meta, size, key ? { key, nonce } : null);
  const cipher = key ? createCipheriv('aes-256-gcm', key.key, nonce).setAAD(head) : null;
  const hash = key ? null : createHash('sha256').update(head);
  const partial = `${out}.partial`;
  const input = await open(sqliteFile, 'r');
  const output = await open(partial, 'wx');
  try {
    await output.write(head);
    const buffer = Buffer.alloc(CHUNK);
    for (let pos = 0; pos < size; ) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, size - pos), pos);
      if (bytesRead === 0) throw new Error('The database copy changed size while it was being written');
      const chunk = buffer.subarray(0, bytesRead);
      if (cipher) await output.write(cipher.update(chunk));
      else {
        hash!.update(chunk);
        await output.write(chunk);
      }
      pos += bytesRead;
    }
    if (cipher) {
      cipher.final();
      await output.write(cipher.getAuthTag());
    } else await output.write(hash!.digest());
    await output.sync();
  } catch (error) {
    await output.close();
    await input.close();
    await rm(partial, { force: true });
    throw error;
  }
  await output.close();
  await input.close();
  await rename(partial, out);
  return { bytes: head.length + size + (key ? 16 : 32) };
}

export interface BackupHeader {
  /** 'sqlite': a bare SQLite database (a copy made by hand), accepted for restore. */
  mode: 'plain' | 'encrypted' | 'sqlite';
  meta: BackupMeta | null;
  kdf?: KdfParams;
  salt?: Buffer;
  nonce?: Buffer;
  check?: Buffer;
  headerBytes: Buffer;
  payloadLength: number;
}

/** Reads and checks the header of a backup file (no passphrase needed: the metadata is not secret). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const { size } = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new BackupError('NOT_FOUND', error.code === 'ENOENT' ? `There is no file at ${file}.` : `The file ${file} cannot be read (${error.code ?? String(error)}).`);
  });
  const fh = await open(file, 'r');
  try {
    const start = Buffer.alloc(Math.min(size, 4096));
    await fh.read(start, 0, start.length, 0);
    if (start.length >= 16 && start.subarray(0, 16).equals(SQLITE_MAGIC)) {
      return { mode: 'sqlite', meta: null, headerBytes: Buffer.alloc(0), payloadLength: size };
    }
    if (start.length < 12 || !start.subarray(0, 8).equals(MAGIC)) throw new BackupError('NOT_BACKUP', 'This file is not a Runback backup (nor a Runback database). Nothing was changed.');
    const version = start.readUInt8(8);
    if (version > FORMAT_VERSION) throw new BackupError('TOO_NEW', `This backup was made by a newer Runback (backup format ${version}). Install the newer Runback to restore it. Nothing was changed.`);
    const mode = start.readUInt8(9);
    const metaLength = start.readUInt16BE(10);
    const encLength = mode === 1 ? 3 + 16 + 12 + 16 : 0;
    const headLength = 12 + metaLength + encLength + 8;
    if (mode > 1) throw new BackupError('DAMAGED', 'The backup file is damaged: its header names an unknown kind of backup.');
    if (size < headLength) throw truncated(size, headLength);
    let head = start.subarray(0, headLength);
    if (head.length < headLength) {
      head = Buffer.alloc(headLength);
      await fh.read(head, 0, headLength, 0);
    }
    let meta: BackupMeta;
    try {
      meta = JSON.parse(head.subarray(12, 12 + metaLength).toString('utf8')) as BackupMeta;
    } catch {
      throw new BackupError('DAMAGED', 'The backup file is damaged: its header cannot be read.');
    }
    let at = 12 + metaLength;
    const result: BackupHeader = { mode: mode === 1 ? 'encrypted' : 'plain', meta, headerBytes: Buffer.from(head), payloadLength: 0 };
    if (mode === 1) {
      result.kdf = { log2N: head[at]!, r: head[at + 1]!, p: head[at + 2]! };
      result.salt = Buffer.from(head.subarray(at + 3, at + 19));
      result.nonce = Buffer.from(head.subarray(at + 19, at + 31));
      result.check = Buffer.from(head.subarray(at + 31, at + 47));
      at += encLength;
    }
    result.payloadLength = Number(head.readBigUInt64BE(at));
    const expected = headLength + result.payloadLength + (mode === 1 ? 16 : 32);
    if (size < expected) throw truncated(size, expected);
    if (size > expected) throw new BackupError('DAMAGED', `The backup file has ${size - expected} bytes more than it should: it has been changed since it was made. Nothing was changed.`);
    return result;
  } finally {
    await fh.close();
  }
}

function truncated(size: number, expected: number) {
  return new BackupError('TRUNCATED', `The backup file is incomplete: it holds ${size.toLocaleString('en')} of its ${expected.toLocaleString('en')} bytes (it was cut off while being copied or written). Nothing was changed.`);
}

/** Whether `key` opens backups whose header carries this salt and key settings. */
export function keyFits(head: BackupHeader, key: BackupKey): boolean {
  return !!head.salt && head.salt.equals(key.salt) && JSON.stringify(head.kdf) === JSON.stringify(key.kdf);
}

/**
 * Checks a backup file whole and writes its database to `outSqlite`. An encrypted file needs the
 * passphrase (or the clinic's stored key when it was made with it). Nothing is left at `outSqlite`
 * unless every byte checked out.
 */
export async function openBackupFile(file: string, outSqlite: string, secret: { passphrase?: string; storedKey?: BackupKey | null }): Promise<BackupHeader> {
  const head = await readBackupHeader(file);
  let decipher: DecipherGCM | null = null;
  let hash: ReturnType<typeof createHash> | null = null;
  if (head.mode === 'encrypted') {
    let key: BackupKey;
    if (secret.passphrase) key = await deriveKey(secret.passphrase, head.salt!, head.kdf!);
    else if (secret.storedKey && keyFits(head, secret.storedKey)) key = secret.storedKey;
    else throw new BackupError('PASSPHRASE_NEEDED', 'This backup is encrypted: type the backup passphrase it was made with.');
    if (!timingSafeEqual(keyCheck(key.key), head.check!)) throw new BackupError('WRONG_PASSPHRASE', 'The passphrase is not the one this backup was made with. Nothing was changed.');
    decipher = createDecipheriv('aes-256-gcm', key.key, head.nonce!).setAAD(head.headerBytes);
  } else if (head.mode === 'plain') hash = createHash('sha256').update(head.headerBytes);

  const fh = await open(file, 'r');
  const output = await open(outSqlite, 'w');
  let ok = false;
  try {
    const start = head.headerBytes.length;
    const end = start + head.payloadLength;
    const buffer = Buffer.alloc(CHUNK);
    for (let pos = start; pos < end; ) {
      const { bytesRead } = await fh.read(buffer, 0, Math.min(CHUNK, end - pos), pos);
      if (bytesRead === 0) throw truncated(pos, end);
      const chunk = buffer.subarray(0, bytesRead);
      if (decipher) await output.write(decipher.update(chunk));
      else {
        hash?.update(chunk);
        await output.write(chunk);
      }
      pos += bytesRead;
    }
    if (head.mode !== 'sqlite') {
      const trailer = Buffer.alloc(head.mode === 'encrypted' ? 16 : 32);
      await fh.read(trailer, 0, trailer.length, end);
      if (decipher) {
        decipher.setAuthTag(trailer);
        try {
          decipher.final();
        } catch {
          throw tampered();
        }
      } else if (!hash!.digest().equals(trailer)) throw tampered();
    }
    await output.sync();
    ok = true;
    return head;
  } finally {
    await output.close();
    await fh.close();
    if (!ok) await rm(outSqlite, { force: true });
  }
}

function tampered() {
  return new BackupError('DAMAGED', 'The backup file has been changed or damaged since it was made (its contents fail their check), so it cannot be trusted. Nothing was changed.');
}
