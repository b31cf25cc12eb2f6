import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A stored file that is missing or no longer matches its hash. */
export class AttachmentIntegrityError extends Error {}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Attachments in the data folder (DATA_DIR/attachments/<first two hex>/<sha256>), so a backup of the
 * data folder carries them. Files are named by their hash with no extension and written without any
 * execute permission: nothing on the computer will open or run them by association, and Runback only
 * reads them back as bytes. The same file attached twice is stored once.
 */
export class AttachmentStore {
  constructor(readonly dir: string) {}

  pathFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a SHA-256');
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Writes the bytes (atomically: a temporary file, flushed, then renamed) and returns their hash. */
  save(bytes: Uint8Array): string {
    const sha = sha256Hex(bytes);
    const target = this.pathFor(sha);
    if (existsSync(target) && sha256Hex(readFileSync(target)) === sha) return sha;
    mkdirSync(join(this.dir, sha.slice(0, 2)), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, 0o600);
    renameSync(temp, target);
    return sha;
  }

  /** The bytes of a stored file, checked against its hash. */
  read(sha256: string): Buffer {
    const path = this.pathFor(sha256);
    if (!existsSync(path)) throw new AttachmentIntegrityError('The stored file is missing from the data folder.');
    const bytes = readFileSync(path);
    if (sha256Hex(bytes) !== sha256) throw new AttachmentIntegrityError('The stored file no longer matches its SHA-256: it was changed outside Runback.');
    return bytes;
  }
}
