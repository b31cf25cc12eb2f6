import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ImportRefusal, ImportedActivity } from '../../../shared/running/activity';
import type { ParsedFile } from '../../../shared/running/parsed-file';
import { parseActivityFile } from '../../../electron/activities';
import { SHARED_ACTIVITY_FIXTURES } from '../../fixture-dirs';

/** The shared real-file fixtures sit beside the clone (see SOURCES.md there). */
export const FIXTURE_DIR = SHARED_ACTIVITY_FIXTURES;

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURE_DIR, name)));
}

/** Parses and expects exactly one result. */
export function parseOne(name: string, bytes: Uint8Array = fixture(name)): ParsedFile {
  const results = parseActivityFile(name, bytes);
  expect(results).toHaveLength(1);
  return results[0]!;
}

export function expectActivity(r: ParsedFile | undefined): ImportedActivity {
  expect(r?.ok, r && !r.ok ? `${r.reason.code}: ${r.reason.message}` : 'no result').toBe(true);
  return (r as Extract<ParsedFile, { ok: true }>).activity;
}

export function expectRefusal<C extends ImportRefusal['code']>(r: ParsedFile | undefined, code: C): Extract<ImportRefusal, { code: C }> {
  expect(r?.ok).toBe(false);
  const reason = (r as Extract<ParsedFile, { ok: false }>).reason;
  expect(reason.code, reason.message).toBe(code);
  return reason as Extract<ImportRefusal, { code: C }>;
}

/** Everything but where it came from: what "the same activity" means across .gz and zip. */
export function comparable(a: ImportedActivity): Omit<ImportedActivity, 'sourceName' | 'archiveName' | 'name' | 'sport' | 'subSport'> {
  const { sourceName: _s, archiveName: _a, name: _n, sport: _sp, subSport: _sub, ...rest } = a;
  return rest;
}
