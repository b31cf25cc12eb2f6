import type { BridgeApi } from '../../shared/api/bridge';

export type Invoke = (channel: string, input: unknown, sessionToken: string | null) => Promise<unknown>;

/** The channel names main sent, kept only if they are strings (duplicates dropped). */
export function channelNamesFrom(reply: unknown): string[] {
  if (!Array.isArray(reply)) return [];
  return [...new Set(reply.filter((name): name is string => typeof name === 'string' && name !== ''))];
}

/**
 * One frozen function per channel and nothing else: the page can call the contract's channels,
 * each through the single invoke channel, and cannot name any other IPC message.
 */
export function buildBridgeApi(channelNames: readonly string[], invoke: Invoke): BridgeApi {
  const entries = channelNames.map((channel): [string, (input: unknown, sessionToken: string | null) => Promise<unknown>] => [
    channel,
    (input, sessionToken) => invoke(channel, input, typeof sessionToken === 'string' ? sessionToken : null),
  ]);
  // The entries are built from the contract's channel names, so this is exactly BridgeApi's shape.
  return Object.freeze(Object.fromEntries(entries)) as BridgeApi;
}
