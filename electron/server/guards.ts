import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';

export const LOOPBACK = '127.0.0.1';

/** The launch token compared in constant time: how long a refusal takes tells nothing about the token. */
export function sameToken(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** This server's own names, host and port: the loopback address and localhost. */
function ownHosts(server: Server): string[] {
  const port = portOf(server);
  return [`${LOOPBACK}:${port}`, `localhost:${port}`];
}

/** The Host header a request to this server may carry: a DNS-rebinding page names its own host instead. */
export function isOwnHost(server: Server, host: string | undefined): boolean {
  return ownHosts(server).includes(String(host ?? '').toLowerCase());
}

/**
 * The Origin a WebSocket to this server may come from: its own pages. Browsers apply no CORS to
 * WebSockets, so without this check any site the user visits could open one (with a stolen token).
 */
export function isOwnOrigin(server: Server, origin: string | undefined): boolean {
  return ownHosts(server).some((host) => `http://${host}` === String(origin ?? '').toLowerCase());
}
