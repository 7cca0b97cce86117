// The folder blob store on real files: chunks, a break and a crash in the middle, a wrong hash, two
// uploaders at once. What is on disk is read back and compared byte for byte.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256HexSync } from '../../shared/crypto/sha256';
import { CHUNK_MAX_BYTES } from '../../shared/sync/protocol';
import type { UploadRefused } from '../src/blobs/blob-store';
import { FsBlobStore } from '../src/blobs/fs-blob-store';
import { expectSameBytes } from './same-bytes';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'ducha-blobs-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const photo = (bytes: number) => {
  const data = randomBytes(bytes);
  return { data, sha: sha256HexSync(data) };
};
const blobFile = (sha: string) => join(home, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);
const partialFile = (sha: string) => join(home, 'blobs', 'partial', sha);
const partialFolder = () => readdir(join(home, 'blobs', 'partial'));

/** A source that yields its pieces with a pause between them, as a slow network would. */
async function* slowly(pieces: readonly Uint8Array[], pauseMs = 5): AsyncIterable<Uint8Array> {
  for (const piece of pieces) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    yield piece;
  }
}

/** A source that yields some pieces and then breaks off, as a dropped connection does. */
async function* breaksAfter(pieces: readonly Uint8Array[]): AsyncIterable<Uint8Array> {
  for (const piece of pieces) yield piece;
  await Promise.resolve();
  throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
}

async function refusal(promise: Promise<unknown>): Promise<UploadRefused> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe('UploadRefused');
  return error as UploadRefused;
}

