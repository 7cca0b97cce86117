// Checklist 20 (do not expose Electron APIs to web content) and 17's other half: the preload puts on
// window.ducha one function per channel of the host contract and nothing else — no ipcRenderer, no
// way to name a channel of one's own. Electron is a fake here (no binary runs in unit tests).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, ipcChannelOf } from '../../shared/contract';

const exposed = vi.hoisted(() => ({ worlds: [] as [string, unknown][], invoked: [] as string[] }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => exposed.worlds.push([key, api]),
  },
  ipcRenderer: {
    invoke: (channel: string) => {
      exposed.invoked.push(channel);
      return Promise.resolve({ ok: true, value: null });
    },
  },
}));

beforeEach(async () => {
  exposed.worlds.length = 0;
  exposed.invoked.length = 0;
  vi.resetModules();
  await import('./index');
});

describe('the preload', () => {
  it('exposes window.ducha alone: the host kind and one function per channel of the contract', () => {
    expect(exposed.worlds.map(([key]) => key)).toEqual(['ducha']);
    const api = exposed.worlds[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['host', ...CHANNEL_NAMES].sort());
    expect(api.host).toBe('electron');
    for (const name of CHANNEL_NAMES) expect(typeof api[name], name).toBe('function');
  });

  it('invokes only the contract channel each function is for', async () => {
    const api = exposed.worlds[0]?.[1] as Record<string, (request: unknown) => Promise<unknown>>;
    for (const name of CHANNEL_NAMES) await api[name]?.({});
    expect(exposed.invoked).toEqual(CHANNEL_NAMES.map((name) => ipcChannelOf(name)));
  });
});
