// What the Electron preload puts on window.ducha: one function per channel of the host contract, plus
// which host this is. The functions pass on the host's HostResult unchecked; the page validates it.
import type { ChannelName } from './index';

export type DuchaBridge = { readonly [C in ChannelName]: (request: unknown) => Promise<unknown> } & {
  readonly host: 'electron';
};
