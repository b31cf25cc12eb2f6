import { describe, expect, it, vi } from 'vitest';
import { SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '../../../shared/api/bridge';
import type { ApiResult } from '../../../shared/api/errors';
import { createClient } from '../../../renderer/src/api/client';
import { SessionStore } from '../../../renderer/src/api/session';
import { REOPEN_FIRST_MS, SOCKET_LARGEST_INPUT, socketTransport, socketUrl } from '../../../renderer/src/api/socket-transport';
import { NOT_ANSWERING, TransportError, type PostCall } from '../../../renderer/src/api/transport';

/** A browser WebSocket the test drives: it opens, answers and closes when told. */
class FakeSocket {
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = this.CONNECTING;
  sent: string[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: object) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(text: string) {
    this.sent.push(text);
  }
  close() {
    this.readyState = this.CLOSED;
  }
  accept() {
    this.readyState = this.OPEN;
  }
  reply(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
  lose() {
    this.readyState = this.CLOSED;
    this.onclose?.({});
  }
  calls() {
    return this.sent.map((text) => JSON.parse(text) as { id: number; channel: string; input: unknown; session: string | null });
  }
}

const HTTP_ANSWER: ApiResult<unknown> = { ok: true, value: { via: 'http' } };

function setup(token: string | null = 'launch-1') {
  const sockets: FakeSocket[] = [];
  let clock = 0;
  const post = vi.fn<PostCall>(async () => HTTP_ANSWER);
  const transport = socketTransport({
    launchToken: () => token,
    post,
    url: 'ws://127.0.0.1:4000/api/socket',
    openSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    now: () => clock,
  });
  return { transport, post, sockets, advance: (ms: number) => (clock += ms) };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('web-mode socket transport', () => {
  it('opens the socket with the first call and sends that call over HTTP rather than wait', async () => {
    const { transport, post, sockets } = setup();
    await expect(transport('patients.list', { query: 'gar' }, 'sess-1')).resolves.toEqual(HTTP_ANSWER);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe('ws://127.0.0.1:4000/api/socket');
    expect(sockets[0]!.protocols).toEqual([SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}launch-1`]);
    expect(post).toHaveBeenCalledWith('patients.list', '{"query":"gar"}', 'sess-1');
    expect(sockets[0]!.sent).toEqual([]);
    // Still connecting: HTTP again, and no second socket.
    await transport('setup.status', {}, null);
    expect(post).toHaveBeenCalledTimes(2);
    expect(sockets).toHaveLength(1);
  });

  it('once open, sends calls over the socket and resolves each by its id, in whatever order they come', async () => {
    const { transport, post, sockets } = setup();
    await transport('setup.status', {}, null);
    const socket = sockets[0]!;
    socket.accept();
    const first = transport('patients.list', { query: 'a' }, 'sess-1');
    const second = transport('setup.status', {}, null);
    expect(socket.calls()).toEqual([
      { id: 1, channel: 'patients.list', input: { query: 'a' }, session: 'sess-1' },
      { id: 2, channel: 'setup.status', input: {}, session: null },
    ]);
    socket.reply({ id: 2, result: { ok: true, value: 'second' } });
    socket.reply({ id: 99, result: { ok: true, value: 'nobody asked' } });
    socket.reply({ id: 1, result: { ok: false, error: { code: 'VALIDATION', message: 'No.' } } });
    await expect(second).resolves.toEqual({ ok: true, value: 'second' });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'VALIDATION', message: 'No.' } });
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('sends a large input over HTTP even with the socket open', async () => {
    const { transport, post, sockets } = setup();
    await transport('setup.status', {}, null);
    sockets[0]!.accept();
    const big = { name: 'x'.repeat(SOCKET_LARGEST_INPUT) };
    await transport('patients.list', big as never, 'sess-1');
    expect(post).toHaveBeenLastCalledWith('patients.list', JSON.stringify(big), 'sess-1');
    expect(sockets[0]!.sent).toEqual([]);
  });

  it('fails the calls in flight when the socket closes, sends none of them again, and goes on over HTTP', async () => {
    const { transport, post, sockets } = setup();
    await transport('setup.status', {}, null);
    const socket = sockets[0]!;
    socket.accept();
    const booking = transport('appointments.book', { patientId: 1 } as never, 'sess-1');
    const search = transport('patients.list', { query: 'a' }, 'sess-1');
    socket.lose();
    for (const error of [await rejection(booking), await rejection(search)]) {
      expect(error).toBeInstanceOf(TransportError);
      expect(error.message).toBe(NOT_ANSWERING);
    }
    expect(socket.sent).toHaveLength(2);
    expect(post).toHaveBeenCalledTimes(1);
    // The next call goes over HTTP, and no socket is opened again before the backoff has passed.
    await expect(transport('patients.list', { query: 'b' }, 'sess-1')).resolves.toEqual(HTTP_ANSWER);
    expect(sockets).toHaveLength(1);
  });

  it('reopens the socket with a later call once the backoff has passed, waiting longer while none answers', async () => {
    const { transport, sockets, advance } = setup();
    await transport('setup.status', {}, null);
    sockets[0]!.lose();
    advance(REOPEN_FIRST_MS - 1);
    await transport('setup.status', {}, null);
    expect(sockets).toHaveLength(1);
    advance(1);
    await transport('setup.status', {}, null);
    expect(sockets).toHaveLength(2);
    // Refused again without answering anything: twice the wait.
    sockets[1]!.lose();
    advance(REOPEN_FIRST_MS);
    await transport('setup.status', {}, null);
    expect(sockets).toHaveLength(2);
    advance(REOPEN_FIRST_MS);
    await transport('setup.status', {}, null);
    expect(sockets).toHaveLength(3);
    // One that answers resets the wait.
    const third = sockets[2]!;
    third.accept();
    const answered = transport('setup.status', {}, null);
    third.reply({ id: 1, result: { ok: true, value: null } });
    await answered;
    third.lose();
    advance(REOPEN_FIRST_MS);
    await transport('setup.status', {}, null);
    expect(sockets).toHaveLength(4);
  });

  it('an answer that is not an ApiResult fails its call; one that is not JSON fails every call on the socket', async () => {
    const { transport, sockets } = setup();
    await transport('setup.status', {}, null);
    const socket = sockets[0]!;
    socket.accept();
    const odd = transport('setup.status', {}, null);
    socket.reply({ id: 1, result: { nothing: true } });
    expect(await rejection(odd)).toBeInstanceOf(TransportError);
    const a = transport('setup.status', {}, null);
    const b = transport('auth.me', {}, 'sess-1');
    socket.reply('{garbled');
    expect((await rejection(a)).message).toMatch(/does not understand/);
    expect((await rejection(b)).message).toMatch(/does not understand/);
    expect(socket.readyState).toBe(socket.CLOSED);
  });

  it('without a launch token opens no socket (the server would refuse it) and uses HTTP', async () => {
    const { transport, post, sockets } = setup(null);
    await transport('setup.status', {}, null);
    expect(sockets).toHaveLength(0);
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('a call lost with its socket reaches the screen as the same NETWORK error as an unanswered HTTP call', async () => {
    const { transport, sockets } = setup();
    const session = new SessionStore();
    session.begin({ sessionToken: 'sess-1', user: { id: 1, username: 'dana', displayName: 'Dana', role: 'admin' }, idleLockMinutes: 10 });
    const call = createClient({ transport, session });
    await call('setup.status', {});
    sockets[0]!.accept();
    const lost = call('patients.list', { query: 'a' });
    sockets[0]!.lose();
    const error = await rejection(lost);
    expect(error).toMatchObject({ code: 'NETWORK', message: NOT_ANSWERING });
    expect(session.getState().phase).toBe('signedIn');
  });

  it('addresses the socket at this page’s own host', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/api/socket');
    expect(socketUrl({ protocol: 'https:', host: 'localhost:4000' })).toBe('wss://localhost:4000/api/socket');
  });
});
