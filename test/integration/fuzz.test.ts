import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../shared/api/contract';
import { ROLES, type Role } from '../../shared/domain/roles';
import { DATABASE_FILE } from '../../electron/app/data-dir';
import { channelSamples, sampleIds, type SampleIds } from './channel-samples';
import { createTestApp, PATIENT, sessionFor, type TestApp } from './harness';
import { requestsFor } from './fuzz/zod-arbitrary';

/**
 * The fuzz proof: requests generated from every channel's zod schema, valid and mutated, sent to the
 * dispatcher as each role. Never INTERNAL; a refusal changes nothing (the only refusals that commit
 * are the ones meant to: the audit row of a FORBIDDEN call, a locked session, a failed sign-in).
 */

/** Per channel and role; scrypt channels (sign-in, passwords) get fewer, being slow by design. */
const RUNS = 12;
const SLOW = new Set<ChannelName>(['auth.signIn', 'auth.unlock', 'users.create', 'users.resetPassword', 'setup.createClinic', 'backups.setPassphrase', 'backups.run', 'backups.restore']);
const COMMITTING_REFUSALS = new Set(['FORBIDDEN', 'LOCKED', 'UNAUTHENTICATED']);
const TABLES_A_REFUSAL_MAY_TOUCH = new Set(['audit_log', 'users', 'sessions']);

describe('fuzz', () => {
  let t: TestApp;
  let ids: SampleIds;
  let reader: Database.Database;
  let tables: string[];
  const fuzzUsers = {} as Record<Role, number>;
  const sessions = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const patientId = (await t.ok('patients.create', PATIENT, t.sessions.admin)).id;
    ids = await sampleIds(t, patientId);
    // The callers are users of their own: a fuzzed users.update may demote or deactivate anyone else.
    for (const role of ROLES) {
      const user = await t.ok('users.create', { username: `fuzz_${role}`.replace('_', ''), displayName: `Fuzz ${role}`, role, password: 'fuzz-password-123' }, t.sessions.admin);
      fuzzUsers[role] = user.id;
    }
    reader = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true });
    tables = (reader.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'patients_fts%'`).all() as { name: string }[]).map((r) => r.name);
  }, 60_000);
  afterAll(async () => {
    reader?.close();
    await t?.dispose();
  });

  /** Cheap: whether anything committed since (data_version moves on every commit by another connection), and each table's row count. */
  function fingerprint() {
    const version = reader.pragma('data_version', { simple: true }) as number;
    const counts = Object.fromEntries(tables.map((name) => [name, (reader.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
    return { version, counts };
  }

  /** The fuzz callers as they were: their role, active, not locked out, each with a live session. */
  async function resetCallers() {
    for (const role of ROLES) {
      await t.services.db.updateTable('users').set({ role, active: 1, failedSignIns: 0, lockedUntil: null }).where('id', '=', fuzzUsers[role]).execute();
      const tmp = t.userIds[role];
      t.userIds[role] = fuzzUsers[role];
      sessions[role] = await sessionFor(t, role);
      t.userIds[role] = tmp;
    }
  }

  /** Paths a fuzzed backup setting may name: never a real folder outside the temporary one. */
  function safe(channel: ChannelName, input: unknown): boolean {
    if (channel !== 'backups.saveSettings' && channel !== 'backups.restore') return true;
    const path = (input as { folder?: unknown; file?: unknown } | null)?.folder ?? (input as { file?: unknown } | null)?.file;
    return typeof path !== 'string' || !/^\s*([/\\]|[a-zA-Z]:)/.test(path) || path.trim().startsWith(tmpdir());
  }

  it('never answers INTERNAL and never half-writes, for every channel and role', async () => {
    const samples = channelSamples(t, ids);
    const overrides: Partial<Record<ChannelName, unknown>> = {
      'users.update': { id: fuzzUsers.front_desk, displayName: 'Fuzz Desk' },
      'users.resetPassword': { id: fuzzUsers.front_desk, password: 'another-password-1' },
      'backups.saveSettings': { folder: join(t.dataDir, 'fuzz-backups'), retention: { daily: 7, weekly: 4, monthly: 12 } },
    };
    let requests = 0;
    const outcomes: Record<string, number> = {};
    const internal: string[] = [];
    const partial: string[] = [];
    await resetCallers();
    for (const channel of CHANNEL_NAMES) {
      const def = contract[channel];
      const arb = requestsFor(def.request, overrides[channel] ?? samples[channel]).filter((input) => safe(channel, input));
      for (const role of ROLES) {
        await fc.assert(
          fc.asyncProperty(arb, async (input) => {
            const before = fingerprint();
            const result = await t.dispatch({ channel, input, sessionToken: sessions[role], transport: 'direct' });
            requests++;
            const code = result.ok ? 'ok' : result.error.code;
            outcomes[code] = (outcomes[code] ?? 0) + 1;
            if (result.ok) {
              if (['auth.signOut', 'auth.lock', 'users.update', 'users.resetPassword'].includes(channel)) await resetCallers();
              return;
            }
            const after = fingerprint();
            const what = `${role} ${channel} ${JSON.stringify(input)?.slice(0, 300)} → ${result.error.code} ${result.error.message}`;
            if (result.error.code === 'INTERNAL') internal.push(`${what} ${String(t.errors.at(-1))}`);
            const changed = tables.filter((name) => after.counts[name] !== before.counts[name]);
            const allowed = COMMITTING_REFUSALS.has(result.error.code) && changed.every((name) => TABLES_A_REFUSAL_MAY_TOUCH.has(name));
            if (!allowed && (after.version !== before.version || changed.length > 0)) partial.push(`${what} changed ${changed.join(', ') || 'rows'}`);
            if (COMMITTING_REFUSALS.has(result.error.code) && result.error.code !== 'FORBIDDEN') await resetCallers();
          }),
          { numRuns: SLOW.has(channel) ? 2 : RUNS, seed: 16, endOnFailure: true },
        );
      }
    }
    console.log(`fuzz: ${requests} requests over ${CHANNEL_NAMES.length} channels × ${ROLES.length} roles, ${internal.length} INTERNAL, ${partial.length} partial writes (answers: ${Object.entries(outcomes).map(([k, n]) => `${n} ${k}`).join(', ')})`);
    expect(internal).toEqual([]);
    expect(partial).toEqual([]);
  }, 240_000);
});
