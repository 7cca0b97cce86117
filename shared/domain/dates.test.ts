import { describe, expect, it } from 'vitest';
import { dayNumber, daysBetween, localDate } from './dates';

describe('localDate', () => {
  it('counts the day in China time by default', () => {
    // 2026-11-27 17:30 UTC is already 2026-11-28 in Beijing.
    expect(localDate(Date.UTC(2026, 10, 27, 17, 30))).toBe('2026-11-28');
    expect(localDate(Date.UTC(2026, 10, 27, 17, 30), 'UTC')).toBe('2026-11-27');
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, later minus earlier', () => {
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
    // March has 31 days: 2026-03-01 → 2026-04-15 is 31 − 1 + 15 = 45 days.
    expect(daysBetween('2026-03-01', '2026-04-15')).toBe(45);
    expect(daysBetween('2026-04-15', '2026-03-01')).toBe(-45);
    // 2026 is not a leap year: Feb 28 → Mar 1 is one day; 2028 is: Feb 28 → Mar 1 is two.
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    // Across a year end: 2025-12-31 → 2026-01-01 is one day; a whole common year is 365.
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('does not shift across daylight-saving changes (days are counted in UTC)', () => {
    // Europe and the US change clocks in late March / early November; a local-time count would
    // give 23- or 25-hour days there. 2026-03-28 → 2026-03-30 is two days wherever the machine is.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('refuses malformed and impossible dates', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => daysBetween('2026-3-1', '2026-03-01')).toThrow(RangeError);
    expect(() => dayNumber('2026-03-01T00:00')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses months, leap days and years', async () => {
    const { addDays } = await import('./dates');
    expect(addDays('2026-11-20', 15)).toBe('2026-12-05');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
