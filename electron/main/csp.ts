/**
 * The Content-Security-Policy sent as a response header with every app:// response (the renderer's
 * index.html also carries it as a <meta> tag, which does not cover frame-ancestors). No
 * 'unsafe-inline' and no 'unsafe-eval': scripts and styles come only from the bundle's own files.
 * img-src allows data: and blob: for generated images (charts exported as images, PDF previews
 * rendered to images).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every app:// response, 200 or 404. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
});
