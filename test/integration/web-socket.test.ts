import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SOCKET_PATH, SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX, type SocketAnswer } from '../../shared/api/bridge';
import { attachApiSocket } from '../../electron/server/api-socket';
import { createWebServer, listen } from '../../electron/server/server';
import { createTestApp, PATIENT, type TestApp } from './harness';

const TOKEN = 'test-launch-token-0123456789abcdef';
const PROTOCOLS = [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${TOKEN}`];

interface Handshake {
  protocols?: string[];
  origin?: string;
  host?: string;
  path?: string;
}

/** Opens a socket as a page would (Node 20 has no WebSocket client of its own): the open socket, or the HTTP status it was refused with. */
function connect(port: number, { protocols = PROTOCOLS, origin = `http://127.0.0.1:${port}`, host, path = SOCKET_PATH }: Handshake = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, protocols, { ...(origin ? { origin } : {}), ...(host ? { headers: { host } } : {}) });
    ws.on('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.on('open', () => resolve(ws));
    ws.on('error', (error) => reject(error));
  });
}

async function open(port: number, handshake: Handshake = {}): Promise<WebSocket> {
  const ws = await connect(port, handshake);
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  return ws;
}

/** Sends calls at once and collects their answers by id, in whatever order they come. */
function calls(ws: WebSocket, messages: object[]): Promise<Map<number, SocketAnswer['result']>> {
  return new Promise((resolve, reject) => {
    const answers = new Map<number, SocketAnswer['result']>();
    const onMessage = (data: Buffer) => {
      const answer = JSON.parse(data.toString()) as SocketAnswer;
      answers.set(answer.id, answer.result);
      if (answers.size === messages.length) {
        ws.off('message', onMessage);
        resolve(answers);
      }
    };
    ws.on('message', onMessage);
    ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
    for (const message of messages) ws.send(JSON.stringify(message));
  });
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));

