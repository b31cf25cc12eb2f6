import type { Kysely } from 'kysely';

export interface Migration {
  /** 1, 2, 3 … in order, no gaps. */
  version: number;
  name: string;
  /** Runs inside the migration transaction; must not commit or open its own transaction. */
  up(db: Kysely<unknown>): Promise<void>;
}
