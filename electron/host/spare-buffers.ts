// Buffers of SPARE_BUFFER_BYTES lent out for one file or one request body and kept for the next.
// Memory the process has touched before takes a copy or a read several times faster than fresh memory
// does on some machines (a 1 GB export read back went from ~0.6 s to ~0.4 s here), and nothing is
// left for the garbage collector. Let go after a few idle seconds, so they cost nothing between
// exports and imports.

/** A photo is far smaller; the export sends at most 8 MiB a piece. */
export const SPARE_BUFFER_BYTES = 16 * 1024 * 1024;
const MAX_KEPT = 8;
const IDLE_MS = 5_000;

const kept: Buffer[] = [];
let releaseTimer: NodeJS.Timeout | null = null;

/** A buffer of SPARE_BUFFER_BYTES for the caller alone until it gives it back; its content is stale. */
function borrowBuffer(): Buffer {
  return kept.pop() ?? Buffer.allocUnsafeSlow(SPARE_BUFFER_BYTES);
}

/** Once nothing reads or writes the buffer any more, and nothing will. */
function giveBackBuffer(buffer: Buffer): void {
  if (buffer.byteLength !== SPARE_BUFFER_BYTES) return;
  if (kept.length < MAX_KEPT && !kept.includes(buffer)) kept.push(buffer);
  if (releaseTimer !== null) clearTimeout(releaseTimer);
  releaseTimer = setTimeout(() => {
    kept.length = 0;
    releaseTimer = null;
  }, IDLE_MS);
  releaseTimer.unref();
}

/** The pool: a file being hashed and a request body being read borrow from it. */
export const spareBuffers = {
  bytes: SPARE_BUFFER_BYTES,
  borrow: borrowBuffer,
  giveBack: giveBackBuffer,
} as const;
