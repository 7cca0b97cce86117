// The IPC wrapper, driven without Electron: the Electron binary cannot run on the machines that run unit
// tests, so ipcMain and the invoke events are fakes holding just what the wrapper reads (IpcMainLike and
// InvokeEventLike; index.ts passes the real ipcMain, so the compiler checks the real objects fit).
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import {
  type AppInfo,
  CHANNEL_NAMES,
  type HostHandlers,
  type HostResult,
  ipcChannelOf,
} from '../../shared/contract';
import { type InvokeEventLike, type IpcMainLike, registerHostHandlers } from './ipc';
import { createTrustedSenderCheck } from './trusted-sender';

type Listener = Parameters<IpcMainLike['handle']>[1];

const OUR_WEB_CONTENTS_ID = 7;
const context = { dataDir: '/tmp/ducha-test' };
const info: AppInfo = {
  name: 'Ducha',
  version: '0.0.0-test',
  host: 'electron',
  hostVersion: '45.5.0',
  platform: 'linux',
  arch: 'x64',
  dataDir: context.dataDir,
  systemLocale: 'zh-CN',
  forcedLanguage: null,
};

const notHere = () => Promise.reject(new Error('not part of this test'));
/** The hand-over channels: registered like every other, not called by these tests. */
const notUsedHere = {
  exchangeDrives: notHere,
  exchangeChooseFolder: notHere,
  exchangeBrowse: notHere,
  exchangeGrant: notHere,
  exchangeLeftovers: notHere,
  exchangeRemoveLeftovers: notHere,
  exportBegin: notHere,
  exportWrite: notHere,
  exportFinish: notHere,
  exportAbort: notHere,
  importScan: notHere,
  importRead: notHere,
  importReadFiles: notHere,
  syncCall: notHere,
  syncUploadOffset: notHere,
  syncUpload: notHere,
  syncDownload: notHere,
} satisfies Partial<HostHandlers>;

function setUp(isTrustedSender = createTrustedSenderCheck((sender) => sender.id === OUR_WEB_CONTENTS_ID)) {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      listeners.set(channel, listener);
    },
  };
  const handlers = {
    appInfo: vi.fn<HostHandlers['appInfo']>(() => Promise.resolve(info)),
    reportProblem: vi.fn<HostHandlers['reportProblem']>(() => Promise.resolve({ logged: true })),
    printPdf: vi.fn<HostHandlers['printPdf']>(() => Promise.resolve({ pdfBase64: '', pages: 0, bytes: 0 })),
    ...notUsedHere,
  } satisfies HostHandlers;
  registerHostHandlers(ipcMain, handlers, isTrustedSender, context);

  const invoke = (
    channel: string,
    event: InvokeEventLike,
    payload: unknown,
  ): Promise<HostResult<unknown>> => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`nothing registered for ${channel}`);
    return listener(event, payload);
  };
  return { listeners, handlers, invoke };
}

const eventFrom = (url: string, webContentsId = OUR_WEB_CONTENTS_ID): InvokeEventLike => ({
  senderFrame: { url },
  sender: { id: webContentsId },
});

describe('registerHostHandlers', () => {
  // Refusals are logged; keep the test output quiet and check the log where it matters.
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('registers every channel of the contract, and nothing else', () => {
    const { listeners } = setUp();
    expect([...listeners.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannelOf).sort());
  });

  it('accepts a well-formed call from our page in our window', async () => {
    const { handlers, invoke } = setUp();
    const reply = await invoke('ducha:appInfo', eventFrom('app://ducha/index.html?lang=en'), {});
    expect(reply).toEqual({ ok: true, value: info });
    expect(handlers.appInfo).toHaveBeenCalledWith({}, context);
  });

  it.each([
    ['a foreign web page', 'https://evil.example/'],
    ['a local file', 'file:///home/user/evil.html'],
    ['a look-alike host', 'app://ducha.evil/index.html'],
    ['our host on another port', 'app://ducha:8080/index.html'],
    ['a page served by some other scheme', 'http://ducha/index.html'],
    ['an unparsable address', 'not a url'],
  ])('refuses %s without running the handler', async (_label, url) => {
    const { handlers, invoke } = setUp();
    const reply = await invoke('ducha:appInfo', eventFrom(url), {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.appInfo).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused a call to appInfo'));
  });

  it('refuses our page when it sits in a window that is not ours', async () => {
    const { handlers, invoke } = setUp();
    const reply = await invoke('ducha:appInfo', eventFrom('app://ducha/index.html', 99), {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone', async () => {
    const { handlers, invoke } = setUp();
    const reply = await invoke(
      'ducha:appInfo',
      { senderFrame: null, sender: { id: OUR_WEB_CONTENTS_ID } },
      {},
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });

  it('refuses, rather than throws, when the sender check itself throws', async () => {
    const { handlers, invoke } = setUp(() => {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    });
    const reply = await invoke('ducha:appInfo', eventFrom('app://ducha/index.html'), {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });

  it.each([
    ['a payload of the wrong shape', { kind: 'uncaught' }],
    ['an unknown kind', { kind: 'gossip', message: 'hello' }],
    ['extra fields', { kind: 'other', message: 'hello', sneaky: true }],
    ['no payload at all', undefined],
  ])(
    'answers badRequest to %s from a trusted sender, without running the handler',
    async (_label, payload) => {
      const { handlers, invoke } = setUp();
      const reply = await invoke('ducha:reportProblem', eventFrom('app://ducha/index.html'), payload);
      expect(reply).toMatchObject({ ok: false, error: { code: 'badRequest' } });
      expect(handlers.reportProblem).not.toHaveBeenCalled();
    },
  );
});
