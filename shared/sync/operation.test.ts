import { describe, expect, it } from 'vitest';
import { encodeHlc } from './hlc';
import { OperationSchema } from './operation';

const NODE = '0123456789abcdef';
const valid = {
  table: 'issues',
  rowId: 'issue-1',
  field: 'title',
  value: '裂缝',
  hlc: encodeHlc({ wall: 1_780_000_000_000, counter: 3, node: NODE }),
  node: NODE,
};
const messages = (input: unknown): string[] =>
  OperationSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('OperationSchema', () => {
  it('takes every kind of JSON value, nested, and gives it back equal', () => {
    for (const value of [
      null,
      true,
      false,
      0,
      -1.5,
      '',
      'text',
      [],
      [1, 'a', null],
      {},
      { a: { b: [{ c: 1 }] } },
    ]) {
      expect(OperationSchema.parse({ ...valid, value }).value).toEqual(value);
    }
  });

  it('refuses values that are not JSON: infinite numbers, undefined, functions, nested or not', () => {
    for (const value of [Infinity, Number.NaN, undefined, () => 1, [1, Infinity], { a: { b: undefined } }]) {
      expect(OperationSchema.safeParse({ ...valid, value }).success).toBe(false);
    }
  });

  it('refuses a clock whose node is not the operation’s node, and a malformed clock without throwing', () => {
    expect(messages({ ...valid, node: 'fedcba9876543210' })).toEqual(['clock and node disagree']);
    // The other node's clock ending in this node's last digits is still another node.
    expect(messages({ ...valid, hlc: `${valid.hlc.slice(0, -17)}-1${NODE.slice(1)}` })).toEqual([
      'clock and node disagree',
    ]);
    expect(messages({ ...valid, hlc: 'not a clock' })).toEqual(['not a clock']);
    expect(messages({ ...valid, hlc: 5 })).not.toEqual([]);
  });

  it('refuses the id as a field, unknown tables and bad field names', () => {
    expect(messages({ ...valid, field: 'id' })).toEqual(['the id is not a field']);
    expect(OperationSchema.safeParse({ ...valid, table: 'nope' }).success).toBe(false);
    expect(messages({ ...valid, field: '9lives' })).toEqual(['not a field name']);
  });
});
