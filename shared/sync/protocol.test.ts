import { describe, expect, it, vi } from 'vitest';
import { OperationSchema } from './operation';
import { encodeHlc } from './hlc';
import { PUSH_MAX_OPERATIONS, PushRequestSchema, readPushRequest } from './protocol';

const NODE = '0123456789abcdef';
const operation = (n: number) => ({
  table: 'issues',
  rowId: `issue-${String(n)}`,
  field: 'title',
  value: { text: '裂缝', n },
  hlc: encodeHlc({ wall: 1_780_000_000_000 + n, counter: 0, node: NODE }),
  node: NODE,
});
const push = { operations: [operation(1), operation(2)], knowledge: { [NODE]: operation(2).hlc } };

describe('readPushRequest', () => {
  // The fast reading may leave a body to the schema, never take one the schema refuses or read it
  // otherwise: checked on the usual push and on every way its parts can go wrong.
  const bodies: unknown[] = [
    push,
    { operations: push.operations },
    { ...push, extra: 'dropped' },
    { operations: [{ ...operation(1), extra: 'dropped' }] },
    { operations: Array.from({ length: PUSH_MAX_OPERATIONS }, (_, i) => operation(i)) },
    { operations: Array.from({ length: PUSH_MAX_OPERATIONS + 1 }, (_, i) => operation(i)) },
    { operations: [] },
    { operations: 'all of them' },
    { operations: [operation(1), null] },
    { operations: [operation(1), { ...operation(2), node: 'fedcba9876543210' }] },
    { operations: [{ ...operation(1), field: 'id' }] },
    { operations: [{ ...operation(1), value: JSON.parse('{"__proto__": {"x": 1}}') as unknown }] },
    { ...push, knowledge: null },
    { ...push, knowledge: { [NODE]: 'not a clock' } },
    { ...push, knowledge: { NOT_A_NODE: operation(2).hlc } },
    {
      ...push,
      knowledge: Object.fromEntries(
        Array.from({ length: 5000 }, (_, i) => [i.toString(16).padStart(16, '0'), operation(2).hlc]),
      ),
    },
    Object.assign(Object.create(null) as object, push),
    [push],
    null,
    'push',
  ];

  it('takes what the schema takes, read the same, and nothing it refuses', () => {
    let taken = 0;
    for (const body of bodies) {
      const fast = readPushRequest(body);
      const parsed = PushRequestSchema.safeParse(body);
      if (fast === null) continue;
      taken += 1;
      expect(parsed.success).toBe(true);
      expect(fast).toEqual(parsed.data);
    }
    expect(taken).toBeGreaterThanOrEqual(5);
  });

  it('reads the usual push itself, not through the schema', () => {
    const schema = vi.spyOn(OperationSchema, 'safeParse');
    try {
      expect(readPushRequest(push)).toEqual({ operations: push.operations, knowledge: push.knowledge });
      expect(readPushRequest({ operations: push.operations })).toEqual({ operations: push.operations });
      expect(schema).not.toHaveBeenCalled();
    } finally {
      schema.mockRestore();
    }
  });
});
