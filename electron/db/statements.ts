import type Database from 'better-sqlite3';
import { CamelCasePlugin, type PluginTransformResultArgs, type QueryResult, type SqliteDatabase, type SqliteStatement, type UnknownRow } from 'kysely';

/** Statements kept prepared per connection: far more than the app's distinct queries. */
const STATEMENT_CACHE_SIZE = 500;

type RowBuilder = (values: unknown[]) => UnknownRow;

/**
 * Kysely's CamelCasePlugin for the queries (camelCase names in TypeScript, snake_case in SQL), with
 * the rows already renamed by the connection (see camelCaseRows): its own renaming of every value of
 * every row was, with better-sqlite3's row objects, most of the cost of a large read.
 */
export class PrecamelisedRowsPlugin extends CamelCasePlugin {
  /** A result column's name as the rows carry it. */
  rename(column: string): string {
    return this.camelCase(column);
  }

  override transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/**
 * One function per list of result columns that turns a row of values into an object with their
 * camelCase names: a compiled object literal, so each row is made in one step with one shape
 * (a week of ~1,000 appointments is 24,000 values). The keys are JSON-quoted column names; a name
 * an object literal would treat specially (__proto__) gets a plain loop instead.
 */
function compileRowBuilder(names: readonly string[]): RowBuilder {
  if (names.includes('__proto__')) {
    return (values) => {
      const row: UnknownRow = {};
      names.forEach((name, i) => Object.defineProperty(row, name, { value: values[i], enumerable: true, writable: true, configurable: true }));
      return row;
    };
  }
  const fields = names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${fields} };`) as RowBuilder;
}

const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/**
 * Statements kept prepared per connection (Kysely prepares every statement on every call; the app
 * runs the same few hundred over and over; SQLite re-prepares a cached one itself when the schema
 * changes), returning rows with camelCase keys: SQLite's values are read as arrays — far cheaper than
 * better-sqlite3's row objects — and made into objects by a builder per column list.
 *
 * A statement's columns are read once (asking SQLite for them costs more than a small query) and
 * read again when a row's width differs, or after this connection changed the schema (migrations:
 * a kept `select *` may return other columns). The app changes no schema once its migrations ran,
 * and only on the writing connection, which runs them. Kysely runs one statement at a time per
 * connection and never streams here, so a cached statement is never in use twice at once.
 */
export function camelCaseRows(raw: Database.Database, rename: (column: string) => string): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  const builders = new Map<string, RowBuilder>();
  let schemaChanges = 0;
  const builderOf = (columns: string[]): RowBuilder => {
    const key = columns.join('\u0000');
    let build = builders.get(key);
    if (!build) {
      build = compileRowBuilder(columns.map(rename));
      if (builders.size >= STATEMENT_CACHE_SIZE) builders.delete(builders.keys().next().value as string);
      builders.set(key, build);
    }
    return build;
  };
  const wrap = (statement: Database.Statement, text: string): SqliteStatement => {
    if (!statement.reader) {
      if (!SCHEMA_CHANGE.test(text)) return statement as unknown as SqliteStatement;
      return {
        reader: false,
        all: (parameters) => statement.all(parameters),
        run(parameters) {
          schemaChanges += 1;
          return statement.run(parameters);
        },
        iterate: (parameters) => statement.iterate(parameters),
      };
    }
    statement.raw(true);
    let known = { width: -1, seen: -1, build: null as RowBuilder | null };
    const builderFor = (width: number | undefined): RowBuilder => {
      if (!known.build || known.seen !== schemaChanges || (width !== undefined && width !== known.width)) {
        const columns = statement.columns().map((c) => c.name);
        known = { width: columns.length, seen: schemaChanges, build: builderOf(columns) };
      }
      return known.build!;
    };
    return {
      reader: true,
      all(parameters) {
        const rows = statement.all(parameters) as unknown[][];
        return rows.length === 0 ? rows : rows.map(builderFor(rows[0]!.length));
      },
      run: (parameters) => statement.run(parameters),
      *iterate(parameters) {
        for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield builderFor(values.length)(values);
      },
    };
  };
  return {
    close: () => raw.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        statement = wrap(raw.prepare(text), text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}
