// Photos over HTTP: the chunked upload at the server's offset, resumed after a break, refused when
// wrong, raced by two laptops, and served only complete and only to a team whose records reference it.
// Real files in a temp folder; fastify.inject, and a listening server where a socket must break.
//
// Who may call is decided by the app's own policy check (the session hook's, auth/policy.ts), so these
// tests and the role matrix hold the same rules; only the caller stands in, read from a test header
// (sessions are tested by the HTTP suites), and a stub answers teamReferencesBlob from a set.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256HexSync } from '../../shared/crypto/sha256';
import {
  BLOB_MAX_BYTES,
  CHUNK_MAX_BYTES,
  ErrorReplySchema,
  MissingReplySchema,
} from '../../shared/sync/protocol';
import { FsBlobStore } from '../src/blobs/fs-blob-store';
import type { Caller } from '../src/http/caller';
import { blobRoutes, UPLOAD_CONTENT_TYPE } from '../src/http/blob-routes';
import { ApiError, errorHandler } from '../src/http/errors';
import { policyCheck } from '../src/http/session-hook';
import { expectSameBytes } from './same-bytes';

const caller = (role: Caller['role'], team: string | null, deviceTeam: string | null = team): Caller => ({
  personId: `${role}-${team ?? 'city'}`,
  role,
  personTeamId: team,
  deviceTeamId: deviceTeam,
  deviceId: `laptop-${role}-${deviceTeam ?? 'city'}`,
});
const INSPECTOR_A = caller('inspector', 'team-a');
const INSPECTOR_B = caller('inspector', 'team-b');
const OFFICE = caller('office', null);
const LEADER = caller('leader', null);
const ADMIN = caller('admin', null);

let home: string;
let app: FastifyInstance;
/** `${teamId}/${sha}` for every photo a team's records name. */
let references: Set<string>;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'ducha-blob-routes-'));
  references = new Set();
  // Closing ends every connection: with the default ('idle'), a keep-alive connection whose response
  // is still finishing when close() runs is never re-checked and holds close() for its whole timeout.
  app = Fastify({ forceCloseConnections: true });
  app.decorateRequest('caller', null);
  app.setErrorHandler(errorHandler);
  app.addHook(
    'onRequest',
    policyCheck((request) => {
      const header = request.headers['x-test-caller'];
      if (typeof header !== 'string') throw new ApiError('unauthenticated', 'no test caller');
      return Promise.resolve(JSON.parse(header) as Caller);
    }),
  );
  await app.register(blobRoutes, {
    blobs: await FsBlobStore.open(home),
    store: { teamReferencesBlob: (teamId, sha) => Promise.resolve(references.has(`${teamId}/${sha}`)) },
  });
  await app.ready();
});
afterEach(async () => {
  await app.close();
  await rm(home, { recursive: true, force: true });
});

const photo = (bytes: number) => {
  const data = randomBytes(bytes);
  return { data, sha: sha256HexSync(data) };
};
const as = (who: Caller | null): Record<string, string> =>
  who === null ? {} : { 'x-test-caller': JSON.stringify(who) };
const blobFile = (sha: string) => join(home, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);
const partialFolder = () => readdir(join(home, 'blobs', 'partial'));

const head = (sha: string, who: Caller | null = INSPECTOR_A) =>
  app.inject({ method: 'HEAD', url: `/blobs/${sha}`, headers: as(who) });
const patch = (
  sha: string,
  offset: number,
  length: number,
  chunk: Buffer,
  who: Caller | null = INSPECTOR_A,
) =>
  app.inject({
    method: 'PATCH',
    url: `/blobs/${sha}`,
    headers: {
      ...as(who),
      'content-type': UPLOAD_CONTENT_TYPE,
      'upload-offset': String(offset),
      'upload-length': String(length),
    },
    payload: chunk,
  });
const download = (teamId: string, sha: string, who: Caller | null = INSPECTOR_A) =>
  app.inject({ method: 'GET', url: `/teams/${teamId}/blobs/${sha}`, headers: as(who) });
const missing = (teamId: string, hashes: string[], who: Caller | null = INSPECTOR_A) =>
  app.inject({
    method: 'POST',
    url: `/teams/${teamId}/blobs/missing`,
    headers: as(who),
    payload: { hashes },
  });

const errorCode = (response: LightMyRequestResponse) => ErrorReplySchema.parse(response.json()).error.code;
const offsetOf = (response: LightMyRequestResponse) => Number(response.headers['upload-offset']);

