import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { contract, type ChannelName } from '../../shared/api/contract';
import type { HandlerContext, ResolvedSession } from '../api/context';
import { handlers } from '../api/handlers';
import type { DB } from '../db/schema';
import { ImportStaging } from '../activities/staging';
import { BackupService } from '../backup/backup-service';
import { AttachmentStore } from '../attachments/store';
import { ATTACHMENTS_FOLDER } from '../app/data-dir';

export interface RecordedStatement {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * The SQL a read channel's handler runs for one input, recorded on a read-only connection of its
 * own: the bench then replays exactly these statements on raw SQLite to show what the database alone
 * costs, next to what the whole call costs through the dispatcher.
 */
export async function recordHandlerStatements(file: string, channel: ChannelName, input: unknown, session: ResolvedSession, now: Date): Promise<RecordedStatement[]> {
  const raw = new Database(file, { readonly: true });
  const statements: RecordedStatement[] = [];
  const database = {
    close: () => raw.close(),
    prepare(sql: string) {
      const statement = raw.prepare(sql);
      return {
        reader: statement.reader,
        all(parameters: readonly unknown[]) {
          statements.push({ sql, parameters: [...parameters] });
          return statement.all(parameters);
        },
        run(parameters: readonly unknown[]) {
          statements.push({ sql, parameters: [...parameters] });
          return statement.run(parameters);
        },
        iterate: (parameters: readonly unknown[]) => statement.iterate(parameters),
      };
    },
  };
  const quiet = { info: () => {}, error: () => {} };
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }), plugins: [new CamelCasePlugin()] });
  try {
    const ctx: HandlerContext = {
      db,
      now,
      session,
      user: session.user,
      transport: 'cli',
      log: quiet,
      importStaging: new ImportStaging(),
      // The benched channels read; a backup service of the clinic's own folder is there as in the app.
      backups: new BackupService(dirname(file), file, () => now, quiet),
      appDb: db,
      // The data folder's own store: a read handler may list (never write) attached documents.
      attachments: new AttachmentStore(join(dirname(file), ATTACHMENTS_FOLDER)),
      audit: () => {},
    };
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    await handler(contract[channel].request.parse(input), ctx);
    return statements;
  } finally {
    await db.destroy();
  }
}

/** Prepared once, run on demand: the recorded statements on a raw read-only connection. */
export function rawReplay(file: string, statements: readonly RecordedStatement[]): { run(): void; close(): void } {
  const raw = new Database(file, { readonly: true });
  const prepared = statements.map((s) => ({ statement: raw.prepare(s.sql), parameters: s.parameters }));
  return {
    run() {
      for (const { statement, parameters } of prepared) {
        if (statement.reader) statement.all(parameters);
        else statement.run(parameters);
      }
    },
    close: () => raw.close(),
  };
}
