// What one request to the sync server came back as, whichever way it travelled (the host's relay in
// the app, plain fetch in tests), and how a reply becomes data or a problem the person can act on.
// The shapes match the host contract's sync channels, so the page passes them through unchanged.
import type { z } from 'zod';
import { ErrorReplySchema } from '../protocol';
import { problemOfRefusal, type SyncProblem } from './problems';

export type SyncAnswer =
  | {
      readonly kind: 'reply';
      readonly status: number;
      readonly body: unknown;
      readonly retryAfterSeconds: number | null;
    }
  | { readonly kind: 'unreachable'; readonly detail: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'badReply'; readonly status?: number; readonly detail: string }
  | { readonly kind: 'refusedRoute'; readonly detail: string };

export interface SyncRequest {
  readonly method: 'GET' | 'POST';
  /** The path of the sync protocol, with its query. */
  readonly path: string;
  /** The short-lived session token; absent for enrollment and sign-in. */
  readonly session?: string;
  readonly body?: unknown;
}

/** One request to the server the laptop syncs with. */
export type SyncTransport = (request: SyncRequest) => Promise<SyncAnswer>;

/** A request that did not give what was asked: the problem, in terms the Sync page can word. */
export class SyncFailure extends Error {
  override name = 'SyncFailure';
  constructor(
    readonly problem: SyncProblem,
    /** English detail for the log and the "details" of the message; never shown alone. */
    readonly detail: string,
    /** The server's status, when it answered. */
    readonly status: number | null = null,
    /** Seconds the server asked to wait (rate limits). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/** The reply's body parsed with `schema`, or a SyncFailure saying what went wrong. */
export function expectReply<S extends z.ZodType>(answer: SyncAnswer, schema: S, what: string): z.output<S> {
  switch (answer.kind) {
    case 'unreachable':
      throw new SyncFailure('unreachable', `${what}: ${answer.detail}`);
    case 'timeout':
      throw new SyncFailure('timeout', `${what}: no answer in time`);
    case 'badReply':
      throw new SyncFailure('badReply', `${what}: ${answer.detail}`, answer.status ?? null);
    case 'refusedRoute':
      throw new SyncFailure('badReply', `${what}: the host refused the request: ${answer.detail}`);
    case 'reply':
      break;
  }
  if (answer.status >= 200 && answer.status < 300) {
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) {
      throw new SyncFailure(
        'badReply',
        `${what}: the server's reply does not fit the protocol`,
        answer.status,
      );
    }
    return parsed.data;
  }
  const refusal = ErrorReplySchema.safeParse(answer.body);
  const code = refusal.success ? refusal.data.error.code : 'unknown';
  const message = refusal.success ? refusal.data.error.message : `HTTP ${String(answer.status)}`;
  throw new SyncFailure(
    problemOfRefusal(answer.status, code),
    `${what}: ${code}: ${message}`,
    answer.status,
    answer.retryAfterSeconds,
  );
}