describe('FsBlobStore', () => {
  it('takes a photo in chunks and makes it visible only when the hash matches', async () => {
    const store = await FsBlobStore.open(home);
    const { data, sha } = photo(300_000);
    expect(await store.partial(sha)).toBeNull();

    expect(await store.append(sha, 0, data.subarray(0, 100_000), data.length)).toEqual({
      offset: 100_000,
      complete: false,
    });
    expect(await store.partial(sha)).toEqual({ offset: 100_000, length: 300_000 });
    expect(await store.has(sha)).toBe(false);
    expect(await store.size(sha)).toBeNull();
    expect(await store.open(sha)).toBeNull();
    expectSameBytes(await readFile(partialFile(sha)), data.subarray(0, 100_000));

    const pieces = [data.subarray(100_000, 150_000), data.subarray(150_000)];
    expect(await store.append(sha, 100_000, slowly(pieces), data.length)).toEqual({
      offset: 300_000,
      complete: true,
    });
    expect(await store.has(sha)).toBe(true);
    expect(await store.size(sha)).toBe(300_000);
    expect(await store.partial(sha)).toBeNull();
    expectSameBytes(await readFile(blobFile(sha)), data);
    expect(await partialFolder()).toEqual([]);

    const chunks: Buffer[] = [];
    for await (const piece of (await store.open(sha))!) chunks.push(piece as Buffer);
    expectSameBytes(Buffer.concat(chunks), data);
  });

  it('refuses a chunk at another offset than its own and changes nothing', async () => {
    const store = await FsBlobStore.open(home);
    const { data, sha } = photo(1000);
    const early = await refusal(store.append(sha, 10, data.subarray(10, 20), data.length));
    expect([early.reason, early.offset]).toEqual(['wrongOffset', 0]);
    expect(await store.partial(sha)).toBeNull();

    await store.append(sha, 0, data.subarray(0, 400), data.length);
    for (const offset of [0, 399, 401]) {
      const wrong = await refusal(
        store.append(sha, offset, data.subarray(offset, offset + 100), data.length),
      );
      expect([wrong.reason, wrong.offset, wrong.length]).toEqual(['wrongOffset', 400, 1000]);
    }
    expectSameBytes(await readFile(partialFile(sha)), data.subarray(0, 400));
  });

  it('refuses another declared length than the upload began with', async () => {
    const store = await FsBlobStore.open(home);
    const { data, sha } = photo(1000);
    await store.append(sha, 0, data.subarray(0, 400), data.length);
    const other = await refusal(store.append(sha, 400, data.subarray(400), 1001));
    expect([other.reason, other.offset, other.length]).toEqual(['lengthMismatch', 400, 1000]);
    expect(await store.partial(sha)).toEqual({ offset: 400, length: 1000 });
  });

  it('deletes the upload when the bytes are not the hash, and shows nothing', async () => {
    const store = await FsBlobStore.open(home);
    const { data } = photo(5000);
    const { sha: otherSha } = photo(5000);
    await store.append(otherSha, 0, data.subarray(0, 3000), data.length);
    const mismatch = await refusal(store.append(otherSha, 3000, data.subarray(3000), data.length));
    expect([mismatch.reason, mismatch.offset]).toEqual(['hashMismatch', 0]);
    expect(mismatch.message).toContain(sha256HexSync(data));
    expect(await store.has(otherSha)).toBe(false);
    expect(await store.partial(otherSha)).toBeNull();
    expect(await partialFolder()).toEqual([]);
    await expect(stat(blobFile(otherSha))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a streamed chunk that runs past the declared length, leaving the upload as it was', async () => {
    const store = await FsBlobStore.open(home);
    const { data, sha } = photo(1000);
    await store.append(sha, 0, data.subarray(0, 600), data.length);
    const tooLong = [data.subarray(600, 900), data.subarray(900), Buffer.from('extra')];
    const beyond = await refusal(store.append(sha, 600, slowly(tooLong), data.length));
    expect([beyond.reason, beyond.offset]).toEqual(['beyondLength', 600]);
    expectSameBytes(await readFile(partialFile(sha)), data.subarray(0, 600));
    // The refused pieces were hashed on their way; the hash must not keep them.
    expect(await store.append(sha, 600, data.subarray(600), data.length)).toEqual({
      offset: 1000,
      complete: true,
    });
    expectSameBytes(await readFile(blobFile(sha)), data);

    // A first chunk refused leaves no upload at all.
    const { data: other, sha: otherSha } = photo(10);
    const first = await refusal(store.append(otherSha, 0, slowly([other, other]), other.length));
    expect(first.reason).toBe('beyondLength');
    expect(await store.partial(otherSha)).toBeNull();
  });

  it('refuses a streamed chunk larger than a PATCH may carry, leaving nothing', async () => {
    const store = await FsBlobStore.open(home);
    const { data, sha } = photo(CHUNK_MAX_BYTES + 1);
    const pieces = [data.subarray(0, CHUNK_MAX_BYTES), data.subarray(CHUNK_MAX_BYTES)];
    const tooLarge = await refusal(store.append(sha, 0, slowly(pieces, 0), data.length));
    expect([tooLarge.reason, tooLarge.offset]).toEqual(['chunkTooLarge', 0]);
    expect(await partialFolder()).toEqual([]);
  });

  it('keeps what arrived before a break, and resumes there', async () => {
    const store = await FsBlobStore.open(home);
    const { data, sha } = photo(200_000);
    const sent = [data.subarray(0, 50_000), data.subarray(50_000, 70_000)];
    await expect(store.append(sha, 0, breaksAfter(sent), data.length)).rejects.toThrow('aborted');
    expect(await store.partial(sha)).toEqual({ offset: 70_000, length: 200_000 });
    expect(await store.append(sha, 70_000, data.subarray(70_000), data.length)).toEqual({
      offset: 200_000,
      complete: true,
    });
    expectSameBytes(await readFile(blobFile(sha)), data);
  });

  it('resumes after the process died: a fresh store on the same folder continues the partial', async () => {
    const { data, sha } = photo(120_000);
    const before = await FsBlobStore.open(home);
    await before.append(sha, 0, data.subarray(0, 40_000), data.length);
    await expect(
      before.append(sha, 40_000, breaksAfter([data.subarray(40_000, 55_000)]), data.length),
    ).rejects.toThrow('aborted');

    // The killed process leaves only its files; nothing of its memory (the lock) survives.
    const after = await FsBlobStore.open(home);
    const resumed = await after.partial(sha);
    expect(resumed).toEqual({ offset: 55_000, length: 120_000 });
    expect(await after.append(sha, resumed!.offset, data.subarray(resumed!.offset), data.length)).toEqual({
      offset: 120_000,
      complete: true,
    });
    expectSameBytes(await readFile(blobFile(sha)), data);
    expect(await partialFolder()).toEqual([]);
  });

  it('recovers the states a kill can leave between two steps', async () => {
    const { data, sha } = photo(3000);
    await FsBlobStore.open(home);

    // Killed during a first chunk: its bytes are there, its sidecar (written after them) is not.
    await writeFile(partialFile(sha), data.subarray(0, 700));
    const first = await FsBlobStore.open(home);
    expect(await first.partial(sha)).toBeNull();
    expect(await first.append(sha, 0, data.subarray(0, 1000), data.length)).toEqual({
      offset: 1000,
      complete: false,
    });
    expectSameBytes(await readFile(partialFile(sha)), data.subarray(0, 1000));

    // A power cut lost the sidecar's bytes but not its name: the upload starts over.
    await writeFile(join(home, 'blobs', 'partial', `${sha}.length`), '');
    const cut = await FsBlobStore.open(home);
    expect(await cut.partial(sha)).toBeNull();
    expect(await cut.append(sha, 0, data.subarray(0, 1000), data.length)).toEqual({
      offset: 1000,
      complete: false,
    });

    // The partial file lost, its sidecar kept: the upload is at offset 0.
    await unlink(partialFile(sha));
    const reopened = await FsBlobStore.open(home);
    expect(await reopened.partial(sha)).toEqual({ offset: 0, length: 3000 });
    expect((await reopened.append(sha, 0, data, data.length)).complete).toBe(true);
    expectSameBytes(await readFile(blobFile(sha)), data);

    // Killed after the publishing rename, before the sidecar was removed.
    await writeFile(join(home, 'blobs', 'partial', `${sha}.length`), '3000\n');
    const again = await FsBlobStore.open(home);
    expect(await again.partial(sha)).toBeNull();
    expect(await again.has(sha)).toBe(true);
    expect(await again.append(sha, 3000, new Uint8Array(0), 3000)).toEqual({ offset: 3000, complete: true });
    expect(await partialFolder()).toEqual([]);
  });

  it('publishes a partial that holds every byte, left by a kill before the publishing rename', async () => {
    // Seen in a CI fault run: the next PATCH from 0 was told "offset = length", the laptop took the
    // photo as sent, and it was never served. Both the PATCH and the HEAD now publish it first.
    for (const ask of ['patch', 'head'] as const) {
      const { data, sha } = photo(5000);
      const before = await FsBlobStore.open(home);
      await before.append(sha, 0, data.subarray(0, 2000), data.length);
      await writeFile(partialFile(sha), data); // the last chunk's bytes fsynced, then SIGKILL
      const after = await FsBlobStore.open(home);
      if (ask === 'patch') {
        const told = await refusal(after.append(sha, 0, data.subarray(0, 2000), data.length));
        expect(told.reason).toBe('wrongOffset');
        expect(told.offset).toBe(5000);
      } else {
        expect(await after.partial(sha)).toBeNull();
      }
      expect(await after.has(sha)).toBe(true);
      expectSameBytes(await readFile(blobFile(sha)), data);
      expect(await partialFolder()).toEqual([]);
    }
  });

  it('drops a whole partial whose bytes are not the hash, so the upload starts over', async () => {
    const { data, sha } = photo(5000);
    const before = await FsBlobStore.open(home);
    await before.append(sha, 0, data.subarray(0, 2000), data.length);
    await writeFile(partialFile(sha), randomBytes(5000));
    const after = await FsBlobStore.open(home);
    expect(await after.partial(sha)).toBeNull();
    expect(await after.has(sha)).toBe(false);
    expect(await partialFolder()).toEqual([]);
    expect((await after.append(sha, 0, data, data.length)).complete).toBe(true);
  });

  it('serialises two uploaders of one photo: their bytes never interleave', async () => {
    const store = await FsBlobStore.open(home);
    const { data, sha } = photo(64_000);
    const piecesOf = (from: number, to: number) =>
      Array.from({ length: (to - from) / 4000 }, (_, index) =>
        data.subarray(from + index * 4000, from + (index + 1) * 4000),
      );
    const results = await Promise.allSettled([
      store.append(sha, 0, slowly(piecesOf(0, 32_000), 2), data.length),
      store.append(sha, 0, slowly(piecesOf(0, 16_000), 1), data.length),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: { offset: 32_000, complete: false } });
    expect(results[1].status).toBe('rejected');
    const second = (results[1] as PromiseRejectedResult).reason as UploadRefused;
    expect([second.reason, second.offset]).toEqual(['wrongOffset', 32_000]);
    expectSameBytes(await readFile(partialFile(sha)), data.subarray(0, 32_000));

    // The second laptop continues the same partial from the server's offset.
    expect(await store.append(sha, 32_000, slowly(piecesOf(32_000, 64_000), 1), data.length)).toEqual({
      offset: 64_000,
      complete: true,
    });
    expectSameBytes(await readFile(blobFile(sha)), data);
  });

  it('tells a second uploader the photo is already complete', async () => {
    const store = await FsBlobStore.open(home);
    const { data, sha } = photo(2000);
    await store.append(sha, 0, data, data.length);
    const restart = await refusal(store.append(sha, 0, data.subarray(0, 500), data.length));
    expect([restart.reason, restart.offset, restart.length]).toEqual(['wrongOffset', 2000, 2000]);
    const wrongLength = await refusal(store.append(sha, 0, data, 2001));
    expect(wrongLength.reason).toBe('lengthMismatch');
    expectSameBytes(await readFile(blobFile(sha)), data);
  });

  it('ends uploads idle since a given moment, and keeps the others', async () => {
    const store = await FsBlobStore.open(home);
    const stale = photo(1000);
    const fresh = photo(1000);
    await store.append(stale.sha, 0, stale.data.subarray(0, 10), 1000);
    await store.append(fresh.sha, 0, fresh.data.subarray(0, 10), 1000);
    const longAgo = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    for (const file of [partialFile(stale.sha), `${partialFile(stale.sha)}.length`]) {
      await utimes(file, longAgo, longAgo);
    }
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
    // A crash's leftover: a first chunk's bytes without their sidecar.
    const orphan = photo(100);
    await writeFile(partialFile(orphan.sha), orphan.data.subarray(0, 50));
    await utimes(partialFile(orphan.sha), longAgo, longAgo);
    expect((await store.removeIdlePartials(dayAgo)).sort()).toEqual([stale.sha, orphan.sha].sort());
    expect((await partialFolder()).sort()).toEqual([fresh.sha, `${fresh.sha}.length`].sort());
    expect(await store.partial(stale.sha)).toBeNull();
    expect(await store.partial(fresh.sha)).toEqual({ offset: 10, length: 1000 });
  });

  it('names no file but by a SHA-256', async () => {
    const store = await FsBlobStore.open(home);
    for (const name of ['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`]) {
      await expect(store.has(name)).rejects.toThrow(RangeError);
      await expect(store.append(name, 0, new Uint8Array(1), 1)).rejects.toThrow(RangeError);
    }
  });
});
