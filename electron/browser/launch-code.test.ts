// The one-time launch address (issue 19, item 2): the code works once, dies after a while, and what
// the browser keeps is a cookie the page's scripts cannot read. The browser host's own test takes the
// address over real HTTP; opener.test.ts reads the opener's command line.
import { describe, expect, it } from 'vitest';
import {
  createLaunchCodes,
  LAUNCH_CODE_MS,
  TOKEN_COOKIE,
  tokenCookie,
  tokenFromCookies,
} from './launch-code';

describe('launch codes', () => {
  it('redeem once, and not after they have expired', () => {
    let now = 1_000;
    const codes = createLaunchCodes(() => now);
    const first = codes.issue();
    const second = codes.issue();
    expect(first).not.toBe(second);
    expect(codes.redeem('made-up')).toBe(false);
    expect(codes.redeem(first)).toBe(true);
    expect(codes.redeem(first)).toBe(false);
    now += LAUNCH_CODE_MS + 1;
    expect(codes.redeem(second)).toBe(false);
  });

  it('give a cookie only the host reads, sent by no other site', () => {
    expect(tokenCookie('abc')).toBe(`${TOKEN_COOKIE}=abc; HttpOnly; SameSite=Strict; Path=/`);
    expect(tokenFromCookies(`a=1; ${TOKEN_COOKIE}=x-y_z; b=2`)).toBe('x-y_z');
    expect(tokenFromCookies('a=1')).toBeUndefined();
    expect(tokenFromCookies(undefined)).toBeUndefined();
  });
});
