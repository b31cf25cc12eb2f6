import { SaxesParser } from 'saxes';

/**
 * GPX and TCX are read as a stream of XML events (saxes, a strict XML parser: any error stops the
 * read and is reported), never as a DOM. A DOM of a 17 MB, 200,000-point GPX holds millions of node
 * objects — close to 1 GB; the stream keeps only the numbers the import needs.
 *
 * Elements are handled by local name (prefixes dropped), so GPX 1.0 and 1.1 — or any prefix a
 * device gives Garmin's extensions — read the same.
 */

export interface XmlHandler {
  /** `path` holds the local names of the open ancestors, outermost first (without this element). */
  open(name: string, attributes: Readonly<Record<string, string>>, path: readonly string[]): void;
  /** `text` is the element's own text, trimmed. */
  close(name: string, text: string, path: readonly string[]): void;
}

export type XmlStreamResult = { ok: true } | { ok: false; error: string };

/** Stops the stream early without it counting as an XML error. */
export class StopReading extends Error {}

const CHUNK_BYTES = 1 << 20;

/** Streams `bytes` (decoded as the XML declaration or byte-order mark says) through `handler`. */
export function streamXml(bytes: Uint8Array, handler: XmlHandler): XmlStreamResult {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const path: string[] = [];
  const texts: string[] = [];
  let failure: string | null = null;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    handler.open(name, tag.attributes as Record<string, string>, path);
    path.push(name);
    texts.push('');
  });
  parser.on('text', (text) => {
    if (texts.length > 0) texts[texts.length - 1] += text;
  });
  parser.on('cdata', (text) => {
    if (texts.length > 0) texts[texts.length - 1] += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    path.pop();
    const text = texts.pop() ?? '';
    handler.close(name, text.trim(), path);
  });
  parser.on('error', (e) => {
    failure ??= e.message;
    throw e;
  });
  const decoder = new TextDecoder(xmlEncoding(bytes));
  try {
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      parser.write(decoder.decode(bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES)), { stream: true }));
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof StopReading) return { ok: true };
    return { ok: false, error: `XML error: ${plainXmlError(failure ?? (e instanceof Error ? e.message : String(e)))}` };
  }
  return { ok: true };
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** saxes says "1:20000: unclosed tag: trkpt"; keep the words and where. */
function plainXmlError(message: string): string {
  const m = /^(\d+):(\d+): (.*)$/s.exec(message.trim());
  return m ? `${m[3]!.replace(/\.$/, '')} (line ${m[1]}, column ${m[2]})` : message.split('\n')[0]!;
}

/** The encoding the bytes declare: a byte-order mark, else the XML declaration, else UTF-8. */
export function xmlEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\uFEFF?(?:\xEF\xBB\xBF)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared === undefined) return 'utf-8';
  try {
    new TextDecoder(declared);
    return declared;
  } catch {
    return 'utf-8';
  }
}

/** XML dateTime to epoch ms; a time written without a zone ("2013-01-01T12:00:04") is UTC. */
export function parseXmlTime(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!/^-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t)) return undefined;
  const zoned = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : undefined;
}

/** A number from element text, or undefined. */
export function numberOf(text: string): number | undefined {
  if (text === '') return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}
