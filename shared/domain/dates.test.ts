import { describe, expect, it } from 'vitest';
import { localDate } from './dates';

describe('localDate', () => {
  it('counts the day in China time by default', () => {
    // 2026-11-27 17:30 UTC is already 2026-11-28 in Beijing.
    expect(localDate(Date.UTC(2026, 10, 27, 17, 30))).toBe('2026-11-28');
    expect(localDate(Date.UTC(2026, 10, 27, 17, 30), 'UTC')).toBe('2026-11-27');
  });
});
