// Blobs in a content-addressed folder on the server's disk: `blobs/ab/cd/<sha256>` holds only
// verified bytes; an upload under way lives in `blobs/partial/<sha256>`, its declared length in the
// sidecar `<sha256>.length`. A blob becomes visible by one rename, after its SHA-256 matched, so a
// reader (or a crash) never meets part of a blob under the blob's name.
//
// The partial file's size is the upload's offset. Every chunk is fsynced before its offset is
// answered, but a partial upload is not a promise: after a power cut the laptop asks HEAD and goes on
// from whatever the disk kept (or from 0); a torn tail can only fail the final hash check. So only the
// publishing rename is made durable folder by folder; the partial's own folder entries are not.
import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { BLOB_MAX_BYTES, CHUNK_MAX_BYTES, SHA256_HEX } from '../../../shared/sync/protocol';
import type { AppendResult, BlobStore, PartialUpload } from './blob-store';
import { UploadRefused } from './blob-store';
import { KeyedLock } from './keyed-lock';

const LENGTH_SUFFIX = '.length';
const DRAFT_SUFFIX = '.tmp';

/** The SHA-256 of a partial's first `offset` bytes, as this process wrote them. */
interface RunningHash {
  offset: number;
  readonly hash: Hash;
}

export class FsBlobStore implements BlobStore {
  private readonly lock = new KeyedLock();
  private readonly partialDir: string;
  /**
   * Uploads this process has written from their first byte: their hash is taken as the bytes go to
   * disk, so completing a 200 MB photo does not read it all again. Any doubt (a refused chunk, a
   * restart, a write that failed) drops the entry, and the whole file is hashed from disk instead.
   */
  private readonly running = new Map<string, RunningHash>();

  private constructor(private readonly root: string) {
    this.partialDir = join(root, 'partial');
  }

