// Channels of the sync relay. The page never talks to the sync server itself (its CSP stays
// connect-src 'self', and the server needs no CORS): it asks its host to make one request of the sync
// protocol to the server it names, and the host sends only the routes of shared/sync/laptop-routes.ts,
// only the headers the protocol needs, with a time limit and a size limit. Whatever happens on the way
// is an answer (unreachable, timeout, a reply that is not the server's), never a thrown error, so the
// page can say it in the person's language and try again later.
import { z } from 'zod';
import { BLOB_MAX_BYTES, CHUNK_MAX_BYTES } from '../sync/protocol';
import { PATH_ID, PATH_SHA256, serverAddressProblem } from '../sync/laptop-routes';
import { type Bytes, BytesSchema, defineChannel } from './channel';

/** The sync server as the person entered it: https://sync.example.gov.cn, or with a proxy's path. */
export const SyncServerSchema = z.string().superRefine((address, ctx) => {
  const problem = serverAddressProblem(address);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** A session token as the server hands it out; only characters a Bearer header may carry. */
const SyncSessionSchema = z.string().regex(/^[A-Za-z0-9._~+/=-]{32,128}$/, 'not a session token');
const Sha256Schema = z.string().regex(PATH_SHA256, 'not a SHA-256 (64 lowercase hex)');
const TeamIdSchema = z.string().regex(PATH_ID, 'not a team id');
const StatusSchema = z.number().int().min(100).max(599);
/** Error details are for logs and the "details" line under a message; never shown as the message. */
const DetailSchema = z.string().max(2000);

/** No connection: no network, a wrong address, the server down, a certificate the system refuses. */
export const SyncUnreachableSchema = z.object({
  kind: z.literal('unreachable'),
  /** The system's error code when there is one (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…). */
  code: z.string().max(100).nullable(),
  detail: DetailSchema,
});
/** Connected, but no whole answer in time (40 s for calls, which covers a 30 s long poll; 120 s for photos). */
export const SyncTimeoutSchema = z.object({ kind: z.literal('timeout') });
/**
 * An answer that is not the sync server's: not JSON (a hotel's login page, a proxy's error page), larger
 * than any reply of the protocol, a redirect (not followed: the address should be corrected instead),
 * or a photo whose bytes do not have the hash asked for.
 */
export const SyncBadReplySchema = z.object({
  kind: z.literal('badReply'),
  status: StatusSchema,
  detail: DetailSchema,
});
/** The host would not send it: not a route a laptop may call, or a malformed path. Nothing was sent. */
export const SyncRefusedRouteSchema = z.object({ kind: z.literal('refusedRoute'), detail: DetailSchema });

export type SyncUnreachable = z.infer<typeof SyncUnreachableSchema>;
export type SyncBadReply = z.infer<typeof SyncBadReplySchema>;

/** What the server answered with, when it answered. `body`: the parsed JSON, null when empty. */
const ReplySchema = z.object({
  kind: z.literal('reply'),
  status: StatusSchema,
  body: z.unknown(),
  /** Retry-After in seconds (a 429 or a 503), null without one. */
  retryAfterSeconds: z.number().nonnegative().nullable(),
});

/** Upload-Offset or Upload-Length: the bytes the server holds of a photo, or declared for it. */
const ByteCountSchema = z.number().int().nonnegative().nullable();

const sizeOf = (bytes: Bytes): number => (bytes instanceof Uint8Array ? bytes.byteLength : bytes.size);

export const syncChannels = {
  /** One JSON request of the protocol: a laptop route (not a photo's bytes), GET or POST. */
  syncCall: defineChannel(
    z
      .object({
        server: SyncServerSchema,
        method: z.enum(['GET', 'POST']),
        /** The route's path with its query: /teams/<id>/pull?epoch=…&after=12. */
        path: z.string().min(1).max(1000),
        session: SyncSessionSchema.optional(),
        /** Sent as JSON; only with POST. */
        body: z.unknown().optional(),
      })
      .strict(),
    z.discriminatedUnion('kind', [
      ReplySchema,
      SyncUnreachableSchema,
      SyncTimeoutSchema,
      SyncBadReplySchema,
      SyncRefusedRouteSchema,
    ]),
  ),

  /** Where a photo's upload stands on the server (HEAD /blobs/:sha): 404 when it has none of it. */
  syncUploadOffset: defineChannel(
    z.object({ server: SyncServerSchema, sha256: Sha256Schema, session: SyncSessionSchema }).strict(),
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('reply'),
        status: StatusSchema,
        offset: ByteCountSchema,
        length: ByteCountSchema,
      }),
      SyncUnreachableSchema,
      SyncTimeoutSchema,
      SyncBadReplySchema,
    ]),
  ),

  /**
   * One chunk of a photo (PATCH /blobs/:sha) at `offset` of its `length` bytes. 204 with the new
   * offset; 409 with the server's offset when it holds another part (go on from there).
   */
  syncUpload: defineChannel(
    z
      .object({
        server: SyncServerSchema,
        sha256: Sha256Schema,
        offset: z.number().int().nonnegative(),
        length: z.number().int().positive().max(BLOB_MAX_BYTES),
        session: SyncSessionSchema,
        bytes: BytesSchema,
      })
      .strict()
      .superRefine((request, ctx) => {
        const size = sizeOf(request.bytes);
        if (size > CHUNK_MAX_BYTES)
          ctx.addIssue({
            code: 'custom',
            path: ['bytes'],
            message: `a chunk is at most ${String(CHUNK_MAX_BYTES)} bytes`,
          });
        if (request.offset + size > request.length)
          ctx.addIssue({
            code: 'custom',
            path: ['bytes'],
            message: 'the chunk runs past the length declared',
          });
      }),
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('reply'),
        status: StatusSchema,
        offset: ByteCountSchema,
        body: z.unknown(),
      }),
      SyncUnreachableSchema,
      SyncTimeoutSchema,
      SyncBadReplySchema,
    ]),
    'request',
  ),

  /**
   * A photo's original (GET /teams/:teamId/blobs/:sha). `photo` only when the server answered 200 and the
   * bytes have the SHA-256 asked for (the host checks); a refusal or a 404 is a `reply`.
   */
  syncDownload: defineChannel(
    z
      .object({
        server: SyncServerSchema,
        teamId: TeamIdSchema,
        sha256: Sha256Schema,
        session: SyncSessionSchema,
      })
      .strict(),
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('photo'), bytes: BytesSchema }),
      z.object({ kind: z.literal('reply'), status: StatusSchema, body: z.unknown() }),
      SyncBadReplySchema,
      SyncUnreachableSchema,
      SyncTimeoutSchema,
    ]),
    'response',
  ),
};
