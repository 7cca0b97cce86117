import { describe, expect, it } from 'vitest';
import { makeIssue } from '../../test/fixtures/records';
import { closedTimeliness, foundOn, passesFilter } from './issue-filter';

const CST = 'Asia/Shanghai';

describe('the issue filter', () => {
  it('counts the day an issue was found and closed in the office zone, not UTC', () => {
    // 2026-11-20 17:30 UTC is already 2026-11-21 01:30 in China.
    const issue = makeIssue({ createdAt: '2026-11-20T17:30:00.000Z' });
    expect(foundOn(issue, CST)).toBe('2026-11-21');
    expect(foundOn(issue, 'UTC')).toBe('2026-11-20');
    const late = {
      ...issue,
      status: 'closed' as const,
      deadline: '2026-11-30',
      closedAt: '2026-11-30T16:30:00.000Z',
    };
    expect(closedTimeliness(late, CST)).toBe('late'); // 12-01 00:30 in China
    expect(closedTimeliness(late, 'UTC')).toBe('onTime');
    expect(closedTimeliness({ ...late, status: 'inProgress', closedAt: null }, CST)).toBeNull();
  });

  it('applies each condition, and all of them together', () => {
    const issue = makeIssue({
      status: 'inProgress',
      severity: 'grave',
      deadline: '2026-12-01',
      responsibleUnitIds: ['u1', 'u2'],
      createdAt: '2026-11-02T02:00:00.000Z',
    });
    const today = '2026-11-29';
    const pass = (filter: Parameters<typeof passesFilter>[1]) => passesFilter(issue, filter, today, CST);
    expect(pass({})).toBe(true);
    expect(pass({ severities: ['grave'] })).toBe(true);
    expect(pass({ severities: ['general'] })).toBe(false);
    expect(pass({ unitId: 'u2' })).toBe(true);
    expect(pass({ unitId: 'u3' })).toBe(false);
    expect(pass({ deadlineFrom: '2026-12-01', deadlineTo: '2026-12-01' })).toBe(true);
    expect(pass({ deadlineFrom: '2026-12-02' })).toBe(false);
    expect(pass({ foundFrom: '2026-11-01', foundTo: '2026-11-30' })).toBe(true);
    expect(pass({ foundTo: '2026-11-01' })).toBe(false);
    expect(pass({ cards: ['yellow'] })).toBe(true); // 2 days left
    expect(pass({ cards: ['red'] })).toBe(false);
    expect(pass({ timeliness: 'onTime' })).toBe(false); // not closed
    expect(pass({ statuses: ['inProgress'], severities: ['grave'], unitId: 'u1', cards: ['yellow'] })).toBe(
      true,
    );
  });
});
