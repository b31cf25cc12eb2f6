import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, sql, SqliteDialect } from 'kysely';
import type { ChannelName, RequestInput } from '../../shared/api/contract';
import { contract } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { openCallScope } from '../../electron/api/call-scope';
import type { HandlerContext } from '../../electron/api/context';
import { handlers } from '../../electron/api/handlers';
import { DATABASE_FILE } from '../../electron/app/data-dir';
import type { DB } from '../../electron/db/schema';
import type { TestApp } from './harness';

/** One statement a piece of code ran: its SQL, the rows it returned and SQLite's plan for it. */
export interface Traced {
  sql: string;
  rows: number;
  plan: string;
}

/**
 * A Kysely on its own connection to a test app's file that records each statement it runs, with
 * its rows and its EXPLAIN QUERY PLAN: what the work of a call is, counted instead of timed.
 */
export function tracingKysely(t: TestApp, options: { readonly?: boolean } = {}) {
  const raw = new Database(join(t.dataDir, DATABASE_FILE), { readonly: options.readonly ?? true });
  const trace: Traced[] = [];
  const planOf = (text: string, parameters: readonly unknown[]) =>
    /^\s*(select|insert|update|delete|with)\b/i.test(text)
      ? (raw.prepare(`explain query plan ${text}`).all(parameters) as { detail: string }[]).map((r) => r.detail).join(' | ')
      : '';
  const database = {
    close: () => raw.close(),
    prepare(text: string) {
      const statement = raw.prepare(text);
      return {
        reader: statement.reader,
        all(parameters: readonly unknown[]) {
          const plan = planOf(text, parameters);
          const rows = statement.all(parameters);
          trace.push({ sql: text, rows: rows.length, plan });
          return rows;
        },
        run(parameters: readonly unknown[]) {
          const plan = planOf(text, parameters);
          const result = statement.run(parameters);
          trace.push({ sql: text, rows: Number(result.changes), plan });
          return result;
        },
        iterate: (parameters: readonly unknown[]) => statement.iterate(parameters),
      };
    },
  };
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }), plugins: [new CamelCasePlugin()] });
  return { db, trace, close: () => db.destroy() };
}

/**
 * Runs one channel's handler (not the dispatcher: no session, no audit) on a tracing connection, in
 * a transaction that is rolled back, and returns the statements it ran.
 */
export async function traceHandler<K extends ChannelName>(t: TestApp, channel: K, input: RequestInput<K>, role: Role): Promise<Traced[]> {
  const { db, trace, close } = tracingKysely(t, { readonly: false });
  try {
    await sql`begin`.execute(db);
    openCallScope(db); // as the dispatcher does for every call
    const ctx: HandlerContext = {
      db,
      now: t.clock.now,
      session: null,
      user: { id: t.userIds[role], username: role, displayName: role, role },
      transport: 'direct',
      log: t.services.log,
      importStaging: t.services.importStaging,
      backups: t.services.backups,
      appDb: db,
      attachments: t.services.attachments,
      audit: () => {},
    };
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    trace.length = 0;
    await handler(contract[channel].request.parse(input), ctx);
    return [...trace];
  } finally {
    await sql`rollback`.execute(db).catch(() => {});
    await close();
  }
}
