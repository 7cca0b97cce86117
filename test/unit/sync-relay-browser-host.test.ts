// The sync relay through the browser host's real HTTP path (the other transport of the contract, beside
// Electron's IPC): the loopback host started for real, called as the page calls it (same origin, launch
// token; a binary channel's fields in X-Ducha-Fields, its bytes as the body), relaying to a real Ducha
// server on SQLite. A photo goes up in two chunks and comes back as bytes, not JSON.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINARY_FIELDS_HEADER } from '../../shared/contract';
import { sha256HexSync } from '../../shared/crypto/sha256';
import { PushReplySchema } from '../../shared/sync/protocol';
import { type BrowserHost, startBrowserHost } from '../../electron/browser/start-browser-host';
import { NORTH, regionOp } from '../../server/test/support/http-city';
import { startListeningCity, type ListeningCity } from './listening-city';

let tmp = '';
let host: BrowserHost;
let listening: ListeningCity;

/** A call as the page makes it: JSON, or for a binary request the bytes with the fields in a header. */
async function api(channel: string, fields: object, bytes?: Uint8Array<ArrayBuffer>): Promise<Response> {
  return fetch(`http://127.0.0.1:${String(host.port)}/api/${channel}`, {
    method: 'POST',
    headers: {
      Origin: `http://127.0.0.1:${String(host.port)}`,
      'X-Ducha-Token': host.token,
      ...(bytes
        ? {
            'Content-Type': 'application/octet-stream',
            [BINARY_FIELDS_HEADER]: encodeURIComponent(JSON.stringify(fields)),
          }
        : { 'Content-Type': 'application/json' }),
    },
    body: bytes ?? JSON.stringify(fields),
  });
}

async function value(response: Response): Promise<unknown> {
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.value;
}

beforeAll(async () => {
  listening = await startListeningCity();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ducha-relay-host-'));
  const rendererDir = path.join(tmp, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Ducha</title>');
  host = await startBrowserHost({
    port: 0,
    dataDir: path.join(tmp, 'home'),
    rendererDir,
    appVersion: '0.0.0-test',
    systemLocale: 'zh-CN',
    forcedLanguage: null,
  });
});

afterAll(async () => {
  await host.close();
  await listening.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('the sync relay through the browser host', () => {
  it('relays a call, a push with a session, and refuses an admin route without sending it', async () => {
    const { city, server } = listening;
    expect(await value(await api('syncCall', { server, method: 'GET', path: '/health' }))).toEqual({
      kind: 'reply',
      status: 200,
      body: { ok: true, epoch: await city.store.epoch() },
      retryAfterSeconds: null,
    });

    const inspector = await city.as('inspector', NORTH);
    const operations = [regionOp('host-r1', 'name', '城北区', city.clock.ms, '00000000000000d1', 0)];
    const pushed = (await value(
      await api('syncCall', {
        server,
        method: 'POST',
        path: `/teams/${NORTH}/push`,
        session: inspector.session,
        body: { operations },
      }),
    )) as { status: number; body: unknown };
    expect(pushed.status).toBe(200);
    expect(PushReplySchema.parse(pushed.body).fates).toEqual([
      { fate: 'stored', seq: expect.any(Number) as number },
    ]);

    const before = listening.seen.length;
    expect(await value(await api('syncCall', { server, method: 'GET', path: '/people' }))).toMatchObject({
      kind: 'refusedRoute',
    });
    expect(listening.seen.slice(before)).toEqual([]);
  });

  it('uploads a photo in two binary chunks and downloads it as bytes', async () => {
    const { city, server } = listening;
    const inspector = await city.as('inspector', NORTH);
    const session = inspector.session;
    const photo = randomBytes(200_000);
    const sha256 = sha256HexSync(photo);

    for (const [offset, end] of [
      [0, 120_000],
      [120_000, photo.length],
    ] as const) {
      const reply = await api(
        'syncUpload',
        { server, sha256, offset, length: photo.length, session },
        photo.subarray(offset, end),
      );
      expect(await value(reply)).toEqual({ kind: 'reply', status: 204, offset: end, body: null });
    }
    expect(await value(await api('syncUploadOffset', { server, sha256, session }))).toEqual({
      kind: 'reply',
      status: 200,
      offset: photo.length,
      length: photo.length,
    });

    const node = '00000000000000d2';
    const record = {
      table: 'photos',
      rowId: 'host-photo-1',
      field: 'sha256',
      value: sha256,
      hlc: `${String(city.clock.ms).padStart(15, '0')}-000000-${node}`,
      node,
    };
    await value(
      await api('syncCall', {
        server,
        method: 'POST',
        path: `/teams/${NORTH}/push`,
        session,
        body: { operations: [record] },
      }),
    );

    const download = await api('syncDownload', { server, teamId: NORTH, sha256, session });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(JSON.parse(decodeURIComponent(download.headers.get(BINARY_FIELDS_HEADER) ?? ''))).toEqual({
      kind: 'photo',
    });
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect([bytes.length, sha256HexSync(bytes)]).toEqual([photo.length, sha256]);

    // A photo no record names: the server's refusal comes back as JSON.
    const missing = sha256HexSync(randomBytes(10));
    const refusal = await api('syncDownload', { server, teamId: NORTH, sha256: missing, session });
    expect(refusal.headers.get('content-type')).toContain('application/json');
    expect(await value(refusal)).toMatchObject({ kind: 'reply', status: 404 });
  });
});
