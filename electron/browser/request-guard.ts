// Who may talk to the browser host. Binding to 127.0.0.1 keeps other machines out; these checks keep
// out other web pages running in the user's own browser:
// - Host must name our loopback address, so a DNS-rebinding page (evil.example → 127.0.0.1) is refused;
// - API calls must come from our own origin and carry the launch token.
import type { IncomingHttpHeaders } from 'node:http';
import { tokenFromCookies } from './launch-code';
import { tokensMatch } from './token';

export const TOKEN_HEADER = 'x-ducha-token';
/** The reason a request is refused, or null when it may go on. */
export type Refusal = string | null;

/**
 * The one name the host answers to (canonical-origin.ts): 127.0.0.1 at its port. `localhost` is
 * 'redirect' — a page asked for there is sent to 127.0.0.1, where the person's data is kept.
 */
export function checkHost(
  headers: IncomingHttpHeaders,
  port: number,
): { readonly refusal: string } | 'redirect' | null {
  const host = headers.host?.toLowerCase();
  if (host === `127.0.0.1:${String(port)}`) return null;
  if (host === `localhost:${String(port)}`) return 'redirect';
  return { refusal: `this address only answers requests for 127.0.0.1:${String(port)}` };
}

export function checkApiCaller(headers: IncomingHttpHeaders, port: number, token: string): Refusal {
  const origin = headers.origin?.toLowerCase();
  if (origin !== `http://127.0.0.1:${String(port)}`) {
    return `API calls are only accepted from the Ducha page itself, at http://127.0.0.1:${String(port)}`;
  }
  // The header (the page opened at the printed address keeps the token for its tab), or the cookie
  // the one-time launch address set (launch-code.ts).
  const header = headers[TOKEN_HEADER];
  // Node joins repeated unknown headers into one string; an array would mean something odd is going on.
  const given = typeof header === 'string' ? header : tokenFromCookies(headers.cookie);
  if (given === undefined || !tokensMatch(token, given)) {
    return 'missing or wrong launch token; open Ducha from the address printed when it started';
  }
  return null;
}
