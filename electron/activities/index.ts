import { createHash } from 'node:crypto';
import { gunzipSync, unzipSync, type UnzipFileInfo } from 'fflate';
import type { ImportRefusal, ParsedFile } from '../../shared/running/activity';
import { csvRecords } from './csv';
import { finalise, withSource, type DraftActivity, type SourceContext } from './draft';
import { isFitBytes, parseFit } from './fit';
import { parseGpx } from './gpx';
import { corrupt, unsupported } from './messages';
import { parseTcx } from './tcx';
import { decodeXmlText, localName, parseXml } from './xml';

/**
 * The one entry point for activity files: FIT, TCX and GPX, each also gzipped (.fit.gz …), and a
 * zip of them such as Strava's bulk export (activities.csv + activities/…). Every activity found is
 * reported on its own, imported (`ok: true`) or refused with a code and a plain-language message.
 * The format is recognised from the bytes (gzip, zip and FIT signatures, an XML root element);
 * the name's extension only picks the wording when the bytes are unreadable.
 *
 * Nothing here writes or remembers anything: the caller de-duplicates on `contentHash`.
 */
export function parseActivityFile(name: string, bytes: Uint8Array): ParsedFile[] {
  return expandActivityFile(name, bytes).flatMap((pending) => pending.parse());
}

/** One activity file found in what was handed over, not read yet: a zip gives one per entry. */
export interface PendingActivityFile {
  sourceName: string;
  archiveName?: string;
  parse(): ParsedFile[];
}

/**
 * Opens what was handed over (unpacking a zip) without reading the activities yet, so a caller
 * importing a 1,000-activity export can read them a few at a time, show progress and stop.
 */
export function expandActivityFile(name: string, bytes: Uint8Array): PendingActivityFile[] {
  if (isZip(bytes)) return expandZip(name, bytes);
  return [{ sourceName: name, parse: () => parseMaybeGzipped({ sourceName: name }, name, bytes) }];
}

const settled = (result: ParsedFile): PendingActivityFile => ({
  sourceName: result.sourceName,
  ...(result.archiveName === undefined ? {} : { archiveName: result.archiveName }),
  parse: () => [result],
});

export type { ParsedFile, ImportRefusal };

const ACTIVITY_EXT = /\.(fit|tcx|gpx)(\.gz)?$/i;
/** Strava exports can be gigabytes because of photos; a single activity file is never near this. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

type Ctx = Omit<SourceContext, 'contentHash'>;

function refuse(ctx: Ctx, reason: ImportRefusal): ParsedFile {
  return ctx.archiveName === undefined ? { ok: false, sourceName: ctx.sourceName, reason } : { ok: false, sourceName: ctx.sourceName, archiveName: ctx.archiveName, reason };
}

function parseMaybeGzipped(ctx: Ctx, name: string, bytes: Uint8Array): ParsedFile[] {
  if (!isGzip(bytes)) {
    if (/\.gz$/i.test(name)) return [refuse(ctx, corrupt('gzip', 'it does not start with a gzip header'))];
    return parseSingle(ctx, name, bytes);
  }
  let inner: Uint8Array;
  try {
    inner = gunzipSync(bytes);
  } catch (e) {
    return [refuse(ctx, corrupt('gzip', `it could not be unpacked: ${e instanceof Error ? e.message : String(e)}`))];
  }
  return parseSingle(ctx, name.replace(/\.gz$/i, ''), inner);
}

/** One uncompressed file. `name` is used only for its extension. */
function parseSingle(base: Ctx, name: string, bytes: Uint8Array): ParsedFile[] {
  const ctx: SourceContext = { ...base, contentHash: sha256Hex(bytes) };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const fail = (reason: ImportRefusal): ParsedFile[] => [withSource(ctx, { ok: false as const, reason })];
  const done = (result: DraftActivity | ImportRefusal): ParsedFile => ('code' in result ? withSource(ctx, { ok: false as const, reason: result }) : finalise(result, ctx));

  if (isFitBytes(bytes) || (ext === 'fit' && !looksLikeXml(bytes))) {
    const result = parseFit(bytes);
    return Array.isArray(result) ? result.map((d) => finalise(d, ctx)) : fail(result);
  }
  if (looksLikeXml(bytes)) {
    const parsed = parseXml(decodeXmlText(bytes));
    if (!parsed.ok) {
      if (ext === 'gpx' || ext === 'tcx') return fail(corrupt(ext === 'gpx' ? 'GPX' : 'TCX', parsed.error));
      return fail(unsupported(`Runback can't read "${base.sourceName}": it is not a FIT, TCX or GPX file (${parsed.error}).`));
    }
    const root = localName(parsed.root);
    if (root === 'gpx') return [done(parseGpx(parsed.root, ctx.contentHash))];
    if (root === 'TrainingCenterDatabase') return parseTcx(parsed.root, ctx.contentHash).map(done);
    const kml = root === 'kml' ? ' KML files hold routes, usually without times: export the activity as GPX, TCX or FIT instead.' : '';
    return fail(unsupported(`Runback can't read "${base.sourceName}": it is an XML file of type <${root}>, not GPX or TCX.${kml}`));
  }
  if (ext === 'gpx' || ext === 'tcx') {
    const kind = ext === 'gpx' ? 'GPX' : 'TCX';
    return fail(corrupt(kind, bytes.length === 0 ? 'the file is empty' : 'it is not an XML file'));
  }
  return fail(unsupported(`Runback can't read "${base.sourceName}": it is not a FIT, TCX or GPX file (nor a .gz or zip of them).`));
}

