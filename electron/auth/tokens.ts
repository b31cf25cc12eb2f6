import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of session tokens are stored: a copied database file grants no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
