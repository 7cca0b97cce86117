import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/contract';
import { resolveLanguage } from './language';

const info = (overrides: Partial<AppInfo>): AppInfo => ({
  name: 'Ducha',
  version: '0.1.0',
  host: 'electron',
  hostVersion: '45.5.0',
  platform: 'win32',
  arch: 'x64',
  dataDir: 'C:/Users/x/AppData/Roaming/Ducha',
  systemLocale: 'zh-CN',
  forcedLanguage: null,
  ...overrides,
});

describe('resolveLanguage', () => {
  it('lets ?lang= force the language for the run, above everything', () => {
    expect(resolveLanguage('?lang=en', info({ forcedLanguage: 'zh-CN' }), 'zh-CN', 'zh-CN')).toEqual({
      language: 'en',
      forced: 'en',
    });
  });
  it('then DUCHA_LANG through the host', () => {
    expect(resolveLanguage('', info({ forcedLanguage: 'en' }), 'zh-CN', 'zh-CN')).toEqual({
      language: 'en',
      forced: 'en',
    });
  });
  it('then the remembered choice', () => {
    expect(resolveLanguage('', info({ systemLocale: 'zh-CN' }), 'en', 'zh-CN')).toEqual({
      language: 'en',
      forced: null,
    });
  });
  it('then the system: the OS in the desktop app, the browser in the browser host', () => {
    expect(resolveLanguage('', info({ systemLocale: 'en-GB' }), null, 'zh-CN').language).toBe('en');
    expect(
      resolveLanguage('', info({ host: 'browser', systemLocale: 'en-US' }), null, 'zh-CN').language,
    ).toBe('zh-CN');
  });
  it('falls back to zh-CN when unsure', () => {
    expect(resolveLanguage('', null, null, 'fr-FR').language).toBe('zh-CN');
    expect(resolveLanguage('?lang=xx', null, null, undefined).language).toBe('zh-CN');
  });
});
