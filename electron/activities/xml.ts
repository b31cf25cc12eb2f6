import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

/**
 * XML helpers over @xmldom/xmldom: text decoding (BOM, declared encoding), strict parsing, and
 * namespace-blind child lookup by local name, so GPX 1.0 and 1.1 (and any prefix a device uses for
 * Garmin's extensions) read the same.
 */

const ELEMENT_NODE = 1;

/** Decodes the bytes as the XML declaration says (UTF-8 by default), dropping a byte-order mark. */
export function decodeXmlText(bytes: Uint8Array): string {
  let label = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    const declared = /^\uFEFF?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
    if (declared !== undefined) label = declared.toLowerCase();
  }
  let text: string;
  try {
    text = new TextDecoder(label).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

export type XmlParse = { ok: true; root: Element } | { ok: false; error: string };

/** Parses XML; any error (not only fatal ones) stops parsing and is returned. */
export function parseXml(text: string): XmlParse {
  let firstError: string | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level === 'warning') return;
        firstError ??= msg;
        throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
    const root = doc.documentElement;
    if (root === null) return { ok: false, error: firstError ?? 'no root element' };
    return { ok: true, root };
  } catch (e) {
    return { ok: false, error: plainXmlError(firstError ?? (e instanceof Error ? e.message : String(e))) };
  }
}

/** xmldom's messages are terse; keep them but drop its stack-like prefixes. */
function plainXmlError(msg: string): string {
  const m = msg.replace(/^.*caused Error: /s, '').replace(/^element parse error: Error: /, '').split('\n')[0] ?? msg;
  return `XML error: ${m.trim()}`;
}

export function localName(el: Element): string {
  return el.localName ?? el.nodeName.replace(/^.*:/, '');
}

/** Element children, optionally only those with the given local name. */
export function childElements(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n: Node | null = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE && (name === undefined || localName(n as Element) === name)) out.push(n as Element);
  }
  return out;
}

export function firstChild(el: Element, name: string): Element | undefined {
  for (let n: Node | null = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE && localName(n as Element) === name) return n as Element;
  }
  return undefined;
}

/** Trimmed text of the first child with this local name, or undefined. */
export function childText(el: Element, name: string): string | undefined {
  const c = firstChild(el, name);
  const t = c?.textContent?.trim();
  return t === undefined || t === '' ? undefined : t;
}

/** A number from a child's text, or undefined when absent or not a number. */
export function childNumber(el: Element, name: string): number | undefined {
  const t = childText(el, name);
  if (t === undefined) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** The first descendant with one of these local names (depth first), e.g. Garmin's `hr` in any extension. */
export function findDescendant(el: Element, names: readonly string[]): Element | undefined {
  for (const c of childElements(el)) {
    if (names.includes(localName(c))) return c;
    const deeper = findDescendant(c, names);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/**
 * XML dateTime to epoch ms. GPX and TCX times are UTC; a time written without a zone
 * ("2013-01-01T12:00:04") is read as UTC too, not as the computer's local time.
 */
export function parseXmlTime(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t)) return undefined;
  const zoned = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : undefined;
}
