import { describe, expect, it } from 'vitest';
import { UUID_V7, uuidv7Time } from '../ids/uuidv7';
import { defaultTargetValues, TargetsSchema, targetsIdOf } from './targets';

const AT = '2026-01-05T01:00:00.000Z';
const record = (overrides: object = {}) => ({
  id: targetsIdOf(2026),
  createdAt: AT,
  updatedAt: AT,
  year: 2026,
  ...defaultTargetValues(2026),
  ...overrides,
});

describe('targets', () => {
  it('defaults to the speeches’ figures', () => {
    expect(defaultTargetValues(2026)).toEqual({
      annualInvestmentShare: 0.6,
      completedAreaShare: 0.5,
      startRate: 1,
      startBy: '2026-05-31',
      fundingArrivalShare: 1,
    });
    expect(TargetsSchema.safeParse(record()).success).toBe(true);
  });

  it('has one id per year on every device, a UUIDv7 of the year’s first instant', () => {
    expect(targetsIdOf(2026)).toMatch(UUID_V7);
    expect(uuidv7Time(targetsIdOf(2026))).toBe(Date.UTC(2026, 0, 1));
    expect(targetsIdOf(2026)).toBe(targetsIdOf(2026));
    expect(targetsIdOf(2027)).not.toBe(targetsIdOf(2026));
  });

  it('refuses shares outside 0–100% and a start date outside the year', () => {
    expect(TargetsSchema.safeParse(record({ annualInvestmentShare: 1.2 })).success).toBe(false);
    expect(TargetsSchema.safeParse(record({ completedAreaShare: -0.1 })).success).toBe(false);
    const wrongYear = TargetsSchema.safeParse(record({ startBy: '2025-05-31' }));
    expect(wrongYear.success).toBe(false);
    expect(wrongYear.error?.issues[0]?.path).toEqual(['startBy']);
  });
});
