import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { SOCKET_PATH, SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX, type SocketAnswer } from '../../shared/api/bridge';
import type { ApiResult } from '../../shared/api/errors';
import type { Dispatch } from '../api/dispatcher';
import { isOwnHost, isOwnOrigin, sameToken } from './guards';

export interface ApiSocketOptions {
  dispatch: Dispatch;
  token: string;
  /** The largest message, as for an HTTP body: ws closes the socket (1009) on a larger one before reading it whole. */
  maxMessageBytes: number;
}

/** Closing codes (RFC 6455): a message that is not JSON, one that is not a call, and the server stopping. */
const NOT_JSON = 1007;
const NOT_A_CALL = 1008;
const UNSUPPORTED = 1003;
const GOING_AWAY = 1001;

/**
 * A page that never answers the server's closing frame is cut off after this long: ws's own wait is
 * 30 s, on a timer that would keep a stopping server's process alive all that time.
 */
const CLOSE_GRACE_MS = 1000;

const invalid = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'VALIDATION', message } });
const INTERNAL: ApiResult<never> = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong.' } };

/** A handshake refused before any WebSocket exists: a status line, then the connection is gone. */
function refuse(socket: Duplex, status: number, reason: string) {
  const body = `${reason}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  return typeof header === 'string' ? header.split(',').map((p) => p.trim()) : [];
}

/** A call's id: what pairs it with its answer. A string or a negative number could also be answered, but our client never sends one. */
function readId(message: unknown): number | null {
  if (typeof message !== 'object' || message === null || !('id' in message)) return null;
  const { id } = message as { id: unknown };
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/**
 * Web mode's API over one WebSocket per page (SOCKET_PATH). The handshake is accepted only with
 * this server's own Host (as for HTTP), its own Origin (no other site's page) and the launch token
 * in the subprotocol list; anything else is refused with an HTTP status before a socket exists.
 * Each message is a call `{ id, channel, input, session }`, answered `{ id, result }` with the very
 * result POST /api/<channel> sends, as soon as it is ready (calls in flight overtake one another).
 * Closing `server` closes every socket.
 */
export function attachApiSocket(server: Server, options: ApiSocketOptions) {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes,
    handleProtocols: (protocols) => (protocols.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    const protocols = offeredProtocols(req);
    const tokens = protocols.filter((p) => p.startsWith(SOCKET_TOKEN_PREFIX));
    if (path !== SOCKET_PATH) return refuse(socket, 404, 'Not Found');
    if (tokens.length !== 1 || !sameToken(tokens[0]!.slice(SOCKET_TOKEN_PREFIX.length), options.token)) return refuse(socket, 401, 'Unauthorized');
    if (!isOwnHost(server, req.headers.host)) return refuse(socket, 403, 'Forbidden');
    if (!isOwnOrigin(server, req.headers.origin)) return refuse(socket, 403, 'Forbidden');
    if (!protocols.includes(SOCKET_PROTOCOL)) return refuse(socket, 400, 'Bad Request');
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket) {
    const answer = (id: number, result: ApiResult<unknown>) => {
      // The page may have gone while the call ran: its answer has nowhere to go.
      if (ws.readyState !== ws.OPEN) return;
      const message: SocketAnswer = { id, result };
      ws.send(JSON.stringify(message));
    };
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return ws.close(UNSUPPORTED, 'Runback takes calls as JSON text.');
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return ws.close(NOT_JSON, 'A call must be JSON.');
      }
      const id = readId(message);
      if (id === null) return ws.close(NOT_A_CALL, 'A call needs an id (a whole number).');
      const { channel, input, session } = message as { channel?: unknown; input?: unknown; session?: unknown };
      if (typeof channel !== 'string') return answer(id, invalid('A call needs a channel name.'));
      if (session !== undefined && session !== null && typeof session !== 'string') return answer(id, invalid('A session token must be text.'));
      options.dispatch({ channel, input: input === undefined ? {} : input, sessionToken: session ? session : null, transport: 'http' }).then(
        (result) => answer(id, result),
        () => answer(id, INTERNAL),
      );
    });
  }

  server.on('close', () => sockets.close());
  return {
    /** Ends every open socket (the pages see it closed and go back to HTTP, which is closing too). */
    closeAll() {
      for (const ws of sockets.clients) {
        ws.close(GOING_AWAY, 'Runback is stopping.');
        setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
      }
    },
  };
}
