import type { Compilable, CompiledQuery, Kysely, RawBuilder } from 'kysely';
import type { DB } from './schema';

/** Stands for argument `index` while a query is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

type Buildable<Row> = Compilable<Row> | RawBuilder<Row>;

/** A builder's query, or a `sql` template's (which needs the database to compile). */
function compileOn<Row>(db: Kysely<DB>, query: Buildable<Row>): CompiledQuery<Row> {
  return 'isRawBuilder' in query ? query.compile(db) : query.compile();
}

/**
 * A query built and compiled once, then run with each call's values. Building a Kysely query (its
 * operation tree, the camelCase renaming, the SQL text) costs more than SQLite takes to run a small
 * one, and every call runs the same few: opening a chart spent ~80% of its time in JavaScript.
 *
 * `build` is called once, with placeholders for its arguments: use each only as one bound value
 * (`.where('id', '=', id)`, `.values({ at })`, `.limit(n)`, `${value}` in a `sql` template), never
 * as a list, in a condition or to compute with. Everything else in the query stays as it was
 * compiled. Each argument must appear in the query.
 */
export function compiledQuery<Args extends unknown[], Row>(build: (db: Kysely<DB>, ...args: Args) => Buildable<Row>): (db: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  let compiled: { query: CompiledQuery<Row>; from: (number | null)[] } | null = null;
  const compile = (db: Kysely<DB>) => {
    const arity = build.length - 1;
    const query = compileOn(db, build(db, ...(Array.from({ length: arity }, (_, i) => new Slot(i)) as Args)));
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

/** Lists longer than this are compiled at each call (a page of the patient list is at most 500). */
const MOST_COMPILED_ITEMS = 500;

/**
 * A query over a list of values (`where id in (…)`) compiled once per length of the list, then run
 * with each call's values: `build` gets the list and must use it only as that one list, and nothing
 * else bound. An empty list is not run (`in ()` is no SQL): the caller answers it.
 */
export function compiledPerLength<Value, Row>(build: (db: Kysely<DB>, values: readonly Value[]) => Compilable<Row>): (db: Kysely<DB>, values: readonly Value[]) => Promise<Row[]> {
  const byLength = new Map<number, CompiledQuery<Row>>();
  const compile = (db: Kysely<DB>, length: number) => {
    const slots = Array.from({ length }, (_, i) => new Slot(i));
    const query = build(db, slots as unknown as Value[]).compile();
    if (query.parameters.length !== length || query.parameters.some((p, i) => !(p instanceof Slot) || p.index !== i)) {
      throw new Error(`A query compiled per length must bind its list and nothing else: ${query.sql}`);
    }
    return query;
  };
  return async (db, values) => {
    if (values.length > MOST_COMPILED_ITEMS) return (await db.executeQuery(build(db, values).compile())).rows;
    let query = byLength.get(values.length);
    if (!query) byLength.set(values.length, (query = compile(db, values.length)));
    return (await db.executeQuery<Row>({ ...query, parameters: values })).rows;
  };
}
