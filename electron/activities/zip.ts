import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { ImportRefusal } from '../../shared/running/activity';
import { zipLimits } from '../../shared/running/import-messages';

/**
 * A zip (a Strava bulk export: activities.csv + activities/…, plus photos) read within bounds:
 * 1. its central directory is listed without unpacking anything, and the zip is refused before any
 *    entry is read when the files Runback would read are more than `MAX_ZIP_ENTRIES`, or would
 *    together unpack past `MAX_ZIP_UNPACKED_BYTES` (as the zip declares their sizes; an entry that
 *    holds more than it declares is cut at the declared size and then fails to parse);
 * 2. entries are unpacked a few at a time, as the import reads them, and forgotten once read, so a
 *    1,000-activity export never sits unpacked in memory all at once.
 * Photos, other CSVs and nested zips are skipped without being unpacked.
 */

export const MAX_ZIP_ENTRIES = 5_000;
export const MAX_ZIP_UNPACKED_BYTES = 500 * 1024 * 1024;
/** Strava exports can be gigabytes because of photos; a single activity file is never near this. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
const WINDOW = 16;

export const ACTIVITY_EXT = /\.(fit|tcx|gpx)(\.gz)?$/i;

export interface ZipListing {
  /** Activity files and activities.csv, in name order. */
  entries: UnzipFileInfo[];
  /** Activity files Runback will not unpack (too large, or packed with an unknown method). */
  skipped: Array<{ name: string; why: string }>;
}

export type ZipOpen = { ok: true; reader: ZipReader; listing: ZipListing } | { ok: false; refusal: ImportRefusal } | { ok: false; error: string };

function wanted(f: UnzipFileInfo): boolean {
  const base = f.name.replace(/^.*\//, '');
  if (f.name.endsWith('/') || f.name.startsWith('__MACOSX/') || base.startsWith('.')) return false;
  return base.toLowerCase() === 'activities.csv' || ACTIVITY_EXT.test(base);
}

export function openZip(zipName: string, bytes: Uint8Array): ZipOpen {
  const entries: UnzipFileInfo[] = [];
  const skipped: ZipListing['skipped'] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f)) return false;
        if (f.compression !== 0 && f.compression !== 8) skipped.push({ name: f.name, why: zipLimits.packedOddly(f.name, f.compression) });
        else if (f.originalSize > MAX_ENTRY_BYTES) skipped.push({ name: f.name, why: zipLimits.entryTooLarge(f.name) });
        else entries.push({ ...f });
        return false; // listing only: nothing is unpacked
      },
    });
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (entries.length + skipped.length > MAX_ZIP_ENTRIES) return { ok: false, refusal: zipLimits.tooManyEntries(zipName, entries.length + skipped.length, MAX_ZIP_ENTRIES) };
  const unpacked = entries.reduce((sum, f) => sum + f.originalSize, 0);
  if (unpacked > MAX_ZIP_UNPACKED_BYTES) return { ok: false, refusal: zipLimits.tooLarge(zipName, Math.ceil(unpacked / (1024 * 1024)), MAX_ZIP_UNPACKED_BYTES / (1024 * 1024)) };
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ok: true, reader: new ZipReader(bytes, entries.map((e) => e.name)), listing: { entries, skipped } };
}

/** Unpacks entries on demand, a window at a time, and forgets each once it has been taken. */
export class ZipReader {
  private readonly cache = new Map<string, Uint8Array>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly order: readonly string[],
  ) {}

  /** The entry's bytes (unpacked); the next few entries are unpacked with it and kept until taken. */
  take(name: string): Uint8Array {
    let data = this.cache.get(name);
    if (data === undefined) {
      const at = this.order.indexOf(name);
      const window = new Set(this.order.slice(Math.max(0, at), Math.max(0, at) + WINDOW).filter((n) => !this.cache.has(n)));
      window.add(name);
      const files = unzipSync(this.bytes, { filter: (f) => window.has(f.name) });
      for (const [n, d] of Object.entries(files)) this.cache.set(n, d);
      data = this.cache.get(name) ?? new Uint8Array();
    }
    this.cache.delete(name);
    return data;
  }
}
