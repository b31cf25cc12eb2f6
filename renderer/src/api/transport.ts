import type { ChannelName, RequestInput, ResponseData } from '../../../shared/api/contract';
import { HTTP_SESSION_HEADER, HTTP_TOKEN_HEADER, type RunbackBridge } from '../../../shared/api/bridge';
import type { ApiResult } from '../../../shared/api/errors';

declare global {
  interface Window {
    /** Present only inside the desktop app (exposed by the preload). */
    runback?: RunbackBridge;
  }
}

/** Carries one call to the dispatcher and brings back its ApiResult. Throws only when nothing answered. */
export type Transport = <K extends ChannelName>(channel: K, input: RequestInput<K>, sessionToken: string | null) => Promise<ApiResult<ResponseData<K>>>;

/** Desktop: the preload's generated per-channel functions. */
export function bridgeTransport(bridge: RunbackBridge): Transport {
  return (channel, input, sessionToken) => bridge.api[channel](input, sessionToken);
}

export class TransportError extends Error {}

/** What a call that got no answer fails with, whichever way it went (it may still have run: never send it again). */
export const NOT_ANSWERING = 'Runback is not answering. Check that it is still running, then try again.';

export function isApiResult(value: unknown): value is ApiResult<never> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error === 'object' && v.error !== null && typeof (v.error as { message?: unknown }).message === 'string';
}

/** One call as HTTP carries it: the input already JSON (a caller that measured it need not serialize it twice). */
export type PostCall = (channel: ChannelName, body: string, sessionToken: string | null) => Promise<ApiResult<unknown>>;

/**
 * Web mode: POST /api/<channel> with the JSON input, the per-launch token and (when signed in) the
 * session token. The body is the ApiResult whatever the HTTP status.
 */
export function httpPost(launchToken: () => string | null, fetchImpl: typeof fetch = (...args) => fetch(...args)): PostCall {
  return async (channel, body, sessionToken) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = launchToken();
    if (token) headers[HTTP_TOKEN_HEADER] = token;
    if (sessionToken) headers[HTTP_SESSION_HEADER] = sessionToken;
    let response: Response;
    try {
      response = await fetchImpl(`/api/${encodeURIComponent(channel)}`, { method: 'POST', headers, body, cache: 'no-store', credentials: 'same-origin' });
    } catch {
      throw new TransportError(NOT_ANSWERING);
    }
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      throw new TransportError(`Runback answered in a way this window does not understand (HTTP ${response.status}).`);
    }
    if (!isApiResult(answer)) throw new TransportError(`Runback answered in a way this window does not understand (HTTP ${response.status}).`);
    return answer;
  };
}

const LAUNCH_TOKEN_KEY = 'runback.launchToken';

/**
 * Web mode's launch token arrives once in the address (#token=…). Keep it for this tab in
 * sessionStorage and take it out of the address bar (and out of the history) straight away.
 */
let captured: string | null = null;

export function captureLaunchToken(win: Pick<Window, 'location' | 'history' | 'sessionStorage'> = window): string | null {
  if (captured && win === window) return captured;
  const hash = win.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(hash.startsWith('/') ? '' : hash);
  const fromUrl = params.get('token');
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(LAUNCH_TOKEN_KEY, fromUrl);
    } catch {
      // Storage refused (private mode): the token still works for this page's life.
    }
    win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}#/`);
    if (win === window) captured = fromUrl;
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(LAUNCH_TOKEN_KEY);
  } catch {
    return null;
  }
}
