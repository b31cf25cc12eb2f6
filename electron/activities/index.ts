import { createHash } from 'node:crypto';
import { Gunzip, gunzipSync } from 'fflate';
import type { ImportRefusal } from '../../shared/running/activity';
import type { ParsedFile } from '../../shared/running/parsed-file';
import { corrupt, emptyTexts, gzipTooLarge, unsupported } from '../../shared/running/import-messages';
import { csvRecords } from './csv';
import { finalise, parseOptions, withSource, type DraftActivity, type ParseOptions, type SourceContext } from './draft';
import { isFitBytes, parseFit } from './fit';
import { GpxReader } from './gpx';
import { TcxReader } from './tcx';
import { StopReading, streamXml, type XmlHandler } from './xml-stream';
import { ACTIVITY_EXT, MAX_ENTRY_BYTES, openZip } from './zip';

/**
 * The one entry point for activity files: FIT, TCX and GPX, each also gzipped (.fit.gz …), and a
 * zip of them such as Strava's bulk export (activities.csv + activities/…). Every activity found is
 * reported on its own, imported (`ok: true`) or refused with a code and a plain-language message.
 * The format is recognised from the bytes (gzip, zip and FIT signatures, an XML root element);
 * the name's extension only picks the wording when the bytes are unreadable.
 *
 * Nothing here writes or remembers anything: the caller de-duplicates on the content hash (and
 * leg of a multisport file).
 */
export function parseActivityFile(name: string, bytes: Uint8Array, options: Partial<ParseOptions> = {}): ParsedFile[] {
  const o = parseOptions(options);
  return expandActivityFile(name, bytes).flatMap((pending) => pending.parse(o));
}

/** One activity file found in what was handed over, not read yet: a zip gives one per entry. */
export interface PendingActivityFile {
  sourceName: string;
  archiveName?: string;
  parse(options: ParseOptions): ParsedFile[];
}

/**
 * Opens what was handed over (listing a zip, unpacking nothing yet) without reading the
 * activities, so a caller importing a 1,000-activity export can read them a few at a time, show
 * progress and stop.
 */
export function expandActivityFile(name: string, bytes: Uint8Array): PendingActivityFile[] {
  if (isZip(bytes)) return expandZip(name, bytes);
  return [{ sourceName: name, parse: (o) => parseMaybeGzipped({ sourceName: name }, name, bytes, o) }];
}

const settled = (result: ParsedFile): PendingActivityFile => ({
  sourceName: result.sourceName,
  ...(result.archiveName === undefined ? {} : { archiveName: result.archiveName }),
  parse: () => [result],
});

export type { ParsedFile, ImportRefusal };

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

function parseMaybeGzipped(ctx: Ctx, name: string, bytes: Uint8Array, options: ParseOptions): ParsedFile[] {
  if (!isGzip(bytes)) {
    if (/\.gz$/i.test(name)) return [refuse(ctx, corrupt('gzip', 'it does not start with a gzip header'))];
    return parseSingle(ctx, name, bytes, options);
  }
  let inner: Uint8Array;
  try {
    inner = gunzipWithin(bytes, MAX_ENTRY_BYTES);
  } catch (e) {
    if (e instanceof TooLarge) return [refuse(ctx, gzipTooLarge(MAX_ENTRY_BYTES / (1024 * 1024)))];
    return [refuse(ctx, corrupt('gzip', `it could not be unpacked: ${e instanceof Error ? e.message : String(e)}`))];
  }
  return parseSingle(ctx, name.replace(/\.gz$/i, ''), inner, options);
}

export class TooLarge extends Error {}

/**
 * Gunzip without trusting the stream. The trailer states the unpacked size (mod 4 GiB) and fflate
 * allocates exactly that: when it is within `limit` the one-shot path is used (a stream holding more
 * than it states is cut there, and then fails to parse). Otherwise — a gzip bomb, or a file cut short
 * whose last bytes are not a trailer — it is unpacked chunk by chunk and stopped at `limit`.
 */
