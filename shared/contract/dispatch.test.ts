import { describe, expect, it, vi } from 'vitest';
import type { HostHandlers } from './index';
import { dispatch } from './dispatch';

const info = {
  name: 'Ducha',
  version: '0.1.0',
  host: 'browser' as const,
  hostVersion: '20',
  platform: 'linux',
  arch: 'x64',
  dataDir: '/tmp/d',
  systemLocale: 'zh-CN',
  forcedLanguage: null,
};

const notHere = () => Promise.reject(new Error('not part of this test'));
const unusedExchange = {
  exchangeDrives: notHere,
  exchangeChooseFolder: notHere,
  exchangeBrowse: notHere,
  exchangeLeftovers: notHere,
  exchangeRemoveLeftovers: notHere,
  exportBegin: notHere,
  exportWrite: notHere,
  exportFinish: notHere,
  exportAbort: notHere,
  importScan: notHere,
  importRead: notHere,
  importReadFiles: notHere,
  exchangeGrant: notHere,
  syncCall: notHere,
  syncUploadOffset: notHere,
  syncUpload: notHere,
  syncDownload: notHere,
} satisfies Partial<HostHandlers>;

const handlers = (overrides: Partial<HostHandlers> = {}): HostHandlers => ({
  appInfo: vi.fn(() => Promise.resolve(info)),
  reportProblem: vi.fn(() => Promise.resolve({ logged: true })),
  printPdf: vi.fn(() => Promise.resolve({ pdfBase64: '', pages: 0, bytes: 0 })),
  ...unusedExchange,
  ...overrides,
});

describe('dispatch', () => {
  const context = { dataDir: '/tmp/d' };

  it('answers a good call', async () => {
    expect(await dispatch(handlers(), 'appInfo', {}, context)).toEqual({ ok: true, value: info });
  });

  it('refuses a malformed payload without calling the handler', async () => {
    const h = handlers();
    const reply = await dispatch(h, 'reportProblem', { kind: 'nonsense', message: 5 }, context);
    expect(reply).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    expect(h.reportProblem).not.toHaveBeenCalled();
  });

  it('refuses unknown channels, including prototype names', async () => {
    for (const name of ['nope', '__proto__', 'constructor']) {
      expect(await dispatch(handlers(), name, {}, context)).toMatchObject({
        ok: false,
        error: { code: 'unknownChannel' },
      });
    }
  });

  it('turns a handler failure or an invalid reply into an error reply', async () => {
    const failing = handlers({ appInfo: () => Promise.reject(new Error('disk gone')) });
    expect(await dispatch(failing, 'appInfo', {}, context)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk gone' },
    });
    const lying = handlers({
      appInfo: () => Promise.resolve({ ...info, host: 'mainframe' } as unknown as typeof info),
    });
    expect(await dispatch(lying, 'appInfo', {}, context)).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });
});
