import { describe, expect, it } from 'vitest';
import { ClockError, compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc, zeroHlc } from './hlc';

const A = '00000000000000aa';
const B = '00000000000000bb';

describe('hybrid logical clock', () => {
  it('encodes so that string order is clock order', () => {
    const early = encodeHlc({ wall: 9, counter: 99, node: B });
    const late = encodeHlc({ wall: 10, counter: 0, node: A });
    expect(compareHlc(early, late)).toBe(-1);
    expect(decodeHlc(late)).toEqual({ wall: 10, counter: 0, node: A });
  });

  it('keeps counting when the wall clock stands still or goes back', () => {
    const first = tickHlc(zeroHlc(A), 1000);
    const second = tickHlc(first, 1000);
    const third = tickHlc(second, 900); // the laptop's clock was set back
    expect([first.counter, second.counter, third.counter]).toEqual([0, 1, 2]);
    expect(third.wall).toBe(1000);
  });

  it('moves past a remote clock it hears', () => {
    const local = tickHlc(zeroHlc(A), 1000);
    const remote = { wall: 5000, counter: 3, node: B };
    const after = receiveHlc(local, remote, 1200);
    expect(after).toEqual({ wall: 5000, counter: 4, node: A });
    expect(compareHlc(encodeHlc(tickHlc(after, 1300)), encodeHlc(remote))).toBe(1);
  });

  it('refuses a remote clock more than a day ahead', () => {
    const remote = { wall: 1000 + 2 * 86_400_000, counter: 0, node: B };
    expect(() => receiveHlc(zeroHlc(A), remote, 1000)).toThrow(ClockError);
  });

  it('refuses malformed clocks', () => {
    expect(() => decodeHlc('yesterday')).toThrow(ClockError);
  });
});
