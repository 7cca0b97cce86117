// Issue 19, item 2, as an attacker on the same machine would check it: start the browser host the way
// `npm run start:browser` does (the entry bundled as the build bundles it, without --no-open, CI
// unset) with a stand-in `xdg-open` first on PATH that writes down its command line — what `ps` shows
// every user — and look for the launch token there. The token is printed to the person's own terminal
// only; the opener gets a one-time launch address.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ducha-opener-'));
  await build({
    entryPoints: [join(REPO, 'electron', 'browser', 'server.ts')],
    outfile: join(dir, 'browser-host', 'server.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['playwright-core'],
    tsconfig: join(REPO, 'electron', 'tsconfig.json'),
    logLevel: 'silent',
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const until = async (check: () => boolean, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe("the opener's command line", () => {
  it.runIf(process.platform === 'linux')(
    'carries a one-time launch address, never the launch token',
    async () => {
      const bin = join(dir, 'bin');
      const seen = join(dir, 'opener-argv.txt');
      mkdirSync(bin);
      writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$0" "$@" > '${seen}'\n`);
      chmodSync(join(bin, 'xdg-open'), 0o755);
      const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
      delete env.CI;
      env.DUCHA_PORT = '0';
      env.DUCHA_HOME = join(dir, 'home');
      const child = spawn(process.execPath, [join(dir, 'browser-host', 'server.mjs')], { env });
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      try {
        await until(() => existsSync(seen) && /token=/.test(printed), 20_000);
        const token = /[?&]token=([\w-]+)/.exec(printed)?.[1] ?? '';
        expect(token.length).toBeGreaterThan(20);
        const argv = readFileSync(seen, 'utf8');
        expect(argv).toMatch(/http:\/\/127\.0\.0\.1:\d+\/launch\/[\w-]+/);
        expect(argv).not.toContain(token);
        expect(argv).not.toContain('token=');
      } finally {
        child.kill('SIGTERM');
      }
    },
    60_000,
  );
});
