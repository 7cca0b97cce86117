// The server as a child process, as `npm run server` runs it: bundled once per test file into a
// folder of its own (two test files building at once never write the same file), started on a free
// port, killed with any signal and started again on the same data.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * Bundles server/src/main.ts into a folder of its own under node_modules/.cache: Node resolves the
 * bundle's packages (fastify, better-sqlite3, pg) from the folders above it, so not from /tmp.
 */
export async function buildServerBundle(): Promise<string> {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outfile = join(mkdtempSync(join(cache, 'ducha-server-test-')), 'main.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, '../../src/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  /** The one-time setup code, printed on the first start only. */
  readonly setupCode: string | null;
  readonly child: ChildProcess;
  /** Everything it printed so far. */
  readonly output: () => string;
  /** Sends the signal and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export async function startServer(
  bundle: string,
  env: { home: string; database: string | undefined; port?: number },
): Promise<RunningServer> {
  const child = spawn(process.execPath, [bundle], {
    // The bundle imports packages by name: run it where node_modules is.
    cwd: ROOT,
    env: {
      ...process.env,
      DUCHA_SERVER_HOME: env.home,
      DUCHA_SERVER_PORT: String(env.port ?? 0),
      DUCHA_SERVER_LOG_LEVEL: 'warn',
      ...(env.database ? { DUCHA_SERVER_DATABASE: env.database } : { DUCHA_SERVER_DATABASE: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 30_000);
    const look = () => {
      const found = /listening on https?:\/\/[^:]+:(\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    };
    child.stdout?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code)}) before listening:\n${output}`));
    });
  });
  return {
    port,
    url: `http://127.0.0.1:${String(port)}`,
    setupCode: /Setup code \(one time\): (\S+)/.exec(output)?.[1] ?? null,
    child,
    output: () => output,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
