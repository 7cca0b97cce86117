// A photo's whole way through the real server (session check, policy table, SQLite store, blob
// folder): asked for, uploaded in chunks with a session, refused to the team until a pushed photo
// record names it, then served to that team and to nobody else's.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256HexSync } from '../../shared/crypto/sha256';
import { ErrorReplySchema, MissingReplySchema, PushReplySchema } from '../../shared/sync/protocol';
import { FsBlobStore } from '../src/blobs/fs-blob-store';
import { UPLOAD_CONTENT_TYPE } from '../src/http/blob-routes';
import { sqliteBackend } from './support/backends';
import { NORTH, SOUTH, startCity, type City, type SignedIn } from './support/http-city';
import { expectSameBytes } from './same-bytes';

const errorCode = (response: LightMyRequestResponse) => ErrorReplySchema.parse(response.json()).error.code;

describe('photos through the real app (SQLite)', () => {
  const backend = sqliteBackend();
  let city: City;
  beforeAll(() => backend.setUp());
  afterAll(() => backend.tearDown());
  beforeEach(async () => {
    const fresh = await backend.fresh();
    city = await startCity(fresh.store, { blobs: await FsBlobStore.open(fresh.home) });
  });
  afterEach(() => city.close());

  const patch = (who: SignedIn, sha: string, offset: number, length: number, chunk: Buffer) =>
    city.inject('PATCH', `/blobs/${sha}`, {
      session: who.session,
      payload: chunk,
      headers: {
        'content-type': UPLOAD_CONTENT_TYPE,
        'upload-offset': String(offset),
        'upload-length': String(length),
      },
    });

  it('uploads with a session, and serves the photo only to the team whose record names it', async () => {
    const inspector = await city.as('inspector', NORTH);
    const southInspector = await city.as('inspector', SOUTH);
    const leader = await city.as('leader', null);
    const data = randomBytes(700_000);
    const sha = sha256HexSync(data);

    const asked = await city.inject('POST', `/teams/${NORTH}/blobs/missing`, {
      session: inspector.session,
      body: { hashes: [sha] },
    });
    expect(MissingReplySchema.parse(asked.json()).missing).toEqual([sha]);
    expect((await city.inject('HEAD', `/blobs/${sha}`, { session: inspector.session })).statusCode).toBe(404);

    for (let offset = 0; offset < data.length; offset += 300_000) {
      const response = await patch(
        inspector,
        sha,
        offset,
        data.length,
        data.subarray(offset, offset + 300_000),
      );
      expect(response.statusCode, response.body).toBe(204);
    }
    const state = await city.inject('HEAD', `/blobs/${sha}`, { session: inspector.session });
    expect([state.statusCode, state.headers['upload-offset']]).toEqual([200, '700000']);

    // Complete, but no record of the team names it yet.
    const early = await city.inject('GET', `/teams/${NORTH}/blobs/${sha}`, { session: inspector.session });
    expect([early.statusCode, errorCode(early)]).toEqual([404, 'blobNotReferenced']);

    const wall = String(city.clock.ms).padStart(15, '0');
    const node = '00000000000000b7';
    const pushed = await city.inject('POST', `/teams/${NORTH}/push`, {
      session: inspector.session,
      body: {
        operations: [
          {
            table: 'photos',
            rowId: 'photo-1',
            field: 'sha256',
            value: sha,
            hlc: `${wall}-000000-${node}`,
            node,
          },
        ],
      },
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    expect(PushReplySchema.parse(pushed.json()).fates[0]?.fate).toBe('stored');

    for (const who of [inspector, leader]) {
      const served = await city.inject('GET', `/teams/${NORTH}/blobs/${sha}`, { session: who.session });
      expect(served.statusCode).toBe(200);
      expect(served.headers.etag).toBe(`"${sha}"`);
      expectSameBytes(served.rawPayload, data);
    }
    const otherTeam = await city.inject('GET', `/teams/${SOUTH}/blobs/${sha}`, { session: leader.session });
    expect([otherTeam.statusCode, errorCode(otherTeam)]).toEqual([404, 'blobNotReferenced']);
    const notTheirs = await city.inject('GET', `/teams/${NORTH}/blobs/${sha}`, {
      session: southInspector.session,
    });
    expect([notTheirs.statusCode, errorCode(notTheirs)]).toEqual([403, 'otherTeam']);
    const signedOut = await city.inject('GET', `/teams/${NORTH}/blobs/${sha}`);
    expect([signedOut.statusCode, errorCode(signedOut)]).toEqual([401, 'unauthenticated']);
    const noSession = await patch(
      { ...inspector, session: 'x'.repeat(43) },
      sha,
      0,
      data.length,
      data.subarray(0, 10),
    );
    expect(noSession.statusCode).toBe(401);
  });

  it('refuses a wrong hash and a wrong offset through the app as the plugin does', async () => {
    const inspector = await city.as('inspector', NORTH);
    const data = randomBytes(50_000);
    const claimed = sha256HexSync(randomBytes(50_000));
    expect((await patch(inspector, claimed, 0, data.length, data.subarray(0, 20_000))).statusCode).toBe(204);
    const wrong = await patch(inspector, claimed, 0, data.length, data.subarray(0, 20_000));
    expect([wrong.statusCode, errorCode(wrong), wrong.headers['upload-offset']]).toEqual([
      409,
      'wrongOffset',
      '20000',
    ]);
    const mismatch = await patch(inspector, claimed, 20_000, data.length, data.subarray(20_000));
    expect([mismatch.statusCode, errorCode(mismatch)]).toEqual([422, 'hashMismatch']);
    expect((await city.inject('HEAD', `/blobs/${claimed}`, { session: inspector.session })).statusCode).toBe(
      404,
    );
  });
});
