import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CHANNEL_NAMES } from '../../../shared/api/contract';
import { IPC_CHANNEL_NAMES, IPC_INVOKE } from '../../../shared/api/bridge';
import type { Dispatch } from '../../../electron/api/dispatcher';
import { createInvokeHandler, registerIpc, type InvokeEventLike } from '../../../electron/main/ipc';

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://runback/index.html#/patients' } };
const channel = CHANNEL_NAMES[0] ?? 'missing';

function fakeDispatch() {
  return vi.fn<Dispatch>(async () => ({ ok: true, value: { answered: true } }));
}

describe('the IPC invoke handler', () => {
  it('forwards a call from the app to dispatch with transport ipc', async () => {
    const dispatch = fakeDispatch();
    const result = await createInvokeHandler(dispatch)(fromApp, channel, { q: 'smith' }, 'session-token');
    expect(result).toEqual({ ok: true, value: { answered: true } });
    expect(dispatch).toHaveBeenCalledWith({ channel, input: { q: 'smith' }, sessionToken: 'session-token', transport: 'ipc' });
  });

  it('passes unknown channel names on (the dispatcher refuses them) and coerces a bad token to null', async () => {
    const dispatch = fakeDispatch();
    await createInvokeHandler(dispatch)(fromApp, 'no.such.channel', {}, 42);
    expect(dispatch).toHaveBeenCalledWith({ channel: 'no.such.channel', input: {}, sessionToken: null, transport: 'ipc' });
  });

  it.each([
    ['a foreign https page', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file:// page', { senderFrame: { url: 'file:///work/main/dist/index.html' } }],
    ['another app host', { senderFrame: { url: 'app://evil/index.html' } }],
    ['a lookalike host', { senderFrame: { url: 'app://runback.evil/index.html' } }],
    ['about:blank', { senderFrame: { url: 'about:blank' } }],
    ['an empty URL', { senderFrame: { url: '' } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s with FORBIDDEN and never dispatches', async (_label, event) => {
    const dispatch = fakeDispatch();
    const result = await createInvokeHandler(dispatch)(event as InvokeEventLike, channel, {}, 'session-token');
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([[42], [null], [undefined], [{ toString: () => channel }], [[channel]]])('refuses a non-string channel %j', async (bad) => {
    const dispatch = fakeDispatch();
    const result = await createInvokeHandler(dispatch)(fromApp, bad, {}, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('a throwing dispatcher becomes INTERNAL without its stack', async () => {
    const dispatch = vi.fn<Dispatch>(async () => {
      throw new Error('secret stack detail');
    });
    const result = await createInvokeHandler(dispatch)(fromApp, channel, {}, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret stack detail');
  });
});

describe('registerIpc', () => {
  it('registers the invoke handler and answers the channel-names request synchronously', async () => {
    const ipcMain = { handle: vi.fn(), on: vi.fn() };
    const dispatch = fakeDispatch();
    registerIpc(ipcMain, dispatch);

    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]?.[0]).toBe(IPC_INVOKE);
    const handler = ipcMain.handle.mock.calls[0]?.[1] as (e: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;
    await handler(fromApp, channel, {}, 't');
    expect(dispatch).toHaveBeenCalledTimes(1);

    expect(ipcMain.on).toHaveBeenCalledTimes(1);
    expect(ipcMain.on.mock.calls[0]?.[0]).toBe(IPC_CHANNEL_NAMES);
    const names = ipcMain.on.mock.calls[0]?.[1] as (e: { returnValue?: unknown }) => void;
    const event: { returnValue?: unknown } = {};
    names(event);
    expect(event.returnValue).toEqual([...CHANNEL_NAMES]);
    expect(event.returnValue).not.toBe(CHANNEL_NAMES);
  });
});
