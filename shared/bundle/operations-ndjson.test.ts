import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../crypto/sha256';
import { encodeHlc } from '../sync/hlc';
import type { Operation } from '../sync/operation';
import {
  decodeOperations,
  encodeOperations,
  MAX_OPERATION_DEPTH,
  MAX_OPERATION_LINE_BYTES,
} from './operations-ndjson';

const A = 'a1b2c3d4e5f60718';
const B = '0123456789abcdef';
const at = (wall: number, node: string, counter = 0): string => encodeHlc({ wall, counter, node });

const OPS: Operation[] = [
  { table: 'projects', rowId: 'p1', field: 'name', value: '思茅区污水处理厂', hlc: at(2000, A), node: A },
  { table: 'issues', rowId: 'i1', field: 'status', value: 'issued', hlc: at(1000, B), node: B },
  { table: 'issues', rowId: 'i1', field: 'deadline', value: '2026-07-31', hlc: at(1000, B), node: B },
  { table: 'photos', rowId: 'ph1', field: '_deleted', value: true, hlc: at(3000, A, 1), node: A },
  {
    table: 'projects',
    rowId: 'p1',
    field: 'milestones',
    value: [{ kind: 'approval', planned: '2026-03-01', actual: null }],
    hlc: at(2000, A),
    node: A,
  },
];

