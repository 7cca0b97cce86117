// The browser host, started for real on an ephemeral loopback port with its own data and page folders,
// probed with real HTTP requests. http.request rather than fetch: fetch will not let us forge Host.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { logFileOf } from '../host/problem-log';
import { type BrowserHost, PortInUseError, startBrowserHost } from './start-browser-host';

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly bytes: Buffer;
}

interface Call {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

let tmp = '';
let dataDir = '';
let host: BrowserHost;

function send(call: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: call.method ?? 'GET',
        path: call.path,
        headers: { Host: `127.0.0.1:${String(host.port)}`, ...call.headers },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
            bytes: Buffer.concat(chunks),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(call.body);
  });
}

/** A call the way our page makes it: same origin, with the launch token. */
const apiCall = (
  channel: string,
  body: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<Reply> =>
  send({
    method: 'POST',
    path: `/api/${channel}`,
    headers: {
      Origin: `http://127.0.0.1:${String(host.port)}`,
      'X-Ducha-Token': host.token,
      'Content-Type': 'application/json',
      ...headers,
    },
    body,
  });

/**
 * An export begun into `stick` (made here) as the page begins one after the in-app chooser's "Use
 * this folder": the page holds the folder's grant only.
 */
async function beginExport(stick: string, folderName: string): Promise<{ grant: string; sessionId: string }> {
  await mkdir(stick, { recursive: true });
  const granted = JSON.parse((await apiCall('exchangeGrant', JSON.stringify({ path: stick }))).body) as {
    value: { grant: string };
  };
  const { grant } = granted.value;
  const begun = JSON.parse(
    (await apiCall('exportBegin', JSON.stringify({ grant, folderName, totalBytes: 4, largestFileBytes: 4 })))
      .body,
  ) as { value: { sessionId: string } };
  return { grant, sessionId: begun.value.sessionId };
}

/** A piece of an export file as the page sends it: the bytes as the body, the other fields in a header. */
const sendExportWrite = (
  fields: Readonly<Record<string, unknown>>,
  body: Buffer,
  headers: Readonly<Record<string, string>> = {},
): Promise<Reply> =>
  send({
    method: 'POST',
    path: '/api/exportWrite',
    headers: {
      Origin: `http://127.0.0.1:${String(host.port)}`,
      'X-Ducha-Token': host.token,
      'Content-Type': 'application/octet-stream',
      'X-Ducha-Fields': encodeURIComponent(JSON.stringify(fields)),
      ...headers,
    },
    body,
  });

const errorCodeOf = (reply: Reply): unknown =>
  (JSON.parse(reply.body) as { error?: { code?: unknown } }).error?.code;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ducha-browser-host-'));
  dataDir = path.join(tmp, 'home');
  const rendererDir = path.join(tmp, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Ducha</title>');
  await writeFile(path.join(rendererDir, 'assets', 'main.js'), 'console.log("hello");');
  // Next to the page folder, where a path-traversal bug would reach.
  await writeFile(path.join(tmp, 'secret.txt'), 'top secret');
  host = await startBrowserHost({
    port: 0,
    dataDir,
    rendererDir,
    appVersion: '0.0.0-test',
    systemLocale: 'zh-CN',
    forcedLanguage: null,
  });
});

