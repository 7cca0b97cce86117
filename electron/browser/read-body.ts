// Reads a request body up to a limit, so a runaway or hostile client cannot fill the memory.
import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { readonly kind: 'ok'; readonly text: string; readonly bytes: Buffer }
  | { readonly kind: 'tooLarge' }
  /** The client went away mid-request; there is nobody to answer. */
  | { readonly kind: 'aborted' };

export function readBody(request: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve({ kind: 'tooLarge' });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      request.removeAllListeners('data');
      request.removeAllListeners('end');
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        finish({ kind: 'tooLarge' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      const bytes = Buffer.concat(chunks);
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
