import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { SECURITY_HEADERS } from './csp';
import { APP_HOST, APP_SCHEME, parseUrl } from './urls';

/**
 * The renderer is served from app://runback/… (a privileged, standard, secure scheme) rather than
 * file://: it gets a real origin for the CSP and the IPC sender check, and the handler below only
 * ever reads files inside the built dist/ folder.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // standard: relative URLs and a real origin (same-origin module scripts load without corsEnabled);
  // secure: a secure context like https; codeCache: V8 caches the bundle between launches.
  // Deliberately NOT bypassCSP, corsEnabled (no other origin may read app:// responses) or
  // allowServiceWorkers.
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

export const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
});

export function contentType(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The traversal guard: maps a URL path to a file inside distDir, or null to refuse. Encoded slashes
 * (%2f, %5c) are refused; the path is then percent-decoded exactly once BEFORE any other check (so
 * %2e%2e cannot smuggle a '..' past it); NUL bytes, backslashes, ':' (Windows separators, drive
 * letters, NTFS streams), empty segments ('//') and any '.' or '..' segment are refused outright;
 * finally the resolved path must still lie inside distDir.
 */
export function resolveDistPath(distDir: string, pathname: string): string | null {
  // An encoded '/' or '\' is never part of a real asset path: refuse it rather than reinterpret it.
  if (/%(2f|5c)/i.test(pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/')) return null;
  if (/[\0\\:]/.test(decoded)) return null;
  if (decoded.includes('//')) return null;
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  const root = resolve(distDir);
  const file = resolve(root, `.${decoded}`);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Answers one app:// request from distDir. Only GET/HEAD for host "runback"; anything refused by
 * the guard, missing, or a directory answers 404 (never a listing, never a fallback page).
 */
export async function handleAppRequest(distDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' } });
  }
  const url = parseUrl(request.url);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  const file = resolveDistPath(distDir, url.pathname);
  if (file === null) return notFound();
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await readFile(file));
  } catch {
    return notFound(); // ENOENT, EISDIR, EACCES …
  }
  const headers = { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Content-Length': String(body.byteLength) };
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

/** Must run before app 'ready'. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After 'ready', on the session the window uses. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, distDir: string): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(distDir, request));
}