describe('operations.ndjson', () => {
  it('writes one canonical line per operation, sorted by clock, table, row and field', () => {
    const text = encodeOperations(OPS);
    const lines = text.split('\n');
    expect(lines).toHaveLength(OPS.length + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      `{"field":"deadline","hlc":"${at(1000, B)}","node":"${B}","rowId":"i1","table":"issues","value":"2026-07-31"}`,
    );
    expect(lines.slice(0, -1).map((line) => (JSON.parse(line) as Operation).field)).toEqual([
      'deadline',
      'status',
      'milestones',
      'name',
      '_deleted',
    ]);
    expect(encodeOperations([...OPS].reverse())).toBe(text);
    expect(encodeOperations([])).toBe('');
  });

  it('reads back what it wrote, from text or UTF-8 bytes', () => {
    const text = encodeOperations(OPS);
    const fromText = decodeOperations(text, OPS.length);
    expect(fromText.ok).toBe(true);
    if (fromText.ok) expect(encodeOperations(fromText.operations)).toBe(text);
    expect(decodeOperations(new TextEncoder().encode(text), OPS.length)).toEqual(fromText);
    expect(decodeOperations('', 0)).toEqual({ ok: true, operations: [] });
  });

  it('checks the clocks against the manifest range when given', () => {
    const text = encodeOperations(OPS);
    expect(decodeOperations(text, 5, { clockRange: { from: at(1000, B), to: at(3000, A, 1) } }).ok).toBe(
      true,
    );
    expect(decodeOperations(text, 5, { clockRange: { from: at(1000, B), to: at(2500, A) } })).toMatchObject({
      ok: false,
      line: 5,
      problem: 'outsideClockRange',
    });
    expect(decodeOperations(text, 5, { clockRange: null })).toMatchObject({ problem: 'outsideClockRange' });
  });

  const text = encodeOperations(OPS);
  const lines = text.split('\n').slice(0, -1);
  const cases: [string, string | Uint8Array, number, number, string][] = [
    ['more lines than listed', text, 4, 5, 'countMismatch'],
    ['fewer lines than listed', text, 6, 6, 'countMismatch'],
    ['lines when none are listed', text, 0, 1, 'countMismatch'],
    ['a blank line', `${lines[0]}\n\n${lines.slice(1).join('\n')}\n`, 6, 2, 'blankLine'],
    ['a line of spaces', `${lines[0]}\n  \n`, 2, 2, 'blankLine'],
    ['a lone final newline', '\n', 1, 1, 'blankLine'],
    ['no final newline', text.slice(0, -1), 5, 5, 'noFinalNewline'],
    ['not JSON', `${lines[0]}\n{"table":\n`, 2, 2, 'notJson'],
    ['a byte-order mark', `\ufeff${text}`, 5, 1, 'notJson'],
    ['not UTF-8', Uint8Array.of(0x7b, 0xff, 0x7d, 0x0a), 1, 0, 'notUtf8'],
    ['an unknown table', `${lines[0]!.replace('"issues"', '"secrets"')}\n`, 1, 1, 'invalidOperation'],
    [
      'a clock of another node',
      `${lines[0]!.replace(`"node":"${B}"`, `"node":"${A}"`)}\n`,
      1,
      1,
      'invalidOperation',
    ],
    ['a malformed clock', `${lines[0]!.replace(at(1000, B), 'yesterday')}\n`, 1, 1, 'invalidOperation'],
    ['the id as a field', `${lines[0]!.replace('"deadline"', '"id"')}\n`, 1, 1, 'invalidOperation'],
    [
      'a "__proto__" key in a value',
      `${lines[0]!.replace('"2026-07-31"', '{"__proto__":{"x":1}}')}\n`,
      1,
      1,
      'invalidOperation',
    ],
    ['lines out of order', `${lines[1]}\n${lines[0]}\n`, 2, 2, 'outOfOrder'],
    ['a repeated line', `${lines[0]}\n${lines[0]}\n`, 2, 2, 'outOfOrder'],
    [
      'a line over 1 MiB',
      `${lines[0]!.replace('2026-07-31', '督'.repeat(MAX_OPERATION_LINE_BYTES / 3))}\n`,
      1,
      1,
      'lineTooLong',
    ],
  ];
  it.each(cases)('refuses %s', (_name, input, count, line, problem) => {
    expect(decodeOperations(input, count)).toMatchObject({ ok: false, line, problem });
  });

  const deadline = lines[0]!; // issues i1 deadline "2026-07-31"
  const one = (body: string) => decodeOperations(`${body}\n`, 1);

  it('refuses "\\r\\n" line ends, as §6 says, though JSON would allow the "\\r"', () => {
    expect(decodeOperations(`${lines.join('\r\n')}\r\n`, 5)).toMatchObject({
      ok: false,
      line: 1,
      problem: 'notJson',
    });
    expect(one(`${deadline}\r`)).toMatchObject({ ok: false, line: 1, problem: 'notJson' });
    expect(one(deadline.replace(',', ',\r'))).toMatchObject({ ok: false, line: 1, problem: 'notJson' });
  });

  it('refuses a key named twice, in the operation or in its value', () => {
    expect(one(deadline.replace('{', '{"table":"projects",'))).toMatchObject({
      ok: false,
      problem: 'repeatedKey',
      key: 'table',
    });
    const milestones = lines.find((l) => l.includes('milestones'))!;
    expect(one(milestones.replace('"actual":null', '"actual":null,"actual":"2026-04-01"'))).toMatchObject({
      ok: false,
      problem: 'repeatedKey',
      key: 'actual',
    });
  });

  it('refuses a key that is not one of the six, which zod would drop', () => {
    expect(one(deadline.replace('{', '{"comment":"x",'))).toMatchObject({
      ok: false,
      problem: 'invalidOperation',
    });
  });

  it('refuses values nested too deep, 10^5 levels included, without overflowing the stack', () => {
    const n = 100_000;
    const deep = one(deadline.replace('"2026-07-31"', `${'['.repeat(n)}${']'.repeat(n)}`));
    expect(deep).toMatchObject({ ok: false, line: 1, problem: 'tooDeep' });
    const objects = one(deadline.replace('"2026-07-31"', `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));
    expect(objects).toMatchObject({ ok: false, line: 1, problem: 'tooDeep' });
    // Within the limit, the line is read and the value judged by the field's schema instead.
    const within = '['.repeat(MAX_OPERATION_DEPTH - 1) + ']'.repeat(MAX_OPERATION_DEPTH - 1);
    expect(one(deadline.replace('"2026-07-31"', within))).toMatchObject({ problem: 'invalidValue' });
  });

  it("checks each value against the schema of its table's records, naming table and field", () => {
    const del = lines.find((l) => l.includes('_deleted'))!;
    expect(one(del.replace('true', '"yes"'))).toMatchObject({
      ok: false,
      problem: 'invalidValue',
      table: 'photos',
      field: '_deleted',
    });
    expect(one(del.replace('true', 'false')).ok).toBe(true);
    expect(one(deadline.replace('"2026-07-31"', '"31.7.2026"'))).toMatchObject({
      problem: 'invalidValue',
      table: 'issues',
      field: 'deadline',
    });
    expect(one(deadline.replace('"deadline"', '"deadlines"'))).toMatchObject({
      problem: 'unknownField',
      table: 'issues',
      field: 'deadlines',
    });
    const status = lines.find((l) => l.includes('"status"'))!;
    expect(one(status.replace('"issued"', '"open"'))).toMatchObject({
      problem: 'invalidValue',
      field: 'status',
    });
    // Nullable and optional fields take null or their type; RecordBase's instants are fields too.
    expect(one(deadline.replace('"deadline"', '"closedAt"').replace('"2026-07-31"', 'null')).ok).toBe(true);
    expect(one(deadline.replace('"deadline"', '"checklistItem"').replace('"2026-07-31"', 'null')).ok).toBe(
      true,
    );
    expect(
      one(deadline.replace('"deadline"', '"updatedAt"').replace('"2026-07-31"', '"2026-07-04T08:00:00.000Z"'))
        .ok,
    ).toBe(true);
    expect(one(deadline.replace('"deadline"', '"updatedAt"'))).toMatchObject({ problem: 'invalidValue' });
  });
});

describe('the worked example of docs/bundle-format.md', () => {
  it('is two lines of 364 bytes with the SHA-256 its manifest lists', async () => {
    const node = 'a1b2c3d4e5f60718';
    const text = encodeOperations([
      {
        table: 'issues',
        rowId: '0197d4a2-3c00-7000-8000-000000000002',
        field: '_deleted',
        value: true,
        hlc: `001783152000000-000001-${node}`,
        node,
      },
      {
        table: 'projects',
        rowId: '0197d4a2-3c00-7000-8000-000000000001',
        field: 'name',
        value: '思茅区污水处理厂',
        hlc: `001783152000000-000000-${node}`,
        node,
      },
    ]);
    expect(text).toBe(
      `{"field":"name","hlc":"001783152000000-000000-${node}","node":"${node}","rowId":"0197d4a2-3c00-7000-8000-000000000001","table":"projects","value":"思茅区污水处理厂"}\n` +
        `{"field":"_deleted","hlc":"001783152000000-000001-${node}","node":"${node}","rowId":"0197d4a2-3c00-7000-8000-000000000002","table":"issues","value":true}\n`,
    );
    const bytes = new TextEncoder().encode(text);
    expect(bytes).toHaveLength(364);
    expect(await sha256Hex(bytes)).toBe('d5718d3ccb1141ce1b3a6a0864093223601d4d63beeadf2a8653ae261589a65d');
  });
});
