import type { ChannelName, ResponseData } from '../../../shared/api/contract';
import { SOCKET_PATH, SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX, type SocketAnswer } from '../../../shared/api/bridge';
import type { ApiResult } from '../../../shared/api/errors';
import { isApiResult, NOT_ANSWERING, TransportError, type PostCall, type Transport } from './transport';

/**
 * Calls larger than this go over HTTP even with the socket open: a file import would hold every
 * search behind it on the one socket, and its own HTTP round trip costs nothing beside its size.
 */
export const SOCKET_LARGEST_INPUT = 256 * 1024;
/** After a socket fails, the next is opened no sooner than this, doubling while none answers (up to the cap). */
export const REOPEN_FIRST_MS = 1000;
export const REOPEN_MOST_MS = 30_000;
/** The User Timing name of a call that went over the socket (HTTP calls have Resource Timing entries instead). */
export const SOCKET_MEASURE_PREFIX = 'runback.socket:';

export interface SocketTransportOptions {
  launchToken: () => string | null;
  /** HTTP: the way every call goes while the socket is not open, and the larger ones always. */
  post: PostCall;
  /** ws://<this page's host>/api/socket in the browser; tests pass their own. */
  url: string;
  openSocket?: (url: string, protocols: string[]) => WebSocket;
  now?: () => number;
}

interface InFlight {
  channel: ChannelName;
  started: number;
  resolve: (result: ApiResult<unknown>) => void;
  reject: (error: Error) => void;
}

/** Records a socket call's time where the Performance timeline's observers see it, without keeping it in the page's buffer. */
function measure(channel: ChannelName, start: number, end: number) {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  const name = `${SOCKET_MEASURE_PREFIX}${channel}`;
  performance.measure(name, { start, end });
  performance.clearMeasures(name);
}

/**
 * Web mode's calls over one WebSocket per page, at about a millisecond a round trip where HTTP costs
 * several. The socket opens with the first call; until it is open, and whenever it is not, calls go
 * over HTTP instead of waiting. When it closes, the calls it carried fail as an unanswered HTTP call
 * does: each may have reached the server (a booking, a payment), so none is ever sent again. The next
 * socket is opened by a later call once the backoff has passed, never by a timer of its own.
 */
export function socketTransport(options: SocketTransportOptions): Transport {
  const open = options.openSocket ?? ((url, protocols) => new WebSocket(url, protocols));
  const now = options.now ?? (() => performance.now());
  const inFlight = new Map<number, InFlight>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let reopenAt = 0;
  // Sockets that closed since one last answered: the backoff grows with them, and one that works resets it.
  let failures = 0;

  function drop(ws: WebSocket, reason: string) {
    if (socket !== ws) return;
    socket = null;
    failures += 1;
    reopenAt = now() + Math.min(REOPEN_MOST_MS, REOPEN_FIRST_MS * 2 ** (failures - 1));
    const lost = [...inFlight.values()];
    inFlight.clear();
    for (const call of lost) call.reject(new TransportError(reason));
    if (ws.readyState === ws.CONNECTING || ws.readyState === ws.OPEN) ws.close();
  }

  function onMessage(ws: WebSocket, data: unknown) {
    let answer: Partial<SocketAnswer>;
    try {
      answer = JSON.parse(String(data)) as Partial<SocketAnswer>;
    } catch {
      // Without its id no call can be told apart: none of them will get a trustworthy answer.
      return drop(ws, 'Runback answered in a way this window does not understand.');
    }
    const call = typeof answer.id === 'number' ? inFlight.get(answer.id) : undefined;
    if (!call || answer.id === undefined) return;
    inFlight.delete(answer.id);
    failures = 0;
    measure(call.channel, call.started, now());
    if (isApiResult(answer.result)) call.resolve(answer.result);
    else call.reject(new TransportError('Runback answered in a way this window does not understand.'));
  }

  function ensureSocket() {
    if (socket || now() < reopenAt) return;
    const token = options.launchToken();
    if (!token) return;
    let ws: WebSocket;
    try {
      ws = open(options.url, [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${token}`]);
    } catch {
      // A refused address or protocol list (SyntaxError): HTTP still works.
      failures += 1;
      reopenAt = now() + REOPEN_MOST_MS;
      return;
    }
    socket = ws;
    ws.onmessage = (event) => onMessage(ws, event.data);
    // A failed socket is always followed by its close event; the close is where its calls fail.
    ws.onclose = () => drop(ws, NOT_ANSWERING);
  }

  return (channel, input, sessionToken) => {
    ensureSocket();
    const body = JSON.stringify(input ?? {});
    const ws = socket;
    if (!ws || ws.readyState !== ws.OPEN || body.length > SOCKET_LARGEST_INPUT) {
      return options.post(channel, body, sessionToken) as Promise<ApiResult<ResponseData<typeof channel>>>;
    }
    const id = nextId++;
    const message = `{"id":${id},"channel":${JSON.stringify(channel)},"session":${JSON.stringify(sessionToken)},"input":${body}}`;
    return new Promise<ApiResult<ResponseData<typeof channel>>>((resolve, reject) => {
      inFlight.set(id, { channel, started: now(), resolve: resolve as (result: ApiResult<unknown>) => void, reject });
      try {
        ws.send(message);
      } catch {
        drop(ws, NOT_ANSWERING);
      }
    });
  };
}

/** The socket's address for this page: same host and port, so the CSP's connect-src 'self' covers it. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${SOCKET_PATH}`;
}
