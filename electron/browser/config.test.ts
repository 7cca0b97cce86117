import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readBrowserHostConfig } from './config';

describe('readBrowserHostConfig', () => {
  it('has defaults a user can live with', () => {
    expect(readBrowserHostConfig({}, [])).toEqual({
      // Not given: the port remembered in the data folder, else DEFAULT_PORT (canonical-origin.ts).
      port: null,
      dataDir: path.join(os.homedir(), '.ducha'),
      openBrowser: true,
      forcedLanguage: null,
    });
  });

  it('reads the environment and --no-open', () => {
    const config = readBrowserHostConfig(
      { DUCHA_PORT: '0', DUCHA_HOME: 'tmp/home', DUCHA_LANG: 'en_US.UTF-8' },
      ['--no-open'],
    );
    expect(config).toEqual({
      port: 0,
      dataDir: path.resolve('tmp/home'),
      openBrowser: false,
      forcedLanguage: 'en',
    });
  });

  it('does not open a browser on CI', () => {
    expect(readBrowserHostConfig({ CI: 'true' }, []).openBrowser).toBe(false);
  });

  it.each(['abc', '-1', '65536', '80.5', '0x50'])(
    'rejects DUCHA_PORT=%s with a message naming it',
    (value) => {
      expect(() => readBrowserHostConfig({ DUCHA_PORT: value }, [])).toThrow(ConfigError);
      expect(() => readBrowserHostConfig({ DUCHA_PORT: value }, [])).toThrow(/DUCHA_PORT/);
    },
  );
});
