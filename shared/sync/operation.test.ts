import { describe, expect, it } from 'vitest';
import { encodeHlc } from './hlc';
import { OperationSchema, readOperation } from './operation';

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

describe('readOperation', () => {
  // The fast path may leave an item to zod, never answer otherwise than zod: it is checked here
  // against the schema on the usual shape and on every way one field of it can go wrong.
  const variants: unknown[] = [
    valid,
    { ...valid, extra: 'dropped' },
    { ...valid, value: { a: [1, { b: null }], c: 'd' } },
    { ...valid, value: Object.assign(Object.create(null) as object, { a: 1 }) },
    { ...valid, value: JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown },
    { ...valid, value: { [Symbol('s')]: 1 } },
    { ...valid, value: { a: () => 1 } },
    { ...valid, value: new Date(0) },
    { ...valid, value: [1, Number.NaN] },
    { ...valid, value: undefined },
    { ...valid, field: 'id' },
    { ...valid, field: '_deleted', value: true },
    { ...valid, field: '_clocks' },
    { ...valid, field: 'a'.repeat(65) },
    { ...valid, table: 'outbox' },
    { ...valid, table: 'constructor' },
    { ...valid, rowId: '' },
    { ...valid, rowId: 'x'.repeat(64) },
    { ...valid, rowId: 'x'.repeat(65) },
    { ...valid, rowId: 5 },
    { ...valid, node: 'FEDCBA9876543210' },
    { ...valid, node: 'fedcba9876543210' },
    { ...valid, hlc: `${valid.hlc} ` },
    { ...valid, hlc: null },
    Object.assign([], valid),
    null,
    'operation',
    42,
  ];

  it('answers as OperationSchema does, with the same operation', () => {
    for (const item of variants) {
      const parsed = OperationSchema.safeParse(item);
      expect(readOperation(item)).toEqual(parsed.success ? parsed.data : null);
    }
  });

  it('answers as OperationSchema does on random corruptions of the usual shape', () => {
    let seed = 20261207;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const junk = [undefined, null, '', 'x', 0, 1.5, -1, true, [], {}, [null], { a: undefined }, 'id'];
    for (let i = 0; i < 2000; i += 1) {
      const item: Record<string, unknown> = { ...valid };
      const keys = Object.keys(item);
      const key = keys[Math.floor(random() * keys.length)] ?? 'value';
      item[key] = junk[Math.floor(random() * junk.length)];
      const parsed = OperationSchema.safeParse(item);
      expect(readOperation(item)).toEqual(parsed.success ? parsed.data : null);
    }
  });
});
