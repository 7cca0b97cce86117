// The preload: puts exactly the host contract on window.ducha, one function per channel, and nothing
// else. Replies are passed on unchanged; the page checks them against the contract's schemas.
// Sandboxed preloads cannot require node modules, so this file is bundled whole (scripts/build-host.mjs).
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, type ChannelName, ipcChannelOf } from '../../shared/contract';
import type { DuchaBridge } from '../../shared/contract/bridge';

type ChannelCall = (request: unknown) => Promise<unknown>;

const callFor =
  (name: ChannelName): ChannelCall =>
  async (request) => {
    const reply: unknown = await ipcRenderer.invoke(ipcChannelOf(name), request);
    return reply;
  };

function channelCalls(): Record<ChannelName, ChannelCall> {
  // Object.fromEntries forgets the key type; CHANNEL_NAMES is every key of the contract, so this is exact.
  return Object.fromEntries(CHANNEL_NAMES.map((name) => [name, callFor(name)])) as Record<
    ChannelName,
    ChannelCall
  >;
}

const api = { host: 'electron', ...channelCalls() } satisfies DuchaBridge;

contextBridge.exposeInMainWorld('ducha', api);
