import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISSUE_CATEGORIES, ISSUE_STATUSES, SEVERITIES } from '../domain/issue';
import { CARD_COLOURS } from './colour-card';
import { filterFromParams, issueListPath, paramsOfFilter, sortFromParams } from './filter-params';
import type { IssueFilter } from './issue-filter';

const date = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const someOf = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { minLength: 1 });
const id = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

const filters: fc.Arbitrary<IssueFilter> = fc.record(
  {
    search: fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''),
    statuses: someOf(ISSUE_STATUSES),
    cards: someOf(CARD_COLOURS),
    categories: someOf(ISSUE_CATEGORIES),
    severities: someOf(SEVERITIES),
    projectId: id,
    regionIds: fc.uniqueArray(id, { minLength: 1 }),
    unitId: id,
    deadlineFrom: date,
    deadlineTo: date,
    foundFrom: date,
    foundTo: date,
    timeliness: fc.constantFrom('onTime' as const, 'late' as const),
    needsCoordination: fc.constant(true),
  },
  { requiredKeys: [] },
);

describe('the issue list in the address', () => {
  it('reads back every filter it writes (1,000 random filters)', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        expect(filterFromParams(paramsOfFilter(filter))).toEqual(filter);
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores values it does not know rather than failing, and reads no condition from an empty query', () => {
    const params = new URLSearchParams(
      'status=closed,bogus&card=purple&deadlineFrom=2026-13&severity=&coordination=yes&timeliness=soon',
    );
    expect(filterFromParams(params)).toEqual({ statuses: ['closed'] });
    expect(filterFromParams(new URLSearchParams(''))).toEqual({});
  });

  it('keeps the default sort out of the address and reads a malformed sort as the default', () => {
    expect(issueListPath({})).toBe('/issues');
    expect(issueListPath({ cards: ['red'] }, { key: 'deadline', order: 'asc' })).toBe('/issues?card=red');
    expect(issueListPath({}, { key: 'found', order: 'desc' })).toBe('/issues?sort=found%3Adesc');
    expect(sortFromParams(new URLSearchParams('sort=found:desc'))).toEqual({ key: 'found', order: 'desc' });
    expect(sortFromParams(new URLSearchParams('sort=price:up'))).toEqual({ key: 'deadline', order: 'asc' });
  });

  it('writes Chinese search words so that they come back unchanged', () => {
    const path = issueListPath({ search: '围挡 破损', regionIds: ['r1', 'r2'] });
    expect(filterFromParams(new URL(path, 'http://x').searchParams)).toEqual({
      search: '围挡 破损',
      regionIds: ['r1', 'r2'],
    });
  });
});
