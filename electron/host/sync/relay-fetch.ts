// One request to the sync server, made by the host for the page: Node's fetch with a time limit over the
// whole exchange (connecting, the answer and its body), a cap on the body, and redirects not followed.
// Every way it can go wrong comes back as a value (unreachable, timeout, badReply), never a throw: the
// page turns them into words in the person's language.
import type { SyncBadReply, SyncUnreachable } from '../../../shared/contract';

export interface RelayRequest {
  readonly method: 'GET' | 'POST' | 'HEAD' | 'PATCH';
  /** Only the headers the protocol needs; fetch adds its own (host, accept-encoding), never the page's. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | Blob;
  readonly timeoutMs: number;
  /** The most body bytes read (after gzip is decoded); a longer body is a badReply. */
  readonly maxBodyBytes: number;
}

export interface Answered {
  readonly kind: 'answered';
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
}

export type RelayOutcome = Answered | SyncUnreachable | { readonly kind: 'timeout' } | SyncBadReply;

export async function relayFetch(url: URL, request: RelayRequest): Promise<RelayOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      // A Node Buffer or a Uint8Array of any backing store: fetch sends the bytes of the view.
      ...(request.body !== undefined ? { body: request.body as NonNullable<RequestInit['body']> } : {}),
      // A redirect is not followed: the page named the server, and a reply from elsewhere (a hotel's
      // login page) is not the server's. The person corrects the address instead.
      redirect: 'manual',
      signal: controller.signal,
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location') ?? '(no Location)';
      return badReply(
        response.status,
        `the server redirected to ${location.slice(0, 300)}; redirects are not followed`,
      );
    }
    const tooLong = declaredTooLong(response, request.maxBodyBytes);
    if (tooLong !== null) {
      controller.abort();
      return badReply(response.status, tooLong);
    }
    const body = await readCapped(response, request.maxBodyBytes);
    if (body === null) {
      controller.abort();
      return badReply(response.status, `the reply is larger than ${String(request.maxBodyBytes)} bytes`);
    }
    return { kind: 'answered', status: response.status, headers: response.headers, body };
  } catch (error) {
    if (timedOut) return { kind: 'timeout' };
    return unreachable(error);
  } finally {
    clearTimeout(timer);
  }
}

/** A Content-Length beyond the cap is refused before a byte is read (not when gzip: it counts compressed bytes). */
function declaredTooLong(response: Response, maxBytes: number): string | null {
  if (response.headers.has('content-encoding')) return null;
  const declared = Number(response.headers.get('content-length') ?? 'NaN');
  return Number.isFinite(declared) && declared > maxBytes
    ? `the reply declares ${String(declared)} bytes, more than the ${String(maxBytes)} expected`
    : null;
}

/** The body, or null as soon as it grows past the cap (the rest is not read). */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer | null> {
  if (response.body === null) return Buffer.alloc(0);
  // Node types the body's chunks loosely; fetch's body stream yields bytes.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export function badReply(status: number, detail: string): SyncBadReply {
  return { kind: 'badReply', status, detail: detail.slice(0, 2000) };
}

/**
 * Node's fetch fails with "fetch failed" and the reason in `cause` (an Error with a code such as
 * ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, UND_ERR_SOCKET); the code lets the page pick its words.
 */
function unreachable(error: unknown): SyncUnreachable {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = codeOf(cause) ?? codeOf(error);
  const message = cause instanceof Error ? cause.message : String(cause);
  const outer = error instanceof Error && error !== cause ? `${error.message}: ` : '';
  return { kind: 'unreachable', code, detail: `${outer}${message}`.slice(0, 2000) };
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.length <= 100) return code;
  // Several addresses tried (IPv4 and IPv6), each refused: AggregateError holds one error per address.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = codeOf(inner);
      if (innerCode !== null) return innerCode;
    }
  }
  return null;
}
