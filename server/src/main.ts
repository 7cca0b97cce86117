// `npm run server`: starts the server (or, with `admin …`, runs the admin CLI on the same data).
// Prints "Ducha server listening on <address>" and, until the city has an admin, a one-time setup code.
import { readFileSync } from 'node:fs';
import { buildServer } from './app';
import { FsBlobStore } from './blobs/fs-blob-store';
import { prepareCity } from './city';
import { runAdmin } from './cli';
import { configFromEnv, type ServerConfig } from './config';
import { markServing } from './server-lock';
import { openStore } from './store/open-store';

async function serve(config: ServerConfig): Promise<void> {
  const store = openStore(config.database, config.home);
  // On SQLite the folder is this server's while it runs (admin restore checks).
  const release = config.database ? () => undefined : markServing(config.home);
  await store.migrate();
  const setupCode = await prepareCity(store, Date.now());
  const app = await buildServer({
    store,
    blobs: await FsBlobStore.open(config.home),
    logger: { level: process.env.DUCHA_SERVER_LOG_LEVEL ?? 'info' },
    trustProxy: config.trustProxy,
    minAppVersion: config.minAppVersion,
    ...(config.tls
      ? { https: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } }
      : {}),
  });

  let closing = false;
  const shutDown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`Ducha server: ${signal}, finishing requests in flight`);
    // close() stops accepting, lets requests in flight (and their commits) finish, then the store closes.
    app
      .close()
      .then(() => store.close())
      .then(() => {
        release();
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('Ducha server: shutdown failed', error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutDown('SIGTERM'));
  process.on('SIGINT', () => shutDown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  console.log(`Ducha server listening on ${address}`);
  console.log(`Data: ${config.database ? 'PostgreSQL' : config.home}`);
  if (setupCode) {
    console.log(`Setup code (one time): ${setupCode}`);
    console.log(
      `  Make the city's admin: POST ${address}/setup {"code","login","name","password"}, or run`,
      '`npm run server -- admin people add <login> <name> admin`.',
    );
  }
}

async function main(): Promise<void> {
  const config = configFromEnv();
  const args = process.argv.slice(2);
  if (args[0] === 'admin') {
    process.exitCode = await runAdmin(args.slice(1), config, (line) => console.log(line));
    return;
  }
  if (args.length > 0) {
    console.error(
      `Unknown arguments: ${args.join(' ')}. Use \`npm run server\` or \`npm run server -- admin help\`.`,
    );
    process.exitCode = 2;
    return;
  }
  await serve(config);
}

main().catch((error: unknown) => {
  console.error(`Ducha server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
