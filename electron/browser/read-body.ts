// Reads a request body up to a limit, so a runaway or hostile client cannot fill the memory.
import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | {
      readonly kind: 'ok';
      readonly text: string;
      readonly bytes: Buffer;
      /** Gives back the buffer `bytes` was read into, if one was lent: once nothing reads `bytes` any more. */
      readonly release: () => void;
    }
  | { readonly kind: 'tooLarge' }
  /** The client went away mid-request; there is nobody to answer. */
  | { readonly kind: 'aborted' };

/** Buffers of `bytes` bytes to read a body into (electron/host/spare-buffers.ts). */
export interface BufferLender {
  readonly bytes: number;
  borrow(): Buffer;
  giveBack(buffer: Buffer): void;
}

/** Smaller bodies are gathered and copied as usual: a lent buffer pays off on photo-sized ones. */
const LEND_FROM_BYTES = 256 * 1024;

/**
 * `lender`: when the body's declared length is one a lent buffer takes, the body is read into one
 * instead of its pieces being gathered and copied into fresh memory; `bytes` is then a view of it,
 * valid until `release`.
 */
export function readBody(
  request: IncomingMessage,
  limitBytes: number,
  lender?: BufferLender,
): Promise<BodyRead> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve({ kind: 'tooLarge' });
  const lends =
    lender !== undefined &&
    Number.isInteger(declared) &&
    declared >= LEND_FROM_BYTES &&
    declared <= lender.bytes;
  const target = lends ? lender.borrow() : null;
  const release = (): void => {
    if (target) lender?.giveBack(target);
  };

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      request.removeAllListeners('data');
      request.removeAllListeners('end');
      // Nothing more is copied into the buffer once the listeners are gone.
      if (result.kind !== 'ok') release();
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      // Node's parser stops at the declared length, so a body read into `target` cannot overrun it;
      // the test is for the limit.
      if (size + chunk.length > (target ? target.byteLength : limitBytes)) {
        finish({ kind: 'tooLarge' });
        return;
      }
      if (target) chunk.copy(target, size);
      else chunks.push(chunk);
      size += chunk.length;
    });
    request.on('end', () => {
      const bytes = target ? target.subarray(0, size) : Buffer.concat(chunks);
      // Decoded lazily in effect: binary channels read `bytes`, JSON channels `text`.
      finish({
        kind: 'ok',
        bytes,
        get text() {
          return bytes.toString('utf8');
        },
        release,
      });
    });
    request.on('error', () => {
      finish({ kind: 'aborted' });
    });
  });
}
