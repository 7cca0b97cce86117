// The server's settings, from the environment only (a systemd unit or a shell sets them).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_VERSION } from '../../shared/sync/protocol';

export interface ServerConfig {
  /** The data folder: the SQLite file, the photos, and nothing else. */
  readonly home: string;
  readonly port: number;
  readonly host: string;
  /** A postgres:// URL, or undefined for SQLite in `home`. */
  readonly database: string | undefined;
  /** PEM files for HTTPS served directly; without them the city's reverse proxy terminates TLS. */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | undefined;
  /** DUCHA_SERVER_TRUST_PROXY: "1" or the proxy's addresses, so limits see the laptop's address. */
  readonly trustProxy: boolean | string;
  /** DUCHA_SERVER_MIN_APP_VERSION: laptops with an older app are told to update (they keep working offline). */
  readonly minAppVersion?: string | undefined;
}

export const DEFAULT_PORT = 8787;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.DUCHA_SERVER_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `DUCHA_SERVER_PORT must be a port number (0 picks a free one), not ${env.DUCHA_SERVER_PORT ?? ''}`,
    );
  }
  const certFile = env.DUCHA_SERVER_TLS_CERT?.trim();
  const keyFile = env.DUCHA_SERVER_TLS_KEY?.trim();
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new Error('set both DUCHA_SERVER_TLS_CERT and DUCHA_SERVER_TLS_KEY, or neither');
  }
  const trust = env.DUCHA_SERVER_TRUST_PROXY?.trim();
  const minAppVersion = env.DUCHA_SERVER_MIN_APP_VERSION?.trim() || undefined;
  if (minAppVersion !== undefined && !APP_VERSION.test(minAppVersion)) {
    throw new Error(`DUCHA_SERVER_MIN_APP_VERSION must be a version like 1.4.0, not ${minAppVersion}`);
  }
  return {
    home: env.DUCHA_SERVER_HOME?.trim() || join(homedir(), '.ducha-server'),
    port,
    host: env.DUCHA_SERVER_HOST?.trim() || '127.0.0.1',
    database: env.DUCHA_SERVER_DATABASE?.trim() || undefined,
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    trustProxy: !trust ? false : trust === '1' || trust === 'true' ? true : trust,
    minAppVersion,
  };
}
