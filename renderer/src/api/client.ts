import { contract, type ChannelName, type RequestInput, type ResponseData } from '../../../shared/api/contract';
import { ApiCallError } from './errors';
import { bridgeTransport, captureLaunchToken, httpPost, NOT_ANSWERING, TransportError, type Transport } from './transport';
import { socketTransport, socketUrl } from './socket-transport';
import { sessionStore, type SessionStore } from './session';

export interface ClientOptions {
  transport: Transport;
  session: SessionStore;
}

/**
 * The typed API client: one function for every channel of shared/api/contract.ts, with request and
 * response types taken from the contract. Failures throw ApiCallError. Two answers are handled here
 * for every screen: UNAUTHENTICATED on a signed-in call ends the session (sign-in shows), and
 * LOCKED on a signed-in call locks the screen. Public channels (setup, sign-in, unlock) report
 * them to their own screens instead: there they mean a wrong password or a locked account.
 */
export function createClient({ transport, session }: ClientOptions) {
  return async function call<K extends ChannelName>(channel: K, input: RequestInput<K>): Promise<ResponseData<K>> {
    const token = session.token();
    let result;
    try {
      result = await transport(channel, input, token);
    } catch (error) {
      throw new ApiCallError(channel, 'NETWORK', error instanceof TransportError ? error.message : NOT_ANSWERING);
    }
    if (result.ok) return result.value;
    const { code, message, fields } = result.error;
    const error = new ApiCallError(channel, code, message, fields ?? {});
    // Handing a kiosk back is a password check: a wrong one is the form's message, not the kiosk's end.
    const sessionCall = contract[channel].access !== 'public' && channel !== 'kiosk.handBack' && token !== null;
    // Only act if the answer is about the session still in use (not one replaced meanwhile).
    if (sessionCall && session.token() === token) {
      if (code === 'UNAUTHENTICATED') session.end({ notice: 'Your session has ended. Please sign in again.' });
      else if (code === 'LOCKED') session.lock();
    }
    throw error;
  };
}

export type Call = ReturnType<typeof createClient>;

type WriteListener = (channel: ChannelName) => void;
const writeListeners = new Set<WriteListener>();

/** Hear about every write that succeeded (the query cache asks the areas it changed again). */
export function onWrite(listener: WriteListener): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

function defaultTransport(): Transport {
  if (typeof window !== 'undefined' && window.runback) return bridgeTransport(window.runback);
  const launchToken = captureLaunchToken();
  // Web mode: the page's one WebSocket once it is open, HTTP until then and whenever it is not.
  return socketTransport({ launchToken: () => launchToken, post: httpPost(() => launchToken), url: socketUrl(window.location) });
}

let current: Call | null = null;

/** Replace the client (tests); the app calls nothing but `call`. */
export function setClient(client: Call | null) {
  current = client;
}

export async function call<K extends ChannelName>(channel: K, input: RequestInput<K>): Promise<ResponseData<K>> {
  current ??= createClient({ transport: defaultTransport(), session: sessionStore });
  const value = await current(channel, input);
  if (contract[channel].kind === 'write') for (const listener of writeListeners) listener(channel);
  return value;
}

/** True inside the desktop app. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.runback !== undefined;
}
