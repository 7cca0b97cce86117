// The host's sync relay against a real Ducha server (the app on SQLite and a photo folder, listening on
// loopback): a laptop enrolls, signs in, pushes and pulls through syncCall; a photo goes up in two
// chunks and comes back whole; refusals of the server come through as replies; routes a laptop may not
// call never reach the server; a server that is down is "unreachable". Calls go through dispatch, so
// every request and reply is also checked against the contract.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostHandlers, ParsedRequestOf, RequestOf, ResponseOf } from '../../shared/contract';
import { dispatch } from '../../shared/contract/dispatch';
import { sha256HexSync } from '../../shared/crypto/sha256';
import {
  ChallengeReplySchema,
  EnrollReplySchema,
  ErrorReplySchema,
  PullReplySchema,
  PushReplySchema,
  SignInReplySchema,
  SnapshotReplySchema,
} from '../../shared/sync/protocol';
import { createSyncHandlers, type SyncHandlers } from '../../electron/host/sync/sync-handlers';
import { NORTH, PASSWORD, regionOp, TestDevice, type SignedIn } from '../../server/test/support/http-city';
import { startListeningCity, type ListeningCity } from './listening-city';

type SyncChannel = keyof SyncHandlers;

let listening: ListeningCity;
const handlers = createSyncHandlers() as unknown as HostHandlers;

