// How the browser gets the launch token without it standing on a command line: the opener (xdg-open,
// open, start) is given a one-time launch address, /launch/<code>, whose code the host exchanges for
// the token in an HttpOnly, SameSite=Strict cookie and then forgets. Another user of the machine can
// read the opener's command line with `ps`, but only a code that is used (or dead) by then.
import { createLaunchToken, tokensMatch } from './token';

export const LAUNCH_PREFIX = '/launch/';
export const TOKEN_COOKIE = 'ducha_token';
/** Long enough for a slow desktop to start its browser; a code not used by then dies. */
export const LAUNCH_CODE_MS = 2 * 60 * 1000;

export interface LaunchCodes {
  /** A new one-time code (each launch of the browser gets its own). */
  issue(): string;
  /** Whether `code` is live; it dies on this call either way if it matched. */
  redeem(code: string): boolean;
}

export function createLaunchCodes(now: () => number = Date.now): LaunchCodes {
  const live = new Map<string, number>();
  return {
    issue() {
      const code = createLaunchToken();
      live.set(code, now() + LAUNCH_CODE_MS);
      return code;
    },
    redeem(code) {
      for (const [known, until] of live) {
        if (until < now()) live.delete(known);
        else if (tokensMatch(known, code)) {
          live.delete(known);
          return true;
        }
      }
      return false;
    },
  };
}

/** The Set-Cookie value: the page's scripts cannot read it, and no other site's request carries it. */
export const tokenCookie = (token: string): string =>
  `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;

/** The token in a Cookie header, if any. */
export function tokenFromCookies(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}
