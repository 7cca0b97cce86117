// The sync relay's channels (shared/contract/sync-channels.ts): the host makes one request of the sync
// protocol for the page, to the server the page names, on a route a laptop may call, with only the
// headers the protocol needs. Plain Node fetch: the browser host runs this too.
import type { HostHandlers } from '../../../shared/contract';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { BLOB_MAX_BYTES } from '../../../shared/sync/protocol';
import { type LaptopRouteName, laptopUrl, matchLaptopRoute } from '../../../shared/sync/laptop-routes';
import { badReply, relayFetch } from './relay-fetch';
import { byteCountHeader, jsonBodyOf, retryAfterSeconds } from './reply-reading';

export type SyncHandlers = Pick<
  HostHandlers,
  'syncCall' | 'syncUploadOffset' | 'syncUpload' | 'syncDownload'
>;

export interface SyncRelayLimits {
  /** A call's whole exchange; a pull may hold the connection 30 s waiting for news (long poll). */
  readonly callTimeoutMs: number;
  /** A photo's chunk up or its original down, on a slow hotel Wi-Fi. */
  readonly transferTimeoutMs: number;
  /** The largest JSON reply: a big city's snapshot. */
  readonly maxJsonBytes: number;
  /** The largest photo original the server accepts. */
  readonly maxPhotoBytes: number;
}

export const DEFAULT_SYNC_RELAY_LIMITS: SyncRelayLimits = {
  callTimeoutMs: 40_000,
  transferTimeoutMs: 120_000,
  maxJsonBytes: 64 * 1024 * 1024,
  maxPhotoBytes: BLOB_MAX_BYTES,
};

/** A HEAD or a chunk's answer carries no more than a refusal in JSON. */
const SMALL_REPLY_BYTES = 1024 * 1024;
const UPLOAD_CONTENT_TYPE = 'application/offset+octet-stream';

const bearer = (session: string | undefined): Record<string, string> =>
  session === undefined ? {} : { authorization: `Bearer ${session}` };

export function createSyncHandlers(limits: SyncRelayLimits = DEFAULT_SYNC_RELAY_LIMITS): SyncHandlers {
  return {
    syncCall: async (request) => {
      const route = matchLaptopRoute(request.method, request.path);
      const refusal = callRefusal(route, request.method, request.body);
      if (refusal !== null)
        return {
          kind: 'refusedRoute',
          detail: `${request.method} ${request.path.slice(0, 300)}: ${refusal}`,
        };
      const url = laptopUrl(request.server, request.path);
      if (url === null)
        return { kind: 'refusedRoute', detail: 'the server address and path do not make a URL' };
      const body = request.body === undefined ? undefined : jsonText(request.body);
      if (body === null) return { kind: 'refusedRoute', detail: 'the body cannot be written as JSON' };
      const outcome = await relayFetch(url, {
        method: request.method,
        headers: {
          accept: 'application/json',
          ...bearer(request.session),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
        timeoutMs: limits.callTimeoutMs,
        maxBodyBytes: limits.maxJsonBytes,
      });
      if (outcome.kind !== 'answered') return outcome;
      const json = jsonBodyOf(outcome);
      if (json.kind !== 'json') return json;
      return {
        kind: 'reply',
        status: outcome.status,
        body: json.body,
        retryAfterSeconds: retryAfterSeconds(outcome.headers),
      };
    },

    syncUploadOffset: async (request) => {
      const outcome = await relayFetch(
        routeUrl(request.server, 'HEAD', `/blobs/${request.sha256}`, 'blobOffset'),
        {
          method: 'HEAD',
          headers: bearer(request.session),
          timeoutMs: limits.callTimeoutMs,
          maxBodyBytes: SMALL_REPLY_BYTES,
        },
      );
      if (outcome.kind !== 'answered') return outcome;
      return {
        kind: 'reply',
        status: outcome.status,
        offset: byteCountHeader(outcome.headers, 'upload-offset'),
        length: byteCountHeader(outcome.headers, 'upload-length'),
      };
    },

    syncUpload: async (request) => {
      const outcome = await relayFetch(
        routeUrl(request.server, 'PATCH', `/blobs/${request.sha256}`, 'blobUpload'),
        {
          method: 'PATCH',
          headers: {
            ...bearer(request.session),
            'content-type': UPLOAD_CONTENT_TYPE,
            'upload-offset': String(request.offset),
            'upload-length': String(request.length),
          },
          body: request.bytes,
          timeoutMs: limits.transferTimeoutMs,
          maxBodyBytes: SMALL_REPLY_BYTES,
        },
      );
      if (outcome.kind !== 'answered') return outcome;
      const json = jsonBodyOf(outcome);
      if (json.kind !== 'json') return json;
      return {
        kind: 'reply',
        status: outcome.status,
        offset: byteCountHeader(outcome.headers, 'upload-offset'),
        body: json.body,
      };
    },

    syncDownload: async (request) => {
      const path = `/teams/${request.teamId}/blobs/${request.sha256}`;
      const outcome = await relayFetch(routeUrl(request.server, 'GET', path, 'blobDownload'), {
        method: 'GET',
        headers: bearer(request.session),
        timeoutMs: limits.transferTimeoutMs,
        maxBodyBytes: limits.maxPhotoBytes,
      });
      if (outcome.kind !== 'answered') return outcome;
      if (outcome.status === 200) {
        // Checked here, where the bytes arrive: a wrong or tampered photo never reaches the page.
        const actual = await sha256Hex(outcome.body);
        if (actual !== request.sha256)
          return badReply(200, `the photo's bytes have SHA-256 ${actual}, not ${request.sha256}`);
        return { kind: 'photo', bytes: outcome.body };
      }
      const json = jsonBodyOf(outcome);
      if (json.kind !== 'json') return json;
      return { kind: 'reply', status: outcome.status, body: json.body };
    },
  };
}

/** Why syncCall must not send this, or null. Photo bytes have channels of their own. */
function callRefusal(route: LaptopRouteName | null, method: 'GET' | 'POST', body: unknown): string | null {
  if (route === null) return 'not a route a laptop may call through its host';
  if (route === 'blobDownload') return "a photo's bytes are fetched through syncDownload";
  if (method === 'GET' && body !== undefined) return 'a GET carries no body';
  return null;
}

function jsonText(body: unknown): string | null {
  try {
    return JSON.stringify(body) ?? null;
  } catch {
    return null;
  }
}

/**
 * The URL of a photo route built from fields the contract has already checked (a SHA-256, a team id);
 * matching it again keeps the relay's one list of routes the only way out.
 */
function routeUrl(
  server: string,
  method: 'HEAD' | 'PATCH' | 'GET',
  path: string,
  expected: LaptopRouteName,
): URL {
  const url = matchLaptopRoute(method, path) === expected ? laptopUrl(server, path) : null;
  if (url === null) throw new Error(`the relay built ${method} ${path}, which is not the ${expected} route`);
  return url;
}
