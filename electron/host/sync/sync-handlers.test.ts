// The relay against servers that misbehave, each a bare http.createServer of this test's own on
// loopback: one that never answers or stalls mid-body (timeout), answers HTML (a captive portal), redirects,
// sends more than asked for, or a photo whose bytes are not the hash asked for. Also what the relay
// sends: only the protocol's headers, gzip decoded.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostHandlers, RequestOf, ResponseOf } from '../../../shared/contract';
import { dispatch } from '../../../shared/contract/dispatch';
import {
  createSyncHandlers,
  DEFAULT_SYNC_RELAY_LIMITS,
  type SyncHandlers,
  type SyncRelayLimits,
} from './sync-handlers';

type Answer = (request: http.IncomingMessage, response: http.ServerResponse, body: Buffer) => void;

interface BareServer {
  readonly address: string;
  readonly requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }[];
}

const open: http.Server[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function bareServer(answer: Answer): Promise<BareServer> {
  const requests: BareServer['requests'] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      answer(request, response, body);
    });
  });
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { address: `http://127.0.0.1:${String(port)}`, requests };
}

async function relay<C extends keyof SyncHandlers>(
  channel: C,
  request: RequestOf<C>,
  limits: Partial<SyncRelayLimits> = {},
): Promise<ResponseOf<C>> {
  const handlers = createSyncHandlers({ ...DEFAULT_SYNC_RELAY_LIMITS, ...limits }) as unknown as HostHandlers;
  const result = await dispatch(handlers, channel, request, { dataDir: '/nonexistent' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

const SESSION = 'S'.repeat(43);
const SHA = createHash('sha256').update('the photo').digest('hex');
const json = (response: http.ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
};

describe('the sync relay against a misbehaving server', () => {
  it('times out on a server that never answers', async () => {
    const silent = await bareServer(() => undefined);
    const started = Date.now();
    const reply = await relay(
      'syncCall',
      { server: silent.address, method: 'GET', path: '/health' },
      { callTimeoutMs: 300 },
    );
    expect(reply).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out on a reply that stalls halfway, and on a photo that stalls', async () => {
    const stalling = await bareServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"ok":');
    });
    expect(
      await relay(
        'syncCall',
        { server: stalling.address, method: 'GET', path: '/health' },
        { callTimeoutMs: 300 },
      ),
    ).toEqual({ kind: 'timeout' });
    expect(
      await relay(
        'syncDownload',
        { server: stalling.address, teamId: 'team-north', sha256: SHA, session: SESSION },
        { transferTimeoutMs: 300 },
      ),
    ).toEqual({ kind: 'timeout' });
  });

  it('calls an HTML page (a captive portal) a bad reply, not the server', async () => {
    const portal = await bareServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Hotel Wi-Fi login</title>');
    });
    const reply = await relay('syncCall', { server: portal.address, method: 'GET', path: '/health' });
    expect(reply).toMatchObject({ kind: 'badReply', status: 200 });
    expect(reply.kind === 'badReply' ? reply.detail : '').toContain('text/html');
    expect(reply.kind === 'badReply' ? reply.detail : '').toContain('Hotel Wi-Fi login');
    // JSON's type with a body that is not JSON.
    const broken = await bareServer((_request, response) => {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end('Bad gateway');
    });
    expect(await relay('syncCall', { server: broken.address, method: 'GET', path: '/health' })).toMatchObject(
      {
        kind: 'badReply',
        status: 502,
      },
    );
  });

  it('does not follow a redirect', async () => {
    const elsewhere = await bareServer((_request, response) => json(response, 200, { ok: true, epoch: 'x' }));
    const redirecting = await bareServer((_request, response) => {
      response.writeHead(302, { location: `${elsewhere.address}/health` });
      response.end();
    });
    const reply = await relay('syncCall', { server: redirecting.address, method: 'GET', path: '/health' });
    expect(reply).toMatchObject({ kind: 'badReply', status: 302 });
    expect(reply.kind === 'badReply' ? reply.detail : '').toContain(elsewhere.address);
    expect(elsewhere.requests).toEqual([]);
    const upload = await relay('syncUpload', {
      server: redirecting.address,
      sha256: SHA,
      offset: 0,
      length: 9,
      session: SESSION,
      bytes: new TextEncoder().encode('the photo'),
    });
    expect(upload).toMatchObject({ kind: 'badReply', status: 302 });
    expect(elsewhere.requests).toEqual([]);
  });

  it('refuses a reply larger than the cap, declared or not', async () => {
    const big = '"' + 'x'.repeat(10_000) + '"';
    const declared = await bareServer((_request, response) => json(response, 200, big));
    expect(
      await relay(
        'syncCall',
        { server: declared.address, method: 'GET', path: '/health' },
        { maxJsonBytes: 1000 },
      ),
    ).toMatchObject({ kind: 'badReply', status: 200 });
    const chunked = await bareServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 10; i++) response.write('x'.repeat(1000));
      response.end();
    });
    const reply = await relay(
      'syncCall',
      { server: chunked.address, method: 'GET', path: '/health' },
      { maxJsonBytes: 1000 },
    );
    expect(reply).toMatchObject({ kind: 'badReply' });
    expect(reply.kind === 'badReply' ? reply.detail : '').toContain('larger than 1000 bytes');
  });

  it('refuses a photo whose bytes do not have the hash asked for, and hands over one that does', async () => {
    const photos = await bareServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(request.url?.endsWith(SHA) ? 'the photo' : 'another photo');
    });
    const good = await relay('syncDownload', {
      server: photos.address,
      teamId: 't1',
      sha256: SHA,
      session: SESSION,
    });
    expect(good.kind === 'photo' && Buffer.from(good.bytes as Uint8Array).toString()).toBe('the photo');
    const other = createHash('sha256').update('something else').digest('hex');
    const wrong = await relay('syncDownload', {
      server: photos.address,
      teamId: 't1',
      sha256: other,
      session: SESSION,
    });
    expect(wrong).toMatchObject({ kind: 'badReply', status: 200 });
    expect(wrong.kind === 'badReply' ? wrong.detail : '').toContain(other);
  });

  it('sends only the headers of the protocol, under the path of the address', async () => {
    const server = await bareServer((request, response) => {
      if (request.method === 'PATCH') {
        response.writeHead(204, { 'upload-offset': '9' });
        response.end();
      } else json(response, 200, { fates: [] });
    });
    await relay('syncCall', {
      server: `${server.address}/ducha/`,
      method: 'POST',
      path: '/teams/t1/push',
      session: SESSION,
      body: { operations: ['…'] },
    });
    await relay('syncUpload', {
      server: `${server.address}/ducha`,
      sha256: SHA,
      offset: 0,
      length: 9,
      session: SESSION,
      bytes: new TextEncoder().encode('the photo'),
    });
    const [push, chunk] = server.requests;
    expect([push?.method, push?.url, chunk?.method, chunk?.url]).toEqual([
      'POST',
      '/ducha/teams/t1/push',
      'PATCH',
      `/ducha/blobs/${SHA}`,
    ]);
    expect(push?.headers.authorization).toBe(`Bearer ${SESSION}`);
    expect(push?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(push?.body.toString() ?? '')).toEqual({ operations: ['…'] });
    expect(chunk?.headers).toMatchObject({
      authorization: `Bearer ${SESSION}`,
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
      'upload-length': '9',
    });
    expect(chunk?.body.toString()).toBe('the photo');
    // fetch's own headers and ours; no cookie, no origin, nothing the page chose.
    const allowed = [
      'host',
      'connection',
      'content-type',
      'content-length',
      'accept',
      'accept-encoding',
      'accept-language',
      'sec-fetch-mode',
      'user-agent',
      'authorization',
      'upload-offset',
      'upload-length',
    ];
    for (const request of server.requests)
      for (const name of Object.keys(request.headers)) expect(allowed, name).toContain(name);
  });

  it('decodes a gzip reply, and passes Retry-After on', async () => {
    const server = await bareServer((_request, response) => {
      response.writeHead(503, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'retry-after': '120',
      });
      response.end(gzipSync(JSON.stringify({ error: { code: 'maintenance', message: 'back soon' } })));
    });
    expect(await relay('syncCall', { server: server.address, method: 'GET', path: '/teams' })).toEqual({
      kind: 'reply',
      status: 503,
      body: { error: { code: 'maintenance', message: 'back soon' } },
      retryAfterSeconds: 120,
    });
  });

  it('refuses a request the contract does not allow before sending it', async () => {
    const server = await bareServer((_request, response) => json(response, 200, {}));
    const handlers = createSyncHandlers() as unknown as HostHandlers;
    const ctx = { dataDir: '/nonexistent' };
    for (const bad of [
      { server: 'https://user:pw@example.org', method: 'GET', path: '/health' },
      { server: `${server.address}?x=1`, method: 'GET', path: '/health' },
      { server: 'file:///etc/passwd', method: 'GET', path: '/health' },
      { server: server.address, method: 'PUT', path: '/health' },
      { server: server.address, method: 'GET', path: '/health', session: 'short' },
      { server: server.address, method: 'GET', path: '/health', session: `${'a'.repeat(40)}\r\nX-Evil: 1` },
    ]) {
      const result = await dispatch(handlers, 'syncCall', bad, ctx);
      expect(result.ok ? result.value : result.error.code, JSON.stringify(bad)).toBe('badRequest');
    }
    const tooBig = await dispatch(
      handlers,
      'syncUpload',
      {
        server: server.address,
        sha256: SHA,
        offset: 0,
        length: 10,
        session: SESSION,
        bytes: new Uint8Array(11),
      },
      ctx,
    );
    expect(tooBig.ok ? tooBig.value : tooBig.error.code).toBe('badRequest');
    expect(server.requests).toEqual([]);
  });
});
