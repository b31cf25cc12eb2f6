/**
 * The app's own origin and the two URL rules the shell enforces: what counts as "inside the app"
 * (navigation, IPC senders, permission requests) and what may be handed to the operating system.
 * Both parse with `new URL` and compare exact fields; no substring checks.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'runback';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for app://runback/… (no port, no credentials). We compare protocol and host rather than
 * `URL.origin`: Node's URL gives the origin of a non-special scheme as the string 'null', while
 * Chromium (where the scheme is registered as standard) gives 'app://runback'.
 */
export function isAppUrl(url: unknown): boolean {
  const u = parseUrl(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** Chromium reports a requesting origin without a path ('app://runback'); accept that or a full app URL. */
export function isAppOrigin(origin: unknown): boolean {
  return isAppUrl(origin);
}

/**
 * The only URLs the app hands to the operating system (shell.openExternal): parsed, protocol exactly
 * 'https:', a host, and no user:password@ part (a classic way to disguise where a link goes).
 * Returns the normalised URL to open, or null to refuse.
 */
export function externalUrlToOpen(url: unknown): string | null {
  const u = parseUrl(url);
  if (u === null || u.protocol !== 'https:' || u.hostname === '' || u.username !== '' || u.password !== '') return null;
  return u.href;
}
