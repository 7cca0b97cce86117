// How a photo's bytes reach the sync server and come back, whichever way they travel (the host's relay
// channels syncUpload and syncDownload in the app, the relay's own handlers in tests), and how a
// transport's failure becomes a SyncFailure the engine can back off from. The shapes match the host
// contract's photo channels minus the server's address, which the transport adds.
import { z } from 'zod';
import { expectReply, SyncFailure, type SyncAnswer, type SyncTransport } from './answers';

/** What did not come back as the server's reply: the same shapes as SyncAnswer's. */
type NoReply =
  | { readonly kind: 'unreachable'; readonly detail: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'badReply'; readonly status?: number; readonly detail: string };

export type PhotoUploadAnswer =
  | {
      readonly kind: 'reply';
      readonly status: number;
      /** Upload-Offset: the bytes the server holds of this photo after the chunk (or instead of it). */
      readonly offset: number | null;
      readonly body: unknown;
    }
  | NoReply;

export type PhotoDownloadAnswer =
  | { readonly kind: 'photo'; readonly bytes: Uint8Array | Blob }
  | { readonly kind: 'reply'; readonly status: number; readonly body: unknown }
  | NoReply;

export interface PhotoChunk {
  readonly sha256: string;
  readonly offset: number;
  /** The whole photo's size (Upload-Length). */
  readonly length: number;
  readonly session: string;
  readonly bytes: Blob;
}

export interface PhotoFetch {
  readonly teamId: string;
  readonly sha256: string;
  readonly session: string;
}

export interface PhotoTransport {
  /** JSON calls (POST …/blobs/missing). */
  readonly call: SyncTransport;
  /** PATCH /blobs/:sha with one chunk. */
  readonly upload: (chunk: PhotoChunk) => Promise<PhotoUploadAnswer>;
  /** GET /teams/:t/blobs/:sha; the bytes already checked against the hash by whoever fetched them. */
  readonly download: (request: PhotoFetch) => Promise<PhotoDownloadAnswer>;
}

/** A photo answer as a SyncAnswer, to be read by expectReply like any other. */
export function asSyncAnswer(answer: PhotoUploadAnswer | PhotoDownloadAnswer): SyncAnswer {
  if (answer.kind === 'photo') return { kind: 'reply', status: 200, body: null, retryAfterSeconds: null };
  if (answer.kind !== 'reply') return answer;
  return { kind: 'reply', status: answer.status, body: answer.body, retryAfterSeconds: null };
}

/** Throws the SyncFailure this answer stands for (a refusal, no connection, or not the protocol). */
export function failWith(answer: PhotoUploadAnswer | PhotoDownloadAnswer, what: string): never {
  const read = asSyncAnswer(answer);
  if (read.kind === 'reply' && read.status >= 200 && read.status < 300)
    throw new SyncFailure('badReply', `${what}: an answer the protocol does not have`, read.status);
  // Every answer that is not a 2xx makes expectReply throw; the schema is never reached.
  expectReply(read, z.never(), what);
  throw new SyncFailure('badReply', `${what}: no answer`);
}

/** A request with the session; renewed and sent once more when the server no longer knows it. */
export async function withSession<A extends { kind: string }>(
  ctx: {
    readonly session: () => Promise<string>;
    readonly renewSession: () => Promise<string>;
  },
  send: (session: string) => Promise<A>,
): Promise<A> {
  const first = await send(await ctx.session());
  if (first.kind === 'reply' && (first as { status?: number }).status === 401)
    return send(await ctx.renewSession());
  return first;
}