async function relay<C extends SyncChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await dispatch(handlers, channel, request, { dataDir: '/nonexistent' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

const call = (request: Omit<ParsedRequestOf<'syncCall'>, 'server'>) =>
  relay('syncCall', { server: listening.server, ...request });

/** The reply's body, after checking the call was answered with the status expected. */
function answered(reply: ResponseOf<'syncCall'>, status: number): unknown {
  expect(reply.kind === 'reply' ? reply.status : reply).toBe(status);
  return reply.kind === 'reply' ? reply.body : null;
}

beforeAll(async () => {
  listening = await startListeningCity();
});
afterAll(() => listening.close());

describe('the sync relay, against a real server', () => {
  it('asks a server whether it runs', async () => {
    const reply = await call({ method: 'GET', path: '/health' });
    expect(reply).toEqual({
      kind: 'reply',
      status: 200,
      body: { ok: true, epoch: await listening.city.store.epoch() },
      retryAfterSeconds: null,
    });
    // The record of what reached the server, which the refused routes below are checked against.
    expect(listening.seen).toContain('GET /health');
  });

  it('enrolls a laptop, signs in, pushes and pulls, reads the gzip snapshot, signs out', async () => {
    const { city } = listening;
    const device = new TestDevice();
    const enrolled = EnrollReplySchema.parse(
      answered(
        await call({
          method: 'POST',
          path: '/devices/enroll',
          body: {
            code: await city.code(NORTH),
            name: 'laptop through the relay',
            publicKey: device.publicKey,
          },
        }),
        201,
      ),
    );
    device.id = enrolled.device.id;
    await city.addPerson('inspector', NORTH, 'relay-inspector');
    const { challenge } = ChallengeReplySchema.parse(
      answered(await call({ method: 'POST', path: '/auth/challenge', body: { deviceId: device.id } }), 200),
    );
    const signedIn = SignInReplySchema.parse(
      answered(
        await call({
          method: 'POST',
          path: '/auth/sign-in',
          body: {
            deviceId: device.id,
            challenge,
            signature: device.sign(challenge),
            login: 'relay-inspector',
            password: PASSWORD,
          },
        }),
        200,
      ),
    );
    const session = signedIn.session;

    const operations = [
      regionOp('relay-r1', 'name', '城南区', city.clock.ms, '00000000000000c1', 0),
      regionOp('relay-r1', 'level', 'county', city.clock.ms, '00000000000000c1', 1),
    ];
    const pushed = PushReplySchema.parse(
      answered(
        await call({ method: 'POST', path: `/teams/${NORTH}/push`, session, body: { operations } }),
        200,
      ),
    );
    expect(pushed.fates.map((fate) => fate.fate)).toEqual(['stored', 'stored']);

    const epoch = pushed.cursor.epoch;
    const pulled = PullReplySchema.parse(
      answered(
        await call({ method: 'GET', path: `/teams/${NORTH}/pull?epoch=${epoch}&after=0`, session }),
        200,
      ),
    );
    expect(pulled.kind === 'operations' ? pulled.operations.map((o) => o.operation) : pulled).toEqual(
      operations,
    );

    // The snapshot travels gzip-encoded; the relay hands the page the JSON.
    const snapshot = SnapshotReplySchema.parse(
      answered(await call({ method: 'GET', path: `/teams/${NORTH}/snapshot`, session }), 200),
    );
    expect(snapshot.cursor).toEqual(pushed.cursor);
    expect(snapshot.operations).toEqual(expect.arrayContaining(operations));

    answered(await call({ method: 'POST', path: '/auth/sign-out', session }), 200);
    const afterSignOut = await call({ method: 'GET', path: `/teams/${NORTH}/knowledge`, session });
    expect(afterSignOut.kind === 'reply' ? afterSignOut.status : afterSignOut).toBe(401);
  });

  it("passes the server's refusals on as replies, with Retry-After in seconds", async () => {
    const noSession = await call({ method: 'POST', path: `/teams/${NORTH}/push`, body: { operations: [] } });
    expect(noSession.kind === 'reply' && ErrorReplySchema.parse(noSession.body).error.code).toBe(
      'unauthenticated',
    );

    // A device may hold 20 challenges at once; the 21st is 429 with Retry-After.
    const device = await listening.city.enroll(NORTH);
    let last: ResponseOf<'syncCall'> | null = null;
    for (let i = 0; i < 21; i++)
      last = await call({ method: 'POST', path: '/auth/challenge', body: { deviceId: device.id } });
    expect(last?.kind === 'reply' && [last.status, ErrorReplySchema.parse(last.body).error.code]).toEqual([
      429,
      'rateLimited',
    ]);
    expect(last?.kind === 'reply' ? last.retryAfterSeconds : null).toBeGreaterThan(0);
  });

  it('never sends a route a laptop may not call: the server sees no request', async () => {
    const before = listening.seen.length;
    const refused: [ParsedRequestOf<'syncCall'>['method'], string][] = [
      ['POST', '/setup'],
      ['GET', '/people'],
      ['POST', '/people'],
      ['GET', '/devices'],
      ['POST', '/teams'],
      ['POST', '/enrollment-codes'],
      ['GET', `/teams/${NORTH}/../../people`],
      ['GET', `/teams/%2e%2e/people`],
      ['GET', '//evil.example/health'],
      ['GET', '/health?admin=1'],
      ['GET', `/teams/${NORTH}/blobs/${'a'.repeat(64)}`],
    ];
    for (const [method, path] of refused) {
      const reply = await call({ method, path, body: method === 'POST' ? {} : undefined });
      expect(reply.kind, `${method} ${path}`).toBe('refusedRoute');
    }
    // A GET with a body is not sent either.
    expect((await call({ method: 'GET', path: '/health', body: { x: 1 } })).kind).toBe('refusedRoute');
    expect(listening.seen.slice(before)).toEqual([]);
  });

  it('uploads a photo in two chunks, says where an upload stands, and downloads it checked', async () => {
    const { city, server } = listening;
    const inspector: SignedIn = await city.as('inspector', NORTH);
    const session = inspector.session;
    const photo = randomBytes(300_000);
    const sha256 = sha256HexSync(photo);

    expect(await relay('syncUploadOffset', { server, sha256, session })).toEqual({
      kind: 'reply',
      status: 404,
      offset: null,
      length: null,
    });
    const first = await relay('syncUpload', {
      server,
      sha256,
      offset: 0,
      length: photo.length,
      session,
      bytes: photo.subarray(0, 100_000),
    });
    expect(first).toEqual({ kind: 'reply', status: 204, offset: 100_000, body: null });
    expect(await relay('syncUploadOffset', { server, sha256, session })).toEqual({
      kind: 'reply',
      status: 200,
      offset: 100_000,
      length: photo.length,
    });
    // Sent again from 0 (the laptop lost track): 409 with the server's offset, to go on from there.
    const again = await relay('syncUpload', {
      server,
      sha256,
      offset: 0,
      length: photo.length,
      session,
      bytes: photo.subarray(0, 100_000),
    });
    expect(
      again.kind === 'reply' && [again.status, again.offset, ErrorReplySchema.parse(again.body).error.code],
    ).toEqual([409, 100_000, 'wrongOffset']);
    const second = await relay('syncUpload', {
      server,
      sha256,
      offset: 100_000,
      length: photo.length,
      session,
      bytes: photo.subarray(100_000),
    });
    expect(second).toEqual({ kind: 'reply', status: 204, offset: photo.length, body: null });

    // Served only once a record of the team names it.
    const early = await relay('syncDownload', { server, teamId: NORTH, sha256, session });
    expect(early.kind === 'reply' && [early.status, ErrorReplySchema.parse(early.body).error.code]).toEqual([
      404,
      'blobNotReferenced',
    ]);
    const wall = String(city.clock.ms).padStart(15, '0');
    const record = {
      table: 'photos',
      rowId: 'relay-photo-1',
      field: 'sha256',
      value: sha256,
      hlc: `${wall}-000000-00000000000000c2`,
      node: '00000000000000c2',
    };
    answered(
      await call({ method: 'POST', path: `/teams/${NORTH}/push`, session, body: { operations: [record] } }),
      200,
    );

    const downloaded = await relay('syncDownload', { server, teamId: NORTH, sha256, session });
    expect(downloaded.kind).toBe('photo');
    if (downloaded.kind !== 'photo' || !(downloaded.bytes instanceof Uint8Array)) throw new Error('no bytes');
    expect(sha256HexSync(downloaded.bytes)).toBe(sha256);
    expect(downloaded.bytes.length).toBe(photo.length);
  });

  it('says a server that is down is unreachable', async () => {
    const port = await closedPort();
    const reply = await relay('syncCall', {
      server: `http://127.0.0.1:${String(port)}`,
      method: 'GET',
      path: '/health',
    });
    expect(reply).toMatchObject({ kind: 'unreachable', code: 'ECONNREFUSED' });
    const upload = await relay('syncDownload', {
      server: `http://127.0.0.1:${String(port)}`,
      teamId: NORTH,
      sha256: 'a'.repeat(64),
      session: 'x'.repeat(43),
    });
    expect(upload).toMatchObject({ kind: 'unreachable', code: 'ECONNREFUSED' });
  });
});

/** A loopback port nothing listens on: one the system just handed out and that was closed again. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
