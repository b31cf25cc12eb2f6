import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/api/contract';
import { IPC_CHANNEL_NAMES, IPC_INVOKE, type RunbackBridge } from '../../../shared/api/bridge';

// Toolchain P3: the preload imports 'electron'; the real package would try to download a binary.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    sendSync: vi.fn(),
    invoke: vi.fn(),
    send: vi.fn(),
    on: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

import { buildBridgeApi, channelNamesFrom } from '../../../electron/preload/bridge-api';

async function loadPreload(channelReply: unknown): Promise<RunbackBridge> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockReset();
  electron.ipcRenderer.sendSync.mockReset().mockReturnValue(channelReply);
  electron.ipcRenderer.invoke.mockReset().mockResolvedValue({ ok: true, value: 'pong' });
  await import('../../../electron/preload/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, RunbackBridge];
  expect(key).toBe('runback');
  return bridge;
}

describe('preload', () => {
  beforeEach(() => vi.clearAllMocks());

  it('asks main for the channel names once, synchronously, on the names channel', async () => {
    await loadPreload([...CHANNEL_NAMES]);
    expect(electron.ipcRenderer.sendSync).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.sendSync).toHaveBeenCalledWith(IPC_CHANNEL_NAMES);
  });

  it('exposes exactly { api, platform }, frozen, with one function per contract channel', async () => {
    const bridge = await loadPreload([...CHANNEL_NAMES]);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'platform']);
    expect(bridge.platform).toBe(process.platform);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.api)).toBe(true);
    expect(Object.keys(bridge.api).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof bridge.api[name], name).toBe('function');
    // Nothing that could reach IPC generically.
    const exposed = JSON.stringify(Object.keys(bridge.api));
    for (const forbidden of ['ipcRenderer', 'send', 'invoke', 'on', 'sendSync']) expect(exposed).not.toContain(`"${forbidden}"`);
  });

  it('each function invokes IPC_INVOKE with its own channel, the input and the session token', async () => {
    const bridge = await loadPreload([...CHANNEL_NAMES]);
    const channel = CHANNEL_NAMES[0];
    if (channel === undefined) throw new Error('the contract has no channels');
    const call = bridge.api[channel] as (input: unknown, token: string | null) => Promise<unknown>;
    await expect(call({ some: 'input' }, 'token-1')).resolves.toEqual({ ok: true, value: 'pong' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, channel, { some: 'input' }, 'token-1');
    await call(undefined, null);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_INVOKE, channel, undefined, null);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('a bad reply from main exposes an empty api rather than throwing', async () => {
    const bridge = await loadPreload('not a list');
    expect(Object.keys(bridge.api)).toEqual([]);
  });
});

describe('bridge-api helpers', () => {
  it('channelNamesFrom keeps unique non-empty strings only', () => {
    expect(channelNamesFrom(['a', 'b', 'a', 3, null, '', { x: 1 }])).toEqual(['a', 'b']);
    expect(channelNamesFrom(undefined)).toEqual([]);
  });

  it('buildBridgeApi keeps hostile names as plain own properties and coerces bad tokens to null', async () => {
    const invoke = vi.fn(async () => 'r');
    const api = buildBridgeApi(['__proto__', 'x.y'], invoke) as unknown as Record<string, (i: unknown, t: unknown) => Promise<unknown>>;
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    expect(Object.keys(api)).toEqual(['__proto__', 'x.y']);
    await api['x.y']?.(1, { not: 'a token' });
    expect(invoke).toHaveBeenCalledWith('x.y', 1, null);
  });
});
