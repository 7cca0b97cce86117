// The host contract: every call the page can make to its host, with schemas for both directions.
// Both hosts (Electron IPC and the loopback HTTP server) implement exactly this map.
import type { z } from 'zod';
import { appChannels } from './app-channels';
import { exchangeChannels } from './exchange-channels';
import { reportChannels } from './report-channels';
import { syncChannels } from './sync-channels';
import type { ChannelSpec } from './channel';

export const hostContract = {
  ...appChannels,
  ...reportChannels,
  ...exchangeChannels,
  ...syncChannels,
} as const satisfies Record<string, ChannelSpec>;

export type HostContract = typeof hostContract;
export type ChannelName = keyof HostContract;
export type RequestOf<C extends ChannelName> = z.input<HostContract[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<HostContract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<HostContract[C]['response']>;

/** What the page calls: one function per channel. */
export type HostApi = { readonly [C in ChannelName]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** Context a handler receives from whichever host runs it. */
export interface HostContext {
  readonly dataDir: string;
}

/** What a host implements: one handler per channel, given an already-validated request. */
export type HostHandlers = {
  readonly [C in ChannelName]: (request: ParsedRequestOf<C>, context: HostContext) => Promise<ResponseOf<C>>;
};

export const CHANNEL_NAMES = Object.keys(hostContract) as ChannelName[];
export const isChannelName = (name: string): name is ChannelName => Object.hasOwn(hostContract, name);
/** The Electron IPC channel for a contract entry. */
export const ipcChannelOf = (name: ChannelName): string => `ducha:${name}`;
/** The browser host's URL path for a contract entry. */
export const httpPathOf = (name: ChannelName): string => `/api/${name}`;

export * from './app-channels';
export * from './report-channels';
export * from './exchange-channels';
export * from './sync-channels';
export * from './channel';
export * from './result';
