import type { z } from 'zod';

/**
 * How responses are checked against their channel's schema before they leave the dispatcher.
 *
 * - `full` (tests, development, `npm start`, the e2e suite): the whole response is parsed, and it must
 *   come out of the parse unchanged — no key the schema does not name (zod would silently strip it),
 *   no default filled in, no value transformed. So what a handler returns is exactly what its schema
 *   describes, and sending the handler's own object is the same as sending the parsed copy.
 * - `sampled` (the installed app and `runback serve`): a sample of the calls is checked — each
 *   channel's first FIRST_CHECKED responses in the process, then one in CHECK_EVERY (CallSample) —
 *   and in a checked response, arrays longer than SAMPLE_ITEMS on their first and last few items
 *   only. The handler's object is sent as it is: a week of ~1,000 appointments costs a check of 8,
 *   and nothing is copied; an unchecked call costs nothing.
 *
 * The full check in every test run is what makes the sampled one safe: a handler that returned an
 * extra field (a password hash on a row) would fail the suite instead of leaking in production. What
 * sampling gives up: data the tests never had (a row that breaks its schema) fails only the calls
 * that are checked, and a response that is never checked is sent unchecked.
 */
export type ResponseChecks = 'full' | 'sampled';

export const SAMPLE_ITEMS = 8;

/** Sampled: each channel's first responses in a process are checked (a screen's first use)… */
export const FIRST_CHECKED = 3;
/** …then one in this many (its 10th, 20th, … response). */
export const CHECK_EVERY = 10;

/**
 * Which calls' responses a sampled dispatcher checks: counted per channel, no randomness, so a test
 * knows which call is checked. One per dispatcher (a process has one).
 */
export class CallSample {
  private readonly seen = new Map<string, number>();

  /** Counts a response of `channel`; true when it is to be checked. */
  due(channel: string): boolean {
    const n = (this.seen.get(channel) ?? 0) + 1;
    this.seen.set(channel, n);
    return n <= FIRST_CHECKED || n % CHECK_EVERY === 0;
  }
}

export class ResponseMismatchError extends Error {
  constructor(channel: string, detail: string) {
    super(`Response of ${channel} does not match its schema: ${detail}`);
    this.name = 'ResponseMismatchError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The same value with every long array cut to its first and last SAMPLE_ITEMS / 2 items. Only what
 * holds a long array is copied; the rest is the handler's own objects.
 */
export function sampleOf(value: unknown): unknown {
  // Primitives first, and no entry arrays: this walks every value of every response sent.
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const half = SAMPLE_ITEMS / 2;
    const kept: unknown[] = value.length <= SAMPLE_ITEMS ? value : [...value.slice(0, half), ...value.slice(-half)];
    let items: unknown[] | null = kept === value ? null : kept;
    for (let i = 0; i < kept.length; i++) {
      const item = kept[i];
      const sampled = sampleOf(item);
      if (sampled !== item) (items ??= [...kept])[i] = sampled;
    }
    return items ?? value;
  }
  if (!isPlainObject(value)) return value;
  let out: Record<string, unknown> | null = null;
  for (const k in value) {
    const v = value[k];
    if (v === null || typeof v !== 'object') continue;
    const sampled = sampleOf(v);
    if (sampled !== v) (out ??= { ...value })[k] = sampled;
  }
  return out ?? value;
}

/** Where `parsed` differs from `raw` (a stripped key, a filled-in default, a transformed value), or null. */
export function firstDifference(raw: unknown, parsed: unknown, path = ''): string | null {
  if (Object.is(raw, parsed)) return null;
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    if (raw.length !== parsed.length) return `${path || 'the response'} has ${raw.length} items, ${parsed.length} after parsing`;
    for (let i = 0; i < raw.length; i++) {
      const d = firstDifference(raw[i], parsed[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isPlainObject(raw) && isPlainObject(parsed)) {
    // A key holding undefined is absent once sent as JSON.
    const keys = new Set([...Object.keys(raw), ...Object.keys(parsed)].filter((k) => raw[k] !== undefined || parsed[k] !== undefined));
    for (const k of keys) {
      const at = path ? `${path}.${k}` : k;
      if (!(k in parsed) || parsed[k] === undefined) return `${at} is not in the schema`;
      if (!(k in raw) || raw[k] === undefined) return `${at} was filled in by the schema`;
      const d = firstDifference(raw[k], parsed[k], at);
      if (d) return d;
    }
    return null;
  }
  return `${path || 'the response'} changes when parsed (${JSON.stringify(raw)?.slice(0, 60)} → ${JSON.stringify(parsed)?.slice(0, 60)})`;
}

function describeIssues(error: z.ZodError): string {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return JSON.stringify(fields);
}

/**
 * Checks a handler's response; returns what to send (the handler's own value) or throws. Sampled,
 * `calls` picks the calls checked (without it, every call is: its arrays still sampled).
 */
export function checkResponse(channel: string, schema: z.ZodType, raw: unknown, mode: ResponseChecks, calls?: CallSample): unknown {
  if (mode === 'sampled' && calls && !calls.due(channel)) return raw;
  const target = mode === 'full' ? raw : sampleOf(raw);
  const result = schema.safeParse(target);
  if (!result.success) throw new ResponseMismatchError(channel, describeIssues(result.error));
  if (mode === 'full') {
    const difference = firstDifference(raw, result.data);
    if (difference) throw new ResponseMismatchError(channel, difference);
  }
  return raw;
}
