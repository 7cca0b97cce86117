// Photos by content over HTTP: which hashes the server lacks, the chunked upload at the server's
// offset (the useful rules of the tus protocol without its machinery), and the download of a blob a
// team's records reference. Register without fastify-plugin: the raw-body parser stays in this scope.
// Who may call each route is the policy table's (auth/policy.ts) alone: the session hook applies it
// before a byte of the body is read, so these routes check no role themselves.
//
//   POST  /teams/:teamId/blobs/missing  MissingRequest → MissingReply
//   HEAD  /blobs/:sha                   → Upload-Offset, Upload-Length (404 when unknown)
//   PATCH /blobs/:sha                   Upload-Offset, Upload-Length, application/offset+octet-stream
//                                       → 204 and the new Upload-Offset; 409 wrongOffset or
//                                       lengthMismatch; 413 too large; 422 hashMismatch
//   GET   /teams/:teamId/blobs/:sha     → the bytes, complete and referenced by the team; else 404
import { Readable } from 'node:stream';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorReply } from '../../../shared/sync/protocol';
import {
  BLOB_MAX_BYTES,
  CHUNK_MAX_BYTES,
  MissingReplySchema,
  MissingRequestSchema,
  ServerIdSchema,
  Sha256Schema,
} from '../../../shared/sync/protocol';
import type { BlobStore, UploadRefusal } from '../blobs/blob-store';
import { UploadRefused } from '../blobs/blob-store';
import type { Store } from '../store/store';

export const UPLOAD_CONTENT_TYPE = 'application/offset+octet-stream';

export interface BlobRoutesOptions {
  readonly blobs: BlobStore;
  readonly store: Pick<Store, 'teamReferencesBlob'>;
}

const REFUSAL_STATUS: Record<UploadRefusal, number> = {
  wrongOffset: 409,
  lengthMismatch: 409,
  beyondLength: 413,
  chunkTooLarge: 413,
  blobTooLarge: 413,
  hashMismatch: 422,
};

type TeamBlobParams = { Params: { teamId: string; sha: string } };

export const blobRoutes: FastifyPluginCallback<BlobRoutesOptions> = (app, options, done) => {
  const { blobs, store } = options;

  // The chunk reaches the handler as the request's own stream: it is written as it arrives, never
  // held whole in memory. Any other type also arrives raw, so the handler can refuse it in our words.
  app.addContentTypeParser(UPLOAD_CONTENT_TYPE, (_request, payload, parsed) => parsed(null, payload));
  app.addContentTypeParser('*', (_request, payload, parsed) => parsed(null, payload));

  app.post<{ Params: { teamId: string } }>('/teams/:teamId/blobs/missing', async (request, reply) => {
    const teamId = ServerIdSchema.safeParse(request.params.teamId);
    if (!teamId.success) return invalid(reply, 'teamId', teamId.error);
    if (!signedIn(request, reply)) return reply;
    const body = MissingRequestSchema.safeParse(request.body);
    if (!body.success) return invalid(reply, 'body', body.error);
    const hashes = [...new Set(body.data.hashes)];
    const held = await Promise.all(hashes.map((sha) => blobs.has(sha)));
    return MissingReplySchema.parse({ missing: hashes.filter((_, index) => !held[index]) });
  });

  app.head<{ Params: { sha: string } }>('/blobs/:sha', async (request, reply) => {
    if (!signedIn(request, reply)) return reply;
    const sha = Sha256Schema.safeParse(request.params.sha);
    if (!sha.success) return invalid(reply, 'sha', sha.error);
    void reply.header('cache-control', 'no-store');
    const state = await uploadState(blobs, sha.data);
    if (state === null) return reply.code(404).send();
    return reply.code(200).header('upload-offset', state.offset).header('upload-length', state.length).send();
  });

  app.patch<{ Params: { sha: string } }>('/blobs/:sha', async (request, reply) => {
    if (!signedIn(request, reply)) return reply;
    const sha = Sha256Schema.safeParse(request.params.sha);
    if (!sha.success) return invalid(reply, 'sha', sha.error);
    const offset = byteCount(request.headers['upload-offset']);
    const length = byteCount(request.headers['upload-length']);
    if (offset === null || length === null) {
      return sendError(reply, 400, 'malformed', 'Upload-Offset and Upload-Length: whole numbers of bytes');
    }
    if (length > BLOB_MAX_BYTES) {
      return tooLarge(reply, 'blobTooLarge', `a photo is at most ${BLOB_MAX_BYTES} bytes`);
    }
    if (mediaType(request.headers['content-type']) !== UPLOAD_CONTENT_TYPE) {
      return sendError(reply, 415, 'unsupportedMediaType', `a chunk is sent as ${UPLOAD_CONTENT_TYPE}`);
    }
    // Refused from the headers, before a byte is read; the store counts again for chunked bodies.
    const chunkLength = byteCount(request.headers['content-length']);
    if (chunkLength !== null && chunkLength > CHUNK_MAX_BYTES) {
      return tooLarge(reply, 'chunkTooLarge', `a chunk is at most ${CHUNK_MAX_BYTES} bytes`);
    }
    if (chunkLength !== null && offset + chunkLength > length) {
      return tooLarge(reply, 'beyondLength', `the chunk runs past the ${length} bytes declared`);
    }
    const chunk = request.body instanceof Readable ? unreadUntilIterated(request.body) : new Uint8Array(0);
    try {
      const result = await blobs.append(sha.data, offset, chunk, length);
      return reply.code(204).header('upload-offset', result.offset).header('upload-length', length).send();
    } catch (error) {
      if (error instanceof UploadRefused) {
        // What the laptop is still sending is not read: close rather than drain it.
        if (!request.raw.complete) void reply.header('connection', 'close');
        void reply.header('upload-offset', error.offset);
        if (error.length !== null) void reply.header('upload-length', error.length);
        return sendError(reply, REFUSAL_STATUS[error.reason], error.reason, error.message);
      }
      if (request.raw.readableAborted || request.raw.destroyed) {
        // The laptop went away mid-chunk: what arrived is kept, and its HEAD will say where to go on.
        request.log.info({ sha: sha.data }, 'upload broken off mid-chunk');
        return sendError(reply, 400, 'uploadBroken', 'the chunk broke off; ask HEAD for the offset');
      }
      throw error;
    }
  });

  app.get<TeamBlobParams>('/teams/:teamId/blobs/:sha', async (request, reply) => {
    const teamId = ServerIdSchema.safeParse(request.params.teamId);
    if (!teamId.success) return invalid(reply, 'teamId', teamId.error);
    if (!signedIn(request, reply)) return reply;
    const sha = Sha256Schema.safeParse(request.params.sha);
    if (!sha.success) return invalid(reply, 'sha', sha.error);
    if (!(await store.teamReferencesBlob(teamId.data, sha.data))) {
      return sendError(reply, 404, 'blobNotReferenced', 'no record of this team names this photo');
    }
    const size = await blobs.size(sha.data);
    const bytes = size === null ? null : await blobs.open(sha.data);
    if (size === null || bytes === null) {
      return sendError(reply, 404, 'blobNotFound', 'this photo has not been uploaded completely yet');
    }
    // The hash is the content: a copy the laptop holds under this ETag never goes stale.
    const etag = `"${sha.data}"`;
    void reply.header('etag', etag).header('cache-control', 'private, max-age=31536000, immutable');
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      bytes.destroy();
      return reply.code(304).send();
    }
    return reply.header('content-length', size).type('application/octet-stream').send(bytes);
  });

  done();
};

