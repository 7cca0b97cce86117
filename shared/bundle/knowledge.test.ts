import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../sync/hlc';
import type { Operation } from '../sync/operation';
import { isKnown, knowledgeOfOperations, mergeKnowledge, operationsBeyond } from './knowledge';

const A = 'a1b2c3d4e5f60718';
const B = '0123456789abcdef';
const at = (wall: number, node: string, counter = 0): string => encodeHlc({ wall, counter, node });
const op = (hlc: string, node: string, field = 'name'): Operation => ({
  table: 'projects',
  rowId: 'p1',
  field,
  value: hlc,
  hlc,
  node,
});

describe('knowledge (version vectors)', () => {
  it('merges per node to the higher clock, leaving both sides as they were', () => {
    const a = { [A]: at(10, A), [B]: at(5, B) };
    const b = { [A]: at(7, A, 3), [B]: at(9, B) };
    expect(mergeKnowledge(a, b)).toEqual({ [A]: at(10, A), [B]: at(9, B) });
    expect(mergeKnowledge({}, b)).toEqual(b);
    expect(a[B]).toBe(at(5, B));
  });

  it('takes from operations the highest clock of each node', () => {
    const ops = [op(at(3, A), A), op(at(8, A), A), op(at(5, A, 1), A), op(at(2, B), B)];
    expect(knowledgeOfOperations(ops)).toEqual({ [A]: at(8, A), [B]: at(2, B) });
    expect(knowledgeOfOperations([])).toEqual({});
  });

  it('knows a clock up to and including the held one of its node', () => {
    const knowledge = { [A]: at(10, A, 2) };
    expect(isKnown(knowledge, at(10, A, 2))).toBe(true);
    expect(isKnown(knowledge, at(9, A, 7))).toBe(true);
    expect(isKnown(knowledge, at(10, A, 3))).toBe(false);
    expect(isKnown(knowledge, at(1, B))).toBe(false); // another node's change, however old
    expect(isKnown(null, at(1, A))).toBe(false);
  });

  it('keeps only the operations beyond what the recipient knows', () => {
    const ops = [op(at(3, A), A), op(at(8, A), A), op(at(2, B), B), op(at(4, B), B)];
    expect(operationsBeyond(ops, { [A]: at(5, A), [B]: at(2, B) })).toEqual([ops[1], ops[3]]);
    expect(operationsBeyond(ops, null)).toEqual(ops);
    expect(operationsBeyond(ops, knowledgeOfOperations(ops))).toEqual([]);
  });
});
