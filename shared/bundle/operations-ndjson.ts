// bundle/operations.ndjson: one operation per line, sorted, so the same operations always give the
// same bytes (and the same hash in the manifest). Reading validates every line before any is applied.
import { canonicalJson } from '../sync/canonical-json';
import { compareHlc } from '../sync/hlc';
import { OperationSchema, type Operation } from '../sync/operation';
import { recordFieldProblem } from './record-fields';
import { parseStrictJson } from './strict-json';
import { utf8ByteLength } from './utf8-length';

/** A line longer than this is refused before it is parsed; real operations are a few hundred bytes. */
export const MAX_OPERATION_LINE_BYTES = 1024 * 1024;
/**
 * How deep a line may nest, its own object being 1: far beyond any record field (the deepest, a
 * visit amendment's change of a location, is 4), and shallow enough for every recursive step after.
 */
export const MAX_OPERATION_DEPTH = 32;

/** The file's order: by clock, then table, row and field (plain string comparison, UTF-16 code units). */
export function compareOperations(a: Operation, b: Operation): number {
  return (
    compareHlc(a.hlc, b.hlc) ||
    compareStrings(a.table, b.table) ||
    compareStrings(a.rowId, b.rowId) ||
    compareStrings(a.field, b.field)
  );
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The operation's line: canonical JSON of exactly its six fields, without the newline. */
export function operationLine(op: Operation): string {
  const { table, rowId, field, value, hlc, node } = op;
  return canonicalJson({ table, rowId, field, value, hlc, node });
}

/** The file's text: every operation on its own line, sorted, each line ending in "\n" ("" when none). */
export function encodeOperations(ops: readonly Operation[]): string {
  return [...ops]
    .sort(compareOperations)
    .map((op) => `${operationLine(op)}\n`)
    .join('');
}

export const OPERATIONS_PROBLEMS = [
  'notUtf8',
  'blankLine',
  'noFinalNewline',
  'lineTooLong',
  'notJson',
  'repeatedKey', // an object of the line names a key twice
  'tooDeep', // a value nested deeper than any record field
  'invalidOperation', // not the six fields of an operation, or one of them of the wrong form
  'unknownField', // the table's records have no such field
  'invalidValue', // the value is not what the record schema allows for that field (a tombstone must be a boolean)
  'outOfOrder',
  'outsideClockRange',
  'countMismatch',
] as const;
export type OperationsProblem = (typeof OPERATIONS_PROBLEMS)[number];

export type DecodedOperations =
  | { ok: true; operations: Operation[] }
  /** `line` is 1-based; 0 when the problem is the file as a whole (not UTF-8). */
  | {
      ok: false;
      line: number;
      problem: OperationsProblem;
      /** English, for support; the page builds its message from the problem and the fields below. */
      detail: string;
      /** The operation's table and field when the problem is about them. */
      table?: string;
      field?: string;
      /** repeatedKey: the key named twice. */
      key?: string;
    };

export interface DecodeOptions {
  /** The manifest's clockRange: every operation's clock must lie within it (null: there are none). */
  clockRange?: { from: string; to: string } | null;
}

type DecodeFailure = Extract<DecodedOperations, { ok: false }>;

const failure = (line: number, problem: OperationsProblem, detail: string): DecodeFailure => ({
  ok: false,
  line,
  problem,
  detail,
});

const OPERATION_KEYS = new Set(['table', 'rowId', 'field', 'value', 'hlc', 'node']);

/** The keys of a parsed line that are not an operation's six (zod would drop them silently). */
const extraKeys = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.keys(value).filter((key) => !OPERATION_KEYS.has(key))
    : [];

/**
 * The operations of a bundle's operations file, or the first line that is wrong. The text must be
 * exactly `expectedCount` lines (the manifest's `operations.count`), each ending in "\n", each a valid
 * operation, in the file's order without repeats.
 */
export function decodeOperations(
  input: string | Uint8Array,
  expectedCount: number,
  options: DecodeOptions = {},
): DecodedOperations {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      return failure(0, 'notUtf8', 'the file is not UTF-8 text');
    }
  }
  const operations: Operation[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    line++;
    if (line > expectedCount) {
      return failure(line, 'countMismatch', `more than the ${expectedCount} operations the manifest lists`);
    }
    const end = text.indexOf('\n', start);
    const body = text.slice(start, end < 0 ? text.length : end);
    if (body.length * 3 > MAX_OPERATION_LINE_BYTES && utf8ByteLength(body) > MAX_OPERATION_LINE_BYTES) {
      return failure(line, 'lineTooLong', `a line longer than ${MAX_OPERATION_LINE_BYTES} bytes`);
    }
    if (end < 0) return failure(line, 'noFinalNewline', 'the last line does not end with a newline');
    if (body.trim() === '') return failure(line, 'blankLine', 'an empty line');
    // JSON allows a carriage return between tokens, but the format's lines end in "\n" alone (§6):
    // a "\r\n" file was rewritten on the way, and a reader says so rather than reading past it.
    if (body.includes('\r')) {
      return failure(line, 'notJson', 'a carriage return (0x0D): lines end with "\\n" alone, not "\\r\\n"');
    }
    const parsed = parseStrictJson(body, MAX_OPERATION_DEPTH);
    if (!parsed.ok) {
      if (parsed.problem === 'notJson') return failure(line, 'notJson', parsed.detail);
      if (parsed.problem === 'tooDeep') {
        return failure(line, 'tooDeep', `nested deeper than ${parsed.limit} at ${parsed.place || 'the top'}`);
      }
      return {
        ...failure(
          line,
          'repeatedKey',
          `the key "${parsed.key}" twice in ${parsed.place || 'the operation'}`,
        ),
        key: parsed.key,
      };
    }
    if (parsed.protoKey) return failure(line, 'invalidOperation', 'a "__proto__" key');
    const extra = extraKeys(parsed.value);
    if (extra.length > 0) {
      return failure(line, 'invalidOperation', `not a field of an operation: ${extra.join(', ')}`);
    }
    let result: ReturnType<typeof OperationSchema.safeParse>;
    try {
      result = OperationSchema.safeParse(parsed.value);
    } catch (error) {
      // A refinement that throws is a bug of the schema, but an import must still answer, not crash.
      return failure(line, 'invalidOperation', error instanceof Error ? error.message : 'invalid');
    }
    if (!result.success) {
      const issue = result.error.issues[0];
      return failure(
        line,
        'invalidOperation',
        issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid',
      );
    }
    const op = result.data;
    const fieldProblem = recordFieldProblem(op.table, op.field, op.value);
    if (fieldProblem) {
      return {
        ...failure(line, fieldProblem.problem, fieldProblem.detail),
        table: op.table,
        field: op.field,
      };
    }
    const previous = operations[operations.length - 1];
    if (previous && compareOperations(previous, op) >= 0) {
      return failure(line, 'outOfOrder', 'not after the previous line in clock, table, row, field order');
    }
    const range = options.clockRange;
    if (range !== undefined && (range === null || op.hlc < range.from || op.hlc > range.to)) {
      return failure(line, 'outsideClockRange', `the clock ${op.hlc} is outside the manifest's clockRange`);
    }
    operations.push(op);
    start = end + 1;
  }
  if (operations.length !== expectedCount) {
    return failure(
      line + 1,
      'countMismatch',
      `${operations.length} operations, the manifest lists ${expectedCount}`,
    );
  }
  return { ok: true, operations };
}