function looksLikeXml(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c; // '<'
}

/**
 * A zip: each activity file in it (any folder; .fit/.tcx/.gpx, gzipped or not) is parsed on its
 * own. When the zip has Strava's activities.csv, its "Activity Type" and "Activity Name" for the
 * file (matched on the "Filename" column) are used over what the file itself says. Everything
 * else (photos, other CSVs, nested zips) is skipped without being unpacked.
 */
function expandZip(zipName: string, bytes: Uint8Array): PendingActivityFile[] {
  const skipped: UnzipFileInfo[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const base = f.name.replace(/^.*\//, '');
        if (f.name.endsWith('/') || f.name.startsWith('__MACOSX/') || base.startsWith('.')) return false;
        if (base.toLowerCase() !== 'activities.csv' && !ACTIVITY_EXT.test(base)) return false;
        if ((f.compression !== 0 && f.compression !== 8) || f.originalSize > MAX_ENTRY_BYTES) {
          skipped.push(f);
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    return [settled({ ok: false, sourceName: zipName, reason: corrupt('zip', `it could not be unpacked: ${e instanceof Error ? e.message : String(e)}`) })];
  }

  const names = Object.keys(files).sort();
  const csvName = names.filter((n) => /(^|\/)activities\.csv$/i.test(n)).sort((a, b) => a.length - b.length)[0];
  const byFile = new Map<string, Record<string, string>>();
  if (csvName !== undefined) {
    const dir = csvName.slice(0, csvName.length - 'activities.csv'.length);
    for (const row of csvRecords(new TextDecoder('utf-8').decode(files[csvName]))) {
      const file = row['Filename']?.trim();
      if (file) byFile.set(dir + file, row);
    }
  }

  const results: PendingActivityFile[] = [];
  for (const entry of names) {
    if (!ACTIVITY_EXT.test(entry)) continue;
    const row = byFile.get(entry);
    const ctx: Ctx = { sourceName: entry, archiveName: zipName };
    const type = row?.['Activity Type']?.trim();
    const title = row?.['Activity Name']?.trim();
    if (type) ctx.sportOverride = type;
    if (title) ctx.nameOverride = title;
    const entryBytes = files[entry]!;
    results.push({ sourceName: entry, archiveName: zipName, parse: () => parseMaybeGzipped(ctx, entry, entryBytes) });
  }
  for (const f of skipped) {
    const why = f.originalSize > MAX_ENTRY_BYTES ? 'it is too large to be an activity file' : `it is packed with a method Runback can't unpack (${f.compression})`;
    results.push(settled({ ok: false, sourceName: f.name, archiveName: zipName, reason: unsupported(`Runback skipped "${f.name}" in the zip: ${why}.`) }));
  }
  if (results.length === 0) {
    return [settled({ ok: false, sourceName: zipName, reason: unsupported(`The zip "${zipName}" holds no FIT, TCX or GPX files to import.`) })];
  }
  return results;
}
