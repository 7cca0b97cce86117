// What the relay reads off a server's answer: the JSON body (the protocol's replies and refusals are all
// JSON), and the headers the protocol gives meaning to (Retry-After, Upload-Offset, Upload-Length).
import type { SyncBadReply } from '../../../shared/contract';
import { type Answered, badReply } from './relay-fetch';

export type JsonBody = { readonly kind: 'json'; readonly body: unknown } | SyncBadReply;

/**
 * The parsed JSON, or null for an empty body (204, HEAD). Anything else non-empty that is not JSON is
 * not the sync server speaking: a captive portal's page, a proxy's error page.
 */
export function jsonBodyOf(answer: Answered): JsonBody {
  if (answer.body.byteLength === 0) return { kind: 'json', body: null };
  const type = answer.headers.get('content-type') ?? '(none)';
  if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
    return badReply(answer.status, `the reply is ${type.slice(0, 100)}, not JSON: ${preview(answer.body)}`);
  }
  try {
    return { kind: 'json', body: JSON.parse(answer.body.toString('utf8')) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return badReply(answer.status, `the reply is not valid JSON (${reason.slice(0, 200)})`);
  }
}

/** The start of a body that is not JSON, for the log: enough to recognise a login page. */
function preview(body: Buffer): string {
  return JSON.stringify(body.subarray(0, 120).toString('utf8'));
}

/** A header holding a count of bytes, as the server writes it (plain digits); null when absent or odd. */
export function byteCountHeader(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

/** Retry-After in seconds: delta-seconds, or an HTTP date counted from now; null without one. */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | null {
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return null;
  if (/^\d{1,9}$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
