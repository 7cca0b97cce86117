// Property tests of the one merge: several devices edit the same rows concurrently, and every
// order, every duplication and every batching of their operations must give the same state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type Json } from './canonical-json';
import { type Hlc, compareHlc, encodeHlc, receiveHlc, tickHlc, zeroHlc } from './hlc';
import { applyOperation, mergeOperations, rowKey, type SyncedRow } from './merge';
import { DELETED_FIELD, type Operation } from './operation';

const NODES = ['00000000000000a1', '00000000000000b2', '00000000000000c3', '00000000000000d4'];
const ROWS = ['issue-1', 'issue-2', 'issue-3'];
const FIELDS = ['status', 'deadline', 'note', DELETED_FIELD];

const valueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>('issued', 'inProgress', 'closed', '2026-12-01', null, true, false),
  fc.integer({ min: -5, max: 5 }),
  fc.record({ a: fc.integer({ min: 0, max: 3 }) }),
);

/** One step of the simulation: a device edits a field, or learns another device's latest clock. */
type Step =
  | { kind: 'edit'; device: number; row: number; field: number; value: Json; advanceMs: number }
  | { kind: 'hear'; device: number; from: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      device: fc.nat({ max: NODES.length - 1 }),
      row: fc.nat({ max: ROWS.length - 1 }),
      field: fc.nat({ max: FIELDS.length - 1 }),
      value: valueArb,
      advanceMs: fc.constantFrom(0, 0, 1, 5, 1000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hear' as const),
      device: fc.nat({ max: NODES.length - 1 }),
      from: fc.nat({ max: NODES.length - 1 }),
    }),
  },
);

/** Runs the devices with their own clocks (wall clocks that may disagree) and returns every operation. */
function simulate(steps: readonly Step[], skews: readonly number[]): Operation[] {
  const clocks: Hlc[] = NODES.map((node) => zeroHlc(node));
  let wall = 1_700_000_000_000;
  const ops: Operation[] = [];
  for (const step of steps) {
    if (step.kind === 'hear') {
      const heard = clocks[step.from] as Hlc;
      clocks[step.device] = receiveHlc(clocks[step.device] as Hlc, heard, wall + (skews[step.device] ?? 0));
      continue;
    }
    wall += step.advanceMs;
    const clock = tickHlc(clocks[step.device] as Hlc, wall + (skews[step.device] ?? 0));
    clocks[step.device] = clock;
    const field = FIELDS[step.field] as string;
    const value = field === DELETED_FIELD ? step.value === true || step.value === 'closed' : step.value;
    ops.push({
      table: 'issues',
      rowId: ROWS[step.row] as string,
      field,
      value,
      hlc: encodeHlc(clock),
      node: clock.node,
    });
  }
  return ops;
}

const stateOf = (ops: Iterable<Operation>, start?: Map<string, SyncedRow>): string => {
  const rows = start ?? new Map<string, SyncedRow>();
  mergeOperations(rows, ops);
  return canonicalJson([...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)) as unknown as Json);
};

/** What the merge must produce, computed a different way: per field, the maximum (clock, value). */
function oracle(ops: readonly Operation[]): Map<string, Map<string, Operation>> {
  const best = new Map<string, Map<string, Operation>>();
  for (const op of ops) {
    const fields = best.get(op.rowId) ?? new Map<string, Operation>();
    const current = fields.get(op.field);
    const beats =
      !current ||
      compareHlc(op.hlc, current.hlc) > 0 ||
      (op.hlc === current.hlc && canonicalJson(op.value) > canonicalJson(current.value));
    if (beats) fields.set(op.field, op);
    best.set(op.rowId, fields);
  }
  return best;
}

const scenarioArb = fc.record({
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
  skews: fc.array(fc.integer({ min: -5000, max: 5000 }), {
    minLength: NODES.length,
    maxLength: NODES.length,
  }),
});

describe('merge of concurrent edits from several devices', () => {
  it('gives the same state for every order, duplication and batching of the operations', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.infiniteStream(fc.nat()),
        fc.nat({ max: 40 }),
        ({ steps, skews }, noise, cut) => {
          const ops = simulate(steps, skews);
          const expected = stateOf(ops);

          const shuffled = [...ops].map((op) => ({ op, key: noise.next().value as number }));
          shuffled.sort((a, b) => a.key - b.key);
          const permuted = shuffled.map((s) => s.op);
          expect(stateOf(permuted)).toBe(expected);

          const duplicated = [...permuted, ...ops.slice(0, cut), ...permuted.slice(cut)];
          expect(stateOf(duplicated)).toBe(expected);

          // Two batches applied on top of each other, as a sync in chunks would.
          const rows = new Map<string, SyncedRow>();
          mergeOperations(rows, permuted.slice(cut));
          expect(stateOf(permuted.slice(0, cut), rows)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps, per field, the value with the highest clock (ties broken by value)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ steps, skews }) => {
        const ops = simulate(steps, skews);
        const rows = new Map<string, SyncedRow>();
        mergeOperations(rows, ops);
        for (const [rowId, fields] of oracle(ops)) {
          const row = rows.get(rowKey('issues', rowId));
          for (const [field, op] of fields) {
            expect(row?.[field]).toEqual(op.value);
            expect(row?._clocks[field]).toBe(op.hlc);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('makes later local edits win over what a device has already heard (causality)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ steps, skews }) => {
        const ops = simulate(steps, skews);
        // A device's own operations carry strictly increasing clocks.
        for (const node of NODES) {
          const mine = ops.filter((op) => op.node === node).map((op) => op.hlc);
          for (let i = 1; i < mine.length; i++)
            expect(compareHlc(mine[i] as string, mine[i - 1] as string)).toBe(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('tombstones', () => {
  const op = (field: string, value: Json, wall: number, node = NODES[0] as string): Operation => ({
    table: 'issues',
    rowId: 'issue-1',
    field,
    value,
    hlc: encodeHlc({ wall, counter: 0, node }),
    node,
  });

  it('deletes a row by a later tombstone and keeps it deleted whatever the order', () => {
    const ops = [op('status', 'issued', 1), op(DELETED_FIELD, true, 3), op('status', 'closed', 2, NODES[1])];
    for (const order of [ops, [...ops].reverse(), [ops[1], ops[0], ops[2]]] as Operation[][]) {
      const rows = new Map<string, SyncedRow>();
      mergeOperations(rows, order);
      const row = rows.get(rowKey('issues', 'issue-1'));
      expect(row?._deleted).toBe(true);
      expect(row?.status).toBe('closed');
    }
  });

  it('returns the same row object when an operation changes nothing', () => {
    const first = applyOperation(undefined, op('status', 'issued', 5));
    expect(applyOperation(first, op('status', 'issued', 5))).toBe(first);
    expect(applyOperation(first, op('status', 'draft', 4))).toBe(first);
  });

  it('never changes a row the map held before, however many fields of it one call sets', () => {
    const first = applyOperation(undefined, op('status', 'issued', 5));
    const frozen = structuredClone(first);
    const rows = new Map([[rowKey('issues', first.id), first]]);
    mergeOperations(rows, [
      op('status', 'closed', 6),
      op('note', 'a', 7),
      op('note', 'b', 8),
      op('note', 'x', 2),
    ]);
    expect(first).toEqual(frozen);
    const after = rows.get(rowKey('issues', first.id));
    expect(after).toMatchObject({ status: 'closed', note: 'b' });
    expect(after?._clocks.note).toBe(op('note', 'b', 8).hlc);
  });
});