/** Uploads the photo in chunks of `size`, each at the offset the previous reply gave. */
async function upload(data: Buffer, sha: string, size: number, who: Caller = INSPECTOR_A): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const response = await patch(sha, offset, data.length, data.subarray(offset, offset + size), who);
    expect(response.statusCode).toBe(204);
    offset = offsetOf(response);
  }
}

describe('photo upload and download', () => {
  it('uploads in chunks; a partial is never served; the complete blob is, with its length and ETag', async () => {
    const { data, sha } = photo(2_500_000);
    references.add(`team-a/${sha}`);
    expect((await head(sha)).statusCode).toBe(404);

    const first = await patch(sha, 0, data.length, data.subarray(0, 1_000_000));
    expect(first.statusCode).toBe(204);
    expect(first.headers['upload-offset']).toBe('1000000');
    const midway = await head(sha);
    expect(midway.statusCode).toBe(200);
    expect([midway.headers['upload-offset'], midway.headers['upload-length']]).toEqual([
      '1000000',
      '2500000',
    ]);
    expect(midway.headers['cache-control']).toBe('no-store');

    const whilePartial = await download('team-a', sha);
    expect([whilePartial.statusCode, errorCode(whilePartial)]).toEqual([404, 'blobNotFound']);
    expect(whilePartial.rawPayload.includes(data.subarray(0, 64))).toBe(false);

    expect((await patch(sha, 1_000_000, data.length, data.subarray(1_000_000, 2_000_000))).statusCode).toBe(
      204,
    );
    const last = await patch(sha, 2_000_000, data.length, data.subarray(2_000_000));
    expect([last.statusCode, last.headers['upload-offset']]).toEqual([204, '2500000']);

    const done = await head(sha);
    expect([done.statusCode, done.headers['upload-offset'], done.headers['upload-length']]).toEqual([
      200,
      '2500000',
      '2500000',
    ]);
    const served = await download('team-a', sha);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-length']).toBe('2500000');
    expect(served.headers['content-type']).toBe('application/octet-stream');
    expect(served.headers.etag).toBe(`"${sha}"`);
    expectSameBytes(served.rawPayload, data);
    expectSameBytes(await readFile(blobFile(sha)), data);
    expect(await partialFolder()).toEqual([]);

    const cached = await app.inject({
      method: 'GET',
      url: `/teams/team-a/blobs/${sha}`,
      headers: { ...as(INSPECTOR_A), 'if-none-match': `"${sha}"` },
    });
    expect([cached.statusCode, cached.rawPayload.length]).toEqual([304, 0]);
  });

  it('refuses a wrong offset with the server offset, and changes nothing', async () => {
    const { data, sha } = photo(300_000);
    await patch(sha, 0, data.length, data.subarray(0, 100_000));
    for (const offset of [0, 50_000, 200_000]) {
      const wrong = await patch(sha, offset, data.length, data.subarray(offset, offset + 50_000));
      expect([wrong.statusCode, errorCode(wrong), offsetOf(wrong)]).toEqual([409, 'wrongOffset', 100_000]);
    }
    const state = await head(sha);
    expect([state.headers['upload-offset'], state.headers['upload-length']]).toEqual(['100000', '300000']);
    expectSameBytes(await readFile(join(home, 'blobs', 'partial', sha)), data.subarray(0, 100_000));

    const otherLength = await patch(sha, 100_000, data.length + 1, data.subarray(100_000, 150_000));
    expect([otherLength.statusCode, errorCode(otherLength)]).toEqual([409, 'lengthMismatch']);
    expect(otherLength.headers['upload-length']).toBe('300000');
  });

  it('refuses bytes that are not the hash: 422, no blob, no partial left', async () => {
    const { data } = photo(400_000);
    const { sha: claimed } = photo(400_000);
    references.add(`team-a/${claimed}`);
    expect((await patch(claimed, 0, data.length, data.subarray(0, 200_000))).statusCode).toBe(204);
    const mismatch = await patch(claimed, 200_000, data.length, data.subarray(200_000));
    expect([mismatch.statusCode, errorCode(mismatch)]).toEqual([422, 'hashMismatch']);
    expect((await head(claimed)).statusCode).toBe(404);
    expect((await download('team-a', claimed)).statusCode).toBe(404);
    expect(MissingReplySchema.parse((await missing('team-a', [claimed])).json()).missing).toEqual([claimed]);
    expect(await partialFolder()).toEqual([]);
    expect(await readdir(join(home, 'blobs'))).toEqual(['partial']);
  });

  it('serves a blob to a team only when its records reference it', async () => {
    const { data, sha } = photo(10_000);
    await upload(data, sha, 10_000);
    references.add(`team-a/${sha}`);
    expect((await download('team-a', sha, INSPECTOR_A)).statusCode).toBe(200);
    expect((await download('team-a', sha, OFFICE)).statusCode).toBe(200);
    expect((await download('team-a', sha, LEADER)).statusCode).toBe(200);
    for (const who of [OFFICE, LEADER, INSPECTOR_B]) {
      const unreferenced = await download('team-b', sha, who);
      expect([unreferenced.statusCode, errorCode(unreferenced)]).toEqual([404, 'blobNotReferenced']);
      expect(unreferenced.rawPayload.includes(data.subarray(0, 32))).toBe(false);
    }
  });

  it('refuses a chunk too large, a declared length too large, a chunk past the length: nothing stored', async () => {
    const { data, sha } = photo(CHUNK_MAX_BYTES + 1);
    const bigChunk = await patch(sha, 0, data.length, data);
    expect([bigChunk.statusCode, errorCode(bigChunk)]).toEqual([413, 'chunkTooLarge']);
    expect(bigChunk.headers.connection).toBe('close');

    const bigBlob = await patch(sha, 0, BLOB_MAX_BYTES + 1, data.subarray(0, 1000));
    expect([bigBlob.statusCode, errorCode(bigBlob)]).toEqual([413, 'blobTooLarge']);

    const pastEnd = await patch(sha, 0, 1000, data.subarray(0, 1001));
    expect([pastEnd.statusCode, errorCode(pastEnd)]).toEqual([413, 'beyondLength']);

    expect((await head(sha)).statusCode).toBe(404);
    expect(await partialFolder()).toEqual([]);
  });

  it('counts the bytes of a chunk sent without a length, and refuses it whole past the limit', async () => {
    const { data, sha } = photo(CHUNK_MAX_BYTES + 100_000);
    const streamed = await app.inject({
      method: 'PATCH',
      url: `/blobs/${sha}`,
      headers: {
        ...as(INSPECTOR_A),
        'content-type': UPLOAD_CONTENT_TYPE,
        'transfer-encoding': 'chunked',
        'upload-offset': '0',
        'upload-length': String(data.length),
      },
      // A stream: inject sends it without a Content-Length, as a laptop's chunked body would arrive.
      payload: Readable.from([data.subarray(0, 4_000_000), data.subarray(4_000_000)]),
    });
    expect([streamed.statusCode, errorCode(streamed)]).toEqual([413, 'chunkTooLarge']);
    expect((await head(sha)).statusCode).toBe(404);
    expect(await partialFolder()).toEqual([]);
  });

  it('answers which hashes the server lacks: partial counts as lacking, order kept, each once', async () => {
    const complete = photo(5000);
    const partial = photo(5000);
    const absent = photo(10);
    await upload(complete.data, complete.sha, 5000);
    await patch(partial.sha, 0, 5000, partial.data.subarray(0, 2000));
    const response = await missing('team-a', [absent.sha, complete.sha, partial.sha, absent.sha]);
    expect(response.statusCode).toBe(200);
    expect(MissingReplySchema.parse(response.json())).toEqual({ missing: [absent.sha, partial.sha] });

    const malformed = await missing('team-a', ['not-a-hash']);
    expect([malformed.statusCode, errorCode(malformed)]).toEqual([400, 'malformed']);
    expect((await missing('team-a', [])).statusCode).toBe(400);
  });

  it('tells a second laptop the photo is already there', async () => {
    const { data, sha } = photo(50_000);
    await upload(data, sha, 20_000, INSPECTOR_A);
    const second = caller('inspector', 'team-b');
    expect(MissingReplySchema.parse((await missing('team-b', [sha], second)).json()).missing).toEqual([]);
    const state = await head(sha, second);
    expect([state.headers['upload-offset'], state.headers['upload-length']]).toEqual(['50000', '50000']);
    const late = await patch(sha, 0, data.length, data.subarray(0, 20_000), second);
    expect([late.statusCode, errorCode(late), offsetOf(late)]).toEqual([409, 'wrongOffset', 50_000]);
    expectSameBytes(await readFile(blobFile(sha)), data);
  });

  it('refuses malformed requests in its own words', async () => {
    const { sha } = photo(10);
    const upper = await head(sha.toUpperCase());
    expect(upper.statusCode).toBe(400);
    const noHeaders = await app.inject({
      method: 'PATCH',
      url: `/blobs/${sha}`,
      headers: { ...as(INSPECTOR_A), 'content-type': UPLOAD_CONTENT_TYPE },
      payload: Buffer.from('x'),
    });
    expect([noHeaders.statusCode, errorCode(noHeaders)]).toEqual([400, 'malformed']);
    for (const bad of ['-1', '1e3', '0x10', ' 5', '']) {
      const response = await app.inject({
        method: 'PATCH',
        url: `/blobs/${sha}`,
        headers: {
          ...as(INSPECTOR_A),
          'content-type': UPLOAD_CONTENT_TYPE,
          'upload-offset': bad,
          'upload-length': '10',
        },
        payload: Buffer.from('x'),
      });
      expect(response.statusCode).toBe(400);
    }
    const json = await app.inject({
      method: 'PATCH',
      url: `/blobs/${sha}`,
      headers: {
        ...as(INSPECTOR_A),
        'content-type': 'application/json',
        'upload-offset': '0',
        'upload-length': '10',
      },
      payload: '{}',
    });
    expect([json.statusCode, errorCode(json)]).toEqual([415, 'unsupportedMediaType']);
    const octets = await app.inject({
      method: 'PATCH',
      url: `/blobs/${sha}`,
      headers: {
        ...as(INSPECTOR_A),
        'content-type': 'application/octet-stream',
        'upload-offset': '0',
        'upload-length': '10',
      },
      payload: Buffer.alloc(10),
    });
    expect([octets.statusCode, errorCode(octets)]).toEqual([415, 'unsupportedMediaType']);
    expect(await partialFolder()).toEqual([]);
  });
});

