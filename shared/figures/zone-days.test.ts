import { describe, expect, it } from 'vitest';
import { boundaryAt, endOfZoneDay, isBefore, startOfZoneDay } from './zone-days';

const at = (iso: string) => Date.parse(iso);

describe('startOfZoneDay', () => {
  it('is midnight in the zone, as an instant', () => {
    // China Standard Time is UTC+8 all year: 2026-03-10 00:00 CST = 2026-03-09 16:00 UTC.
    expect(startOfZoneDay('2026-03-10', 'Asia/Shanghai')).toBe(at('2026-03-09T16:00:00.000Z'));
    // India, UTC+5:30: 2026-05-01 00:00 IST = 2026-04-30 18:30 UTC.
    expect(startOfZoneDay('2026-05-01', 'Asia/Kolkata')).toBe(at('2026-04-30T18:30:00.000Z'));
    // Kiritimati, UTC+14, the earliest zone: 2026-05-01 00:00 = 2026-04-30 10:00 UTC.
    expect(startOfZoneDay('2026-05-01', 'Pacific/Kiritimati')).toBe(at('2026-04-30T10:00:00.000Z'));
    expect(startOfZoneDay('2026-05-01', 'UTC')).toBe(at('2026-05-01T00:00:00.000Z'));
  });

  it('follows daylight saving', () => {
    // New York moves to EDT at 02:00 on Sunday 2026-03-08: that day starts at 00:00 EST (UTC−5) =
    // 05:00 UTC, the next at 00:00 EDT (UTC−4) = 04:00 UTC.
    expect(startOfZoneDay('2026-03-08', 'America/New_York')).toBe(at('2026-03-08T05:00:00.000Z'));
    expect(startOfZoneDay('2026-03-09', 'America/New_York')).toBe(at('2026-03-09T04:00:00.000Z'));
  });

  it('refuses what is not a date', () => {
    expect(() => startOfZoneDay('2026-13-01', 'UTC')).toThrow(RangeError);
    expect(() => startOfZoneDay('', 'UTC')).toThrow(RangeError);
    expect(() => startOfZoneDay('2026-02-30', 'UTC')).toThrow(RangeError);
  });
});

describe('endOfZoneDay', () => {
  it('is the start of the next day', () => {
    // The end of 2026-02-28 in China is 2026-03-01 00:00 CST = 2026-02-28 16:00 UTC.
    expect(endOfZoneDay('2026-02-28', 'Asia/Shanghai')).toEqual({
      ms: at('2026-02-28T16:00:00.000Z'),
      iso: '2026-02-28T16:00:00.000Z',
    });
  });
});

describe('isBefore', () => {
  const boundary = boundaryAt(at('2026-03-05T16:00:00.000Z'));

  it('compares stored instants with or without a fraction of a second', () => {
    expect(isBefore('2026-03-05T15:59:59Z', boundary)).toBe(true);
    expect(isBefore('2026-03-05T15:59:59.999Z', boundary)).toBe(true);
    expect(isBefore('2026-03-05T15:59:59.999999Z', boundary)).toBe(true);
    // The boundary itself is not before it, however it is written.
    expect(isBefore('2026-03-05T16:00:00Z', boundary)).toBe(false);
    expect(isBefore('2026-03-05T16:00:00.000Z', boundary)).toBe(false);
    expect(isBefore('2026-03-05T16:00:00.0Z', boundary)).toBe(false);
    expect(isBefore('2026-03-05T16:00:00.001Z', boundary)).toBe(false);
    expect(isBefore('2027-01-01T00:00:00Z', boundary)).toBe(false);
    expect(isBefore('2025-12-31T23:59:59Z', boundary)).toBe(true);
  });

  it('parses instants in other forms and boundaries off a whole second', () => {
    // 2026-03-06 00:30 at +08:00 is 2026-03-05 16:30 UTC: after the boundary.
    expect(isBefore('2026-03-06T00:30:00+08:00', boundary)).toBe(false);
    expect(isBefore('2026-03-05T23:30:00+08:00', boundary)).toBe(true);
    // A boundary at .500 s: an instant written without a fraction is at .000 s, before it.
    const half = boundaryAt(at('2026-03-05T16:00:00.500Z'));
    expect(isBefore('2026-03-05T16:00:00Z', half)).toBe(true);
    expect(isBefore('2026-03-05T16:00:00.600Z', half)).toBe(false);
  });
});
