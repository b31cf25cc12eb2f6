import type { ApiResult } from './errors';
import type { ChannelName, RequestInput, ResponseData } from './contract';

/**
 * What Electron's preload exposes on window.runback: one function per contract channel, generated
 * from the contract's channel list (never ipcRenderer itself).
 */
export type BridgeApi = {
  readonly [K in ChannelName]: (input: RequestInput<K>, sessionToken: string | null) => Promise<ApiResult<ResponseData<K>>>;
};

export interface RunbackBridge {
  readonly api: BridgeApi;
  readonly platform: string;
}

/** The IPC channel the preload and main use to carry every API call. */
export const IPC_INVOKE = 'runback:invoke';
/** Synchronous IPC the preload uses once at start-up to learn the contract's channel names. */
export const IPC_CHANNEL_NAMES = 'runback:channel-names';

/** Web mode: the per-launch token header (answered 401 without it) and the session header. */
export const HTTP_TOKEN_HEADER = 'x-runback-token';
export const HTTP_SESSION_HEADER = 'x-runback-session';

/**
 * Web mode's WebSocket, which carries the same calls as POST /api/<channel> at a fraction of an HTTP
 * round trip's cost in the browser. A page cannot set headers on a WebSocket, so the launch token
 * travels in the subprotocol list (`token.<launch token>`) next to SOCKET_PROTOCOL, the one the
 * server selects.
 */
export const SOCKET_PATH = '/api/socket';
export const SOCKET_PROTOCOL = 'runback.v1';
export const SOCKET_TOKEN_PREFIX = 'token.';

/** One call over the socket: `id` pairs it with its answer, since several may be in flight at once. */
export interface SocketCall {
  id: number;
  channel: string;
  input: unknown;
  session: string | null;
}

/** The answer to the call with the same id: `result` is exactly what POST /api/<channel> would answer. */
export interface SocketAnswer {
  id: number;
  result: ApiResult<unknown>;
}
