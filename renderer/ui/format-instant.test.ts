import { describe, expect, it } from 'vitest';
import { formatInstant } from './format-instant';

describe('formatInstant', () => {
  it('shows the China date and time of an instant', () => {
    // 23:08 UTC on the 27th is 07:08 on the 28th in Beijing.
    expect(formatInstant('2026-11-27T23:08:16.477Z', 'zh-CN')).toBe('2026/11/28 07:08');
    expect(formatInstant('2026-11-27T23:08:16.477Z', 'en')).toBe('28/11/2026, 07:08');
    expect(formatInstant('not a time', 'en')).toBe('not a time');
  });
});
