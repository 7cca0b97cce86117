import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaDay,
  chinaMs,
  chinaWallClock,
  dayNumber,
  fromWorkingMinutes,
  isoInstant,
  workingMinutes,
} from './dates';

describe('China-time calendar helpers', () => {
  it('converts China wall-clock times to UTC instants and back', () => {
    const day = dayNumber('2026-03-10');
    const ms = chinaMs(day, 9 * 60 + 30);
    expect(isoInstant(ms)).toBe('2026-03-10T01:30:00.000Z');
    expect(chinaDay(ms)).toBe(day);
    expect(chinaWallClock(chinaMs(day, 23 * 60 + 59))).toEqual({
      date: '2026-03-10',
      hhmm: '23:59',
      hhmmss: '23:59:00',
    });
    expect(chinaDay(chinaMs(day, 0))).toBe(day); // 00:00 China is the previous UTC day
  });

  it('adds days across months and years and rejects impossible dates', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumber('2026/02/01')).toThrow(RangeError);
  });

  it('maps office time both ways, monotonically', () => {
    const day = dayNumber('2026-03-10');
    const start = chinaMs(day, 8 * 60 + 30);
    expect(fromWorkingMinutes(workingMinutes(start + 3_600_000))).toBe(start + 3_600_000);
    // Evening and night collapse onto the end of the office day.
    expect(workingMinutes(chinaMs(day, 22 * 60))).toBe(workingMinutes(chinaMs(day, 18 * 60)));
    expect(workingMinutes(chinaMs(day + 1, 8 * 60 + 31))).toBeGreaterThan(
      workingMinutes(chinaMs(day, 18 * 60)),
    );
  });
});