/**
 * The session hook found a caller the policy allows; without one (the plugin mounted where no
 * session check runs) every call is refused rather than served to anyone.
 */
function signedIn(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.caller) return true;
  void sendError(reply, 401, 'unauthenticated', 'sign in first: this route needs a session');
  return false;
}

/** Complete: offset = length = size. Under way: its offset and length. Otherwise null. */
async function uploadState(
  blobs: BlobStore,
  sha: string,
): Promise<{ offset: number; length: number } | null> {
  const size = await blobs.size(sha);
  if (size !== null) return { offset: size, length: size };
  const partial = await blobs.partial(sha);
  if (partial !== null) return partial;
  // The upload may have completed between the two reads.
  const completed = await blobs.size(sha);
  return completed === null ? null : { offset: completed, length: completed };
}

/**
 * The request's bytes, read only once the store starts on them: a chunk refused before (a wrong
 * offset) leaves the request untouched, so Node discards its body as usual. A chunk refused midway
 * stops the reading without destroying the request, which would take the socket and the refusal
 * with it; the reply then closes the connection.
 */
function unreadUntilIterated(body: Readable): AsyncIterable<Uint8Array> {
  return { [Symbol.asyncIterator]: () => body.iterator({ destroyOnReturn: false }) };
}

/** A header holding a byte count: plain decimal digits, nothing else (no sign, no exponent). */
function byteCount(header: string | string[] | undefined): number | null {
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header)) return null;
  return Number(header);
}

function mediaType(header: string | undefined): string | null {
  return header?.split(';')[0]?.trim().toLowerCase() ?? null;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}

function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  const body: ErrorReply = { error: { code, message } };
  return reply.code(status).send(body);
}

/** Too large: the connection closes, so the server does not read the rest of what it refused. */
function tooLarge(reply: FastifyReply, code: UploadRefusal, message: string): FastifyReply {
  return sendError(reply.header('connection', 'close'), 413, code, message);
}

function invalid(reply: FastifyReply, where: string, error: z.ZodError): FastifyReply {
  const body: ErrorReply = {
    error: {
      code: 'malformed',
      message: `the request's ${where} is malformed`,
      issues: error.issues.map((issue) => ({
        path: [where, ...issue.path].join('.'),
        message: issue.message,
      })),
    },
  };
  return reply.code(400).send(body);
}
