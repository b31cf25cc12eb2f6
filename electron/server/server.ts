import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HTTP_SESSION_HEADER, HTTP_TOKEN_HEADER } from '../../shared/api/bridge';
import { HTTP_STATUS, type ApiResult } from '../../shared/api/errors';
import type { Dispatch } from '../api/dispatcher';
import { serveStatic } from './static';
import { attachApiSocket } from './api-socket';
import { isOwnHost, LOOPBACK, sameToken } from './guards';

export { LOOPBACK } from './guards';
/**
 * The largest request: activity files travel base64-encoded in JSON (a Strava export of a few
 * hundred runs); anything larger is refused before it is read whole.
 */
export const MAX_BODY_BYTES = 160 * 1024 * 1024;

export interface WebServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  token: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  // With its length known, the head and the body leave in one write (no chunked framing): the answer
  // to a keystroke's search is one packet on loopback, and the browser has it whole at once.
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendResult(res: ServerResponse, result: ApiResult<unknown>) {
  sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Web mode: the same renderer and the same dispatcher as the desktop app, on loopback only.
 * Every /api/ request must carry the per-launch token (checked before anything else: 401), every
 * request must name this server's own loopback host and port (a DNS-rebinding page cannot), and
 * the API is POST /api/<channel> with a JSON body. Sign-in is still required after that. The same
 * calls also travel over one WebSocket per page (api-socket.ts), under the same checks.
 */
export function createWebServer(options: WebServerOptions): Server {
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong.' } });
      else res.destroy();
    });
  });

  // Node closes an idle keep-alive connection after 5 s; a browser that sends a POST on it at that
  // moment gets a reset it does not retry, and the screen says Runback is not answering. Keep idle
  // connections longer than the browser does, so the browser is the side that closes them.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;

  const sockets = attachApiSocket(server, { dispatch: options.dispatch, token: options.token, maxMessageBytes: MAX_BODY_BYTES });
  // server.close() waits for every connection to end, and an open WebSocket never would: closing the
  // server closes them too (the e2e hosts and `runback serve` stop with server.close()).
  const closeServer = server.close.bind(server);
  server.close = (callback?: (error?: Error) => void) => {
    sockets.closeAll();
    return closeServer(callback);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const isApi = url.pathname.startsWith('/api/');
    if (isApi && !sameToken(req.headers[HTTP_TOKEN_HEADER] as string | undefined, options.token)) {
      sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'This address needs the launch token: open the link Runback printed.' } });
      return;
    }
    if (!isOwnHost(server, req.headers.host)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Refused: this server answers only to its own loopback address.');
      return;
    }
    if (!isApi) {
      await serveStatic(req, res, options.staticDir, url.pathname);
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'The API takes POST requests only.' } });
      return;
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'The API takes JSON (Content-Type: application/json).' } });
      return;
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch {
      sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` } });
      return;
    }
    let input: unknown;
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } });
      return;
    }
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    const session = req.headers[HTTP_SESSION_HEADER];
    sendResult(res, await options.dispatch({ channel, input, sessionToken: typeof session === 'string' && session ? session : null, transport: 'http' }));
  }

  return server;
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
