import type { Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * A few read-only connections handed out one call at a time. A read that takes a while (a PDF drawn
 * inside its transaction) holds one; the others keep answering.
 */
export class ReaderPool {
  private readonly free: Kysely<DB>[];
  private readonly waiting: ((db: Kysely<DB>) => void)[] = [];

  constructor(private readonly all: Kysely<DB>[]) {
    if (all.length === 0) throw new Error('A reader pool needs at least one connection');
    this.free = [...all];
  }

  async use<T>(work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
    const db = this.free.pop() ?? (await new Promise<Kysely<DB>>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(db);
    } finally {
      const next = this.waiting.shift();
      if (next) next(db);
      else this.free.push(db);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((db) => db.destroy()));
  }
}
