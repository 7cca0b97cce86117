// The SHA-256 and size of a file on disk, read as a stream so a 4 GiB video costs no more memory than
// a photo. Used to read an export back after it is written and to hash a folder being imported.
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { SPARE_BUFFER_BYTES, spareBuffers } from '../spare-buffers';

export interface FileDigest {
  readonly size: number;
  readonly sha256: string;
}

/**
 * O_NOFOLLOW where the system has it (not Windows): a file swapped for a link after the folder was
 * walked is refused (ELOOP) instead of read through.
 */
export const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Files up to this size are read whole and hashed by WebCrypto, which works on libuv's thread pool:
 * several photos are then hashed on several cores at once, where a streaming hash runs on the one
 * thread that also serves the page. They are read into buffers kept for the next file.
 */
const WHOLE_FILE_BYTES = SPARE_BUFFER_BYTES;

export async function hashFile(file: string): Promise<FileDigest> {
  const handle = await fs.open(file, READ_NO_FOLLOW);
  try {
    const { size } = await handle.stat();
    // A file that fills a buffer is streamed from the start: the buffer could not tell it was whole.
    if (size >= WHOLE_FILE_BYTES) return await streamHash(handle);
    return await wholeHash(handle);
  } finally {
    await handle.close();
  }
}

/** Reads an open file of less than WHOLE_FILE_BYTES to its end and hashes it; the caller closes it. */
async function wholeHash(handle: fs.FileHandle): Promise<FileDigest> {
  const buffer = spareBuffers.borrow();
  try {
    let size = 0;
    // To the end, whatever the size said: a file that grew past the buffer is hashed as a stream.
    for (;;) {
      const { bytesRead } = await handle.read(buffer, size, buffer.byteLength - size, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size === buffer.byteLength) return await streamHash(handle);
    }
    // Given back (finally) only once WebCrypto has answered: nothing reads the buffer after that.
    return { size, sha256: await sha256Hex(buffer.subarray(0, size)) };
  } finally {
    spareBuffers.giveBack(buffer);
  }
}

/** Hashes an open file as a stream from its start; the caller closes it. */
async function streamHash(handle: fs.FileHandle): Promise<FileDigest> {
  const hash = createHash('sha256');
  let size = 0;
  // 1 MiB pieces: USB sticks read fastest in large requests, and the memory stays small.
  for await (const chunk of handle.createReadStream({
    start: 0,
    highWaterMark: 1024 * 1024,
    autoClose: false,
  })) {
    const piece = chunk as Buffer;
    hash.update(piece);
    size += piece.byteLength;
  }
  return { size, sha256: hash.digest('hex') };
}
