// One photo up through the chunk protocol: from offset 0 (no HEAD first: most photos the server lacks
// it lacks whole), in chunks of at most CHUNK_MAX_BYTES, each answered 204 with the server's new
// offset. An upload that broke off earlier answers 409 wrongOffset with the offset the server holds,
// and the upload goes on from there. The server checks the whole photo's hash before it serves it.
import { CHUNK_MAX_BYTES, ErrorReplySchema } from '../protocol';
import { SyncFailure } from './answers';
import { failWith, withSession } from './photo-transport';
import type { PhotoContext } from './photos';

/** 409s in a row that move nothing: the server and this laptop disagree, and a later round tries again. */
const MAX_STALLS = 3;

/**
 * Sends `original` (whose SHA-256 is `sha256`) until the server holds all of it. `onSent` hears the
 * bytes the server holds after each chunk and how many this chunk added. Throws SyncFailure.
 */
export async function uploadPhoto(
  ctx: Pick<PhotoContext, 'transport' | 'session' | 'renewSession'>,
  sha256: string,
  original: Blob,
  onSent: (done: number, sent: number) => void,
): Promise<void> {
  const length = original.size;
  let offset = 0;
  let stalls = 0;
  while (offset < length) {
    const end = Math.min(length, offset + CHUNK_MAX_BYTES);
    const bytes = original.slice(offset, end);
    const answer = await withSession(ctx, (session) =>
      ctx.transport.upload({ sha256, offset, length, session, bytes }),
    );
    if (answer.kind !== 'reply') failWith(answer, 'photo upload');
    const held = answer.offset;
    if (answer.status === 204 && held !== null && held > offset && held <= length) {
      onSent(held, held - offset);
      offset = held;
      stalls = 0;
      continue;
    }
    if (answer.status === 409 && refusalCode(answer.body) === 'wrongOffset' && held !== null) {
      // The server holds another part: an earlier upload that broke off, or another laptop's.
      if (held > length)
        throw new SyncFailure('badReply', `photo upload: offset ${String(held)} past the end`);
      if (held === offset && ++stalls >= MAX_STALLS)
        throw new SyncFailure('badReply', `photo upload: the server keeps asking for offset ${String(held)}`);
      offset = held;
      onSent(held, 0);
      continue;
    }
    failWith(answer, 'photo upload');
  }
}

function refusalCode(body: unknown): string | null {
  const refusal = ErrorReplySchema.safeParse(body);
  return refusal.success ? refusal.data.error.code : null;
}
