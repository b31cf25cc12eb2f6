import { hash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Only hashes of session tokens are stored: a copied database file grants no session. Every call
 * hashes its token once; the one-shot `hash` (Node 20.12+) skips making a Hash object for it.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'base64url');
}
