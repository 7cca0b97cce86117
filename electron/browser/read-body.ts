// Reads a request body up to a limit, so a runaway or hostile client cannot fill the memory.
import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { readonly kind: 'ok'; readonly text: string; readonly bytes: Buffer }
  | { readonly kind: 'tooLarge' }
  /** The client went away mid-request; there is nobody to answer. */
  | { readonly kind: 'aborted' };

/**
 * `into`: a buffer to read the body into when its declared length fits, instead of gathering the
 * pieces and copying them into fresh memory; `bytes` is then a view of it, valid while the caller
 * holds the buffer.
 */
export function readBody(request: IncomingMessage, limitBytes: number, into?: Buffer): Promise<BodyRead> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve({ kind: 'tooLarge' });
  const target = into && Number.isInteger(declared) && declared <= into.byteLength ? into : null;

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      request.removeAllListeners('data');
      request.removeAllListeners('end');
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
      });
    });
    request.on('error', () => {
      finish({ kind: 'aborted' });
    });
  });
}
