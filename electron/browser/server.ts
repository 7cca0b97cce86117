// `npm run start:browser`: Ducha in the system browser, for machines where no Electron binary can be had.
// Bundled to dist/browser-host/server.mjs; the built page is expected in dist/renderer next to it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { type BrowserHostConfig, ConfigError, readBrowserHostConfig } from './config';
import { choosePort, portTakenLine, rememberedPort, rememberPort } from './canonical-origin';
import { openInBrowser } from './open-browser';
import { type BrowserHost, PortInUseError, startBrowserHost } from './start-browser-host';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));

/** Ends the run with one line a user can act on, and no stack trace. */
function fail(line: string): never {
  console.error(`Ducha: ${line}`);
  process.exit(1);
}

function closeOnSignals(host: BrowserHost): void {
  const stop = (): void => {
    // Closing waits for open requests; a stuck one must not keep the process alive for ever.
    setTimeout(() => process.exit(0), 3000).unref();
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function readConfigOrFail(): BrowserHostConfig {
  try {
    return readBrowserHostConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfigOrFail();

  const choice = choosePort(config.port, await rememberedPort(config.dataDir));
  if (choice.warning) console.error(`Ducha: ${choice.warning}`);
  let host: BrowserHost;
  try {
    host = await startBrowserHost({
      port: choice.port,
      dataDir: config.dataDir,
      rendererDir,
      appVersion: version,
      systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
      forcedLanguage: config.forcedLanguage,
    });
  } catch (error) {
    if (error instanceof PortInUseError) fail(portTakenLine(error.port));
    fail(`could not start the browser host: ${error instanceof Error ? error.message : String(error)}`);
  }

  if (choice.remember) await rememberPort(config.dataDir, host.port);
  console.log(`Ducha is running at ${host.url}`);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(
      `Ducha: the page is not built (${rendererDir} has no index.html); run "npm run build" first.`,
    );
  }
  closeOnSignals(host);
  // The opener's command line can be read by any user of the machine: it gets a one-time address.
  if (config.openBrowser) openInBrowser(host.launchUrl());
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});
