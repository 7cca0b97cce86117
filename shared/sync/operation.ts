// One operation = one field of one row set at one clock. Sync, USB bundles and local writes all carry these.
import { z } from 'zod';
import type { Json } from './canonical-json';
import { isEncodedHlc } from './hlc';
import { SYNCED_TABLES } from './tables';

export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  // A union tries its options in order and stops at the first that fits; the options exclude each
  // other, so the order changes only the speed: most values are strings, then numbers and booleans.
  z.union([
    z.string(),
    z.number().refine(Number.isFinite, 'not a finite number'),
    z.boolean(),
    z.null(),
    z.array(JsonSchema),
    z.record(z.string(), JsonSchema),
  ]),
);

/** The tombstone field: deletion is just another field, so it merges like every other. */
export const DELETED_FIELD = '_deleted';
const FIELD_NAME = /^(?:_deleted|[a-zA-Z][a-zA-Z0-9]{0,63})$/;

export const OperationSchema = z
  .object({
    table: z.enum(SYNCED_TABLES),
    rowId: z.string().min(1).max(64),
    field: z.string().regex(FIELD_NAME, 'not a field name'),
    value: JsonSchema,
    hlc: z.string().refine(isEncodedHlc, 'not a clock'),
    node: z.string().regex(/^[0-9a-f]{16}$/),
  })
  // zod runs this even when the hlc field has already failed, hence the first test. An encoded clock
  // ends with its node (decodeHlc's node), read here without decoding: it runs for every operation.
  .refine((op) => !isEncodedHlc(op.hlc) || op.hlc.endsWith(`-${op.node}`), 'clock and node disagree')
  .refine((op) => op.field !== 'id', 'the id is not a field');

export type Operation = z.infer<typeof OperationSchema>;

const TABLE_NAMES: ReadonlySet<string> = new Set(SYNCED_TABLES);
const NODE_NAME = /^[0-9a-f]{16}$/;

function isPlainRecord(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A JSON value the schema takes, checked without zod; false for anything unusual (zod decides then). */
function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth > 32) return false;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) if (!isPlainJson(item, depth + 1)) return false;
        return true;
      }
      // zod reads symbol keys too, and drops "__proto__": leave both to it.
      if (!isPlainRecord(value) || Object.hasOwn(value, '__proto__')) return false;
      if (Object.getOwnPropertySymbols(value).length > 0) return false;
      for (const item of Object.values(value)) if (!isPlainJson(item, depth + 1)) return false;
      return true;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      return false;
  }
}

/**
 * What OperationSchema.safeParse gives, many times faster for the operations of a sync page (a large
 * city's first sync checks two million): a plain check of the usual shape, and zod itself for
 * anything else, so the answer is always the schema's. Null when the item is not an operation.
 */
export function readOperation(item: unknown): Operation | null {
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const { table, rowId, field, value, hlc, node } = item as Record<string, unknown>;
    if (
      typeof table === 'string' &&
      TABLE_NAMES.has(table) &&
      typeof rowId === 'string' &&
      rowId.length >= 1 &&
      rowId.length <= 64 &&
      typeof field === 'string' &&
      field !== 'id' &&
      FIELD_NAME.test(field) &&
      typeof node === 'string' &&
      NODE_NAME.test(node) &&
      typeof hlc === 'string' &&
      isEncodedHlc(hlc) &&
      hlc.endsWith(`-${node}`) &&
      isPlainJson(value, 0)
    ) {
      return { table: table as Operation['table'], rowId, field, value: value as Json, hlc, node };
    }
  }
  const parsed = OperationSchema.safeParse(item);
  return parsed.success ? parsed.data : null;
}
