import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema';

/** Stands for argument `index` while a query is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query built and compiled once, then run with each call's values. Building a Kysely query (its
 * operation tree, the camelCase renaming, the SQL text) costs more than SQLite takes to run a small
 * one, and every call runs the same few: opening a chart spent ~80% of its time in JavaScript.
 *
 * `build` is called once, with placeholders for its arguments: use each only as one bound value
 * (`.where('id', '=', id)`, `.values({ at })`), never as a list, in a condition or to compute with.
 * Everything else in the query stays as it was compiled. Each argument must appear in the query.
 */
export function compiledQuery<Args extends unknown[], Row>(build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>): (db: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  let compiled: { query: CompiledQuery<Row>; from: (number | null)[] } | null = null;
  const compile = (db: Kysely<DB>) => {
    const arity = build.length - 1;
    const query = build(db, ...(Array.from({ length: arity }, (_, i) => new Slot(i)) as Args)).compile();
    const from = query.parameters.map((p) => (p instanceof Slot ? p.index : null));
    const used = new Set(from.filter((i) => i !== null));
    if (used.size !== arity) throw new Error(`A compiled query uses ${used.size} of its ${arity} arguments: ${query.sql}`);
    return { query, from };
  };
  return async (db, ...args) => {
    compiled ??= compile(db);
    const { query, from } = compiled;
    const parameters = from.map((slot, i) => (slot === null ? query.parameters[i] : args[slot]));
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}

