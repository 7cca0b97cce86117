import { afterEach, describe, expect, it } from 'vitest';
import { CHINA_TIME_ZONE } from '../../shared/domain/dates';
import { today, useClock } from './clock';
import { usePreferences } from './preferences';

describe("the app's today", () => {
  afterEach(() => usePreferences.getState().chooseTimeZone(CHINA_TIME_ZONE));

  it('is the date in China Standard Time by default, and in the zone Settings choose', () => {
    // 2026-11-28 17:30 UTC: already the 29th in China, still the 28th in UTC.
    useClock.setState({ now: Date.parse('2026-11-28T17:30:00Z') });
    expect(today()).toBe('2026-11-29');
    usePreferences.getState().chooseTimeZone('UTC');
    expect(today()).toBe('2026-11-28');
    usePreferences.getState().chooseTimeZone('Pacific/Kiritimati'); // UTC+14
    expect(today()).toBe('2026-11-29');
    usePreferences.getState().chooseTimeZone('Pacific/Pago_Pago'); // UTC−11
    expect(today()).toBe('2026-11-28');
  });
});