export function gunzipWithin(bytes: Uint8Array, limit: number): Uint8Array {
  const n = bytes.length;
  const stated = n >= 18 ? (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0 : 0;
  if (stated > 0 && stated <= limit) return gunzipSync(bytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const g = new Gunzip((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk);
    if (final) ended = true;
  });
  g.push(bytes, true);
  if (!ended) throw new Error('unexpected end of data');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** One uncompressed file. `name` is used only for its extension. */
function parseSingle(base: Ctx, name: string, bytes: Uint8Array, options: ParseOptions): ParsedFile[] {
  const ctx: SourceContext = { ...base, contentHash: sha256Hex(bytes) };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const fail = (reason: ImportRefusal): ParsedFile[] => [withSource(ctx, { ok: false as const, reason })];
  const done = (result: DraftActivity | ImportRefusal): ParsedFile => ('code' in result ? withSource(ctx, { ok: false as const, reason: result }) : finalise(result, ctx, options));

  if (isFitBytes(bytes) || (ext === 'fit' && !looksLikeXml(bytes))) {
    const result = parseFit(bytes, options);
    return Array.isArray(result) ? result.map(done) : fail(result);
  }
  if (looksLikeXml(bytes)) return parseXmlActivity(ctx, ext, bytes, options).map(done);
  if (ext === 'gpx' || ext === 'tcx') {
    const kind = ext === 'gpx' ? 'GPX' : 'TCX';
    return fail(corrupt(kind, bytes.length === 0 ? 'the file is empty' : 'it is not an XML file'));
  }
  return fail(unsupported(emptyTexts.notReadable(base.sourceName, 'it is not a FIT, TCX or GPX file (nor a .gz or zip of them)')));
}

/** GPX or TCX by the root element, read in one streaming pass. */
function parseXmlActivity(ctx: SourceContext, ext: string, bytes: Uint8Array, options: ParseOptions): Array<DraftActivity | ImportRefusal> {
  let reader: (XmlHandler & { finish(): Array<DraftActivity | ImportRefusal> }) | null = null;
  let root: string | null = null;
  const router: XmlHandler = {
    open(name, attributes, path) {
      if (root === null) {
        root = name;
        if (name === 'gpx') {
          const gpx = new GpxReader();
          reader = { open: (...a) => gpx.open(...a), close: (...a) => gpx.close(...a), finish: () => [gpx.finish(ctx.contentHash, options)] };
        } else if (name === 'TrainingCenterDatabase') {
          const tcx = new TcxReader(ctx.contentHash, options);
          reader = { open: (...a) => tcx.open(...a), close: (...a) => tcx.close(...a), finish: () => tcx.finish() };
        } else throw new StopReading();
      }
      reader?.open(name, attributes, path);
    },
    close(name, text, path) {
      reader?.close(name, text, path);
    },
  };
  const streamed = streamXml(bytes, router);
  if (!streamed.ok) {
    if (ext === 'gpx' || ext === 'tcx' || root === 'gpx' || root === 'TrainingCenterDatabase') return [corrupt(root === 'TrainingCenterDatabase' || (root === null && ext === 'tcx') ? 'TCX' : 'GPX', streamed.error)];
    return [unsupported(emptyTexts.notReadable(ctx.sourceName, `it is not a FIT, TCX or GPX file (${streamed.error})`))];
  }
  if (reader === null) {
    const kml = root === 'kml' ? ' KML files hold routes, usually without times: export the activity as GPX, TCX or FIT instead.' : '';
    return [unsupported(`${emptyTexts.notReadable(ctx.sourceName, `it is an XML file of type <${root ?? '?'}>, not GPX or TCX`)}${kml}`)];
  }
  return (reader as { finish(): Array<DraftActivity | ImportRefusal> }).finish();
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
 * file (matched on the "Filename" column) are used over what the file itself says.
 */
function expandZip(zipName: string, bytes: Uint8Array): PendingActivityFile[] {
  const opened = openZip(zipName, bytes);
  if (!opened.ok) {
    const reason = 'refusal' in opened ? opened.refusal : corrupt('zip', `it could not be unpacked: ${opened.error}`);
    return [settled({ ok: false, sourceName: zipName, reason })];
  }
  const { reader, listing } = opened;
  const names = listing.entries.map((e) => e.name);
  const csvName = names.filter((n) => /(^|\/)activities\.csv$/i.test(n)).sort((a, b) => a.length - b.length)[0];
  const byFile = new Map<string, Record<string, string>>();
  if (csvName !== undefined) {
    const dir = csvName.slice(0, csvName.length - 'activities.csv'.length);
    for (const row of csvRecords(new TextDecoder('utf-8').decode(reader.take(csvName)))) {
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
    results.push({
      sourceName: entry,
      archiveName: zipName,
      parse: (o) => {
        let data: Uint8Array;
        try {
          data = reader.take(entry);
        } catch (e) {
          return [refuse(ctx, corrupt('zip', `"${entry}" could not be unpacked: ${e instanceof Error ? e.message : String(e)}`))];
        }
        return parseMaybeGzipped(ctx, entry, data, o);
      },
    });
  }
  for (const f of listing.skipped) results.push(settled({ ok: false, sourceName: f.name, archiveName: zipName, reason: unsupported(f.why) }));
  if (results.length === 0) return [settled({ ok: false, sourceName: zipName, reason: unsupported(emptyTexts.zipEmpty(zipName)) })];
  return results;
}