describe('who may move photos', () => {
  // Each route called by each caller for its own team (team-a) and for another (team-b); the upload
  // routes name no team, so both calls are the same. A status below 400 is allowed (404 on a HEAD:
  // allowed, nothing there yet). The blob asked for is complete and referenced by both teams.
  // The same rules as the role matrix's blob lines, through the same check.
  const routes = {
    missing: (who: Caller | null, teamId: string, sha: string) => missing(teamId, [sha], who),
    head: (who: Caller | null, _teamId: string) => head(photo(10).sha, who),
    patch: (who: Caller | null, _teamId: string) => {
      const { data, sha } = photo(10);
      return patch(sha, 0, 10, data.subarray(0, 5), who);
    },
    download: (who: Caller | null, teamId: string, sha: string) => download(teamId, sha, who),
  };
  type Expected = Record<keyof typeof routes, [own: number, other: number]>;
  const cases: [string, Caller | null, Expected][] = [
    [
      'nobody signed in',
      null,
      { missing: [401, 401], head: [401, 401], patch: [401, 401], download: [401, 401] },
    ],
    [
      'an inspector',
      INSPECTOR_A,
      { missing: [200, 403], head: [404, 404], patch: [204, 204], download: [200, 403] },
    ],
    [
      'the office',
      OFFICE,
      { missing: [200, 200], head: [404, 404], patch: [204, 204], download: [200, 200] },
    ],
    ['a leader', LEADER, { missing: [403, 403], head: [403, 403], patch: [403, 403], download: [200, 200] }],
    ['an admin', ADMIN, { missing: [403, 403], head: [403, 403], patch: [403, 403], download: [403, 403] }],
    [
      // No session has this pair (sign-in refuses it, and neither team ever changes); were one made,
      // the routes with a team in the path refuse it, and the uploads, which name no team and reach
      // a team only through its records, take its bytes as the policy's `team: 'none'` says.
      "an inspector on another team's laptop",
      caller('inspector', 'team-a', 'team-b'),
      { missing: [403, 403], head: [404, 404], patch: [204, 204], download: [403, 403] },
    ],
  ];
  for (const [name, who, expected] of cases) {
    it(`${name}: each route, own team and another`, async () => {
      const stored = photo(10);
      await upload(stored.data, stored.sha, 10, OFFICE);
      references.add(`team-a/${stored.sha}`);
      references.add(`team-b/${stored.sha}`);
      for (const route of Object.keys(routes) as (keyof typeof routes)[]) {
        const own = await routes[route](who, 'team-a', stored.sha);
        const other = await routes[route](who, 'team-b', stored.sha);
        expect([route, own.statusCode, other.statusCode]).toEqual([route, ...expected[route]]);
        // A HEAD reply has no body; the other routes say why they refuse.
        for (const response of route === 'head' ? [] : [own, other]) {
          if (response.statusCode === 401) expect(errorCode(response)).toBe('unauthenticated');
          if (response.statusCode === 403) expect(errorCode(response)).toMatch(/^(forbidden|otherTeam)$/);
        }
      }
    });
  }
});

