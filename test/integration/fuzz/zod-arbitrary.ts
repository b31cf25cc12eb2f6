import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries from a channel's zod schema (zod 4's own definitions), and mutations of any
 * request: the fuzz proof throws at the dispatcher what a broken renderer, a hostile web page or a
 * stray script could send. Generated values follow the schema's shape and bounds; regex-checked
 * strings come from the regex; what the schema cannot say (a date that exists, an id that is there)
 * comes from the channel's valid sample, which the mutations start from too.
 */
interface ZodDef {
  type: string;
  checks?: { _zod: { def: ZodCheck } }[];
  [key: string]: unknown;
}
interface ZodCheck {
  check: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  pattern?: RegExp;
}

const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def;
const checksOf = (def: ZodDef): ZodCheck[] => [...(def.checks ?? []).map((c) => c._zod.def), ...(def.check ? [def as unknown as ZodCheck] : [])];

const MAX_DEPTH = 6;

export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > MAX_DEPTH) return fc.constant(undefined);
  const inner = (s: unknown) => arbitraryFor(s as z.ZodType, depth + 1);
  switch (def.type) {
    case 'string': {
      const checks = checksOf(def);
      const regex = checks.find((c) => c.pattern instanceof RegExp)?.pattern;
      const minLength = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const maxLength = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 60, 60);
      const lengths = { minLength: Math.min(minLength, maxLength), maxLength };
      const plain = fc.oneof(fc.string(lengths), fc.string({ ...lengths, unit: 'grapheme' }), fc.string({ ...lengths, unit: 'binary' }));
      return regex ? fc.oneof(fc.stringMatching(regex), plain) : plain;
    }
    case 'number': {
      const checks = checksOf(def);
      const isInt = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
      const min = checks.find((c) => c.check === 'greater_than')?.value;
      const max = checks.find((c) => c.check === 'less_than')?.value;
      if (isInt) return fc.integer({ min: Math.max(min ?? -1e6, Number.MIN_SAFE_INTEGER), max: Math.min(max ?? 1e6, Number.MAX_SAFE_INTEGER) });
      return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      const checks = checksOf(def);
      const minLength = Math.min(checks.find((c) => c.check === 'min_length')?.minimum ?? 0, 4);
      const maxLength = Math.max(minLength, Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 4, 4));
      return fc.array(inner(def.element), { minLength, maxLength });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map(inner));
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const required = Object.keys(shape).filter((k) => !['optional', 'default', 'prefault'].includes(defOf(shape[k]).type));
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v)])), { requiredKeys: required });
    }
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 12 }), inner(def.valueType), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case 'intersection':
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case 'nullable':
      return fc.oneof(fc.constant(null), inner(def.innerType));
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'date':
      return fc.date();
    default:
      // any, unknown, transform, custom…: anything JSON-ish.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Values that break careless code: wrong types, huge and strange strings, boundary numbers, deep nesting. */
export const NASTY: readonly unknown[] = [
  null,
  undefined,
  true,
  0,
  -0,
  -1,
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '',
  ' ',
  'x'.repeat(100_000),
  'Đặng, Trọng Tấn',
  'Zoë Ñúñez-O’Brien 👩🏽‍⚕️',
  '\u0000\u0001\u001f',
  '\ud800 lone surrogate',
  '\u202e right-to-left',
  '=HYPERLINK("http://x")',
  "'; drop table patients; --",
  '../../../../etc/passwd',
  '2026-02-30',
  '9999-12-31',
  '0000-01-01',
  '25:61',
  '1e3',
  [],
  [[[[[]]]]],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
  deepNest(2_000),
  Array.from({ length: 20_000 }, (_, i) => i),
];

function deepNest(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Every path to a value inside a request (objects and arrays), the request itself included. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (prefix.length > 6) return out;
  if (Array.isArray(value)) value.slice(0, 5).forEach((v, i) => paths(v, [...prefix, i], out));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function setAt(value: unknown, path: (string | number)[], replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, replace) : v));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = { ...value };
    copy[head as string] = setAt(value[head as string], rest, replace);
    return copy;
  }
  return value;
}

type Mutation = { kind: 'replace'; nasty: unknown } | { kind: 'drop' } | { kind: 'extra'; key: string; nasty: unknown } | { kind: 'wrap' } | { kind: 'retype' };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY).map((nasty): Mutation => ({ kind: 'replace', nasty })) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((nasty): Mutation => ({ kind: 'replace', nasty })) },
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'retype' }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'drop' }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'wrap' }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'id', 'extra', 'toString'), fc.constantFrom(...NASTY)).map(([key, nasty]): Mutation => ({ kind: 'extra', key, nasty })) },
);

/** A value of another type than the one it replaces. */
function retype(old: unknown): unknown {
  if (typeof old === 'number') return String(old);
  if (typeof old === 'string') return old.length > 0 && !Number.isNaN(Number(old)) ? Number(old) : 42;
  if (typeof old === 'boolean') return old ? 'true' : 1;
  if (Array.isArray(old)) return { 0: old[0] };
  if (isPlainObject(old)) return Object.values(old);
  return 'null';
}

function applyMutation(value: unknown, path: (string | number)[], m: Mutation): unknown {
  switch (m.kind) {
    case 'replace':
      return setAt(value, path, () => m.nasty);
    case 'retype':
      return setAt(value, path, retype);
    case 'wrap':
      return setAt(value, path, (old) => [old]);
    case 'drop':
      if (path.length === 0) return undefined;
      return setAt(value, path.slice(0, -1), (parent) => {
        if (Array.isArray(parent)) return parent.filter((_, i) => i !== path.at(-1));
        if (!isPlainObject(parent)) return parent;
        const { [path.at(-1) as string]: _dropped, ...rest } = parent;
        return rest;
      });
    case 'extra':
      return setAt(value, path, (old) => {
        if (!isPlainObject(old)) return old;
        const copy: Record<string, unknown> = { ...old };
        Object.defineProperty(copy, m.key, { value: m.nasty, enumerable: true, configurable: true, writable: true });
        return copy;
      });
  }
}

/** One to three mutations of a request, each at a path into it. */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return base.chain((value) => {
    const all = paths(value);
    return fc
      .array(fc.tuple(fc.integer({ min: 0, max: all.length - 1 }), mutationArb), { minLength: 1, maxLength: 3 })
      .map((ms) => ms.reduce<unknown>((v, [i, m]) => applyMutation(v, all[i]!, m), value));
  });
}

/** What the fuzz sends one channel: its valid sample, values generated from its schema, and mutations of both. */
export function requestsFor(schema: z.ZodType, sample: unknown): fc.Arbitrary<unknown> {
  const generated = arbitraryFor(schema);
  const valid = fc.constant(sample);
  return fc.oneof({ weight: 1, arbitrary: valid }, { weight: 3, arbitrary: generated }, { weight: 4, arbitrary: mutated(valid) }, { weight: 2, arbitrary: mutated(generated) });
}