afterAll(async () => {
  await host.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('the browser host', () => {
  it('gives an address on the loopback interface that carries the token', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${String(host.port)}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the page with the CSP, nosniff and no caching', async () => {
    const reply = await send({ path: `/?token=${host.token}` });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Ducha</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their MIME type', async () => {
    const reply = await send({ path: '/assets/main.js' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('sends a page asked for at localhost to 127.0.0.1, where the data is kept (issue 19)', async () => {
    const reply = await send({
      path: '/?token=abc&lang=en',
      headers: { Host: `localhost:${String(host.port)}` },
    });
    expect(reply.status).toBe(308);
    expect(reply.headers.location).toBe(`http://127.0.0.1:${String(host.port)}/?token=abc&lang=en`);
  });

  it.each([
    ['another name (DNS rebinding)', (port: number) => `evil.example:${String(port)}`],
    ['another port', (port: number) => `127.0.0.1:${String(port + 1)}`],
    ['no port', () => '127.0.0.1'],
  ])('refuses a Host header with %s, for pages and API alike', async (_label, hostHeader) => {
    const page = await send({ path: '/', headers: { Host: hostHeader(host.port) } });
    expect(page.status).toBe(403);
    const api = await apiCall('appInfo', '{}', { Host: hostHeader(host.port) });
    expect(api.status).toBe(403);
    expect(errorCodeOf(api)).toBe('forbidden');
  });

  it('refuses API calls without the token, or with a wrong one', async () => {
    const origin = `http://127.0.0.1:${String(host.port)}`;
    const without = await send({
      method: 'POST',
      path: '/api/appInfo',
      headers: { Origin: origin },
      body: '{}',
    });
    expect(without.status).toBe(403);
    expect(errorCodeOf(without)).toBe('forbidden');
    const wrong = await apiCall('appInfo', '{}', { 'X-Ducha-Token': `${host.token.slice(1)}x` });
    expect(wrong.status).toBe(403);
  });

  it('refuses API calls from a foreign Origin, or with no Origin', async () => {
    const foreign = await apiCall('appInfo', '{}', { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(errorCodeOf(foreign)).toBe('forbidden');
    const otherPort = await apiCall('appInfo', '{}', { Origin: `http://127.0.0.1:${String(host.port + 1)}` });
    expect(otherPort.status).toBe(403);
    const none = await send({
      method: 'POST',
      path: '/api/appInfo',
      headers: { 'X-Ducha-Token': host.token },
      body: '{}',
    });
    expect(none.status).toBe(403);
  });

  it('answers appInfo as the browser host', async () => {
    const reply = await apiCall('appInfo', '{}');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: {
        name: 'Ducha',
        host: 'browser',
        hostVersion: process.versions.node,
        version: '0.0.0-test',
        dataDir,
      },
    });
  });

  it('takes API calls only from the one origin: not from a page at localhost', async () => {
    const atLocalhost = await apiCall('appInfo', '{}', {
      Host: `localhost:${String(host.port)}`,
      Origin: `http://localhost:${String(host.port)}`,
    });
    expect(atLocalhost.status).toBe(403);
    expect(JSON.parse(atLocalhost.body)).toMatchObject({
      error: { message: `open Ducha at http://127.0.0.1:${String(host.port)}/, where its data is kept` },
    });
    const originOnly = await apiCall('appInfo', '{}', { Origin: `http://localhost:${String(host.port)}` });
    expect(originOnly.status).toBe(403);
  });

  it('answers malformed JSON with a clear 400, and keeps serving', async () => {
    const reply = await apiCall('appInfo', '{"oops":');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'badRequest', message: expect.stringContaining('not valid JSON') as unknown },
    });
    const next = await apiCall('appInfo', '{}');
    expect(next.status).toBe(200);
  });

  it('answers an empty body and a payload of the wrong shape with badRequest', async () => {
    expect(errorCodeOf(await apiCall('appInfo', ''))).toBe('badRequest');
    const wrongShape = await apiCall('reportProblem', '{"kind":"gossip"}');
    expect(wrongShape.status).toBe(400);
    expect(errorCodeOf(wrongShape)).toBe('badRequest');
  });

  it('refuses a body over the limit with 413', async () => {
    const reply = await apiCall(
      'reportProblem',
      JSON.stringify({ kind: 'other', message: 'x'.repeat(1024 * 1024) }),
    );
    expect(reply.status).toBe(413);
    expect(errorCodeOf(reply)).toBe('badRequest');
    expect((await apiCall('appInfo', '{}')).status).toBe(200);
  });

  it('takes a document to print far over the usual limit, photos inline', async () => {
    const photo = `data:image/jpeg;base64,${'A'.repeat(3 * 1024 * 1024)}`;
    const html = `<!doctype html><html><head></head><body><img src="${photo}"></body></html>`;
    const reply = await apiCall('printPdf', JSON.stringify({ html, title: '通报' }));
    // Read and dispatched: this page folder has no fonts, which the handler says how to fix.
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: {
        code: 'failed',
        message: expect.stringMatching(/fonts are missing.*npm run build/) as unknown,
      },
    });
  });

  it('stops reading a streamed body once it passes the limit', async () => {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/appInfo',
          agent: false,
          // No Content-Length: the body arrives in chunks and only counting reveals its size.
          headers: {
            Host: `127.0.0.1:${String(host.port)}`,
            Origin: `http://127.0.0.1:${String(host.port)}`,
            'X-Ducha-Token': host.token,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString(),
              bytes: Buffer.concat(chunks),
            });
          });
        },
      );
      request.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const writeMore = (): void => {
        while (sent < 24) {
          sent += 1;
          if (!request.write(chunk)) {
            request.once('drain', writeMore);
            return;
          }
        }
        request.end();
      };
      writeMore();
    });
    expect(reply.status).toBe(413);
    expect((await apiCall('appInfo', '{}')).status).toBe(200);
  });

  it("takes no path where a grant belongs: the audit's /etc/passwd and ~/.ssh calls are refused (issue 19)", async () => {
    const read = await apiCall(
      'importRead',
      JSON.stringify({ folder: '/etc', path: 'passwd', offset: 0, length: 100 }),
    );
    expect(read.status).toBe(400);
    expect(read.body).not.toContain('root:');
    const begin = await apiCall(
      'exportBegin',
      JSON.stringify({ targetDir: os.homedir(), folderName: '.ssh', totalBytes: 1, largestFileBytes: 1 }),
    );
    expect(begin.status).toBe(400);
    const grant = await apiCall('exchangeGrant', JSON.stringify({ path: '/etc' }));
    expect(JSON.parse(grant.body)).toMatchObject({
      ok: true,
      value: { status: 'failed', fault: 'unsafePath' },
    });
    const madeUp = await apiCall(
      'importRead',
      JSON.stringify({ bundleGrant: 'a'.repeat(32), path: 'passwd', offset: 0, length: 100 }),
    );
    expect(JSON.parse(madeUp.body)).toMatchObject({
      ok: true,
      value: { status: 'failed', fault: 'unknownGrant' },
    });
  });

  it("carries a binary channel's bytes as the body, both ways, untouched", async () => {
    const origin = `http://127.0.0.1:${String(host.port)}`;
    const stick = path.join(tmp, 'stick');
    const { grant, sessionId } = await beginExport(stick, '导出');
    // Bytes that are not UTF-8: a JSON or text body would have mangled them.
    const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80]);
    const fields = { sessionId, path: 'photos/a.jpg', offset: 0, final: true };
    const written = await sendExportWrite(fields, bytes);
    expect(JSON.parse(written.body)).toEqual({
      ok: true,
      value: { status: 'written', size: 4, sha256: createHash('sha256').update(bytes).digest('hex') },
    });
    await apiCall('exportAbort', JSON.stringify({ sessionId }));

    await writeFile(path.join(stick, 'b.bin'), bytes);
    // Only an export folder's files are read: the stick's folder holds a manifest.
    await mkdir(path.join(stick, 'bundle'), { recursive: true });
    await writeFile(path.join(stick, 'bundle', 'manifest.json'), '{}');
    const scanned = JSON.parse((await apiCall('importScan', JSON.stringify({ grant }))).body) as {
      value: { bundleGrant: string };
    };
    const { bundleGrant } = scanned.value;
    const read = await apiCall(
      'importRead',
      JSON.stringify({ bundleGrant, path: 'b.bin', offset: 1, length: 10 }),
    );
    expect(read.headers['content-type']).toBe('application/octet-stream');
    expect(JSON.parse(decodeURIComponent(String(read.headers['x-ducha-fields'])))).toEqual({
      status: 'read',
      size: 4,
    });
    expect([...read.bytes]).toEqual([0x00, 0xfe, 0x80]);

    // Several whole files in one reply: where each ends travels in the fields.
    await writeFile(path.join(stick, 'c.bin'), Buffer.from([0x01]));
    const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const files = [
      { path: 'b.bin', sha256: sha256(bytes) },
      { path: 'c.bin', sha256: sha256(Buffer.from([0x01])) },
    ];
    const both = await apiCall('importReadFiles', JSON.stringify({ bundleGrant, files }));
    expect(JSON.parse(decodeURIComponent(String(both.headers['x-ducha-fields'])))).toEqual({
      status: 'read',
      sizes: [4, 1],
    });
    expect([...both.bytes]).toEqual([0xff, 0x00, 0xfe, 0x80, 0x01]);

    // A binary call without its fields is refused, not guessed at.
    const bare = await send({
      method: 'POST',
      path: '/api/exportWrite',
      headers: { Origin: origin, 'X-Ducha-Token': host.token },
      body: bytes,
    });
    expect(bare.status).toBe(400);
    expect(JSON.parse(bare.body)).toMatchObject({ ok: false, error: { code: 'badRequest' } });
  });

  it('keeps the pieces of files written at once apart, though it reads them into buffers it reuses', async () => {
    const stick = path.join(tmp, 'stick-lent');
    const { sessionId } = await beginExport(stick, 'lent');
    const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    // Sizes that shrink and grow, more files than buffers kept, a third sent chunked (no length
    // declared, so gathered the old way): a buffer lent again too soon, or a view past a body's end,
    // would give another file's bytes.
    const contents = Array.from({ length: 20 }, (_, i) => randomBytes(((i * 7919) % 17) * 150_000 + 3));
    const write = (i: number) =>
      sendExportWrite(
        { sessionId, path: `photos/${String(i)}.jpg`, offset: 0, final: true },
        contents[i] ?? Buffer.alloc(0),
        i % 3 === 0 ? { 'Transfer-Encoding': 'chunked' } : {},
      );
    const replies = await Promise.all(contents.map((_, i) => write(i)));
    expect(replies.map((reply) => JSON.parse(reply.body) as unknown)).toEqual(
      contents.map((bytes) => ({
        ok: true,
        value: { status: 'written', size: bytes.length, sha256: sha256(bytes) },
      })),
    );
    // And on disk, in the export's temporary folder (the only folder on this stick).
    const [temporary] = await readdir(stick);
    for (const [i, bytes] of contents.entries()) {
      const onDisk = await readFile(path.join(stick, String(temporary), 'photos', `${String(i)}.jpg`));
      expect(sha256(onDisk), `file ${String(i)}`).toBe(sha256(bytes));
    }
    await apiCall('exportAbort', JSON.stringify({ sessionId }));
  });

  it('answers an unknown channel with an error', async () => {
    const reply = await apiCall('formatDisk', '{}');
    expect(reply.status).toBe(404);
    expect(errorCodeOf(reply)).toBe('unknownChannel');
  });

  it('wants POST for API calls', async () => {
    const reply = await send({ path: '/api/appInfo' });
    expect(reply.status).toBe(405);
  });

  it('answers an unknown route with 404', async () => {
    expect((await send({ path: '/nothing-here.html' })).status).toBe(404);
  });

  it('writes reportProblem to the log, one JSON line per report', async () => {
    const reply = await apiCall(
      'reportProblem',
      JSON.stringify({ kind: 'databaseOpen', message: 'quota\nexceeded' }),
    );
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { logged: true } });
    const lines = (await readFile(logFileOf(dataDir), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      host: 'browser',
      kind: 'databaseOpen',
      message: 'quota\nexceeded',
    });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/..\\secret.txt',
    `/${'%2e%2e/'.repeat(8)}etc/passwd`,
    '//etc/passwd',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('does not serve anything outside the page folder: %s', async (requestPath) => {
    const reply = await send({ path: requestPath });
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('top secret');
    expect(reply.body).not.toContain('root:');
  });

  it('says so when its port is taken', async () => {
    await expect(
      startBrowserHost({
        port: host.port,
        dataDir,
        rendererDir: tmp,
        appVersion: '0',
        systemLocale: 'en',
        forcedLanguage: null,
      }),
    ).rejects.toBeInstanceOf(PortInUseError);
  });

  it('answers a write to an export that does not exist before reading its bytes (issue 19)', async () => {
    // 60 MiB announced, 1 KiB sent: the answer must come without the host waiting for (and holding)
    // the rest. Before, six such calls took the host from 68 to 685 MB.
    const reply = await new Promise<Reply>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/exportWrite',
          agent: false,
          headers: {
            Host: `127.0.0.1:${String(host.port)}`,
            Origin: `http://127.0.0.1:${String(host.port)}`,
            'X-Ducha-Token': host.token,
            'Content-Type': 'application/octet-stream',
            'Content-Length': String(60 * 1024 * 1024),
            'X-Ducha-Fields': encodeURIComponent(
              JSON.stringify({ sessionId: 'f'.repeat(32), path: 'a.bin', offset: 0, final: true }),
            ),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            request.destroy();
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString(),
              bytes: Buffer.concat(chunks),
            });
          });
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        // The host may close the connection while the rest is still being written: not an answer.
        if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
      });
      request.write(Buffer.alloc(1024, 1));
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { status: 'failed', fault: 'unknownSession' },
    });
    expect((await apiCall('appInfo', '{}')).status).toBe(200);
  });

  it('closes a connection that does not send its headers in time, and takes no more than its cap', async () => {
    const rendererDir = path.join(tmp, 'renderer');
    const small = await startBrowserHost({
      port: 0,
      dataDir: path.join(tmp, 'small-home'),
      rendererDir,
      appVersion: '0',
      systemLocale: 'en',
      forcedLanguage: null,
      connections: { headersTimeoutMs: 300, maxConnections: 2 },
    });
    const open = (): Promise<net.Socket> =>
      new Promise((resolve, reject) => {
        const socket = net.connect(small.port, '127.0.0.1', () => resolve(socket));
        // Read what the host sends (a 408), so that its closing is seen.
        socket.resume();
        socket.on('error', () => undefined);
        socket.once('error', reject);
      });
    const closedWithin = (socket: net.Socket, ms: number): Promise<boolean> =>
      new Promise((resolve) => {
        if (socket.closed) resolve(true);
        const timer = setTimeout(() => resolve(false), ms);
        socket.once('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    try {
      // Headers begun and never finished: closed once the headers' time is up.
      const slow = await open();
      slow.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${String(small.port)}\r\n`);
      expect(await closedWithin(slow, 5_000)).toBe(true);

      // Two idle connections are taken; a third is not.
      const first = await open();
      const second = await open();
      const third = await open();
      expect(await closedWithin(third, 2_000)).toBe(true);
      expect(first.closed || second.closed).toBe(false);
      for (const socket of [first, second]) socket.destroy();
    } finally {
      await small.close();
    }
  });

  it('opens at a one-time launch address: the token comes as an HttpOnly cookie, the address dies (issue 19)', async () => {
    const launch = new URL(host.launchUrl());
    expect(launch.href).not.toContain(host.token);
    const opened = await send({ path: launch.pathname });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0] ?? '';
    // The page calls the host with the cookie alone (no token header), from its own origin.
    const origin = `http://127.0.0.1:${String(host.port)}`;
    const withCookie = await send({
      method: 'POST',
      path: '/api/appInfo',
      headers: { Origin: origin, Cookie: pair, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(withCookie.status).toBe(200);
    // Used once: dead. A made-up cookie opens nothing.
    expect((await send({ path: launch.pathname })).status).toBe(403);
    const madeUp = await send({
      method: 'POST',
      path: '/api/appInfo',
      headers: { Origin: origin, Cookie: 'ducha_token=guess', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(madeUp.status).toBe(403);
  });
});
