import type { IpcMain } from 'electron';
import { CHANNEL_NAMES } from '../../shared/api/contract';
import { IPC_CHANNEL_NAMES, IPC_INVOKE } from '../../shared/api/bridge';
import type { ApiResult } from '../../shared/api/errors';
import type { Dispatch } from '../api/dispatcher';
import { isAppUrl } from './urls';

/** The part of an IpcMainInvokeEvent the handler reads (so tests can pass a plain object). */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export type InvokeHandler = (event: InvokeEventLike, channel: unknown, input: unknown, sessionToken: unknown) => Promise<ApiResult<unknown>>;

/**
 * The IPC → dispatcher bridge. The sender frame must be one of our own app://runback pages (a
 * frame that navigated elsewhere, or a destroyed one, is refused); the channel must be a string.
 * Everything else — unknown channels, input validation, sessions and roles — is the dispatcher's job.
 */
export function createInvokeHandler(dispatch: Dispatch): InvokeHandler {
  return async (event, channel, input, sessionToken) => {
    if (!isAppUrl(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page is not allowed to call the Runback API.' } };
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'The API channel must be named by a string.' } };
    }
    try {
      return await dispatch({ channel, input, sessionToken: typeof sessionToken === 'string' ? sessionToken : null, transport: 'ipc' });
    } catch {
      // The dispatcher returns errors as data; this only guards against a bug leaking a stack to the page.
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved.' } };
    }
  };
}

/** The channel names the preload asks for, synchronously, once at start-up. */
export function channelNamesReply(): string[] {
  return [...CHANNEL_NAMES];
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'on'>, dispatch: Dispatch): void {
  ipcMain.handle(IPC_INVOKE, createInvokeHandler(dispatch));
  ipcMain.on(IPC_CHANNEL_NAMES, (event) => {
    event.returnValue = channelNamesReply();
  });
}
