/**
 * The sandboxed preload. A sandboxed preload can require nothing but 'electron' (no relative
 * chunks), so this file takes only TYPES from shared/: the two IPC names are restated below and
 * the compiler checks they are the very literals shared/api/bridge.ts declares. It exposes
 * window.runback = { api, platform } and never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IPC_CHANNEL_NAMES as SharedChannelNames, IPC_INVOKE as SharedInvoke, RunbackBridge } from '../../shared/api/bridge';
import { buildBridgeApi, channelNamesFrom } from './bridge-api';

const IPC_INVOKE: typeof SharedInvoke = 'runback:invoke';
const IPC_CHANNEL_NAMES: typeof SharedChannelNames = 'runback:channel-names';

const channelNames = channelNamesFrom(ipcRenderer.sendSync(IPC_CHANNEL_NAMES));

const bridge: RunbackBridge = Object.freeze({
  api: buildBridgeApi(channelNames, (channel, input, sessionToken) => ipcRenderer.invoke(IPC_INVOKE, channel, input, sessionToken)),
  platform: process.platform,
});

contextBridge.exposeInMainWorld('runback', bridge);
