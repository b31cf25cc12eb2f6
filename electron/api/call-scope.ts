import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * What one call has read of the clinic's settings (its clinic row, its policy), kept for the rest of
 * that call only. A call runs in one transaction, so every read in it sees the same snapshot: reading
 * the clinic row a second time could not give another answer, unless the call itself changed it —
 * and the handlers that change it say so (forgetCallReads). The next call reads afresh, so a change
 * made by another connection or another program (the CLI on the same file) is seen at once; nothing
 * is kept between calls.
 */
const scopes = new WeakMap<Kysely<DB>, Map<string, Promise<unknown>>>();

/** Marks `db`, one call's transaction, as a call (the dispatcher does, for every call). */
export function openCallScope(db: Kysely<DB>): void {
  scopes.set(db, new Map());
}

/** `read()` once per call on `db`; outside a call (a connection of its own) every time. */
export function oncePerCall<T>(db: Kysely<DB>, key: string, read: () => Promise<T>): Promise<T> {
  const scope = scopes.get(db);
  if (!scope) return read();
  let value = scope.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    scope.set(key, value);
  }
  return value;
}

/**
 * What `db`'s call has just read in its own transaction under `key`: a later oncePerCall(db, key)
 * answers with it. Outside a call (a connection of its own) nothing is kept.
 */
export function knownForCall<T>(db: Kysely<DB>, key: string, value: T): void {
  scopes.get(db)?.set(key, Promise.resolve(value));
}

/** After a call changed the clinic's settings: its later reads read them again. */
export function forgetCallReads(db: Kysely<DB>): void {
  scopes.get(db)?.clear();
}
