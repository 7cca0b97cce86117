// `npm run server` for real: the bundled dist/server/main.mjs as a child process on port 0 with a
// temporary home. It prints its address and a one-time setup code, answers /health, makes the admin,
// logs requests with ids but no secrets, and shuts down on SIGTERM with its long polls answered.
import { type ChildProcessWithoutNullStreams, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferenceLaptop } from './support/reference-client';

const root = join(import.meta.dirname, '..', '..');
const main = join(root, 'dist', 'server', 'main.mjs');

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: () => string;
  readonly address: string;
  readonly setupCode: string | null;
  readonly exited: Promise<number | null>;
}

async function start(home: string, env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      DUCHA_SERVER_HOME: home,
      DUCHA_SERVER_PORT: '0',
      DUCHA_SERVER_HOST: '127.0.0.1',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (!/Ducha server listening on (\S+)/.test(output) || !/^Data: /m.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 100)); // the setup code's line follows
  return {
    child,
    output: () => output,
    address: /Ducha server listening on (\S+)/.exec(output)?.[1] ?? '',
    setupCode: /Setup code \(one time\): (\S+)/.exec(output)?.[1] ?? null,
    exited,
  };
}

describe('npm run server (dist/server/main.mjs)', () => {
  let home: string;
  const homes: string[] = [];
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'pipe' });
    home = mkdtempSync(join(tmpdir(), 'ducha-server-home-'));
    homes.push(home);
  });
  afterAll(() => {
    for (const folder of homes) rmSync(folder, { recursive: true, force: true });
  });

  it('starts on a fresh home, prints its address and a setup code, serves /health, and stops on SIGTERM', async () => {
    const server = await start(home);
    try {
      expect(server.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.setupCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
      expect(existsSync(join(home, 'ducha.sqlite3'))).toBe(true);

      const health = await fetch(`${server.address}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, epoch: expect.any(String) as string });

      const password = 'the admin password 42';
      const setup = await fetch(`${server.address}/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: server.setupCode, login: 'admin', name: '管理员', password }),
      });
      expect(setup.status).toBe(200);
      const token = 'T'.repeat(43);
      const refused = await fetch(`${server.address}/teams`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.status).toBe(401);

      // The admin CLI works on the same data while the server runs.
      const listed = execFileSync(process.execPath, [main, 'admin', 'people', 'list'], {
        cwd: root,
        env: { ...process.env, DUCHA_SERVER_HOME: home },
      }).toString();
      expect(listed).toMatch(/admin {2}admin {2}- {2}管理员/);

      // Logs: one line per request with its id; no password, code, or token anywhere.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const log = server.output();
      expect(log).toMatch(/"reqId":"[0-9a-f-]{36}"/);
      expect(log).toContain('"url":"/setup"');
      expect(log).not.toContain(password);
      expect(log).not.toContain(token);
      expect(log.split(server.setupCode ?? '').length - 1).toBe(1); // only the line that printed it

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(existsSync(join(home, 'server.pid'))).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 60_000);

  it('keeps its data and epoch across a restart, serves a laptop set up by the admin CLI, refuses a restore while running, and answers long polls when stopped', async () => {
    // A home of its own, its admin made by the CLI (not by the first test's /setup).
    home = mkdtempSync(join(tmpdir(), 'ducha-server-home-'));
    homes.push(home);
    const env = { ...process.env, DUCHA_SERVER_HOME: home, DUCHA_PASSWORD: 'inspector password 1' };
    expect(
      spawnSync(process.execPath, [main, 'admin', 'people', 'add', 'city.admin', 'Admin', 'admin'], {
        cwd: root,
        env,
      }).status,
    ).toBe(0);
    const cli = (...args: string[]) => {
      const result = spawnSync(process.execPath, [main, 'admin', ...args], { cwd: root, env });
      return { code: result.status, text: result.stdout.toString() };
    };
    expect(cli('teams', 'add', '第一督查组', '--id', 'team-north').code).toBe(0);
    expect(cli('people', 'add', 'li.wei', '李伟', 'inspector', '--team', 'team-north').code).toBe(0);
    const enrollCode =
      /Enrollment code: (\S+)/.exec(cli('enroll-code', '--team', 'team-north').text)?.[1] ?? '';

    const server = await start(home);
    try {
      expect(server.setupCode).toBeNull();
      const laptop = new ReferenceLaptop({ name: 'north laptop', baseUrl: () => server.address });
      await laptop.enroll(enrollCode);
      await laptop.signIn('li.wei', 'inspector password 1');
      laptop.edit('regions', 'r1', 'name', '城东区');
      expect(await laptop.push()).toBe(1);
      expect(await laptop.pull()).toBe(0); // its own operation, already held
      expect(laptop.cursor?.seq).toBe(1);

      expect(cli('backup', join(home, 'b.sqlite3')).code).toBe(0);
      const restore = cli('restore', join(home, 'b.sqlite3'));
      expect([restore.code, restore.text]).toEqual([
        1,
        expect.stringMatching(/is running: stop it first/) as string,
      ]);

      // A long poll in flight when the server is told to stop is answered, and the server exits at once.
      const polling = laptop.pull(30);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await polling).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }

    const again = await start(home);
    try {
      const health = (await (await fetch(`${again.address}/health`)).json()) as { epoch: string };
      expect(health.epoch).toBe(
        await (async () => {
          const { openStore } = await import('../src/store/open-store');
          const store = openStore(undefined, home);
          try {
            return await store.epoch();
          } finally {
            await store.close();
          }
        })(),
      );
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 60_000);

  it('serves HTTPS with the certificate files it is given', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ducha-server-tls-'));
    homes.push(folder);
    const cert = join(folder, 'cert.pem');
    const key = join(folder, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'pipe' },
    );
    const server = await start(folder, { DUCHA_SERVER_TLS_CERT: cert, DUCHA_SERVER_TLS_KEY: key });
    try {
      expect(server.address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const body = await new Promise<string>((resolve, reject) => {
        const request = httpsGet(`${server.address}/health`, { ca: readFileSync(cert) }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(text));
        });
        request.on('error', reject);
      });
      expect(JSON.parse(body)).toMatchObject({ ok: true });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);
});