function post(port: number, channel: string, body: object, session?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-runback-token': TOKEN };
    if (session) headers['x-runback-session'] = session;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/api/${channel}`, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('web mode WebSocket', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  let staticDir: string;

  beforeAll(async () => {
    t = await createTestApp();
    staticDir = mkdtempSync(join(tmpdir(), 'runback-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Runback</title>');
    server = createWebServer({ dispatch: t.dispatch, staticDir, token: TOKEN });
    port = await listen(server, 0);
    await t.ok('patients.create', PATIENT, t.sessions.admin);
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await t.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('refuses the handshake without the launch token, with a wrong one, or without its subprotocol', async () => {
    expect(await connect(port, { protocols: [SOCKET_PROTOCOL] })).toBe(401);
    expect(await connect(port, { protocols: [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${TOKEN}x`] })).toBe(401);
    expect(await connect(port, { protocols: [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${TOKEN.slice(1)}`] })).toBe(401);
    expect(await connect(port, { protocols: [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}wrong`, `${SOCKET_TOKEN_PREFIX}${TOKEN}`] })).toBe(401);
    expect(await connect(port, { protocols: [`${SOCKET_TOKEN_PREFIX}${TOKEN}`] })).toBe(400);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign or missing Origin (another site’s page)', async () => {
    expect(await connect(port, { host: `attacker.example:${port}` })).toBe(403);
    expect(await connect(port, { host: `127.0.0.1:${port + 1}` })).toBe(403);
    expect(await connect(port, { origin: 'https://attacker.example' })).toBe(403);
    expect(await connect(port, { origin: `http://127.0.0.1:${port + 1}` })).toBe(403);
    expect(await connect(port, { origin: `https://127.0.0.1:${port}` })).toBe(403);
    expect(await connect(port, { origin: 'null' })).toBe(403);
    expect(await connect(port, { origin: '' })).toBe(403);
    expect(await connect(port, { path: '/api/sockets' })).toBe(404);
  });

  it('accepts its own origin with the token, selecting the runback subprotocol', async () => {
    for (const handshake of [{}, { host: `localhost:${port}`, origin: `http://localhost:${port}` }]) {
      const ws = await open(port, handshake);
      expect(ws.protocol).toBe(SOCKET_PROTOCOL);
      ws.close();
      await closed(ws);
    }
  });

  it('answers a call exactly as POST /api/<channel> does, signed in or not, known channel or not', async () => {
    const ws = await open(port);
    const session = t.sessions.admin;
    const answers = await calls(ws, [
      { id: 1, channel: 'patients.list', input: { query: '' }, session },
      { id: 2, channel: 'patients.list', input: { query: '' }, session: null },
      { id: 3, channel: 'no.such.channel', input: {}, session },
      { id: 4, channel: 'setup.status', session: null },
      { id: 5, channel: 'patients.get', input: { id: 'x' }, session },
    ]);
    expect(answers.get(1)).toMatchObject({ ok: true, value: { total: 1 } });
    expect(answers.get(1)).toEqual(await post(port, 'patients.list', { query: '' }, session));
    expect(answers.get(2)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(answers.get(2)).toEqual(await post(port, 'patients.list', { query: '' }));
    expect(answers.get(3)).toEqual(await post(port, 'no.such.channel', {}, session));
    expect(answers.get(4)).toEqual(await post(port, 'setup.status', {}));
    expect(answers.get(5)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(answers.get(5)).toEqual(await post(port, 'patients.get', { id: 'x' }, session));
    ws.close();
  });

  it('answers each of many calls in flight by its id', async () => {
    const ws = await open(port);
    const ids = Array.from({ length: 20 }, (_, i) => 100 + i);
    const answers = await calls(
      ws,
      ids.map((id) => (id % 2 ? { id, channel: 'setup.status', input: {}, session: null } : { id, channel: 'patients.list', input: { query: PATIENT.legalLastName }, session: t.sessions.admin })),
    );
    expect([...answers.keys()].sort()).toEqual(ids);
    for (const id of ids) expect(answers.get(id), String(id)).toMatchObject(id % 2 ? { ok: true, value: { clinicExists: true } } : { ok: true, value: { total: 1 } });
    ws.close();
  });

  it('answers a call it can tell by id but cannot read with VALIDATION, and keeps the socket', async () => {
    const ws = await open(port);
    const answers = await calls(ws, [
      { id: 7, channel: 42, input: {} },
      { id: 8, input: {} },
      { id: 9, channel: 'setup.status', session: 12 },
      { id: 10, channel: 'setup.status', input: {}, session: null },
    ]);
    for (const id of [7, 8, 9]) expect(answers.get(id), String(id)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(answers.get(10)).toMatchObject({ ok: true });
    ws.close();
  });

  it('closes the socket on a message that is not JSON (1007), has no id (1008) or is binary (1003)', async () => {
    for (const [message, code] of [
      ['{nope', 1007],
      [JSON.stringify({ channel: 'setup.status', input: {} }), 1008],
      [JSON.stringify({ id: -1, channel: 'setup.status' }), 1008],
      [JSON.stringify({ id: '1', channel: 'setup.status' }), 1008],
      [JSON.stringify([1, 2]), 1008],
      [Buffer.from('{}'), 1003],
    ] as const) {
      const ws = await open(port);
      const code$ = closed(ws);
      ws.send(message);
      expect(await code$, String(message)).toBe(code);
    }
  });

  it('a page gone while its call runs leaves the server answering others', async () => {
    const gone = await open(port);
    gone.send(JSON.stringify({ id: 1, channel: 'patients.list', input: {}, session: t.sessions.admin }));
    gone.terminate();
    const ws = await open(port);
    expect((await calls(ws, [{ id: 1, channel: 'setup.status', input: {}, session: null }])).get(1)).toMatchObject({ ok: true });
    ws.close();
  });

  it('closes a socket sent a message larger than its limit (1009), before reading it whole', async () => {
    const bare = createServer();
    attachApiSocket(bare, { dispatch: t.dispatch, token: TOKEN, maxMessageBytes: 1024 });
    const barePort = await listen(bare, 0);
    const ws = await open(barePort);
    const small = await calls(ws, [{ id: 1, channel: 'setup.status', input: {}, session: null }]);
    expect(small.get(1)).toMatchObject({ ok: true });
    const code$ = closed(ws);
    ws.send(JSON.stringify({ id: 2, channel: 'setup.status', input: { pad: 'x'.repeat(2048) }, session: null }));
    expect(await code$).toBe(1009);
    bare.close();
  });

  it('closing the server closes its open sockets (1001) and finishes', async () => {
    const other = createWebServer({ dispatch: t.dispatch, staticDir, token: TOKEN });
    const otherPort = await listen(other, 0);
    const sockets = [await open(otherPort), await open(otherPort)];
    const codes = Promise.all(sockets.map(closed));
    await new Promise<void>((done, fail) => other.close((error) => (error ? fail(error) : done())));
    expect(await codes).toEqual([1001, 1001]);
    expect(other.listening).toBe(false);
  });
});
