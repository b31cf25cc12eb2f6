// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../shared/api/errors';
import { HTTP_SESSION_HEADER, HTTP_TOKEN_HEADER } from '../../../shared/api/bridge';
import { createClient } from '../../../renderer/src/api/client';
import { ApiCallError } from '../../../renderer/src/api/errors';
import { SessionStore } from '../../../renderer/src/api/session';
import { captureLaunchToken, httpPost, type Transport } from '../../../renderer/src/api/transport';
import { applyServerErrors } from '../../../renderer/src/forms/serverErrors';

const grant = { sessionToken: 'sess-1', user: { id: 1, username: 'dana', displayName: 'Dana Whitfield', role: 'admin' as const }, idleLockMinutes: 10 };

function setup(answer: ApiResult<unknown> | Error) {
  const session = new SessionStore();
  session.begin(grant);
  const transport = vi.fn(async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  }) as unknown as Transport & ReturnType<typeof vi.fn>;
  return { session, transport, call: createClient({ transport, session }) };
}

async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiCallError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('API client', () => {
  it('returns the value and sends the session token with the call', async () => {
    const { call, transport } = setup({ ok: true, value: { total: 0, rows: [] } });
    await expect(call('patients.list', { query: 'gar' })).resolves.toEqual({ total: 0, rows: [] });
    expect(transport).toHaveBeenCalledWith('patients.list', { query: 'gar' }, 'sess-1');
  });

  it('throws ApiCallError with code, message and field messages', async () => {
    const { call, session } = setup({
      ok: false,
      error: { code: 'VALIDATION', message: 'Date of birth is in the future', fields: { 'patient.dateOfBirth': 'Date of birth is in the future' } },
    });
    const error = await failure(call('patients.update', { id: 3, patient: {} as never }));
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Date of birth is in the future');
    expect(error.fields).toEqual({ 'patient.dateOfBirth': 'Date of birth is in the future' });
    expect(error.channel).toBe('patients.update');
    expect(session.getState().phase).toBe('signedIn');
  });

  it('UNAUTHENTICATED on a signed-in channel ends the session (sign-in shows)', async () => {
    const { call, session } = setup({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
    expect((await failure(call('patients.get', { id: 1 }))).code).toBe('UNAUTHENTICATED');
    const state = session.getState();
    expect(state.phase).toBe('signedOut');
    expect(state.phase === 'signedOut' && state.notice).toMatch(/sign in again/);
  });

  it('LOCKED on a signed-in channel locks the screen but keeps the session', async () => {
    const { call, session } = setup({ ok: false, error: { code: 'LOCKED', message: 'The screen is locked: sign in again to go on.' } });
    await failure(call('patients.list', {}));
    const state = session.getState();
    expect(state.phase === 'signedIn' && state.locked).toBe(true);
    expect(session.token()).toBe('sess-1');
  });

  it('on sign-in and unlock, LOCKED and UNAUTHENTICATED are the screen’s to show, not a session change', async () => {
    const locked = setup({ ok: false, error: { code: 'LOCKED', message: 'Too many failed sign-ins: this account is locked for 5 minutes.' } });
    const error = await failure(locked.call('auth.signIn', { username: 'dana', password: 'x' }));
    expect(error.message).toBe('Too many failed sign-ins: this account is locked for 5 minutes.');
    expect(locked.session.isLocked()).toBe(false);

    const wrong = setup({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Username or password is wrong.' } });
    wrong.session.lock();
    expect((await failure(wrong.call('auth.unlock', { password: 'x' }))).code).toBe('UNAUTHENTICATED');
    expect(wrong.session.getState().phase).toBe('signedIn');
    expect(wrong.session.isLocked()).toBe(true);
  });

  it('ignores an answer about a session that has since been replaced', async () => {
    const session = new SessionStore();
    session.begin(grant);
    let release: (r: ApiResult<unknown>) => void = () => {};
    const transport = (() => new Promise<ApiResult<unknown>>((r) => (release = r))) as unknown as Transport;
    const call = createClient({ transport, session });
    const pending = call('patients.list', {});
    session.begin({ ...grant, sessionToken: 'sess-2' });
    release({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
    await failure(pending);
    expect(session.token()).toBe('sess-2');
  });

  it('a transport that cannot reach Runback becomes NETWORK', async () => {
    const { call } = setup(new TypeError('fetch failed'));
    const error = await failure(call('auth.me', {}));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/not answering/);
  });
});

describe('web-mode HTTP transport', () => {
  it('POSTs JSON to /api/<channel> with both tokens and reads the ApiResult whatever the status', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'CONFLICT', message: 'Someone else changed this patient.' } }), { status: 409 }));
    const post = httpPost(() => 'launch-1', fetchImpl as unknown as typeof fetch);
    const result = await post('patients.update', JSON.stringify({ id: 1, patient: {} }), 'sess-1');
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Someone else changed this patient.' } });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/patients.update');
    expect(init.method).toBe('POST');
    const headers = init.headers as Record<string, string>;
    expect(headers[HTTP_TOKEN_HEADER]).toBe('launch-1');
    expect(headers[HTTP_SESSION_HEADER]).toBe('sess-1');
    expect(JSON.parse(String(init.body))).toEqual({ id: 1, patient: {} });
  });

  it('sends no session header before sign-in', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { clinicExists: false, clinicName: null } })));
    await httpPost(() => 'launch-1', fetchImpl as unknown as typeof fetch)('setup.status', '{}', null);
    const headers = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers[HTTP_SESSION_HEADER]).toBeUndefined();
  });

  it('keeps the launch token from the address in sessionStorage and takes it out of the address bar', () => {
    const storage = new Map<string, string>();
    const replaced: string[] = [];
    const fake = {
      location: { hash: '#token=abc123', pathname: '/', search: '' },
      history: { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
      sessionStorage: { setItem: (k: string, v: string) => storage.set(k, v), getItem: (k: string) => storage.get(k) ?? null },
    } as unknown as Window;
    expect(captureLaunchToken(fake)).toBe('abc123');
    expect(replaced).toEqual(['/#/']);
    expect([...storage.values()]).toEqual(['abc123']);
    (fake.location as { hash: string }).hash = '#/patients';
    expect(captureLaunchToken(fake)).toBe('abc123');
  });
});

describe('server field errors onto a form', () => {
  it('places messages on known fields (dropping the request prefix) and returns the rest', () => {
    const setError = vi.fn();
    const error = new ApiCallError('patients.update', 'VALIDATION', 'x', {
      'patient.dateOfBirth': 'Date of birth is in the future',
      'patient.legalLastName': 'Legal last name is required',
      expectedUpdatedAt: 'Not a time',
      _duplicate: 'RB000001',
    });
    const { placed, unplaced } = applyServerErrors(error, setError, ['dateOfBirth', 'legalLastName'], { prefix: 'patient.' });
    expect(placed).toBe(2);
    expect(unplaced).toEqual(['Not a time']);
    expect(setError).toHaveBeenCalledWith('dateOfBirth', { type: 'server', message: 'Date of birth is in the future' }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith('legalLastName', { type: 'server', message: 'Legal last name is required' }, { shouldFocus: false });
  });
});