describe('over a real connection', () => {
  let base: string;
  beforeEach(async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    base = address;
  });

  /** The laptop's loop: ask HEAD, send the next chunk from there, again until the photo is complete. */
  async function uploadByOffset(data: Buffer, sha: string, chunk: number, who: Caller): Promise<number> {
    let conflicts = 0;
    for (;;) {
      const state = await fetch(`${base}/blobs/${sha}`, { method: 'HEAD', headers: as(who) });
      const offset = state.status === 404 ? 0 : Number(state.headers.get('upload-offset'));
      if (offset === data.length) return conflicts;
      const response = await fetch(`${base}/blobs/${sha}`, {
        method: 'PATCH',
        headers: {
          ...as(who),
          'content-type': UPLOAD_CONTENT_TYPE,
          'upload-offset': String(offset),
          'upload-length': String(data.length),
        },
        body: new Uint8Array(data.subarray(offset, offset + chunk)),
      });
      await response.arrayBuffer();
      if (response.status === 409) conflicts += 1;
      else expect(response.status).toBe(204);
    }
  }

  it('two laptops uploading one photo at once end with one correct blob', async () => {
    const { data, sha } = photo(6_000_000);
    references.add(`team-a/${sha}`);
    const laptops = [
      caller('inspector', 'team-a'),
      { ...caller('inspector', 'team-a'), deviceId: 'laptop-2' },
    ];
    await Promise.all([
      uploadByOffset(data, sha, 700_000, laptops[0]!),
      uploadByOffset(data, sha, 1_100_000, laptops[1]!),
    ]);
    expectSameBytes(await readFile(blobFile(sha)), data);
    expect(await partialFolder()).toEqual([]);
    const served = await fetch(`${base}/teams/team-a/blobs/${sha}`, { headers: as(INSPECTOR_A) });
    expectSameBytes(Buffer.from(await served.arrayBuffer()), data);
  });

  it('refuses a chunk past the limit sent without a length, and the laptop reads why', async () => {
    const { data, sha } = photo(CHUNK_MAX_BYTES + 200_000);
    const { port } = app.server.address() as AddressInfo;
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'PATCH',
          path: `/blobs/${sha}`,
          headers: {
            ...as(INSPECTOR_A),
            'content-type': UPLOAD_CONTENT_TYPE,
            'upload-offset': '0',
            'upload-length': String(data.length),
          },
        },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (text: string) => (body += text));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      // No Content-Length: Node sends the body chunked, so only counting can find it too large.
      for (let from = 0; from < data.length; from += 1_000_000)
        request.write(data.subarray(from, from + 1_000_000));
      request.end();
    });
    expect(reply.status).toBe(413);
    expect(ErrorReplySchema.parse(JSON.parse(reply.body)).error.code).toBe('chunkTooLarge');
    expect(await partialFolder()).toEqual([]);
  });

  it('resumes after the connection broke mid-chunk, from the offset HEAD gives', async () => {
    const { data, sha } = photo(3_000_000);
    const { port } = app.server.address() as AddressInfo;
    // A chunk of 2 MB announced; 600 kB sent; then the socket is torn down.
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'PATCH',
        path: `/blobs/${sha}`,
        headers: {
          ...as(INSPECTOR_A),
          'content-type': UPLOAD_CONTENT_TYPE,
          'content-length': '2000000',
          'upload-offset': '0',
          'upload-length': String(data.length),
        },
      });
      request.on('error', () => resolve());
      request.write(data.subarray(0, 600_000), () => {
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 300);
      });
    });

    // The server notices the break on its own time: wait until the offset stops moving.
    let offset = -1;
    for (let settled = 0; settled < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const state = await fetch(`${base}/blobs/${sha}`, { method: 'HEAD', headers: as(INSPECTOR_A) });
      expect(state.status).toBe(200);
      const now = Number(state.headers.get('upload-offset'));
      settled = now === offset ? settled + 1 : 0;
      offset = now;
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(600_000);
    expectSameBytes(await readFile(join(home, 'blobs', 'partial', sha)), data.subarray(0, offset));

    const conflicts = await uploadByOffset(data, sha, 1_000_000, INSPECTOR_A);
    expect(conflicts).toBe(0);
    expectSameBytes(await readFile(blobFile(sha)), data);
    expect(await partialFolder()).toEqual([]);
  });
});