  /** The store under `${home}/blobs`, its folders made (and made durable) if missing. */
  static async open(home: string): Promise<FsBlobStore> {
    const store = new FsBlobStore(join(home, 'blobs'));
    if ((await mkdir(store.partialDir, { recursive: true })) !== undefined) {
      await syncDirectory(store.root);
      await syncDirectory(home);
    }
    return store;
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.size(sha256)) !== null;
  }

  async size(sha256: string): Promise<number | null> {
    return fileSize(this.blobPath(checkedSha(sha256)));
  }

  async partial(sha256: string): Promise<PartialUpload | null> {
    checkedSha(sha256);
    const length = await this.declaredLength(sha256);
    if (length === null) return null;
    const offset = await fileSize(this.partialPath(sha256));
    // Between the sidecar read and the stat the upload may have completed: then there is no partial.
    if (offset === null) return (await this.has(sha256)) ? null : { offset: 0, length };
    if (offset === length) {
      // Every byte arrived but the process died before publishing: a laptop told "offset = length"
      // would take the photo as sent, so it is published (or, on a wrong hash, dropped) right here.
      await this.lock.run(sha256, () => this.publishWholePartial(sha256, length).catch(ignoreRefusal));
      return null;
    }
    return { offset, length };
  }

  async open(sha256: string): Promise<Readable | null> {
    let handle: FileHandle;
    try {
      handle = await open(this.blobPath(checkedSha(sha256)), 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // The stream closes the handle when it ends or is destroyed.
    return handle.createReadStream();
  }

  async append(
    sha256: string,
    offset: number,
    chunk: AsyncIterable<Uint8Array> | Uint8Array,
    declaredLength: number,
  ): Promise<AppendResult> {
    checkedSha(sha256);
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError('offset: a whole number ≥ 0');
    if (!Number.isSafeInteger(declaredLength) || declaredLength < 0) {
      throw new RangeError('declaredLength: a whole number ≥ 0');
    }
    if (declaredLength > BLOB_MAX_BYTES) {
      throw new UploadRefused('blobTooLarge', offset, null, `a blob is at most ${BLOB_MAX_BYTES} bytes`);
    }
    return this.lock.run(sha256, () => this.appendAlone(sha256, offset, chunk, declaredLength));
  }

  /**
   * Ends uploads nobody has added to since `idleSince` (a laptop that was lost, or gave up), so a
   * stale partial with a wrong declared length cannot block the photo's upload for good; also the
   * leftovers of a crash (a partial without its sidecar, a sidecar's draft).
   * Returns the hashes whose partial upload was removed.
   */
  async removeIdlePartials(idleSince: Date): Promise<string[]> {
    const hashes = new Set<string>();
    for (const name of await readdir(this.partialDir)) {
      const sha256 = name.slice(0, 64);
      if (SHA256_HEX.test(sha256)) hashes.add(sha256);
    }
    const removed: string[] = [];
    for (const sha256 of hashes) {
      if (this.lock.busy(sha256)) continue;
      await this.lock.run(sha256, async () => {
        const paths = [this.partialPath(sha256), this.lengthPath(sha256), this.draftPath(sha256)];
        const touched = await lastTouched(paths);
        if (touched === null || touched >= idleSince.getTime()) return;
        await this.dropPartial(sha256);
        removed.push(sha256);
      });
    }
    return removed;
  }

  private async appendAlone(
    sha256: string,
    offset: number,
    chunk: AsyncIterable<Uint8Array> | Uint8Array,
    declaredLength: number,
  ): Promise<AppendResult> {
    const size = await this.size(sha256);
    if (size !== null) return this.alreadyComplete(sha256, size, offset, declaredLength);

    const length = await this.declaredLength(sha256);
    const begins = length === null;
    let current = 0;
    if (begins) {
      if (offset !== 0) throw wrongOffset(0, null);
    } else {
      current = (await fileSize(this.partialPath(sha256))) ?? 0;
      if (current === length && (await this.publishWholePartial(sha256, length))) {
        return this.alreadyComplete(sha256, length, offset, declaredLength);
      }
      if (declaredLength !== length) {
        throw new UploadRefused(
          'lengthMismatch',
          current,
          length,
          `this upload was begun with a length of ${length} bytes, not ${declaredLength}`,
        );
      }
      if (offset !== current) throw wrongOffset(current, length);
    }

    let reached: number;
    try {
      reached = await this.write(sha256, current, declaredLength, chunk, begins);
    } catch (error) {
      if (begins) {
        // A refused first chunk leaves no upload behind, as if it had never been sent; one that
        // broke off leaves what arrived, to resume from.
        if (error instanceof UploadRefused) await this.dropPartial(sha256);
        else await this.writeSidecar(sha256, declaredLength);
      }
      throw error;
    }
    if (reached < declaredLength) {
      if (begins) await this.writeSidecar(sha256, declaredLength);
      return { offset: reached, complete: false };
    }
    await this.verifyAndPublish(sha256, declaredLength);
    return { offset: declaredLength, complete: true };
  }

  /** Another laptop finished first: its blob stands; this one is done if it agrees on the length. */
  private async alreadyComplete(
    sha256: string,
    size: number,
    offset: number,
    declaredLength: number,
  ): Promise<AppendResult> {
    // A crash between the publishing rename and the sidecar's removal leaves the sidecar behind.
    await removeIfPresent(this.lengthPath(sha256));
    if (declaredLength !== size) {
      throw new UploadRefused(
        'lengthMismatch',
        size,
        size,
        `this blob is ${size} bytes, not ${declaredLength}`,
      );
    }
    if (offset !== size) throw wrongOffset(size, size);
    return { offset: size, complete: true };
  }

  /**
   * Writes the chunk at `current` (a first chunk makes the partial file anew) and fsyncs; returns the
   * new offset. A refusal (too large, past the declared length) truncates back to `current`; a
   * source that breaks off keeps what arrived.
   */
  private async write(
    sha256: string,
    current: number,
    length: number,
    chunk: AsyncIterable<Uint8Array> | Uint8Array,
    begins: boolean,
  ): Promise<number> {
    const carried = this.running.get(sha256);
    this.running.delete(sha256);
    const hashing: RunningHash | null = begins
      ? { offset: 0, hash: createHash('sha256') }
      : carried?.offset === current
        ? carried
        : null;

    const handle = await open(this.partialPath(sha256), begins ? 'w' : 'a');
    let written = 0;
    try {
      for await (const piece of pieces(chunk)) {
        // Checked before the piece is written, so the file never runs past the declared length.
        if (written + piece.length > CHUNK_MAX_BYTES) {
          throw new UploadRefused(
            'chunkTooLarge',
            current,
            length,
            `a chunk is at most ${CHUNK_MAX_BYTES} bytes`,
          );
        }
        if (current + written + piece.length > length) {
          throw new UploadRefused(
            'beyondLength',
            current,
            length,
            `the chunk runs past the ${length} bytes declared`,
          );
        }
        await writeAll(handle, piece);
        written += piece.length;
        if (hashing) {
          hashing.hash.update(piece);
          hashing.offset = current + written;
        }
      }
    } catch (error) {
      if (error instanceof UploadRefused) await handle.truncate(current);
      throw error;
    } finally {
      // Also when the source broke off: what arrived is on disk before the offset reports it.
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    // Only a chunk taken whole keeps its running hash (a refusal or a failed write has dropped it).
    if (hashing) this.running.set(sha256, hashing);
    return current + written;
  }

  /**
   * A partial that holds all its declared bytes, left by a process killed between the last chunk's
   * fsync and the publishing rename. True once published; a wrong hash drops it and throws.
   * Runs under the photo's lock; false when another step got there first.
   */
  private async publishWholePartial(sha256: string, length: number): Promise<boolean> {
    if ((await this.size(sha256)) !== null) return true;
    if ((await fileSize(this.partialPath(sha256))) !== length) return false;
    await this.verifyAndPublish(sha256, length);
    return true;
  }

  /** Checks the SHA-256 of all the bytes; only a match is renamed into place, a mismatch is deleted. */
  private async verifyAndPublish(sha256: string, length: number): Promise<void> {
    const partial = this.partialPath(sha256);
    const carried = this.running.get(sha256);
    this.running.delete(sha256);
    const actual = carried?.offset === length ? carried.hash.digest('hex') : await fileSha256(partial);
    if (actual !== sha256) {
      await this.dropPartial(sha256);
      throw new UploadRefused(
        'hashMismatch',
        0,
        null,
        `the ${length} bytes received have the SHA-256 ${actual}, not ${sha256}; send the photo again`,
      );
    }
    const target = this.blobPath(sha256);
    const folder = dirname(target);
    const firstMade = await mkdir(folder, { recursive: true });
    await rename(partial, target);
    // The rename, and each folder made for it (an entry in its parent), must reach the disk.
    await syncDirectory(folder);
    if (firstMade !== undefined) await syncDirectory(dirname(folder));
    if (firstMade !== undefined && firstMade !== folder) await syncDirectory(this.root);
    await removeIfPresent(this.lengthPath(sha256));
  }

  /** The declared length, once an upload outlives its first request: written whole, then renamed. */
  private async writeSidecar(sha256: string, length: number): Promise<void> {
    const draft = this.draftPath(sha256);
    const handle = await open(draft, 'w');
    try {
      await handle.writeFile(`${length}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(draft, this.lengthPath(sha256));
  }

  /** The data first, then the sidecar: a sidecar alone reads as an upload at offset 0. */
  private async dropPartial(sha256: string): Promise<void> {
    this.running.delete(sha256);
    await removeIfPresent(this.partialPath(sha256));
    await removeIfPresent(this.lengthPath(sha256));
    await removeIfPresent(this.draftPath(sha256));
    await syncDirectory(this.partialDir);
  }

  /** Null when there is no sidecar, or an unreadable one (a power cut before its bytes reached the disk). */
  private async declaredLength(sha256: string): Promise<number | null> {
    let text: string;
    try {
      text = await readFile(this.lengthPath(sha256), 'utf8');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return /^\d{1,15}\n$/.test(text) ? Number(text.trimEnd()) : null;
  }

  private blobPath(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private partialPath(sha256: string): string {
    return join(this.partialDir, sha256);
  }

  private lengthPath(sha256: string): string {
    return join(this.partialDir, `${sha256}${LENGTH_SUFFIX}`);
  }

  private draftPath(sha256: string): string {
    return `${this.lengthPath(sha256)}${DRAFT_SUFFIX}`;
  }
}

/** The hash names a file: only 64 lowercase hex digits may, so no path can be smuggled in. */
function checkedSha(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new RangeError('not a SHA-256 (64 lowercase hex)');
  return sha256;
}

function wrongOffset(offset: number, length: number | null): UploadRefused {
  return new UploadRefused(
    'wrongOffset',
    offset,
    length,
    `the server holds ${offset} bytes: send from there`,
  );
}

async function* pieces(chunk: AsyncIterable<Uint8Array> | Uint8Array): AsyncIterable<Uint8Array> {
  if (chunk instanceof Uint8Array) yield chunk;
  else yield* chunk;
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
    done += bytesWritten;
  }
}

/**
 * SHA-256 of a file, streamed. Node's own hash (OpenSSL, native) rather than shared/crypto's: a
 * photo may be 200 MB, and the pure-JavaScript hash there would take several times as long.
 */
async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  for await (const piece of handle.createReadStream({ highWaterMark: 1024 * 1024 })) {
    hash.update(piece as Buffer);
  }
  return hash.digest('hex');
}

/** fsync of a folder: makes its entries (a new file, a rename, a removal) survive a power cut. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

async function lastTouched(paths: readonly string[]): Promise<number | null> {
  let latest: number | null = null;
  for (const path of paths) {
    try {
      const { mtimeMs } = await stat(path);
      latest = Math.max(latest ?? 0, mtimeMs);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  return latest;
}

async function removeIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/** A refusal met while tidying (a whole partial with a wrong hash) was already handled by dropping it. */
function ignoreRefusal(error: unknown): void {
  if (!(error instanceof UploadRefused)) throw error;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
