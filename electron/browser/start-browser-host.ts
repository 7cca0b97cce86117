// Starts the browser host in this process: the loopback server, its token and the host handlers.
// The command-line entry (server.ts) and the tests both start it through here.
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createHostHandlers } from '../host/handlers';
import type { PdfPrinter } from '../host/print/pdf-printer';
import { createChromiumPrinter } from './chromium-printer';
import type { ForcedLanguage } from '../host/language';
import { sendError } from './http-reply';
import { createRouter } from './router';
import { createLaunchCodes, LAUNCH_PREFIX } from './launch-code';
import { createLaunchToken } from './token';

export interface BrowserHostOptions {
  /** 0 asks the system for a free port; the real one is in the result. */
  readonly port: number;
  readonly dataDir: string;
  /** The built page (dist/renderer). */
  readonly rendererDir: string;
  readonly appVersion: string;
  readonly systemLocale: string;
  readonly forcedLanguage: ForcedLanguage | null;
  readonly bodyLimitBytes?: number;
  /** Prints reports; headless Chromium (DUCHA_CHROMIUM or /usr/bin/chromium) unless given. */
  readonly printer?: PdfPrinter;
  /** Timeouts and the connection cap; tests shorten them. */
  readonly connections?: Partial<ConnectionLimits>;
}

/**
 * What one client may hold of the host: the page makes a few requests at a time (a browser opens at
 * most six connections to one origin, and sync's long poll one more), so a cap well above that stops
 * a flood without slowing the page; a request must send its headers, and all of itself, in time.
 */
export interface ConnectionLimits {
  readonly headersTimeoutMs: number;
  /** The whole request received: a 64 MiB export piece over loopback takes well under a second. */
  readonly requestTimeoutMs: number;
  readonly maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
  maxConnections: 64,
};

export interface BrowserHost {
  /** The address to open, carrying the launch token for the page to read: printed, never passed on. */
  readonly url: string;
  /**
   * A one-time address for the browser the host opens (launch-code.ts): the token never stands on the
   * opener's command line. Each call gives a new one.
   */
  launchUrl(): string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`port ${String(port)} is already in use`);
  }
}

const LOOPBACK = '127.0.0.1';
const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  // Only this user should read the logs and exports in progress.
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const token = createLaunchToken();
  const printer = options.printer ?? createChromiumPrinter();
  const liveExportSessions = new Set<string>();
  const handlers = createHostHandlers({
    liveExportSessions,
    printer,
    fontsDir: join(options.rendererDir, 'fonts'),
    host: 'browser',
    hostVersion: process.versions.node,
    dataDir: options.dataDir,
    systemLocale: options.systemLocale,
    forcedLanguage: options.forcedLanguage,
    appVersion: options.appVersion,
  });

  let port = options.port;
  const launchCodes = createLaunchCodes();
  const route = createRouter({
    port: () => port,
    token,
    launchCodes,
    rendererDir: options.rendererDir,
    api: {
      handlers,
      context: { dataDir: options.dataDir },
      bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
      // A write to an export that does not exist is answered before its bytes are read: a page
      // with the token could otherwise make the host hold 64 MiB per request for nothing.
      beforeBody: (channel, fields) =>
        channel === 'exportWrite' && !liveExportSessions.has(String(fields.sessionId))
          ? {
              status: 'failed',
              fault: 'unknownSession',
              detail: 'no export in progress with this id (finished, aborted or failed)',
            }
          : null,
    },
  });

  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connections };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often those two are checked (Node's default, 30 s, would let a short timeout run long).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (request, response) => {
      // Whatever goes wrong inside one request ends as an answer to that request, never as a crash.
      route(request, response).catch((error: unknown) => {
        console.error(`Ducha: a request failed: ${error instanceof Error ? error.message : String(error)}`);
        sendError(response, 'failed', 'the host could not answer this request');
      });
    },
  );
  server.maxConnections = limits.maxConnections;

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port) : error);
    };
    server.once('error', onError);
    // Loopback only: nothing on the network can reach the host, whatever the firewall says.
    server.listen({ port: options.port, host: LOOPBACK }, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  port = address.port;

  return {
    url: `http://${LOOPBACK}:${String(port)}/?token=${token}`,
    launchUrl: () => `http://${LOOPBACK}:${String(port)}${LAUNCH_PREFIX}${launchCodes.issue()}`,
    port,
    token,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        // Keep-alive connections from the browser would otherwise hold the process open.
        server.closeAllConnections();
      });
      await printer.close();
    },
  };
}
