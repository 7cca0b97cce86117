import { describe, expect, it } from 'vitest';
import { formatInstant, formatInstantDate } from './format-instant';

describe('formatInstant', () => {
  it('shows the date and time of an instant in the team time zone, one way in both languages', () => {
    // 23:08 UTC on the 27th is 07:08 on the 28th in Beijing.
    expect(formatInstant('2026-11-27T23:08:16.477Z', 'zh-CN')).toBe('2026-11-28 07:08');
    expect(formatInstant('2026-11-27T23:08:16.477Z', 'en')).toBe('2026-11-28 07:08');
    expect(formatInstant('2026-11-27T16:00:00.000Z', 'en')).toBe('2026-11-28 00:00');
    expect(formatInstant('2026-11-27T23:08:16.477Z', 'en', 'UTC')).toBe('2026-11-27 23:08');
    expect(formatInstant('not a time', 'en')).toBe('not a time');
  });

  it("gives an instant's date in the team time zone", () => {
    expect(formatInstantDate('2026-12-06T23:27:35.180Z')).toBe('2026-12-07');
    expect(formatInstantDate('2026-12-06T23:27:35.180Z', 'UTC')).toBe('2026-12-06');
  });
});
