// The SHA-256 and size of a file on disk, read as a stream so a 4 GiB video costs no more memory than
// a photo. Used to read an export back after it is written and to hash a folder being imported.
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { sha256Hex } from '../../../shared/crypto/sha256';

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
 * thread that also serves the page.
 */
const WHOLE_FILE_BYTES = 16 * 1024 * 1024;

export async function hashFile(file: string): Promise<FileDigest> {
  const handle = await fs.open(file, READ_NO_FOLLOW);
  try {
    const { size } = await handle.stat();
    if (size > WHOLE_FILE_BYTES) return await streamHash(handle);
    const bytes = await handle.readFile();
    return { size: bytes.byteLength, sha256: await sha256Hex(bytes) };
  } finally {
    await handle.close();
  }
}

/** Hashes an open file as a stream; the caller closes it. */
async function streamHash(handle: fs.FileHandle): Promise<FileDigest> {
  const hash = createHash('sha256');
  let size = 0;
  // 1 MiB pieces: USB sticks read fastest in large requests, and the memory stays small.
  for await (const chunk of handle.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false })) {
    const piece = chunk as Buffer;
    hash.update(piece);
    size += piece.byteLength;
  }
  return { size, sha256: hash.digest('hex') };
}
