// The browser host's settings, from the environment and the command line.
import os from 'node:os';
import path from 'node:path';
import { type ForcedLanguage, parseForcedLanguage } from '../host/language';

export const DEFAULT_PORT = 5780;

export interface BrowserHostConfig {
  /** DUCHA_PORT, or null when not given: then the port remembered in the data folder (canonical-origin.ts). */
  readonly port: number | null;
  readonly dataDir: string;
  readonly openBrowser: boolean;
  readonly forcedLanguage: ForcedLanguage | null;
}

/** A setting the user got wrong; its message is one line telling them what to change. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readBrowserHostConfig(env: NodeJS.ProcessEnv, args: readonly string[]): BrowserHostConfig {
  return {
    port: parsePort(env.DUCHA_PORT),
    dataDir: dataDirOf(env.DUCHA_HOME),
    // CI machines have nobody to look at a browser window.
    openBrowser: !args.includes('--no-open') && (env.CI ?? '') === '',
    forcedLanguage: parseForcedLanguage(env.DUCHA_LANG),
  };
}

function parsePort(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65535) {
    throw new ConfigError(
      `DUCHA_PORT must be a port number from 0 to 65535 (0 picks a free one), not "${value}".`,
    );
  }
  return port;
}

/** DUCHA_HOME, or ~/.ducha: a per-user folder that needs no administrator rights to create. */
function dataDirOf(value: string | undefined): string {
  if (value !== undefined && value.trim() !== '') return path.resolve(value);
  return path.join(os.homedir(), '.ducha');
}
