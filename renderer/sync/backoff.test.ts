import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, LONGEST_RETRY_MS, retryDelayMs } from './backoff';

describe('retry delays', () => {
  it('double from the first wait and stop at five minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 0.999999))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(30, 0.999999)).toBe(LONGEST_RETRY_MS);
    expect(retryDelayMs(1000, 0.999999)).toBe(LONGEST_RETRY_MS);
  });

  it('draw each wait between half and all of it, so laptops do not retry in step', () => {
    expect(retryDelayMs(1, 0)).toBe(FIRST_RETRY_MS / 2);
    expect(retryDelayMs(5, 0)).toBe(16_000);
    const draws = [0.1, 0.5, 0.9].map((r) => retryDelayMs(6, r));
    expect(new Set(draws).size).toBe(3);
    for (const d of draws) expect(d).toBeGreaterThanOrEqual(32_000 / 2);
  });
});
