import { describe, expect, it } from 'vitest';
import { addDays } from '../domain/dates';
import type { Issue } from '../domain/issue';
import { closedTimeliness } from '../issues/issue-filter';
import { closedTimelinessIn } from './closed-on-time';

type Closable = Pick<Issue, 'closedAt' | 'deadline' | 'status'>;
const closed = (deadline: string, closedAt: string): Closable => ({ status: 'closed', deadline, closedAt });

describe('closedTimelinessIn', () => {
  it('judges by the closing day in the office zone, the deadline day included', () => {
    const inChina = closedTimelinessIn('Asia/Shanghai');
    // 15:59:59 UTC on 03-05 is 23:59:59 on 03-05 in China: on the deadline day → on time.
    expect(inChina(closed('2026-03-05', '2026-03-05T15:59:59Z'))).toBe('onTime');
    // 16:00 UTC on 03-05 is already 00:00 on 03-06 in China → late.
    expect(inChina(closed('2026-03-05', '2026-03-05T16:00:00.000Z'))).toBe('late');
    // In London (UTC+0 in March) the same instant is still 03-05 → on time.
    expect(closedTimelinessIn('Europe/London')(closed('2026-03-05', '2026-03-05T16:00:00.000Z'))).toBe(
      'onTime',
    );
  });

  it('has no timeliness for an open issue or a closed one with no closing instant', () => {
    const inChina = closedTimelinessIn('Asia/Shanghai');
    expect(inChina({ status: 'inProgress', deadline: '2026-03-05', closedAt: null })).toBeNull();
    expect(inChina({ status: 'closed', deadline: '2026-03-05', closedAt: null })).toBeNull();
    expect(
      inChina({ status: 'awaitingReinspection', deadline: '2026-03-05', closedAt: '2026-03-01T00:00:00Z' }),
    ).toBeNull();
  });

  it('agrees with closedTimeliness, which the issue list filters by, around every deadline', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati', 'UTC'];
    // Deadlines across a daylight-saving change (New York, 2026-03-08) and a year's end.
    const deadlines = ['2026-03-07', '2026-03-08', '2026-03-09', '2026-12-31'];
    const offsetsMs = [-86_400_001, -3_600_000, -1000, -1, 0, 1, 999, 1000, 3_600_000, 50_400_000];
    let compared = 0;
    for (const timeZone of zones) {
      const cheap = closedTimelinessIn(timeZone);
      for (const deadline of deadlines) {
        // Around the UTC midnights near the deadline, where every zone's day boundary lies.
        for (const day of [deadline, addDays(deadline, 1)]) {
          for (const hour of [-14, -8, -5, 0, 4, 10]) {
            for (const offset of offsetsMs) {
              const ms = Date.parse(`${day}T00:00:00.000Z`) + hour * 3_600_000 + offset;
              for (const closedAt of [
                new Date(ms).toISOString(),
                new Date(ms).toISOString().replace('.000Z', 'Z'),
              ]) {
                const issue = closed(deadline, closedAt);
                expect(cheap(issue), `${timeZone} ${deadline} ${closedAt}`).toBe(
                  closedTimeliness(issue, timeZone),
                );
                compared += 1;
              }
            }
          }
        }
      }
    }
    expect(compared).toBe(5 * 4 * 2 * 6 * 10 * 2);
  });
});
