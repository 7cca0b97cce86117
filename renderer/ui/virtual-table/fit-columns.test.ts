import { describe, expect, it } from 'vitest';
import { FLEX_MIN, fitColumns } from './fit-columns';

const columns = [
  { key: 'title', width: 'flex' as const },
  { key: 'status', width: 100 },
  { key: 'found', width: 100, dropOrder: 2 },
  { key: 'category', width: 100, dropOrder: 1 },
  { key: 'county', width: 100 },
];
const keys = (shown: readonly { key: string }[]) => shown.map((c) => c.key);

describe('fitColumns', () => {
  it('shows every column when they fit, and all of them before the width is known', () => {
    expect(keys(fitColumns(columns, FLEX_MIN + 400))).toEqual([
      'title',
      'status',
      'found',
      'category',
      'county',
    ]);
    expect(keys(fitColumns(columns, 0))).toEqual(['title', 'status', 'found', 'category', 'county']);
  });

  it('leaves out the optional columns, highest drop order first, until the rest fit', () => {
    expect(keys(fitColumns(columns, FLEX_MIN + 399))).toEqual(['title', 'status', 'category', 'county']);
    expect(keys(fitColumns(columns, FLEX_MIN + 299))).toEqual(['title', 'status', 'county']);
    // The columns of the table's own (the tick boxes) count too.
    expect(keys(fitColumns(columns, FLEX_MIN + 400, 44))).toEqual(['title', 'status', 'category', 'county']);
  });

  it('never leaves out a column that is not optional', () => {
    expect(keys(fitColumns(columns, 100))).toEqual(['title', 'status', 'county']);
  });
});
